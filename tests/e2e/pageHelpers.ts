/**
 * Page-level helpers for the end-to-end tests: find cells and charts by role and label, wait for
 * the sheet to settle, read what a chart shows. Charts expose their data through ECharts' aria
 * description (the same text a screen reader gets) and their pixels through screenshots.
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { startE2E, type E2E } from './harness';

export const cell = (page: Page, address: string): Locator =>
  page.getByRole('gridcell', { name: new RegExp(`^${address}[ ,]`) });

export const cellText = async (page: Page, address: string): Promise<string> =>
  ((await cell(page, address).locator('.mp-cell__text').textContent()) ?? '').trim();

export const chart = (page: Page, id: string): Locator => page.locator(`[data-chart-id="${id}"] .chart-body`);

/**
 * Wait until the session has reflected every intent sent (its idle flag: false until a patch says
 * so, so also before the sheet's first patch), nothing is in flight, and every pending cell has
 * landed. Without the idle flag this passed between an edit and its patch.
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const status = document.querySelector('.status-line');
    return (
      status?.getAttribute('data-idle') === 'true' &&
      status.getAttribute('data-running') === '0' &&
      document.querySelectorAll('[role="gridcell"][aria-busy="true"]').length === 0
    );
  }, undefined, { timeout: 60_000 });
}

/** The chart's data as its accessible description (ECharts' aria label on the chart's DOM). */
export async function chartDescription(page: Page, id: string): Promise<string> {
  return (await chart(page, id).getAttribute('data-summary')) ?? '';
}

export async function chartPixels(page: Page, id: string): Promise<Buffer> {
  return chart(page, id).screenshot();
}

