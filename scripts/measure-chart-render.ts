/**
 * Measures chart rendering in Debian's Chromium (canvas renderer, 900×520):
 *   npx tsx scripts/measure-chart-render.ts [contourResolution=200] [contourLevels=13]
 * Bundles scripts/chart-bench/benchPage.ts with Vite (IIFE, production build), runs it in a
 * headless page and prints median setOption times (setOption paints synchronously).
 *
 * Findings are recorded where they decided something: src/charts/contourSeries.ts (contour
 * representation), optionUpdate.ts (update strategy), rateMapChart.ts (image instead of heatmap).
 */
import { resolve } from 'node:path';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/harness';

const entry = resolve(import.meta.dirname, 'chart-bench/benchPage.ts');
const output = await build({
  configFile: false,
  logLevel: 'warn',
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: { write: false, minify: true, lib: { entry, formats: ['iife'], name: 'chartBench' } },
});
const bundles = Array.isArray(output) ? output : [output];
const chunk = bundles.flatMap((bundle) => ('output' in bundle ? bundle.output : [])).find((item) => item.type === 'chunk');
if (!chunk || chunk.type !== 'chunk') throw new Error('bench bundle missing');

const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  args: [...CHROMIUM_ARGS],
});
try {
  const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
  page.on('pageerror', (error) => console.error('pageerror:', error.message));
  await page.setContent('<!doctype html><html><body style="margin:0"></body></html>');
  await page.addScriptTag({ content: chunk.code });
  const [resolution, levels] = [Number(process.argv[2] ?? 200), Number(process.argv[3] ?? 13)];
  const results = await page.evaluate(
    ([r, l]) => (window as unknown as { runBench: (r: number, l: number) => unknown }).runBench(r, l),
    [resolution, levels] as const,
  );
  console.log(JSON.stringify(results, null, 2));
} finally {
  await browser.close();
}
