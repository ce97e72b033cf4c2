/**
 * The grid in the built app: a 10,000 × 100 sheet mounts and scrolls with a bounded number of
 * cell elements, keyboard navigation keeps the active cell focused and in view, overflowing text
 * never reaches a non-empty cell, and on a 390 px screen the grid scrolls sideways in its pane.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { encodeState } from '../../src/share/codec';
import { cell, ready, useE2E } from './pageHelpers';

const e2e = useE2E();

/** What the grid may put in the DOM at any time, whatever the sheet's size ("a few thousand"). */
const MAX_CELL_ELEMENTS = 3_000;

const LARGE_SHEET = {
  rows: 10_000,
  cols: 100,
  cells: { A1: 'first', AZ5000: 'middle', CV10000: 'last' },
  names: {},
  colWidths: {},
  charts: [],
  pins: [],
};

const cellCount = (page: Page) => page.locator('[role="gridcell"]').count();
const focusedAddress = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-address') ?? null);

/** The focused cell lies wholly inside the scroll container, clear of the sticky headers. */
async function focusedCellInView(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const focused = document.activeElement as HTMLElement | null;
    const wrap = document.querySelector<HTMLElement>('.mp-grid-wrap');
    const corner = document.querySelector<HTMLElement>('[data-corner]');
    if (!focused || !wrap || !corner) return false;
    const box = focused.getBoundingClientRect();
    const view = wrap.getBoundingClientRect();
    const headers = corner.getBoundingClientRect();
    return (
      box.top >= headers.bottom - 1 &&
      box.left >= headers.right - 1 &&
      box.bottom <= view.top + wrap.clientHeight + 1 &&
      box.right <= view.left + wrap.clientWidth + 1
    );
  });
}

/**
 * For every rendered cell whose text flows over its neighbours: how far the text reaches past
 * the left edge of the first non-empty cell to its right (≤ 0 when it stops before it).
 */
async function worstOverflowIntrusion(page: Page): Promise<{ address: string; intrusion: number } | null> {
  return page.evaluate(() => {
    let worst: { address: string; intrusion: number } | null = null;
    for (const row of document.querySelectorAll('[role="row"]')) {
      const cells = [...row.querySelectorAll<HTMLElement>('[role="gridcell"]')];
      cells.forEach((current, index) => {
        if (!current.hasAttribute('data-overflows')) return;
        const text = current.querySelector('.mp-cell__text')!.getBoundingClientRect();
        const blocker = cells.slice(index + 1).find((next) => next.dataset.kind !== 'empty');
        if (!blocker) return;
        const intrusion = text.right - blocker.getBoundingClientRect().left;
        if (!worst || intrusion > worst.intrusion) worst = { address: current.dataset.address ?? '', intrusion };
      });
    }
    return worst;
  });
}

describe('a 10,000 × 100 sheet', () => {
  it('opens from a link, scrolls and navigates with a bounded number of cell elements', async () => {
    const { page, errors } = await e2e.newPage();
    await page.goto(`${e2e.baseUrl}#s=${encodeState(LARGE_SHEET)}`);
    await expect.poll(() => page.getByRole('grid').getAttribute('aria-rowcount'), { timeout: 60_000 }).toBe('10001');
    expect(await page.getByRole('grid').getAttribute('aria-colcount')).toBe('101');
    expect(await cellCount(page)).toBeLessThanOrEqual(MAX_CELL_ELEMENTS);

    // The mouse wheel scrolls the pane; the rows in view are rendered there.
    await page.locator('.mp-grid-wrap').hover();
    for (let turn = 0; turn < 20; turn += 1) await page.mouse.wheel(0, 2_000);
    await expect.poll(() => page.locator('.mp-grid-wrap').evaluate((wrap) => wrap.scrollTop)).toBeGreaterThan(30_000);
    const top = await page.locator('.mp-grid-wrap').evaluate((wrap) => wrap.scrollTop);
    const rowInView = Math.floor(top / 26) + 3;
    await expect.poll(() => cell(page, `A${rowInView}`).count()).toBe(1);
    expect(await cellCount(page)).toBeLessThanOrEqual(MAX_CELL_ELEMENTS);

    // Keyboard: the active cell, scrolled away, is still the grid's one tab stop; Ctrl+End
    // reaches the last cell.
    const tabStops = page.locator('[role="gridcell"][tabindex="0"]');
    expect(await tabStops.count()).toBe(1);
    await tabStops.focus();
    await page.keyboard.press('Control+End');
    expect(await focusedAddress(page)).toBe('CV10000');
    expect(await focusedCellInView(page)).toBe(true);
    expect(await cell(page, 'CV10000').getAttribute('aria-label')).toBe('CV10000, last');
    await page.keyboard.press('PageUp');
    await page.keyboard.press('ArrowLeft');
    expect(await focusedAddress(page)).toBe('CU9980');
    expect(await focusedCellInView(page)).toBe(true);
    await page.keyboard.press('Control+Home');
    expect(await focusedAddress(page)).toBe('A1');
    expect(await focusedCellInView(page)).toBe(true);

    // A selection across the window: Shift+Ctrl+Down selects the whole column, the view follows.
    await page.keyboard.press('Shift+Control+ArrowDown');
    expect(await focusedAddress(page)).toBe('A1');
    expect(await cell(page, 'A10000').getAttribute('aria-selected')).toBe('true');
    expect(await cell(page, 'A10000').isVisible()).toBe(true);
    expect(await cellCount(page)).toBeLessThanOrEqual(MAX_CELL_ELEMENTS);
    expect(errors).toEqual([]);
  });
});

