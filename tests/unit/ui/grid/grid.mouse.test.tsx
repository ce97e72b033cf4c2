// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { SCRUB_PIXELS_PER_STEP } from '../../../../src/ui/views/grid/pointerDrag';
import { DEFAULT_WIDTH } from './fakeGridModel';
import { cellAt, cleanup, renderGrid } from './gridHarness';

afterEach(cleanup);

function pointer(target: EventTarget, type: string, init: PointerEventInit = {}) {
  const event = new PointerEvent(type, { bubbles: true, cancelable: true, button: 0, buttons: 1, ...init });
  target.dispatchEvent(event);
  return event;
}

describe('mouse', () => {
  test('click selects and focuses a cell; Shift+click extends from the anchor', () => {
    const { host, model } = renderGrid();
    pointer(cellAt(host, 'B2'), 'pointerdown');
    pointer(window, 'pointerup', { buttons: 0 });
    expect(model.selection()).toEqual({ anchor: 'B2', focus: 'B2' });
    expect(document.activeElement).toBe(cellAt(host, 'B2'));
    pointer(cellAt(host, 'D3'), 'pointerdown', { shiftKey: true });
    expect(model.selection()).toEqual({ anchor: 'B2', focus: 'D3' });
  });

  test('dragging across cells selects the range between them', () => {
    const { host, model } = renderGrid();
    pointer(cellAt(host, 'A1'), 'pointerdown');
    pointer(cellAt(host, 'B2'), 'pointerover');
    pointer(cellAt(host, 'C3'), 'pointerover');
    pointer(window, 'pointerup', { buttons: 0 });
    pointer(cellAt(host, 'E5'), 'pointerover', { buttons: 0 });
    expect(model.selection()).toEqual({ anchor: 'A1', focus: 'C3' });
  });

  test('a column header selects its column, a row header its row', () => {
    const { host, model } = renderGrid({ rows: 10, cols: 6 });
    pointer(host.querySelector('[data-col-header="2"]')!, 'pointerdown');
    expect(model.selection()).toEqual({ anchor: 'C1', focus: 'C10' });
    pointer(host.querySelector('[data-row-header="3"]')!, 'pointerdown');
    expect(model.selection()).toEqual({ anchor: 'A4', focus: 'F4' });
  });

  test('right click on a column header offers column actions for that column', () => {
    const { host, model, callsOf } = renderGrid();
    const header = host.querySelector('[data-col-header="1"]')!;
    header.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, cancelable: true, clientX: 40, clientY: 10 }));
    const items = [...host.querySelectorAll('[role="menuitem"]')].map((item) => item.textContent);
    expect(items).toEqual(['Insert column left', 'Insert column right', 'Delete column', 'Clear']);
    expect(model.selection().anchor).toBe('B1');
    host.querySelector<HTMLElement>('[data-action="deleteCol"]')!.click();
    expect(callsOf('deleteCols')).toEqual([[1, 1]]);
  });

  test("dragging a column header's edge resizes the column, telling the model once", () => {
    const { host, callsOf } = renderGrid();
    const handle = host.querySelector('[data-col-header="0"] [data-resize-handle]')!;
    expect(handle.getAttribute('aria-label')).toBe('Resize column A');
    pointer(handle, 'pointerdown', { clientX: 100 });
    pointer(window, 'pointermove', { clientX: 130 });
    pointer(window, 'pointermove', { clientX: 150 });
    expect(host.querySelector<HTMLElement>('[role="grid"]')!.style.getPropertyValue('--mp-col-A')).toBe(`${DEFAULT_WIDTH + 50}px`);
    pointer(window, 'pointerup', { clientX: 150, buttons: 0 });
    expect(callsOf('setColWidth')).toEqual([['A', DEFAULT_WIDTH + 50]]);
  });

  test('Alt+dragging a number sideways scrubs it, one step per few pixels', () => {
    const { host, callsOf } = renderGrid({ cells: { B2: '0.9', C2: 'text' } });
    pointer(cellAt(host, 'B2'), 'pointerdown', { altKey: true, clientX: 0 });
    pointer(window, 'pointermove', { altKey: true, clientX: 2 * SCRUB_PIXELS_PER_STEP });
    pointer(window, 'pointermove', { altKey: true, clientX: -SCRUB_PIXELS_PER_STEP });
    pointer(window, 'pointerup', { buttons: 0 });
    expect(callsOf('scrub')).toEqual([
      ['B2', 2],
      ['B2', -3],
    ]);
    pointer(cellAt(host, 'C2'), 'pointerdown', { altKey: true, clientX: 0 });
    pointer(window, 'pointermove', { altKey: true, clientX: 5 * SCRUB_PIXELS_PER_STEP });
    expect(callsOf('scrub')).toHaveLength(2);
  });
});
