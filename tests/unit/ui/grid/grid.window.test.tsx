// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { ROW_HEADER_WIDTH, ROW_HEIGHT } from '../../../../src/ui/views/grid/gridGeometry';
import { DEFAULT_WIDTH } from './fakeGridModel';
import { cellAt, cleanup, press, renderedAddresses, renderGrid, scrollTo, setViewport, typeInto } from './gridHarness';

afterEach(cleanup);

/** "A few thousand": what a 10,000 × 100 sheet may put in the DOM at any time. */
const MAX_CELL_ELEMENTS = 3_000;
const VIEW_WIDTH = 800;
const VIEW_HEIGHT = 600;

/** A 10,000 × 100 sheet in an 800 × 600 scroll container, focus on A1. */
function renderLargeGrid(options: Parameters<typeof renderGrid>[0] = {}) {
  const view = renderGrid({ rows: 10_000, cols: 100, ...options });
  setViewport(view.scroller, VIEW_WIDTH, VIEW_HEIGHT);
  cellAt(view.host, 'A1').focus();
  return view;
}

// A DOM emulation builds a thousand cells in about a second here: a big sheet's tests need time.
const BIG = { timeout: 60_000 };

const cellCount = (host: ParentNode) => host.querySelectorAll('[role="gridcell"]').length;
const focusedAddress = () => document.activeElement?.getAttribute('data-address');
const rowOf = (address: string) => Number(/\d+$/.exec(address)![0]) - 1;

/** The cell's rectangle in the sheet lies inside the part of the body the viewport shows. */
function expectInView(scroller: HTMLElement, row: number, left: number, width: number) {
  expect(row * ROW_HEIGHT).toBeGreaterThanOrEqual(scroller.scrollTop);
  expect((row + 1) * ROW_HEIGHT).toBeLessThanOrEqual(scroller.scrollTop + VIEW_HEIGHT - ROW_HEIGHT);
  expect(left).toBeGreaterThanOrEqual(scroller.scrollLeft);
  expect(left + width).toBeLessThanOrEqual(scroller.scrollLeft + VIEW_WIDTH - ROW_HEADER_WIDTH);
}

describe('a 10,000 × 100 sheet', BIG, () => {
  test('mounts with a few thousand cell elements, and the grid is as large as the whole sheet', () => {
    const { host, grid } = renderLargeGrid();
    expect(cellCount(host)).toBeGreaterThan(0);
    expect(cellCount(host)).toBeLessThanOrEqual(MAX_CELL_ELEMENTS);
    expect(grid.getAttribute('aria-rowcount')).toBe('10001');
    expect(grid.getAttribute('aria-colcount')).toBe('101');
    expect(grid.style.height).toBe(`${10_001 * ROW_HEIGHT}px`);
    expect(grid.style.width).toBe(`${ROW_HEADER_WIDTH + 100 * DEFAULT_WIDTH}px`);
  });

  test('scrolling renders the rows and columns in view, with spacers for the skipped ones', () => {
    const { host, grid, scroller } = renderLargeGrid({ cells: { AZ5001: 'far away' } });
    scrollTo(scroller, 5_000 * ROW_HEIGHT, 51 * DEFAULT_WIDTH);
    expect(cellAt(host, 'AZ5001').textContent).toBe('far away');
    expect(cellCount(host)).toBeLessThanOrEqual(MAX_CELL_ELEMENTS);
    const rows = [...grid.querySelectorAll<HTMLElement>('[role="row"]')].slice(1);
    // The active cell's row (1) stays first; the window's rows follow, each where the sheet has it.
    expect(rows[0].getAttribute('aria-rowindex')).toBe('2');
    const windowRows = rows.slice(1);
    const firstRow = Number(windowRows[0].getAttribute('aria-rowindex')) - 2;
    expect(firstRow).toBeLessThanOrEqual(5_000);
    expect(Number(windowRows.at(-1)!.getAttribute('aria-rowindex')) - 2).toBeGreaterThan(5_000 + VIEW_HEIGHT / ROW_HEIGHT);
    expect(windowRows[0].style.marginTop).toBe(`${(firstRow - 1) * ROW_HEIGHT}px`);
    expect(windowRows.slice(1).every((row) => row.style.marginTop === '')).toBe(true);
    // Columns: A stays (the active cell's), then the window starting a few columns before AZ.
    const cells = [...windowRows[0].querySelectorAll<HTMLElement>('[role="gridcell"]')];
    const firstCol = Number(cells[1].getAttribute('aria-colindex')) - 2;
    expect(cells[0].getAttribute('aria-colindex')).toBe('2');
    expect(firstCol).toBeLessThanOrEqual(51);
    expect(cells[1].style.marginLeft).toBe(`${(firstCol - 1) * DEFAULT_WIDTH}px`);
  });

  test('scrolling back to the top renders the first rows again', () => {
    const { host, scroller } = renderLargeGrid();
    scrollTo(scroller, 9_000 * ROW_HEIGHT);
    expect(host.querySelector('[data-address="A2"]')).toBeNull();
    scrollTo(scroller, 0);
    expect(cellAt(host, 'A2')).toBeTruthy();
    expect(cellCount(host)).toBeLessThanOrEqual(MAX_CELL_ELEMENTS);
  });

  test('a resized column moves the spacers and the grid width with it', () => {
    const { host, grid, model, scroller } = renderLargeGrid();
    model.select('CV1');
    model.setColWidth('A', 300);
    scrollTo(scroller, 0, 300 + 59 * DEFAULT_WIDTH);
    expect(grid.style.width).toBe(`${ROW_HEADER_WIDTH + 300 + 99 * DEFAULT_WIDTH}px`);
    const first = host.querySelector('[aria-rowindex="2"] [role="gridcell"]') as HTMLElement;
    const firstCol = Number(first.getAttribute('aria-colindex')) - 2;
    expect(firstCol).toBeGreaterThan(0);
    expect(firstCol).toBeLessThanOrEqual(60);
    expect(first.style.marginLeft).toBe(`${300 + (firstCol - 1) * DEFAULT_WIDTH}px`);
  });
});

