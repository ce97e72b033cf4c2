// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { setLocale } from '../../../../src/i18n/localeStore';
import { cellAt, cleanup, renderGrid } from './gridHarness';

afterEach(cleanup);

describe('grid structure (WAI-ARIA grid pattern)', () => {
  test('counts rows and columns of the whole sheet, the header row and the row-header column included', () => {
    const { grid } = renderGrid({ rows: 100, cols: 12 });
    expect(grid.getAttribute('aria-rowcount')).toBe('101');
    expect(grid.getAttribute('aria-colcount')).toBe('13');
    const headers = [...grid.querySelectorAll('[role="columnheader"]')].map((h) => h.textContent);
    expect(headers).toEqual(['', 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L']);
    expect(grid.querySelector('[role="rowheader"]')?.textContent).toBe('1');
  });

  test("the chapter's 50 × 8 sheet renders whole, every row and cell in order", () => {
    const { grid } = renderGrid({ rows: 50, cols: 8 });
    const rows = [...grid.querySelectorAll('[role="row"]')];
    expect(rows).toHaveLength(51);
    expect(rows.map((row) => row.getAttribute('aria-rowindex'))).toEqual(Array.from({ length: 51 }, (_, i) => String(i + 1)));
    expect(grid.querySelectorAll('[role="gridcell"]')).toHaveLength(400);
    expect([...rows[50].querySelectorAll('[role="gridcell"]')].map((cell) => cell.getAttribute('aria-colindex'))).toEqual(
      ['2', '3', '4', '5', '6', '7', '8', '9'],
    );
    expect(grid.querySelectorAll('[role="rowheader"]')[49].textContent).toBe('50');
  });

  test("every cell's accessible name starts with its address, then its name, then its text", () => {
    const { host } = renderGrid({ cells: { B3: '0.9', C2: '1.1' }, names: { B3: 'lr' } });
    expect(cellAt(host, 'B3').getAttribute('aria-label')).toBe('B3 lr, 0.9');
    expect(cellAt(host, 'C2').getAttribute('aria-label')).toBe('C2, 1.1');
    expect(cellAt(host, 'A1').getAttribute('aria-label')).toBe('A1, empty');
  });

  test('labels follow the language', () => {
    const { host, grid } = renderGrid({ cells: { B3: '0.9' } });
    setLocale('zh');
    expect(grid.getAttribute('aria-label')).toBe('工作表');
    expect(cellAt(host, 'B3').getAttribute('aria-label')).toBe('B3，0.9');
    expect(cellAt(host, 'A1').getAttribute('aria-label')).toBe('A1，空');
  });

  test('only the active cell is in the tab order, and it follows the selection', () => {
    const { host, model } = renderGrid();
    const tabbable = () => [...host.querySelectorAll('[role="gridcell"][tabindex="0"]')].map((c) => c.getAttribute('data-address'));
    expect(tabbable()).toEqual(['A1']);
    model.select('C4', 'D5');
    expect(tabbable()).toEqual(['C4']);
  });

  test('aria-selected marks exactly the selected rectangle', () => {
    const { host, model } = renderGrid();
    model.select('D5', 'C4');
    const selected = [...host.querySelectorAll('[role="gridcell"][aria-selected="true"]')].map((c) => c.getAttribute('data-address'));
    expect(selected.sort()).toEqual(['C4', 'C5', 'D4', 'D5']);
    expect(cellAt(host, 'A1').getAttribute('aria-selected')).toBe('false');
  });
});

describe('cell display', () => {
  test('cell text is rendered as text, never as markup', () => {
    const attack = '<img src=x onerror=alert(1)>';
    const { host } = renderGrid({ cells: { A2: attack } });
    expect(host.querySelector('img')).toBeNull();
    expect(cellAt(host, 'A2').textContent).toBe(attack);
    expect(cellAt(host, 'A2').getAttribute('aria-label')).toBe(`A2, ${attack}`);
  });

  test('an error cell shows its code and explains itself on hover and to screen readers', () => {
    const { host } = renderGrid({ cells: { B2: '#DIV/0!' } });
    const cell = cellAt(host, 'B2');
    expect(cell.textContent).toBe('#DIV/0!');
    expect(cell.getAttribute('title')).toBe('Explanation of #DIV/0!');
    expect(cell.getAttribute('aria-description')).toBe('Explanation of #DIV/0!');
    expect(cell.dataset.kind).toBe('error');
  });

  test('a pending cell keeps its previous value, dimmed, with a busy indicator', () => {
    const { host } = renderGrid({ cells: { C3: '0.42' }, views: { C3: { stale: true } } });
    const cell = cellAt(host, 'C3');
    expect(cell.textContent).toBe('0.42');
    expect(cell.classList.contains('is-pending')).toBe(true);
    expect(cell.getAttribute('aria-busy')).toBe('true');
    expect(cell.querySelector('.mp-cell__spinner')).not.toBeNull();
    expect(cell.getAttribute('aria-label')).toBe('C3, 0.42, updating');
  });

  test('a run cell shows its series colour, and a differing input its diff highlight', () => {
    const { host } = renderGrid({ views: { D4: { kind: 'run', text: 'run', color: '#ff0000' }, B1: { highlighted: true } } });
    const chip = cellAt(host, 'D4').querySelector<HTMLElement>('.mp-cell__chip');
    expect(chip?.style.backgroundColor).toMatch(/#ff0000|rgb\(255, 0, 0\)/);
    expect(cellAt(host, 'B1').classList.contains('is-highlighted')).toBe(true);
    expect(cellAt(host, 'A1').classList.contains('is-highlighted')).toBe(false);
  });

  test('an edit re-renders only the edited cell', () => {
    const { host, model, viewReads } = renderGrid({ cells: { A1: '1', B2: '2' } });
    viewReads.clear();
    model.commit('B2', '3');
    expect(cellAt(host, 'B2').textContent).toBe('3');
    expect([...viewReads.keys()]).toEqual(['B2']);
  });

  test('a column takes the width the model gives it', () => {
    const { grid, model } = renderGrid();
    model.setColWidth('B', 150);
    expect(grid.style.getPropertyValue('--mp-col-B')).toBe('150px');
  });
});
