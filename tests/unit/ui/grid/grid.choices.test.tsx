// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { initialChoice, typeAhead } from '../../../../src/ui/views/grid/ChoiceList';
import type { CellChoice } from '../../../../src/ui/stores/gridModel';
import { cellAt, cleanup, press, renderGrid, typeInto } from './gridHarness';

afterEach(cleanup);

const GRADIENTS: readonly CellChoice[] = [
  { value: 'printed', label: 'printed (as in the book)' },
  { value: 'corrected', label: 'corrected (true gradient)' },
];

/** B6 is the gradient switch, as in the chapter's sheet; focus is on it. */
function renderSwitch(raw = 'printed') {
  const view = renderGrid({ cells: { B6: raw }, views: { B6: { choices: GRADIENTS } }, names: { B6: 'grad_mode' } });
  view.model.select('B6');
  cellAt(view.host, 'B6').focus();
  return {
    ...view,
    listbox: () => view.host.querySelector<HTMLElement>('[role="listbox"]'),
    options: () => [...view.host.querySelectorAll<HTMLElement>('[role="option"]')],
  };
}

const focusedText = () => document.activeElement?.textContent;

describe('a choice cell', () => {
  test('shows a dropdown button and tells assistive technology it opens a listbox', () => {
    const { host } = renderSwitch();
    const cell = cellAt(host, 'B6');
    expect(cell.querySelector('[data-choice-open]')).not.toBeNull();
    expect(cell.getAttribute('aria-haspopup')).toBe('listbox');
    expect(cell.getAttribute('aria-expanded')).toBe('false');
    expect(cell.getAttribute('aria-label')).toBe('B6 grad_mode, printed');
    expect(cellAt(host, 'A1').hasAttribute('aria-haspopup')).toBe(false);
    expect(cellAt(host, 'A1').querySelector('[data-choice-open]')).toBeNull();
  });

  test('Enter opens a listbox named by the cell, on the current value; Down and Enter commit the next one', () => {
    const { host, model, listbox, options, callsOf } = renderSwitch();
    press('Enter');
    expect(listbox()).not.toBeNull();
    expect(document.getElementById(listbox()!.getAttribute('aria-labelledby')!)).toBe(cellAt(host, 'B6'));
    expect(cellAt(host, 'B6').getAttribute('aria-expanded')).toBe('true');
    expect(options().map((option) => option.textContent)).toEqual(GRADIENTS.map((choice) => choice.label));
    expect(focusedText()).toBe('printed (as in the book)');
    expect(options()[0].getAttribute('aria-selected')).toBe('true');
    press('ArrowDown');
    expect(focusedText()).toBe('corrected (true gradient)');
    expect(options()[1].getAttribute('aria-selected')).toBe('true');
    press('Enter');
    expect(callsOf('commit')).toEqual([['B6', 'corrected']]);
    expect(listbox()).toBeNull();
    expect(document.activeElement).toBe(cellAt(host, 'B6'));
    expect(model.selection().anchor).toBe('B6');
  });

  test('F2 and Alt+Down open it too; Esc closes it without committing', () => {
    const { listbox, callsOf, host } = renderSwitch();
    for (const [key, init] of [['F2', {}], ['ArrowDown', { altKey: true }]] as const) {
      press(key, init);
      expect(listbox()).not.toBeNull();
      press('ArrowDown');
      press('Escape');
      expect(listbox()).toBeNull();
      expect(document.activeElement).toBe(cellAt(host, 'B6'));
    }
    expect(callsOf('commit')).toEqual([]);
    expect(callsOf('scrub')).toEqual([]);
  });

  test('choosing the value the cell already holds commits nothing', () => {
    const { callsOf } = renderSwitch();
    press('Enter');
    press('Enter');
    expect(callsOf('commit')).toEqual([]);
  });

  test('a value typed with stray spaces or capitals starts on the value it meant, and choosing fixes the input', () => {
    const { callsOf } = renderSwitch('Corrected ');
    press('Enter');
    expect(focusedText()).toBe('corrected (true gradient)');
    press('Enter');
    expect(callsOf('commit')).toEqual([['B6', 'corrected']]);
  });

  test('typing on the cell still edits its raw text', () => {
    const { editor, listbox, callsOf } = renderSwitch();
    press('c');
    expect(listbox()).toBeNull();
    expect(editor()?.value).toBe('c');
    typeInto(editor()!, 'corrected');
    press('Enter');
    expect(callsOf('commit')).toEqual([['B6', 'corrected']]);
  });

  test('a click on the dropdown button opens the list and a click on an option commits it', () => {
    const { host, listbox, options, callsOf } = renderSwitch();
    cellAt(host, 'A1').focus();
    const button = cellAt(host, 'B6').querySelector('[data-choice-open]')!;
    button.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, cancelable: true, button: 0, buttons: 1 }));
    expect(listbox()).not.toBeNull();
    options()[1].click();
    expect(callsOf('commit')).toEqual([['B6', 'corrected']]);
    expect(document.activeElement).toBe(cellAt(host, 'B6'));
  });

  test('a press outside closes the list without committing', () => {
    const { host, listbox, callsOf } = renderSwitch();
    press('Enter');
    cellAt(host, 'A1').dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, cancelable: true, button: 0, buttons: 1 }));
    expect(listbox()).toBeNull();
    expect(callsOf('commit')).toEqual([]);
  });

  test('a letter jumps to the next value starting with it; Home and End reach the ends', () => {
    renderSwitch();
    press('Enter');
    press('c');
    expect(focusedText()).toBe('corrected (true gradient)');
    press('Home');
    expect(focusedText()).toBe('printed (as in the book)');
    press('End');
    expect(focusedText()).toBe('corrected (true gradient)');
  });

  test('double-click opens the list instead of the text editor', () => {
    const { host, editor, listbox } = renderSwitch();
    cellAt(host, 'B6').dispatchEvent(new MouseEvent('dblclick', { bubbles: true }));
    expect(listbox()).not.toBeNull();
    expect(editor()).toBeNull();
  });
});

describe('choice list helpers', () => {
  test('the starting option is the exact value, else the same value up to case and spaces, else the first', () => {
    expect(initialChoice(GRADIENTS, 'corrected')).toBe(1);
    expect(initialChoice(GRADIENTS, ' CORRECTED ')).toBe(1);
    expect(initialChoice(GRADIENTS, 'print')).toBe(0);
  });

  test('type-ahead wraps around and matches labels or values; no match is -1', () => {
    const choices: CellChoice[] = [
      { value: 'a1', label: 'Alpha' },
      { value: 'b', label: 'Beta' },
      { value: 'a2', label: 'Another' },
    ];
    expect(typeAhead(choices, 0, 'a')).toBe(2);
    expect(typeAhead(choices, 2, 'A')).toBe(0);
    expect(typeAhead(choices, 0, 'z')).toBe(-1);
  });
});
