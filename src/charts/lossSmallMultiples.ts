/**
 * A sweep as small multiples: one small loss chart per config, laid out in a grid, all with the
 * same x and y ranges and the same plot size, so that heights compare across cells at a glance.
 * Tick labels appear only on the left column and where no cell sits below, the way small
 * multiples are usually read. Cells are placed in pixels: give the container
 * smallMultiplesHeight(vm) as its height.
 */
import type { TitleComponentOption, XAXisComponentOption, YAXisComponentOption } from 'echarts/types/dist/option';
import { uniqueLabels } from './format';
import { baseOption, layoutFor, tooltipOption, valueAxis } from './layout';
import { DEFAULT_LOSS_TEXT, logAxisInterval, lossEpochs, lossRange, lossTooltipHtml, logTickLabel, type LossViewModel } from './lossAxes';
import { lossSeries } from './lossChart';
import type { ChartOption } from './option';
import { panelGrid, panelGridHeight, type PanelSizes } from './panelGrid';

const SIZES: PanelSizes = { margin: { top: 4, right: 14, bottom: 44, left: 62 }, titleHeight: 20, plotHeight: 118, rowGap: 24, columnGap: 14 };
const MIN_CELL_WIDTH = 220;

export function smallMultiplesColumns(count: number, width: number): number {
  if (count <= 1) return 1;
  const fit = Math.max(1, Math.floor((width - SIZES.margin.left - SIZES.margin.right) / MIN_CELL_WIDTH));
  return Math.min(count, fit, count === 4 ? 2 : 4);
}

/** Container height the small multiples need, e.g. 6 runs at 900 px → 2 rows → 346. */
export function smallMultiplesHeight(vm: Pick<LossViewModel, 'runs' | 'width'>): number {
  return panelGridHeight(vm.runs.length, smallMultiplesColumns(vm.runs.length, vm.width), SIZES);
}

export function buildLossSmallMultiples(vm: LossViewModel): ChartOption {
  const layout = layoutFor(vm);
  const text = { ...DEFAULT_LOSS_TEXT, ...vm.text };
  const [yMin, yMax] = lossRange(vm.runs);
  const epochs = lossEpochs(vm.runs);
  const names = uniqueLabels(vm.runs.map((run) => run.label));
  const panels = panelGrid(vm.runs.length, smallMultiplesColumns(vm.runs.length, vm.width), vm.width, SIZES);
  const xAxes: XAXisComponentOption[] = [];
  const yAxes: YAXisComponentOption[] = [];
  const titles: TitleComponentOption[] = [];
  vm.runs.forEach((run, i) => {
    const { column, left, top, lastRow, nothingBelow } = panels[i];
    const x = valueAxis(layout, {
      name: lastRow ? text.epoch : '',
      min: 0,
      max: epochs,
      gridIndex: i,
      splitNumber: Math.min(3, layout.splitNumber),
      labels: nothingBelow,
    });
    const y = valueAxis(layout, {
      name: column === 0 ? text.loss : '',
      min: yMin,
      max: yMax,
      log: true,
      gridIndex: i,
      interval: logAxisInterval(yMin, yMax, 3),
      labels: column === 0,
      labelFormatter: logTickLabel,
      nameGap: 40,
    });
    xAxes.push(x);
    yAxes.push(y);
    titles.push({
      text: names[i],
      left,
      top,
      textStyle: { color: run.color, fontSize: layout.fontSize, fontWeight: 'bold' },
    });
  });
  return {
    ...baseOption(layout),
    title: titles,
    grid: panels.map((panel) => panel.grid),
    xAxis: xAxes,
    yAxis: yAxes,
    tooltip: { ...tooltipOption(layout, 'axis'), formatter: (params) => lossTooltipHtml(params, vm.runs, text) },
    series: vm.runs.map((run, i) => lossSeries(run, names[i], yMax, layout, text, i)),
  };
}
