/**
 * A sweep as small multiples: one small loss chart per config, laid out in a grid, all with the
 * same x and y ranges so that heights compare across cells at a glance. Axis labels appear only on
 * the left column and the bottom row, the way small multiples are usually read.
 */
import type { GridComponentOption, TitleComponentOption, XAXisComponentOption, YAXisComponentOption } from 'echarts/types/dist/option';
import { uniqueLabels } from './format';
import { baseOption, layoutFor, tooltipOption, valueAxis } from './layout';
import { DEFAULT_LOSS_TEXT, lossEpochs, lossRange, lossTooltipHtml, type LossViewModel } from './lossAxes';
import { lossSeries } from './lossChart';
import type { ChartOption } from './option';

/** Height in CSS pixels of one cell: give the container cellRows × this (see smallMultiplesHeight). */
export const SMALL_MULTIPLE_HEIGHT = 170;

export function smallMultiplesColumns(count: number, width: number): number {
  if (count <= 1) return 1;
  const fit = Math.max(1, Math.floor(width / 260));
  return Math.min(count, fit, count === 4 ? 2 : 4);
}

/** Container height the small multiples want, e.g. 3 runs at 900 px wide → one row → 170 + margins. */
export function smallMultiplesHeight(vm: Pick<LossViewModel, 'runs' | 'width'>): number {
  const rows = Math.ceil(Math.max(1, vm.runs.length) / smallMultiplesColumns(vm.runs.length, vm.width));
  return rows * SMALL_MULTIPLE_HEIGHT + 40;
}

export function buildLossSmallMultiples(vm: LossViewModel): ChartOption {
  const layout = layoutFor(vm);
  const text = { ...DEFAULT_LOSS_TEXT, ...vm.text };
  const [yMin, yMax] = lossRange(vm.runs);
  const epochs = lossEpochs(vm.runs);
  const names = uniqueLabels(vm.runs.map((run) => run.label));
  const columns = smallMultiplesColumns(vm.runs.length, vm.width);
  const rows = Math.ceil(Math.max(1, vm.runs.length) / columns);
  const grids: GridComponentOption[] = [];
  const xAxes: XAXisComponentOption[] = [];
  const yAxes: YAXisComponentOption[] = [];
  const titles: TitleComponentOption[] = [];
  // Cells in percent of the container (its pixel height is unknown here); outerBounds keeps each
  // cell's labels inside its own box.
  const cellWidth = 100 / columns;
  const cellHeight = (100 - 4) / rows;
  vm.runs.forEach((_, i) => {
    const column = i % columns;
    const row = Math.floor(i / columns);
    const left = column * cellWidth;
    const top = 2 + row * cellHeight;
    const firstColumn = column === 0;
    const bottomRow = i + columns >= vm.runs.length;
    grids.push({
      left: `${left + 1}%`,
      width: `${cellWidth - 2}%`,
      top: `${top + 4}%`,
      height: `${cellHeight - 6}%`,
      outerBoundsMode: 'same',
      outerBoundsContain: 'all',
    });
    const splitNumber = Math.min(3, layout.splitNumber);
    xAxes.push(valueAxis(layout, { name: bottomRow ? text.epoch : '', min: 0, max: epochs, gridIndex: i, splitNumber, labels: bottomRow }));
    yAxes.push(valueAxis(layout, { name: '', min: yMin, max: yMax, log: true, gridIndex: i, labels: firstColumn }));
    titles.push({
      text: names[i],
      left: `${left + 1.5}%`,
      top: `${top}%`,
      textStyle: { color: vm.runs[i].color, fontSize: layout.fontSize, fontWeight: 'bold' },
    });
  });
  return {
    ...baseOption(layout),
    title: titles,
    grid: grids,
    xAxis: xAxes,
    yAxis: yAxes,
    tooltip: { ...tooltipOption(layout, 'axis'), formatter: (params) => lossTooltipHtml(params, vm.runs, text) },
    series: vm.runs.map((run, i) => lossSeries(run, names[i], yMax, layout, text, i)),
  };
}
