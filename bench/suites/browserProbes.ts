/**
 * What the browser suite measures in the page, each from the browser's own clocks:
 * - the JavaScript loaded before the first contentful paint (resource timing, sizes of the built
 *   files gzipped here),
 * - navigation → every chart painted (the charts' `data-painted` flag, read on animation frames),
 * - edit → repaint, as the app measures it (from the committing keydown's event.timeStamp to the
 *   frame in which the last chart the edit changed drew its new data: src/ui/stores/editLatency.ts),
 * - long tasks on the main thread (PerformanceObserver 'longtask', installed before the app loads).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { cell, settled } from '../../tests/e2e/pageHelpers';

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

/** ms from navigation start until every chart card has drawn (the page's clock). */
export async function allChartsPainted(page: Page): Promise<number> {
  const handle = await page.waitForFunction(
    () => {
      const cards = [...document.querySelectorAll('[data-chart-id]')];
      const painted = cards.length > 0 && cards.every((card) => card.querySelector('[data-painted="true"]') !== null);
      return painted ? performance.now() : false;
    },
    undefined,
    { timeout: 60_000, polling: 'raf' },
  );
  return (await handle.jsonValue()) as number;
}

export interface FirstPaintScripts {
  readonly fcpMs: number;
  /** Built files fetched before the first contentful paint, with their gzip sizes. */
  readonly files: readonly { readonly name: string; readonly gzipBytes: number }[];
  readonly gzipBytes: number;
}

/** The JavaScript the page had loaded when it first painted content, sized as the built files gzip. */
export async function scriptsBeforeFirstPaint(page: Page, distDir: string): Promise<FirstPaintScripts> {
  const { fcp, scripts } = await page.evaluate(() => {
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    const fcpAt = paint?.startTime ?? Infinity;
    const loaded = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((entry) => /\.m?js(\?|$)/.test(entry.name) && entry.responseEnd <= fcpAt)
      .map((entry) => new URL(entry.name).pathname);
    return { fcp: fcpAt, scripts: loaded };
  });
  const files = scripts.map((path) => {
    const bytes = readFileSync(join(distDir, path));
    return { name: path.replace(/^\/assets\//, ''), gzipBytes: gzipSync(bytes, { level: 9 }).length };
  });
  return { fcpMs: fcp, files, gzipBytes: files.reduce((sum, file) => sum + file.gzipBytes, 0) };
}

/** Type each value into `address` and collect the app's edit → repaint times. */
export async function editLatencies(page: Page, address: string, values: readonly string[]): Promise<number[]> {
  const samples: number[] = [];
  for (const value of values) {
    const before = await page.locator('.status-line').getAttribute('data-edit-count');
    await cell(page, address).focus();
    await page.keyboard.type(value);
    await page.keyboard.press('Enter');
    await page.waitForFunction((previous) => document.querySelector('.status-line')?.getAttribute('data-edit-count') !== previous, before, {
      timeout: 60_000,
    });
    await settled(page);
    samples.push(Number(await page.locator('.status-line').getAttribute('data-last-edit-ms')));
  }
  return samples;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
