import { describe, expect, test } from 'vitest';
import { CONTOUR_SERIES_ID } from '../../../src/charts/contourSeries';
import { echarts } from '../../../src/ui/echarts/echartsSetup';
import { normaliseSvgIds } from '../../../src/ui/echarts/exportImage';
import { buildLossOption } from '../../../src/charts/lossChart';
import type { ChartOption } from '../../../src/charts/option';
import { planOptionUpdate } from '../../../src/charts/optionUpdate';
import { ALL_ARROWS, buildTrajectoryOption, START_HANDLE_SERIES_ID, type TrajectoryViewModel } from '../../../src/charts/trajectoryChart';
import { chapterLossRuns, chapterScene, path, START } from './chartFixtures';
import { allSeries } from './optionAccess';

const scene = chapterScene('light', 60, 6);
const base: TrajectoryViewModel = { scheme: 'light', width: 700, ...scene, start: START, arrows: [] };

describe('planOptionUpdate', () => {
  test('the first option replaces everything', () => {
    const next = buildTrajectoryOption(base);
    expect(planOptionUpdate(null, next)).toEqual({ option: next, opts: { notMerge: true } });
  });

  test('another kind of chart (other axis types) starts from a clean slate', () => {
    const loss = buildLossOption({ scheme: 'light', width: 700, runs: chapterLossRuns('light') });
    expect(planOptionUpdate(buildTrajectoryOption(base), loss).opts).toEqual({ notMerge: true });
  });

  test('a live edit sends only the runs that changed, merged in place, and leaves the contours and unchanged axes out', () => {
    const previous = buildTrajectoryOption(base);
    const runs = base.runs.map((run) => ({ ...run, result: path('gd', 0.5, 0, { start: [-4, -1] }) }));
    const { option, opts } = planOptionUpdate(previous, buildTrajectoryOption({ ...base, runs, start: [-4, -1] }));
    // Same region and labels: the axes, grid, legend and title stay as ECharts has them (their
    // layer is not repainted), and so does the tooltip (EChart's stable formatter reads the new
    // runs, stableTooltip.ts); only the series are sent.
    expect(opts).toEqual({ replaceMerge: [] });
    for (const kept of ['xAxis', 'yAxis', 'grid', 'legend', 'title', 'tooltip']) expect(option).not.toHaveProperty(kept);
    const series = allSeries(option);
    expect(series.map((s) => s.id)).not.toContain(CONTOUR_SERIES_ID);
    expect(series.length).toBeGreaterThan(0);
    expect(series.every((s) => Array.isArray(s.data))).toBe(true);
  });

  test('an edit of one run sends that run only: the others keep their result objects and so their series data', () => {
    const withArrows = { ...base, arrows: ALL_ARROWS };
    const previous = buildTrajectoryOption(withArrows);
    const edited = base.runs[base.runs.length - 1];
    const runs = base.runs.map((run) => (run === edited ? { ...run, result: path('momentum', 0.4, 0.3) } : run));
    const { option } = planOptionUpdate(previous, buildTrajectoryOption({ ...withArrows, runs }));
    // (The start handle, one point, is rebuilt every time.)
    const sent = allSeries(option).map((s) => String(s.id)).filter((id) => id !== START_HANDLE_SERIES_ID);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((id) => id.endsWith(`:${edited.id}`))).toBe(true);
    expect(sent).toContain(`run:${edited.id}`);
  });

  test('a scheme switch repaints the contours (same data, other colour)', () => {
    const previous = buildTrajectoryOption(base);
    const { option } = planOptionUpdate(previous, buildTrajectoryOption({ ...base, scheme: 'dark' }));
    expect(allSeries(option)[0].data).toBe(allSeries(previous)[0].data);
  });

  test('a removed run is simply absent, so replaceMerge removes it', () => {
    const previous = buildTrajectoryOption(base);
    const { option } = planOptionUpdate(previous, buildTrajectoryOption({ ...base, runs: base.runs.slice(0, 2) }));
    expect(allSeries(option).map((s) => s.id)).not.toContain('run:B12');
  });
});

describe('planOptionUpdate on a real (server-side SVG) instance', () => {
  function render(steps: readonly ChartOption[], incremental: boolean): string {
    const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 700, height: 420 });
    try {
      let shown: ChartOption | null = null;
      for (const next of incremental ? steps : steps.slice(-1)) {
        const { option, opts } = planOptionUpdate(shown, next);
        chart.setOption(option, opts);
        shown = next;
      }
      // replaceMerge keeps a matched series in its old slot, so series indices and the stacking
      // order among runs may differ from a fresh render; the set of drawn elements may not.
      return normaliseSvgIds(chart.renderToSVGString())
        .replace(/ ecmeta_series_index="\d+"/g, '')
        .split('\n')
        .sort()
        .join('\n');
    } finally {
      chart.dispose();
    }
  }

  test('a sequence of live edits draws the same elements as a fresh render of the last option', () => {
    const moved: [number, number] = [-4.5, 1.5];
    const steps = [
      // Diverging run with its marker, arrows on …
      buildTrajectoryOption({ ...base, arrows: ALL_ARROWS }),
      // … the start moves: every run recomputed (GD η=1.1 still diverges) …
      buildTrajectoryOption({
        ...base,
        arrows: ALL_ARROWS,
        start: moved,
        runs: base.runs.map((run, i) => ({ ...run, result: path(i === 1 ? 'gd' : 'momentum', i === 1 ? 1.1 : 0.5, i === 1 ? 0 : 0.3, { start: moved }) })),
      }),
      // … then the diverging run converges (marker gone), one run is removed, arrows off, dark.
      buildTrajectoryOption({
        ...base,
        scheme: 'dark',
        runs: [{ ...base.runs[1], result: path('gd', 0.4, 0) }, base.runs[0]],
      }),
    ];
    const incremental = render(steps, true);
    expect(incremental).toBe(render(steps, false));
    expect(incremental).not.toContain('diverges');
  });
});