/** Keyboard-only edit: focus the cell (no click), type, Enter. */
export async function typeInto(page: Page, address: string, text: string): Promise<void> {
  await cell(page, address).focus();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

export const appHash = (page: Page): string => new URL(page.url()).hash;

/** Collect console errors and uncaught exceptions of a page opened outside e2e.newPage (e.g. a second tab). */
export function collectErrors(page: Page, errors: string[] = []): string[] {
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}

/** What the clipboard holds (the harness grants clipboard-read). */
export const clipboardText = (page: Page): Promise<string> => page.evaluate(() => navigator.clipboard.readText());

/** A rectangle in viewport pixels (the coordinates page.mouse uses). */
export interface PixelBox {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** The mouse cursor a chart shows at each point of a regular grid of sample points. */
export interface CursorMap {
  readonly left: number;
  readonly top: number;
  readonly step: number;
  readonly cols: number;
  readonly rows: number;
  /** Row-major: cursors[row * cols + col] is the cursor at (left + col·step, top + row·step). */
  readonly cursors: readonly string[];
}

/**
 * Hover-scan a chart: move the mouse over it on a `step`-pixel grid (mousemove events dispatched to
 * the chart's own element, which is what the pointer does, only faster than one CDP round trip per
 * point) and record the cursor ECharts shows. ECharts shows `move` over the draggable start handle
 * and `pointer` over series items (the rate map's image covers its whole plot), so a test finds
 * where things are drawn without reaching into the chart instance. The pointer leaves at the end.
 * The chart must be in the viewport.
 */
export async function scanCursors(page: Page, id: string, step = 4): Promise<CursorMap> {
  return chart(page, id)
    .locator('[role="img"] > div')
    .first()
    .evaluate((root: HTMLElement, gap: number) => {
      const box = root.getBoundingClientRect();
      const left = box.left + gap / 2;
      const top = box.top + gap / 2;
      const cols = Math.floor(box.width / gap);
      const rows = Math.floor(box.height / gap);
      const cursors: string[] = [];
      for (let row = 0; row < rows; row++) {
        for (let col = 0; col < cols; col++) {
          root.dispatchEvent(new MouseEvent('mousemove', { clientX: left + col * gap, clientY: top + row * gap, bubbles: true }));
          cursors.push(root.style.cursor || 'default');
        }
      }
      root.dispatchEvent(new MouseEvent('mouseout', { clientX: 0, clientY: 0, bubbles: true, relatedTarget: document.body }));
      return { left, top, step: gap, cols, rows, cursors };
    }, step);
}

/** Centre of the points where the chart shows `cursor`, or null if it shows it nowhere. */
export function cursorCentre(map: CursorMap, cursor: string): { x: number; y: number } | null {
  let count = 0;
  let sumX = 0;
  let sumY = 0;
  map.cursors.forEach((shown, index) => {
    if (shown !== cursor) return;
    count += 1;
    sumX += map.left + (index % map.cols) * map.step;
    sumY += map.top + Math.floor(index / map.cols) * map.step;
  });
  return count === 0 ? null : { x: sumX / count, y: sumY / count };
}

/**
 * The largest solid block of `cursor` through its own middle: the longest run along the middle row
 * of the points showing it, then the longest run down the middle column of that span (a legend
 * beside the plot is cut off by the gap between them). Edges lie half a step outside the samples.
 */
export function cursorBlock(map: CursorMap, cursor: string): PixelBox | null {
  const at = (row: number, col: number) => map.cursors[row * map.cols + col] === cursor;
  const rowsWith = [...Array(map.rows).keys()].filter((row) => [...Array(map.cols).keys()].some((col) => at(row, col)));
  if (rowsWith.length === 0) return null;
  const middleRow = Math.round((rowsWith[0] + rowsWith[rowsWith.length - 1]) / 2);
  const [colFrom, colTo] = longestRun(map.cols, (col) => at(middleRow, col));
  const middleCol = Math.round((colFrom + colTo) / 2);
  const [rowFrom, rowTo] = longestRun(map.rows, (row) => at(row, middleCol));
  const half = map.step / 2;
  return {
    left: map.left + colFrom * map.step - half,
    right: map.left + colTo * map.step + half,
    top: map.top + rowFrom * map.step - half,
    bottom: map.top + rowTo * map.step + half,
  };
}

function longestRun(length: number, inside: (index: number) => boolean): [number, number] {
  let best: [number, number] = [0, -1];
  let start = -1;
  for (let index = 0; index <= length; index++) {
    if (index < length && inside(index)) {
      if (start < 0) start = index;
    } else if (start >= 0) {
      if (index - 1 - start > best[1] - best[0]) best = [start, index - 1];
      start = -1;
    }
  }
  return best;
}

/** The chart summary's entries ("D16 momentum η=0.9 γ=0.2: 15 steps, …") by their label. */
export function summaryEntries(summary: string): Map<string, string> {
  return new Map(
    summary
      .split('; ')
      .filter((entry) => entry.includes(': '))
      .map((entry) => [entry.slice(0, entry.indexOf(': ')), entry.slice(entry.indexOf(': ') + 2)] as const),
  );
}

/** Wait until the charts have data and nothing is computing: the playground is ready to use. */
export async function ready(page: Page): Promise<void> {
  await page.waitForFunction(() => (document.querySelector('[data-chart-id="paths"] .chart-body')?.getAttribute('data-summary') ?? '') !== '', undefined, {
    timeout: 60_000,
  });
  await settled(page);
}

/** A second tab in the same browser context (same localStorage), watched for errors too. */
export async function openTab(context: BrowserContext, url: string, errors: string[]): Promise<Page> {
  const page = await context.newPage();
  collectErrors(page, errors);
  await page.goto(url);
  await ready(page);
  return page;
}

export interface E2ESession {
  readonly baseUrl: string;
  /** A fresh context and page (see E2E.newPage); the context is closed after the test, pass or fail. */
  newPage: E2E['newPage'];
}

/**
 * Register a test file's hooks: one preview server and browser for the file, every context
 * opened through the session closed after its test. Call at the top level of the file.
 */
export function useE2E(): E2ESession {
  let e2e: E2E | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });
  afterAll(async () => {
    await e2e?.close();
  });
  const started = (): E2E => {
    if (!e2e) throw new Error('the end-to-end session has not started (call useE2E at the top level of the file)');
    return e2e;
  };
  return {
    get baseUrl() {
      return started().baseUrl;
    },
    async newPage(options) {
      const opened = await started().newPage(options);
      contexts.push(opened.context);
      return opened;
    },
  };
}

/** A fresh page on the playground, ready to use (with the errors it logs collected). */
export async function openPlayground(e2e: E2ESession): Promise<{ page: Page; errors: string[] }> {
  const { page, errors } = await e2e.newPage();
  await page.goto(e2e.baseUrl);
  await ready(page);
  return { page, errors };
}
