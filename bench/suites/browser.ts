/**
 * The app as a user meets it: the production build (vite build + vite preview) in Debian's
 * Chromium. Measures edit → repaint latency (the app's own measurement, from the committed edit
 * to the second animation frame after every run it caused has landed and the charts were
 * updated; p50 and p95 over 50+ edits) for a 2-D cell and a regression cell, and navigation →
 * every chart painted. Compared with nothing: these are absolute figures for the README.
 */
import { build } from 'vite';
import type { Page } from 'playwright-core';
import { median, type BenchRow, type BenchSuite } from '../harness';
import { startE2E } from '../../tests/e2e/harness';
import { cell, settled } from '../../tests/e2e/pageHelpers';

const EDITS = 50;

const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

function row(caseName: string, implementation: string, samples: readonly number[], note = ''): BenchRow {
  return {
    case: caseName,
    implementation,
    measurement: { medianMs: median(samples), minMs: Math.min(...samples), maxMs: Math.max(...samples), runs: samples.length },
    note: `p50 ${percentile(samples, 50).toFixed(1)} ms, p95 ${percentile(samples, 95).toFixed(1)} ms${note ? `; ${note}` : ''}`,
  };
}

/** Type `values` one after another into `address` and collect the app's edit → repaint times. */
async function editLatencies(page: Page, address: string, values: readonly string[]): Promise<number[]> {
  const samples: number[] = [];
  for (const value of values) {
    const before = await page.locator('.status-line').getAttribute('data-edit-count');
    await cell(page, address).focus();
    await page.keyboard.type(value);
    await page.keyboard.press('Enter');
    await page.waitForFunction((previous) => document.querySelector('.status-line')?.getAttribute('data-edit-count') !== previous, before);
    await settled(page);
    samples.push(Number(await page.locator('.status-line').getAttribute('data-last-edit-ms')));
  }
  return samples;
}

async function allChartsPainted(page: Page): Promise<number> {
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

export const browserSuite: BenchSuite = {
  name: 'browser',
  description: 'preview build in Chromium: edit → repaint latency (p50/p95) and navigation → all charts painted',
  async run() {
    await build({ logLevel: 'warn' });
    const e2e = await startE2E();
    try {
      const navigation: number[] = [];
      for (let i = 0; i < 7; i++) {
        const { page, context } = await e2e.newPage();
        await page.goto(e2e.baseUrl);
        navigation.push(await allChartsPainted(page));
        await context.close();
      }
      const { page, context } = await e2e.newPage();
      await page.goto(e2e.baseUrl);
      await settled(page);
      // Momentum γ of the first momentum run (C16) and the learning rate of all regression runs (B29).
      const gammas = Array.from({ length: EDITS }, (_, i) => String(0.1 + (i % 25) * 0.02));
      const lrs = Array.from({ length: EDITS }, (_, i) => String(0.05 + (i % 25) * 0.01));
      const path = await editLatencies(page, 'C16', gammas);
      const regression = await editLatencies(page, 'B29', lrs);
      await context.close();
      return [
        row('navigation', 'load → every chart painted', navigation, 'fresh context each time'),
        row('edit 2-D cell (γ)', 'keystroke → repaint', path, `${EDITS} edits`),
        row('edit regression lr', 'keystroke → repaint', regression, `${EDITS} edits, 6 runs in one batch`),
      ];
    } finally {
      await e2e.close();
    }
  },
};
