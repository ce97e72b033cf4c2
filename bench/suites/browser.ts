/**
 * The app as a user meets it: the production build (vite build + vite preview) in Debian's
 * Chromium. Each measure has a baseline taken in the same run, on the same page where it can be:
 * the page's own first paint for navigation, one animation frame for edit → repaint, the whole
 * build for the JavaScript loaded before first paint, the page's load for long tasks.
 */
import { readdirSync } from 'node:fs';
import { build } from 'vite';
import { median, percentile, type BenchSuite } from '../harness';
import { latencyQuantity, type BenchRow } from '../table';
import { startE2E } from '../../tests/e2e/harness';
import { encodeState } from '../../src/share/codec';
import { sweepHeatmap } from '../../src/sheet/presets';
import { chartsPainted, editLatencies, frameInterval, idle, longTasks, observeLongTasks, scriptsBeforeFirstPaint } from './browserProbes';

const EDITS = 50;
const LOADS = 7;
const SWEEP_EDITS = 15;
const DIST = 'dist';

const kb = (bytes: number) => ({ value: bytes / 1024, unit: 'KB' as const });

export const browserSuite: BenchSuite = {
  name: 'browser',
  async run(): Promise<BenchRow[]> {
    await build({ logLevel: 'error' });
    const allScripts = readdirSync(`${DIST}/assets`).filter((name) => name.endsWith('.js')).map((name) => `/assets/${name}`);
    const e2e = await startE2E();
    try {
      const loads: { allCharts: number; fcp: number }[] = [];
      let scripts = null as Awaited<ReturnType<typeof scriptsBeforeFirstPaint>> | null;
      for (let i = 0; i < LOADS; i++) {
        const { page, context } = await e2e.newPage();
        await page.goto(e2e.baseUrl);
        loads.push(await chartsPainted(page));
        scripts ??= await scriptsBeforeFirstPaint(page, DIST, allScripts);
        await context.close();
      }
      if (scripts === null) throw new Error('no page load was measured');

      const { page, context } = await e2e.newPage();
      await observeLongTasks(context);
      await page.goto(e2e.baseUrl);
      await chartsPainted(page);
      await idle(page);
      const loadLongTasks = (await longTasks(page)).length;
      const frame = await frameInterval(page);
      // γ of the first momentum run (C16) and the learning rate of all six regression runs (B29).
      const gammas = Array.from({ length: EDITS }, (_, i) => String(0.1 + (i % 25) * 0.02));
      const lrs = Array.from({ length: EDITS }, (_, i) => String(0.05 + (i % 25) * 0.01));
      const path = await editLatencies(page, 'C16', gammas);
      const regression = await editLatencies(page, 'B29', lrs);
      const editLongTasks = (await longTasks(page)).length - loadLongTasks;
      await context.close();

      // The "Sweep heatmap" preset: a 32 × 32 (η, γ) SWEEP drawn as a heatmap; its steps cell (B5)
      // is shared with every run of the sheet, so an edit re-runs all 1,024 configurations.
      const sweepPage = await e2e.newPage();
      await sweepPage.page.goto(`${e2e.baseUrl}#s=${encodeState(sweepHeatmap())}`);
      await chartsPainted(sweepPage.page);
      await idle(sweepPage.page);
      const heatmap = await editLatencies(sweepPage.page, 'B5', Array.from({ length: SWEEP_EDITS }, (_, i) => String(12 + (i % 8))));
      await sweepPage.context.close();

      const frameBaseline = { label: 'one animation frame', quantity: { value: frame, unit: 'ms' as const } };
      const latencyRow = (measure: string, samples: readonly number[], p50: number, p95: number): BenchRow => ({
        measure,
        target: { kind: 'atMost', value: p50, unit: 'ms', label: `p50 ≤ ${p50} ms` },
        extraTargets: [{ target: { kind: 'atMost', value: p95, unit: 'ms', label: `p95 ≤ ${p95} ms` }, measured: { value: percentile(samples, 95), unit: 'ms' } }],
        measured: latencyQuantity(percentile(samples, 50), percentile(samples, 95)),
        baseline: frameBaseline,
        note: `${samples.length} edits, Enter keydown → the frame whose chart pixels show the result`,
      });
      const mathjsFiles = scripts.files.filter((file) => file.hasMathjs).map((file) => file.name);
      return [
        {
          measure: 'JS the page loads before first paint (gzip)',
          target: { kind: 'atMost', value: 250, unit: 'KB' },
          extraTargets: [{ target: { kind: 'atMost', value: 0, unit: 'count', label: 'no mathjs' }, measured: { value: mathjsFiles.length, unit: 'count' } }],
          measured: kb(scripts.gzipBytes),
          baseline: { label: 'all JS of the build', quantity: kb(scripts.allGzipBytes) },
          note: `${scripts.files.map((file) => `${file.name} ${(file.gzipBytes / 1024).toFixed(1)} KB`).join(', ')}; ${mathjsFiles.length === 0 ? 'no mathjs' : `mathjs in ${mathjsFiles.join(', ')}`}`,
        },
        {
          measure: 'navigation → every chart painted, p50',
          target: { kind: 'atMost', value: 1000, unit: 'ms' },
          measured: { value: median(loads.map((load) => load.allCharts)), unit: 'ms' },
          baseline: { label: 'first contentful paint, same loads', quantity: { value: median(loads.map((load) => load.fcp)), unit: 'ms' } },
          note: `${LOADS} loads, fresh browser context each`,
        },
        latencyRow('2-D cell edit (γ of a momentum run) → repaint', path, 16, 33),
        latencyRow('regression lr edit (6 runs) → repaint', regression, 50, 100),
        {
          measure: '32 × 32 sweep heatmap: edit of a shared input (steps) → heatmap repainted',
          target: { kind: 'atMost', value: 500, unit: 'ms', label: 'p50 ≤ 500 ms' },
          measured: latencyQuantity(percentile(heatmap, 50), percentile(heatmap, 95)),
          baseline: frameBaseline,
          note: `${heatmap.length} edits, 1,024 configs as one batched program each`,
        },
        {
          measure: `long tasks (> 50 ms) on the main thread during ${2 * EDITS} edits`,
          target: { kind: 'atMost', value: 0, unit: 'count' },
          measured: { value: editLongTasks, unit: 'count' },
          baseline: { label: 'during the page load', quantity: { value: loadLongTasks, unit: 'count' } },
        },
      ];
    } finally {
      await e2e.close();
    }
  },
};
