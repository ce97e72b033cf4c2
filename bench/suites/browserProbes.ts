/**
 * What the browser suite measures in the page, each from the browser's own clocks:
 * - the JavaScript the page's thread loaded before its first contentful paint (resource timing;
 *   sizes are the built files gzipped here; the worker's script runs off the page's thread and
 *   is counted apart),
 * - navigation → every chart painted (each chart card's `data-painted` flag),
 * - edit → repaint, as the app measures it (from the committing keydown's event.timeStamp to the
 *   frame in which the last chart the edit changed drew its new data: src/ui/stores/editLatency.ts),
 * - long tasks on the main thread (PerformanceObserver 'longtask', installed before the app loads).
 *
 * Waiting for results polls on a timer, never on animation frames: a probe that requested frames
 * of its own would change what it measures.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { cell } from '../../tests/e2e/pageHelpers';

const POLL = { polling: 50, timeout: 120_000 } as const;

/** Collects long tasks from the very start of every page of the context. */
export async function observeLongTasks(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const tasks: number[] = [];
    (window as unknown as { __longTasks: number[] }).__longTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
}

export const longTasks = (page: Page): Promise<number[]> => page.evaluate(() => [...(window as unknown as { __longTasks: number[] }).__longTasks]);

/** ms from navigation start until every chart card has drawn, and the first contentful paint. */
export async function chartsPainted(page: Page): Promise<{ allCharts: number; fcp: number }> {
  const handle = await page.waitForFunction(() => {
    const cards = [...document.querySelectorAll('[data-chart-id]')];
    const painted = cards.length > 0 && cards.every((card) => card.querySelector('[data-painted="true"]') !== null);
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
    return painted && fcp !== undefined ? { allCharts: performance.now(), fcp } : false;
  }, undefined, { polling: 10, timeout: 120_000 });
  return (await handle.jsonValue()) as { allCharts: number; fcp: number };
}

export interface FirstPaintScripts {
  /** Files the page's thread fetched before the first contentful paint, with their gzip sizes. */
  readonly files: readonly { readonly name: string; readonly gzipBytes: number; readonly hasMathjs: boolean }[];
  readonly gzipBytes: number;
  /** Every script of the build (page chunks and the worker), gzipped: the whole app. */
  readonly allGzipBytes: number;
}

/** mathjs's own parser messages: present in a chunk exactly when mathjs was bundled into it. */
const MATHJS_MARKERS = ['Parenthesis ) expected', 'typed-function'];
const gzipped = (bytes: Buffer): number => gzipSync(bytes, { level: 9 }).length;

/** The JavaScript the page had loaded when it first painted content. */
export async function scriptsBeforeFirstPaint(page: Page, distDir: string, allScripts: readonly string[]): Promise<FirstPaintScripts> {
  const paths = await page.evaluate(() => {
    const fcpAt = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Infinity;
    return (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((entry) => /\.m?js(\?|$)/.test(entry.name) && entry.responseEnd <= fcpAt)
      .map((entry) => new URL(entry.name).pathname);
  });
  const files = paths
    .filter((path) => !/\.worker-/.test(path))
    .map((path) => {
      const bytes = readFileSync(join(distDir, path));
      const text = bytes.toString('utf8');
      return { name: path.replace(/^\/assets\//, ''), gzipBytes: gzipped(bytes), hasMathjs: MATHJS_MARKERS.some((marker) => text.includes(marker)) };
    });
  const allGzipBytes = allScripts.reduce((sum, path) => sum + gzipped(readFileSync(join(distDir, path))), 0);
  return { files, gzipBytes: files.reduce((sum, file) => sum + file.gzipBytes, 0), allGzipBytes };
}

/** The median interval between animation frames of an idle page: one frame, measured here. */
export async function frameInterval(page: Page): Promise<number> {
  // A string, not a function: the bench runs through tsx, whose helpers would be missing in the page.
  return page.evaluate<number>(`new Promise((resolve) => {
    const stamps = [];
    const tick = (at) => {
      stamps.push(at);
      if (stamps.length < 61) return requestAnimationFrame(tick);
      const deltas = stamps.slice(1).map((t, i) => t - stamps[i]).sort((a, b) => a - b);
      resolve(deltas[deltas.length >> 1]);
    };
    requestAnimationFrame(tick);
  })`);
}

/** Wait until the page has nothing in flight (the status line's own flag, polled on a timer). */
export async function idle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('.status-line')?.getAttribute('data-idle') === 'true', undefined, POLL);
}

/** Type each value into `address`, commit with Enter, and collect the app's edit → repaint times. */
export async function editLatencies(page: Page, address: string, values: readonly string[]): Promise<number[]> {
  const samples: number[] = [];
  for (const value of values) {
    const before = await page.locator('.status-line').getAttribute('data-edit-count');
    await cell(page, address).focus();
    await page.keyboard.type(value);
    await page.keyboard.press('Enter');
    await page.waitForFunction((previous) => document.querySelector('.status-line')?.getAttribute('data-edit-count') !== previous, before, POLL);
    await idle(page);
    samples.push(Number(await page.locator('.status-line').getAttribute('data-last-edit-ms')));
  }
  return samples;
}
