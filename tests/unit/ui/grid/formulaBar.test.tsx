// @vitest-environment happy-dom
import { afterEach, describe, expect, test, vi } from 'vitest';
import { FormulaBar } from '../../../../src/ui/views/FormulaBar';
import { setLocale } from '../../../../src/i18n/localeStore';
import { createFakeGridModel, TAKEN_NAME_SENTENCE, type FakeOptions } from './fakeGridModel';
import { cleanup, mount, press, typeInto } from './gridHarness';

afterEach(cleanup);

function renderBar(options: FakeOptions = {}) {
  const fake = createFakeGridModel(options);
  const host = mount(() => <FormulaBar model={fake.model} />);
  const formula = () => host.querySelector<HTMLInputElement>('input[aria-label="Formula bar"]')!;
  const nameBox = () => host.querySelector<HTMLInputElement>('.mp-name-input input')!;
  const address = () => host.querySelector('.mp-formula-bar__address')!.textContent;
  return { ...fake, host, formula, nameBox, address };
}

describe('formula bar', () => {
  test("shows the active cell's address and its raw input at full precision", () => {
    const { model, formula, address, setView } = renderBar({ cells: { B3: '0.8999999999999999', C1: '=B3*2' } });
    setView('B3', { text: '0.9' });
    model.select('B3');
    expect(address()).toBe('B3');
    expect(formula().value).toBe('0.8999999999999999');
    model.select('C1', 'D4');
    expect(address()).toBe('C1');
    expect(formula().value).toBe('=B3*2');
  });

  test('Enter commits the typed text to the active cell', () => {
    const { model, formula, callsOf } = renderBar({ cells: { A2: '1' } });
    model.select('A2');
    formula().focus();
    typeInto(formula(), '=A1+1');
    press('Enter');
    expect(callsOf('commit')).toEqual([['A2', '=A1+1']]);
    expect(formula().value).toBe('=A1+1');
  });

  test('Esc reverts to the raw input without committing', () => {
    const { formula, callsOf } = renderBar({ cells: { A1: '0.9' } });
    formula().focus();
    typeInto(formula(), '0.95');
    press('Escape');
    expect(formula().value).toBe('0.9');
    expect(callsOf('commit')).toEqual([]);
  });

  test('leaving the box commits the text to the cell it was typed for', () => {
    const { model, formula, callsOf } = renderBar({ cells: { A1: '1', B1: '2' } });
    formula().focus();
    typeInto(formula(), '10');
    model.select('B1'); // e.g. a click on another cell, which fires before the blur
    expect(formula().value).toBe('2');
    formula().blur();
    expect(callsOf('commit')).toEqual([['A1', '10']]);
  });

  test('the name box names the active cell and shows a refusal sentence from the model', async () => {
    const { model, nameBox, host, callsOf } = renderBar({ names: { A1: 'eta' } });
    expect(nameBox().value).toBe('eta');
    expect(nameBox().getAttribute('aria-label')).toBe('Name of A1');
    model.select('B2');
    expect(nameBox().value).toBe('');
    nameBox().focus();
    typeInto(nameBox(), 'taken');
    press('Enter');
    // The model answers a name asynchronously (the session decides).
    await vi.waitFor(() => expect(host.querySelector('[role="alert"]')).not.toBeNull());
    const alert = host.querySelector('[role="alert"]')!;
    expect(alert.textContent).toBe(TAKEN_NAME_SENTENCE);
    expect(nameBox().getAttribute('aria-invalid')).toBe('true');
    expect(nameBox().getAttribute('aria-describedby')).toBe(alert.id);
    typeInto(nameBox(), 'gamma');
    press('Enter');
    await vi.waitFor(() => expect(host.querySelector('[role="alert"]')).toBeNull());
    expect(model.nameOf('B2')).toBe('gamma');
    expect(callsOf('setName')).toEqual([
      ['B2', 'taken'],
      ['B2', 'gamma'],
    ]);
  });

  test('an emptied name box removes the name', () => {
    const { nameBox, callsOf } = renderBar({ names: { A1: 'eta' } });
    nameBox().focus();
    typeInto(nameBox(), '  ');
    press('Enter');
    expect(callsOf('setName')).toEqual([['A1', null]]);
  });

  test('is labelled in the chosen language', () => {
    const { host } = renderBar();
    setLocale('zh');
    expect(host.querySelector('input[aria-label="编辑栏"]')).not.toBeNull();
  });
});