describe('keyboard navigation beyond the rendered window', BIG, () => {
  test('Ctrl+End, Page Up and Ctrl+Home scroll the active cell into view and keep focus on it', () => {
    const { host, scroller } = renderLargeGrid();
    press('End', { ctrlKey: true });
    expect(focusedAddress()).toBe('CV10000');
    expectInView(scroller, 9_999, 99 * DEFAULT_WIDTH, DEFAULT_WIDTH);
    press('PageUp');
    expect(focusedAddress()).toBe('CV9980');
    expectInView(scroller, 9_979, 99 * DEFAULT_WIDTH, DEFAULT_WIDTH);
    press('Home', { ctrlKey: true });
    expect(focusedAddress()).toBe('A1');
    expect([scroller.scrollTop, scroller.scrollLeft]).toEqual([0, 0]);
    expect(cellCount(host)).toBeLessThanOrEqual(MAX_CELL_ELEMENTS);
  });

  test('arrows, Tab and Enter scroll step by step as the active cell reaches the edge', () => {
    const { scroller } = renderLargeGrid();
    const visibleRows = Math.floor((VIEW_HEIGHT - ROW_HEIGHT) / ROW_HEIGHT);
    for (let step = 0; step < visibleRows + 5; step += 1) press('ArrowDown');
    const row = visibleRows + 5;
    expect(rowOf(focusedAddress()!)).toBe(row);
    expectInView(scroller, row, 0, DEFAULT_WIDTH);
    for (let step = 0; step < 12; step += 1) press('Tab');
    expect(focusedAddress()).toBe(`M${row + 1}`);
    expectInView(scroller, row, 12 * DEFAULT_WIDTH, DEFAULT_WIDTH);
    press('Enter');
    press('Enter'); // commits the (unchanged) edit and moves down
    expect(focusedAddress()).toBe(`M${row + 2}`);
    expectInView(scroller, row + 1, 12 * DEFAULT_WIDTH, DEFAULT_WIDTH);
  });

  test('the active cell stays rendered and focused while the grid scrolls away from it; the next arrow brings it back', () => {
    const { host, scroller } = renderLargeGrid();
    scrollTo(scroller, 5_000 * ROW_HEIGHT, 40 * DEFAULT_WIDTH);
    expect(focusedAddress()).toBe('A1');
    expect([...host.querySelectorAll('[role="gridcell"][tabindex="0"]')].map((cell) => cell.getAttribute('data-address'))).toEqual(['A1']);
    press('ArrowDown');
    expect(focusedAddress()).toBe('A2');
    expectInView(scroller, 1, 0, DEFAULT_WIDTH);
  });

  test('an open editor survives scrolling far away and back: its cell is never detached, nothing is committed', () => {
    // C3 has rows and columns before it, which the window renders again on the way back.
    const { host, grid, model, editor, scroller, callsOf } = renderLargeGrid({ cells: { C3: 'draft' } });
    model.select('C3');
    cellAt(host, 'C3').focus();
    press('F2');
    const input = editor()!;
    typeInto(input, 'draft, longer');
    const observer = new MutationObserver(() => undefined);
    observer.observe(grid, { childList: true, subtree: true });
    scrollTo(scroller, 6_000 * ROW_HEIGHT, 70 * DEFAULT_WIDTH);
    scrollTo(scroller, 0, 0);
    const removed = observer.takeRecords().flatMap((record) => [...record.removedNodes]);
    const activeCell = cellAt(host, 'C3');
    expect(removed.some((node) => node === activeCell || node.contains(activeCell))).toBe(false);
    expect(editor()).toBe(input);
    expect(document.activeElement).toBe(input);
    expect(callsOf('commit')).toEqual([]);
  });

  test('Shift+arrows extend the selection far away: the view follows its moving end, focus stays on the anchor', () => {
    const { host, model, scroller } = renderLargeGrid();
    press('ArrowDown', { shiftKey: true, ctrlKey: true });
    expect(model.selection()).toEqual({ anchor: 'A1', focus: 'A10000' });
    expect(focusedAddress()).toBe('A1');
    expectInView(scroller, 9_999, 0, DEFAULT_WIDTH);
    expect(cellAt(host, 'A10000').getAttribute('aria-selected')).toBe('true');
    expect(cellAt(host, 'B10000').getAttribute('aria-selected')).toBe('false');
  });
});

