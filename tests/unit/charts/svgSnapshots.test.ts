/**
 * Server-side SVG renders of every chart (wide light and narrow dark), compared with committed
 * snapshots in __snapshots__/. A change in a builder that alters what is drawn shows up here as a
 * diff to review (update with `npx vitest run --project unit tests/unit/charts -u`).
 */
import { describe, expect, test } from 'vitest';
import { buildEwmaOption } from '../../../src/charts/ewmaChart';
import { normaliseSvgIds, renderSvg } from '../../../src/ui/echarts/exportImage';
import { buildLossOption } from '../../../src/charts/lossChart';
import { buildLossSmallMultiples, smallMultiplesHeight } from '../../../src/charts/lossSmallMultiples';
import type { ChartFrame, ChartOption } from '../../../src/charts/option';
import { seriesColor } from '../../../src/charts/palette';
import { buildRateMapOption } from '../../../src/charts/rateMapChart';
import { ALL_ARROWS, buildTrajectoryOption } from '../../../src/charts/trajectoryChart';
import { chapterLossRuns, chapterScene, divergingLossRun, rateMap, START } from './chartFixtures';

const FRAMES: readonly (ChartFrame & { name: string; height: number })[] = [
  { name: 'wide light', scheme: 'light', width: 900, height: 500 },
  { name: 'narrow dark', scheme: 'dark', width: 360, height: 420 },
];

const CHARTS: Record<string, (frame: ChartFrame) => { option: ChartOption; height?: number }> = {
  trajectory: (frame) => ({ option: buildTrajectoryOption({ ...frame, ...chapterScene(frame.scheme, 50, 6), start: START, arrows: [] }) }),
  'trajectory with arrows': (frame) => {
    const scene = chapterScene(frame.scheme, 50, 6);
    return { option: buildTrajectoryOption({ ...frame, ...scene, runs: scene.runs.slice(2, 3), start: START, arrows: ALL_ARROWS }) };
  },
  ewma: (frame) => ({ option: buildEwmaOption({ ...frame, curves: [0.95, 0.9].map((gamma, i) => ({ gamma, color: seriesColor(i, frame.scheme) })) }) }),
  loss: (frame) => ({ option: buildLossOption({ ...frame, runs: [...chapterLossRuns(frame.scheme, 1, [2]), divergingLossRun(frame.scheme)] }) }),
  'loss small multiples': (frame) => {
    const runs = chapterLossRuns(frame.scheme);
    return { option: buildLossSmallMultiples({ ...frame, runs }), height: smallMultiplesHeight({ runs, width: frame.width }) };
  },
  'rate map': (frame) => {
    const { request, result } = rateMap(40, 20);
    return { option: buildRateMapOption({ ...frame, request, result, current: { lr: 0.9, momentum: 0.2 } }) };
  },
};

describe.each(FRAMES)('SVG snapshots, $name', (frame) => {
  test.each(Object.keys(CHARTS))('%s', (name) => {
    const { option, height } = CHARTS[name](frame);
    const svg = normaliseSvgIds(renderSvg(option, frame.width, height ?? frame.height));
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toMatchSnapshot();
  });
});

test('renders are reproducible once ids are normalised', () => {
  const { option } = CHARTS.trajectory(FRAMES[0]);
  expect(normaliseSvgIds(renderSvg(option, 900, 500))).toBe(normaliseSvgIds(renderSvg(option, 900, 500)));
});
