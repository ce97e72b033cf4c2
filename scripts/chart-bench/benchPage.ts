/**
 * Browser side of scripts/measure-chart-render.ts: renders the trajectory and rate-map charts
 * with the canvas renderer and times setOption (which paints synchronously) for the contour
 * representations and the update strategies EChart.tsx could use.
 */
import { echarts } from '../../src/ui/echarts/echartsSetup';
import { contourData, contourSeries, contourStyle } from '../../src/charts/contourSeries';
import type { ChartOption } from '../../src/charts/option';
import { planOptionUpdate, REPLACED_COMPONENTS } from '../../src/charts/optionUpdate';
import { buildRateMapOption } from '../../src/charts/rateMapChart';
import { buildTrajectoryOption, type TrajectoryViewModel } from '../../src/charts/trajectoryChart';
import type { ContourResult } from '../../src/core/runTypes';
import { CHAPTER_RUNS, chapterScene, path, rateMap, START } from '../../tests/unit/charts/chartFixtures';
import { seriesColor } from '../../src/charts/palette';
import { themeColors } from '../../src/charts/theme';

type Mode = 'breaks' | 'perLevel' | 'perLine';

function contourVariants(contours: ContourResult, mode: Mode): ChartOption['series'] {
  const style = contourStyle(themeColors('light'));
  if (mode === 'breaks') return [contourSeries(contours, themeColors('light'))];
  if (mode === 'perLevel') {
    return contours.contours.map((level, i) => ({
      ...style,
      id: `contour-${i}`,
      data: contourData({ kind: 'contours', contours: [level] }),
    }));
  }
  return contours.contours.flatMap((level, i) =>
    level.lines.map((line, j) => ({ ...style, id: `contour-${i}-${j}`, data: contourData({ kind: 'contours', contours: [{ level: level.level, lines: [line] }] }) })),
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Number(sorted[Math.floor(sorted.length / 2)].toFixed(1));
}

function freshChart(): ReturnType<typeof echarts.init> {
  const host = document.createElement('div');
  host.style.cssText = 'width:900px;height:520px';
  document.body.append(host);
  return echarts.init(host, null, { renderer: 'canvas' });
}

function timed(run: () => void): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

/** A live edit: the start moved; every run is recomputed, the contours stay. */
function editedModel(base: TrajectoryViewModel, k: number): TrajectoryViewModel {
  const start: [number, number] = [START[0] + 0.05 * k, START[1] + 0.03 * k];
  const runs = CHAPTER_RUNS.map((spec, i) => ({
    id: spec.id,
    label: spec.label,
    color: seriesColor(i, 'light'),
    pinned: false,
    gamma: spec.gamma,
    result: path(spec.method, spec.eta, spec.gamma, { start }),
  }));
  return { ...base, runs, start };
}

export function runBench(resolution = 200, levels = 13): Record<string, unknown> {
  const scene = chapterScene('light', resolution, levels);
  const points = scene.contours.contours.reduce((sum, c) => sum + c.lines.reduce((s, l) => s + l.length / 2, 0), 0);
  const lines = scene.contours.contours.reduce((sum, c) => sum + c.lines.length, 0);
  const base: TrajectoryViewModel = { scheme: 'light', width: 900, ...scene, start: START, arrows: [] };
  const results: Record<string, unknown> = { contourPoints: points, contourPolylines: lines };

  // Contour representation: first render of a fresh chart, a full (notMerge) re-render, and a
  // live edit through planOptionUpdate (contour series unchanged, runs recomputed).
  // Built once per mode, so that (like contourSeries' cache) the contour data keeps its identity.
  const variants = new Map((['breaks', 'perLevel', 'perLine'] as const).map((mode) => [mode, contourVariants(scene.contours, mode) as unknown[]]));
  const withContours = (option: ChartOption, mode: Mode): ChartOption =>
    ({ ...option, series: [...(variants.get(mode) ?? []), ...(option.series as unknown[]).slice(1)] }) as ChartOption;
  for (const mode of ['breaks', 'perLevel', 'perLine'] as const) {
    const first: number[] = [];
    const again: number[] = [];
    const live: number[] = [];
    for (let rep = 0; rep < 9; rep++) {
      const option = withContours(buildTrajectoryOption(base), mode);
      const chart = freshChart();
      first.push(timed(() => chart.setOption(option, { notMerge: true })));
      again.push(timed(() => chart.setOption(option, { notMerge: true })));
      let previous = option;
      for (let k = 1; k <= 4; k++) {
        const next = withContours(buildTrajectoryOption(editedModel(base, k)), mode);
        const { option: planned, opts } = planOptionUpdate(previous, next);
        live.push(timed(() => chart.setOption(planned, opts)));
        previous = next;
      }
      chart.dispose();
    }
    results[`contours:${mode}`] = { firstRenderMs: median(first), fullRerenderMs: median(again), liveEditPlannedMs: median(live) };
  }

  // Update strategies for a live edit (start dragged, runs recomputed, same contours).
  const strategies = {
    notMerge: (chart: ReturnType<typeof echarts.init>, _prev: ChartOption, next: ChartOption) => chart.setOption(next, { notMerge: true }),
    replaceMergeFull: (chart: ReturnType<typeof echarts.init>, _prev: ChartOption, next: ChartOption) =>
      chart.setOption(next, { replaceMerge: [...REPLACED_COMPONENTS] }),
    planOptionUpdate: (chart: ReturnType<typeof echarts.init>, prev: ChartOption, next: ChartOption) => {
      const { option, opts } = planOptionUpdate(prev, next);
      chart.setOption(option, opts);
    },
  };
  for (const [name, apply] of Object.entries(strategies)) {
    const chart = freshChart();
    let previous = buildTrajectoryOption(base);
    chart.setOption(previous, { notMerge: true });
    const times: number[] = [];
    for (let k = 1; k <= 40; k++) {
      const next = buildTrajectoryOption(editedModel(base, k));
      times.push(timed(() => apply(chart, previous, next)));
      previous = next;
    }
    chart.dispose();
    results[`liveEdit:${name}`] = { medianMs: median(times.slice(3)) };
  }

  // Rate map 400 × 200: first render, then moving the current-run marker.
  const { request, result } = rateMap(400, 200);
  const first: number[] = [];
  const marker: number[] = [];
  const markerFull: number[] = [];
  for (let rep = 0; rep < 3; rep++) {
    const chart = freshChart();
    let previous = buildRateMapOption({ scheme: 'light', width: 900, request, result, current: { lr: 0.5, momentum: 0.5 } });
    first.push(timed(() => chart.setOption(previous, { notMerge: true })));
    for (let k = 1; k <= 4; k++) {
      const next = buildRateMapOption({ scheme: 'light', width: 900, request, result, current: { lr: 0.5 + 0.02 * k, momentum: 0.5 } });
      const { option, opts } = planOptionUpdate(previous, next);
      marker.push(timed(() => chart.setOption(option, opts)));
      markerFull.push(timed(() => chart.setOption(next, { notMerge: true })));
      previous = next;
    }
    chart.dispose();
  }
  results['rateMap400x200'] = { firstRenderMs: median(first), markerMovePlannedMs: median(marker), markerMoveNotMergeMs: median(markerFull) };
  return results;
}

(window as unknown as { runBench: typeof runBench }).runBench = runBench;
