/**
 * Trajectories as small multiples: one panel per run, every panel with the same region (shared
 * axes) and the objective's contour lines, so paths compare side by side without overlapping.
 * Tick labels only on the left column and the bottom row. The start handle and the arrows stay
 * on the overlaid chart. Give the container trajectoryMultiplesHeight(vm) as its height.
 */
import type { TitleComponentOption, XAXisComponentOption, YAXisComponentOption } from 'echarts/types/dist/option';
import { contourSeries } from './contourSeries';
import { uniqueLabels } from './format';
import { baseOption, layoutFor, valueAxis } from './layout';
import type { ChartOption, LineSeriesOption } from './option';
import { panelGrid, panelGridHeight, type PanelSizes } from './panelGrid';
import { DEFAULT_TRAJECTORY_TEXT, runSeries, type TrajectoryViewModel } from './trajectoryChart';

const SIZES: PanelSizes = { margin: { top: 4, right: 12, bottom: 40, left: 44 }, titleHeight: 18, plotHeight: 130, rowGap: 22, columnGap: 12 };
const MIN_PANEL_WIDTH = 170;

export function trajectoryColumns(count: number, width: number): number {
  return Math.max(1, Math.min(count, 3, Math.floor((width - SIZES.margin.left - SIZES.margin.right) / MIN_PANEL_WIDTH)));
}

/** Container height: 5 runs at 450 px → 2 columns, 3 rows → 554. */
export function trajectoryMultiplesHeight(vm: Pick<TrajectoryViewModel, 'runs' | 'width'>): number {
  return panelGridHeight(vm.runs.length, trajectoryColumns(vm.runs.length, vm.width), SIZES);
}

export function buildTrajectoryMultiples(vm: TrajectoryViewModel): ChartOption {
  const layout = layoutFor(vm);
  const text = { ...DEFAULT_TRAJECTORY_TEXT, ...vm.text };
  const names = uniqueLabels(vm.runs.map((run) => run.label));
  const panels = panelGrid(vm.runs.length, trajectoryColumns(vm.runs.length, vm.width), vm.width, SIZES);
  const xAxes: XAXisComponentOption[] = [];
  const yAxes: YAXisComponentOption[] = [];
  const titles: TitleComponentOption[] = [];
  const series: LineSeriesOption[] = [];
  vm.runs.forEach((run, i) => {
    const { column, left, top, lastRow, nothingBelow } = panels[i];
    xAxes.push(valueAxis(layout, { name: lastRow ? text.x1 : '', min: vm.region.x1[0], max: vm.region.x1[1], gridIndex: i, splitLines: false, labels: nothingBelow, splitNumber: 3 }));
    yAxes.push(valueAxis(layout, { name: column === 0 ? text.x2 : '', min: vm.region.x2[0], max: vm.region.x2[1], gridIndex: i, splitLines: false, labels: column === 0, splitNumber: 3 }));
    titles.push({ text: names[i], left, top, textStyle: { color: run.color, fontSize: layout.fontSize - 1, fontWeight: 'bold' } });
    const axes = { xAxisIndex: i, yAxisIndex: i };
    if (vm.contours) series.push({ ...contourSeries(vm.contours, layout.theme), id: `contours:${i}`, ...axes });
    series.push({ ...runSeries(run, names[i], vm.region, layout, text), ...axes });
  });
  return { ...baseOption(layout), animation: false, title: titles, grid: panels.map((panel) => panel.grid), xAxis: xAxes, yAxis: yAxes, series };
}
