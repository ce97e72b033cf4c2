// @vitest-environment happy-dom
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { FakeOptions } from './fakeGridModel';
import { cellAt, cleanup, press, renderGrid as renderBare, typeInto } from './gridHarness';

afterEach(cleanup);

/** A grid with keyboard focus on its active cell, A1. */
function renderGrid(options: FakeOptions = {}) {
  const view = renderBare(options);
  cellAt(view.host, 'A1').focus();
  return view;
}

const focusedAddress = () => document.activeElement?.getAttribute('data-address');

describe('moving around', () => {
  test('arrows move the active cell and keyboard focus, stopping at the edges', () => {
    const { model } = renderGrid({ rows: 5, cols: 4 });
    press('ArrowRight');
    press('ArrowDown');
    press('ArrowDown');
    expect(model.selection()).toEqual({ anchor: 'B3', focus: 'B3' });
    expect(focusedAddress()).toBe('B3');
    press('ArrowLeft');
    press('ArrowLeft');
    press('ArrowUp', { ctrlKey: true });
    expect(model.selection().anchor).toBe('A1');
    press('End', { ctrlKey: true });
    expect(model.selection().anchor).toBe('D5');
  });

  test('Shift+arrows extend the selection from the anchor', () => {
    const { model, host } = renderGrid();
    press('ArrowDown');
    press('ArrowRight', { shiftKey: true });
    press('ArrowDown', { shiftKey: true });
    expect(model.selection()).toEqual({ anchor: 'A2', focus: 'B3' });
    expect(host.querySelectorAll('[aria-selected="true"]')).toHaveLength(4);
    press('Escape');
    expect(model.selection()).toEqual({ anchor: 'A2', focus: 'A2' });
  });

  test('Tab and Shift+Tab move right and left; Tab at the last column leaves the grid', () => {
    const { model } = renderGrid({ cols: 3 });
    press('Tab');
    press('Tab');
    expect(model.selection().anchor).toBe('C1');
    const atEdge = press('Tab');
    expect(atEdge.defaultPrevented).toBe(false);
    press('Tab', { shiftKey: true });
    expect(model.selection().anchor).toBe('B1');
  });

  test('Shift+Enter moves up when not editing', () => {
    const { model } = renderGrid();
    model.select('B4');
    cellAt(document, 'B4').focus();
    press('Enter', { shiftKey: true });
    expect(model.selection().anchor).toBe('B3');
  });
});

describe('editing', () => {
  test('F2 opens an editor labelled with the address and holding the raw text; Enter commits and moves down', () => {
    const { model, editor, callsOf } = renderGrid({ cells: { A1: '=B1*2' } });
    press('F2');
    expect(editor()?.getAttribute('aria-label')).toBe('Edit A1');
    expect(editor()?.value).toBe('=B1*2');
    expect(document.activeElement).toBe(editor());
    typeInto(editor()!, '=B1*3');
    press('Enter');
    expect(callsOf('commit')).toEqual([['A1', '=B1*3']]);
    expect(editor()).toBeNull();
    expect(model.selection().anchor).toBe('A2');
    expect(focusedAddress()).toBe('A2');
  });

  test('Enter on a cell edits it; Tab commits and moves right', () => {
    const { model, editor, callsOf } = renderGrid({ cells: { A1: '0.9' } });
    press('Enter');
    expect(editor()?.value).toBe('0.9');
    typeInto(editor()!, '1.1');
    press('Tab');
    expect(callsOf('commit')).toEqual([['A1', '1.1']]);
    expect(model.selection().anchor).toBe('B1');
  });

  test('typing a character starts editing with that character replacing the content', () => {
    const { editor, callsOf } = renderGrid({ cells: { A1: 'old' } });
    const key = press('7');
    expect(key.defaultPrevented).toBe(true);
    expect(editor()?.value).toBe('7');
    typeInto(editor()!, '75');
    press('Enter');
    expect(callsOf('commit')).toEqual([['A1', '75']]);
  });

  test('Esc cancels the edit: nothing is committed and the cell keeps its text', () => {
    const { host, editor, callsOf } = renderGrid({ cells: { A1: 'keep' } });
    press('x');
    typeInto(editor()!, 'xyz');
    press('Escape');
    expect(editor()).toBeNull();
    expect(callsOf('commit')).toEqual([]);
    expect(cellAt(host, 'A1').textContent).toBe('keep');
    expect(focusedAddress()).toBe('A1');
  });

  test('arrows inside the editor stay in the editor', () => {
    const { model, editor } = renderGrid();
    press('F2');
    const arrow = press('ArrowRight');
    expect(arrow.defaultPrevented).toBe(false);
    expect(model.selection().anchor).toBe('A1');
    expect(editor()).not.toBeNull();
  });

  test('double-click edits the cell', () => {
    const { host, editor } = renderGrid({ cells: { C2: 'hello' } });
    cellAt(host, 'C2').dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, button: 0, buttons: 1 }));
    cellAt(host, 'C2').dispatchEvent(new MouseEvent('dblclick', { bubbles: true }));
    expect(editor()?.getAttribute('aria-label')).toBe('Edit C2');
    expect(editor()?.value).toBe('hello');
  });
});