describe('large pastes and scrolling while editing', () => {
  it('a pasted row of 10,000 numbers widens the grid without filling the DOM; End reaches its last number', async () => {
    const { page, errors } = await e2e.newPage();
    await page.goto(e2e.baseUrl);
    await ready(page);
    await cell(page, 'A45').click();
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/plain', Array.from({ length: 10_000 }, (_, index) => String(index * 1.5)).join('\t'));
      document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await expect.poll(() => page.getByRole('grid').getAttribute('aria-colcount'), { timeout: 60_000 }).toBe('10001');
    expect(await cellCount(page)).toBeLessThanOrEqual(MAX_CELL_ELEMENTS);
    await page.keyboard.press('End');
    expect(await focusedAddress(page)).toBe('NTP45');
    expect(await cell(page, 'NTP45').getAttribute('aria-label')).toBe('NTP45, 14998.5');
    // A notice ("too large for a link") may shrink the pane meanwhile: the cell is kept in view.
    await expect.poll(() => focusedCellInView(page)).toBe(true);
    expect(await cellCount(page)).toBeLessThanOrEqual(MAX_CELL_ELEMENTS);
    expect(errors).toEqual([]);
  });

  it('an open cell editor survives scrolling the sheet far away and back with the wheel', async () => {
    const { page, errors } = await e2e.newPage();
    await page.goto(`${e2e.baseUrl}#s=${encodeState(LARGE_SHEET)}`);
    await expect.poll(() => page.getByRole('grid').getAttribute('aria-rowcount'), { timeout: 60_000 }).toBe('10001');
    await page.locator('[role="gridcell"][tabindex="0"]').focus();
    await page.keyboard.press('F2');
    await page.keyboard.type(' draft');
    const editor = page.locator('.mp-cell__editor');
    const draft = await editor.inputValue();
    // Away and back: on the way back the window renders the rows and columns before the edited
    // cell (B3) again, around it.
    const wrap = page.locator('.mp-grid-wrap');
    await wrap.hover();
    for (let turn = 0; turn < 10; turn += 1) await page.mouse.wheel(1_000, 3_000);
    await expect.poll(() => wrap.evaluate((element) => element.scrollTop)).toBeGreaterThan(20_000);
    for (let turn = 0; turn < 12; turn += 1) await page.mouse.wheel(-1_000, -3_000);
    await expect.poll(() => wrap.evaluate((element) => element.scrollTop + element.scrollLeft)).toBe(0);
    expect(await editor.count()).toBe(1);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('mp-cell__editor'))).toBe(true);
    expect(await editor.inputValue()).toBe(draft);
    await page.keyboard.press('Escape');
    expect(await editor.count()).toBe(0);
    expect(errors).toEqual([]);
  });
});

describe('layout', () => {
  for (const [width, height] of [
    [1400, 900],
    [390, 844],
  ] as const) {
    it(`overflowing text never reaches a non-empty cell at ${width} × ${height}`, async () => {
      const { page, errors } = await e2e.newPage({ width, height });
      await page.goto(e2e.baseUrl);
      await ready(page);
      // The chapter's sheet has long notes beside values (rows 6, 19, 20): some text must overflow.
      expect(await page.locator('[role="gridcell"][data-overflows]').count()).toBeGreaterThan(5);
      const worst = await worstOverflowIntrusion(page);
      expect(worst === null || worst.intrusion <= 0, JSON.stringify(worst)).toBe(true);
      expect(errors).toEqual([]);
    });
  }

  it('at 390 px the grid scrolls sideways inside its pane and its headers stay in place', async () => {
    const { page, errors } = await e2e.newPage({ width: 390, height: 844 });
    await page.goto(e2e.baseUrl);
    await ready(page);
    const wrap = page.locator('.mp-grid-wrap');
    const sizes = await wrap.evaluate((element) => ({
      scrollWidth: element.scrollWidth,
      clientWidth: element.clientWidth,
      pageWidth: document.documentElement.scrollWidth,
    }));
    expect(sizes.scrollWidth).toBeGreaterThan(sizes.clientWidth);
    expect(sizes.pageWidth).toBeLessThanOrEqual(390);
    await wrap.evaluate((element) => {
      element.scrollLeft = 400;
      element.scrollTop = 300;
    });
    const wrapBox = (await wrap.boundingBox())!;
    const rowHeader = (await page.locator('[data-row-header="20"]').boundingBox())!;
    const colHeader = (await page.locator('[data-col-header="4"]').boundingBox())!;
    expect(Math.abs(rowHeader.x - wrapBox.x)).toBeLessThanOrEqual(1);
    expect(Math.abs(colHeader.y - wrapBox.y)).toBeLessThanOrEqual(1);
    // The header that sits over the row header column is the corner, not a row number.
    const atCorner = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.closest('[data-corner]') !== null, [
      wrapBox.x + 10,
      wrapBox.y + 10,
    ] as const);
    expect(atCorner).toBe(true);
    // A tap on a column header still selects its column.
    await page.locator('[data-col-header="4"]').click();
    expect(await cell(page, 'E30').getAttribute('aria-selected')).toBe('true');
    expect(errors).toEqual([]);
  });
});