describe('selection and menus across scrolling', BIG, () => {
  test('cells of a selected range are marked when they scroll into view', () => {
    const { host, model, scroller } = renderLargeGrid();
    model.select('B2', 'C9000');
    scrollTo(scroller, 8_000 * ROW_HEIGHT);
    const rendered = renderedAddresses(host).filter((address) => rowOf(address) >= 7_990 && rowOf(address) < 8_010);
    expect(rendered.length).toBeGreaterThan(0);
    for (const address of rendered) {
      const inRange = /^[BC]\d+$/.test(address);
      expect(cellAt(host, address).getAttribute('aria-selected')).toBe(inRange ? 'true' : 'false');
    }
  });

  test('the context menu acts on the selection even when the selection has scrolled out of view', () => {
    const { host, model, scroller, callsOf } = renderLargeGrid();
    model.select('A3', 'A5');
    cellAt(host, 'A3').focus();
    scrollTo(scroller, 7_000 * ROW_HEIGHT);
    press('F10', { shiftKey: true });
    expect(host.querySelector('[role="menu"]')?.getAttribute('aria-label')).toBe('Actions for A3:A5');
    host.querySelector<HTMLElement>('[data-action="deleteRow"]')!.click();
    expect(callsOf('deleteRows')).toEqual([[2, 3]]);
    expect(focusedAddress()).toBe('A3');
  });
});

describe('overflowing text', () => {
  test('reaches over the run of empty cells to its right and stops before the first non-empty one', () => {
    const { host } = renderGrid({
      cols: 12,
      cells: { A1: 'a long heading', D1: 'x', A2: 'another long heading' },
      views: { A1: { overflows: true }, A2: { overflows: true } },
    });
    expect(cellAt(host, 'A1').hasAttribute('data-overflows')).toBe(true);
    expect(cellAt(host, 'A1').style.getPropertyValue('--mp-overflow-room')).toBe(`${3 * DEFAULT_WIDTH}px`);
    // Row 2 is empty to the right: the text may cross at most MAX_OVERFLOW_CELLS (8) of them.
    expect(cellAt(host, 'A2').style.getPropertyValue('--mp-overflow-room')).toBe(`${9 * DEFAULT_WIDTH}px`);
  });

  test('follows its neighbour: a value typed next to it cuts it there', () => {
    const { host, model } = renderGrid({ cols: 6, cells: { A1: 'a long heading' }, views: { A1: { overflows: true } } });
    model.commit('C1', '1');
    expect(cellAt(host, 'A1').style.getPropertyValue('--mp-overflow-room')).toBe(`${2 * DEFAULT_WIDTH}px`);
  });

  test('a cell that does not overflow keeps its text inside', () => {
    const { host } = renderGrid({ cells: { A1: 'a long heading' } });
    expect(cellAt(host, 'A1').hasAttribute('data-overflows')).toBe(false);
    expect(cellAt(host, 'A1').style.getPropertyValue('--mp-overflow-room')).toBe('');
  });
});