describe('commands', () => {
  test('Delete and Backspace clear the whole selection', () => {
    const { model, callsOf } = renderGrid();
    model.select('B2', 'C3');
    cellAt(document, 'B2').focus();
    press('Delete');
    press('Backspace');
    expect(callsOf('clear')).toEqual([['B2:C3'], ['B2:C3']]);
  });

  test('Ctrl/Cmd+Z undoes; Ctrl+Y and Ctrl/Cmd+Shift+Z redo', () => {
    const { callsOf } = renderGrid();
    press('z', { ctrlKey: true });
    press('z', { metaKey: true });
    press('y', { ctrlKey: true });
    press('Z', { ctrlKey: true, shiftKey: true });
    press('z', { metaKey: true, shiftKey: true });
    expect(callsOf('undo')).toHaveLength(2);
    expect(callsOf('redo')).toHaveLength(3);
  });

  test('Ctrl+C, X and V are left to the browser, which fires the clipboard events', () => {
    renderGrid();
    for (const key of ['c', 'x', 'v']) expect(press(key, { ctrlKey: true }).defaultPrevented).toBe(false);
  });

  test('Alt+Up/Down scrub the active number; Shift+Alt scrubs ten steps', () => {
    const { callsOf } = renderGrid({ cells: { A1: '0.9' } });
    press('ArrowUp', { altKey: true });
    press('ArrowDown', { altKey: true, shiftKey: true });
    expect(callsOf('scrub')).toEqual([
      ['A1', 1],
      ['A1', -10],
    ]);
  });
});

describe('context menu from the keyboard', () => {
  test('Shift+F10 opens a menu; arrows and Enter run an item; focus returns to the cell', () => {
    const { host, model, callsOf } = renderGrid();
    model.select('B3', 'B4');
    cellAt(host, 'B3').focus();
    press('F10', { shiftKey: true });
    const menu = host.querySelector<HTMLElement>('[role="menu"]')!;
    expect(menu.getAttribute('aria-label')).toBe('Actions for B3:B4');
    expect(document.activeElement?.textContent).toBe('Insert row above');
    press('ArrowDown');
    expect(document.activeElement?.textContent).toBe('Insert row below');
    (document.activeElement as HTMLElement).click();
    expect(callsOf('insertRows')).toEqual([[4, 2]]);
    expect(host.querySelector('[role="menu"]')).toBeNull();
    expect(focusedAddress()).toBe('B3');
  });

  test('Esc closes the menu without acting; the ContextMenu key reopens it', () => {
    const { host, calls } = renderGrid();
    press('ContextMenu');
    press('ArrowUp'); // wraps to the last item
    expect(document.activeElement?.textContent).toBe('Clear');
    press('Escape');
    expect(host.querySelector('[role="menu"]')).toBeNull();
    expect(focusedAddress()).toBe('A1');
    expect(calls.filter((call) => call.method !== 'select')).toEqual([]);
  });

  test('"Name cell…" opens a labelled name box; a refused name shows the model\'s sentence', async () => {
    const { host, callsOf } = renderGrid();
    press('ContextMenu');
    host.querySelector<HTMLElement>('[data-action="nameCell"]')!.click();
    const dialog = host.querySelector('[role="dialog"]')!;
    expect(dialog.getAttribute('aria-label')).toBe('Name A1');
    const input = dialog.querySelector('input')!;
    expect(document.activeElement).toBe(input);
    typeInto(input, 'taken');
    press('Enter');
    await vi.waitFor(() => expect(dialog.querySelector('[role="alert"]')?.textContent).toBe('The name “taken” is already used by another cell.'));
    typeInto(input, 'lr');
    press('Enter');
    await vi.waitFor(() => expect(host.querySelector('[role="dialog"]')).toBeNull());
    expect(callsOf('setName')).toEqual([
      ['A1', 'taken'],
      ['A1', 'lr'],
    ]);
    expect(host.querySelector('[role="dialog"]')).toBeNull();
    expect(cellAt(host, 'A1').getAttribute('aria-label')).toBe('A1 lr, empty');
  });
});
