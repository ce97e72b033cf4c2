/**
 * Renders every chart to SVG files in /tmp/charts (wide 900 px and narrow 360 px, light and dark)
 * from the chapter's experiments, for looking at them and for screenshots:
 *   npx tsx scripts/render-charts.ts [outDir] [chart …]      (charts: trajectory, ewma, loss, rate-map, …)
 * Convert one to PNG to view it, e.g.
 *   chromium --headless --no-sandbox --disable-gpu --screenshot=/tmp/charts/x.png --window-size=900,520 file:///tmp/charts/x.svg
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildEwmaOption } from '../src/charts/ewmaChart';
import { renderSvg } from '../src/ui/echarts/exportImage';
import { buildLossOption, lossRunsOf } from '../src/charts/lossChart';
import { buildLossSmallMultiples, smallMultiplesHeight } from '../src/charts/lossSmallMultiples';
import type { ChartFrame, ChartOption, ColorScheme } from '../src/charts/option';
import { seriesColor } from '../src/charts/palette';
import { buildRateMapOption } from '../src/charts/rateMapChart';
import { ALL_ARROWS, buildTrajectoryOption } from '../src/charts/trajectoryChart';
import { chapterLossRuns, chapterScene, divergingLossRun, rateMap, START } from '../tests/unit/charts/chartFixtures';
import { chapterRequest } from '../tests/reference/chapterRuns';
import { runRegressionReference } from '../tests/reference/regressionReference';

const outDir = process.argv[2] ?? '/tmp/charts';
const only = process.argv.slice(3);
mkdirSync(outDir, { recursive: true });

const FRAMES: readonly { name: string; width: number; height: number }[] = [
  { name: 'wide', width: 900, height: 520 },
  { name: 'narrow', width: 360, height: 420 },
];
const SCHEMES: readonly ColorScheme[] = ['light', 'dark'];

function sweepRuns(scheme: ColorScheme) {
  const configs = [0, 0.5, 0.9, 0.95, 0.99].map((momentum) => ({ lr: 0.2, momentum, convention: 'pytorch' as const }));
  const request = chapterRequest(1, [...configs, { lr: 3, momentum: 0.9, convention: 'mxnet' }]);
  const result = runRegressionReference(request);
  return lossRunsOf(request, result, (i) => ({
    id: `S${i}`,
    label: `lr ${request.configs[i].lr} · mom ${request.configs[i].momentum}`,
    color: seriesColor(i, scheme),
    pinned: false,
  }));
}

const charts: Record<string, (frame: ChartFrame) => { option: ChartOption; height?: number }> = {
  trajectory: (frame) => {
    const scene = chapterScene(frame.scheme, 150, 12);
    return { option: buildTrajectoryOption({ ...frame, ...scene, start: START, arrows: [] }) };
  },
  'trajectory-arrows': (frame) => {
    const scene = chapterScene(frame.scheme, 150, 12);
    const runs = [scene.runs[0], scene.runs[3]];
    return { option: buildTrajectoryOption({ ...frame, ...scene, runs, start: START, arrows: ALL_ARROWS }) };
  },
  ewma: (frame) => ({
    option: buildEwmaOption({
      ...frame,
      curves: [0.95, 0.9, 0.5].map((gamma, i) => ({ gamma, color: seriesColor(i, frame.scheme) })),
    }),
  }),
  loss: (frame) => ({
    option: buildLossOption({ ...frame, runs: [...chapterLossRuns(frame.scheme, 1, [2]), divergingLossRun(frame.scheme)] }),
  }),
  'loss-sweep': (frame) => {
    const runs = sweepRuns(frame.scheme);
    return { option: buildLossSmallMultiples({ ...frame, runs }), height: smallMultiplesHeight({ runs, width: frame.width }) };
  },
  'rate-map': (frame) => {
    const { request, result } = rateMap();
    return { option: buildRateMapOption({ ...frame, request, result, current: { lr: 0.9, momentum: 0.2 } }) };
  },
};

for (const [chart, build] of Object.entries(charts)) {
  if (only.length > 0 && !only.includes(chart)) continue;
  for (const frame of FRAMES) {
    for (const scheme of SCHEMES) {
      const started = performance.now();
      const { option, height } = build({ scheme, width: frame.width });
      const svg = renderSvg(option, frame.width, height ?? frame.height);
      const file = join(outDir, `${chart}-${frame.name}-${scheme}.svg`);
      writeFileSync(file, svg);
      console.log(`${file}  ${(svg.length / 1024).toFixed(0)} KB  ${(performance.now() - started).toFixed(0)} ms`);
    }
  }
}
