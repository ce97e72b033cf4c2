/**
 * The loss chart: mean loss against epoch (x = step / stepsPerEpoch) on a log y axis, several
 * regression runs overlaid (pinned runs dashed). A diverging run is cut at the top of the axis
 * and marked there. lossSmallMultiples.ts draws a sweep as a grid of small charts instead.
 */
import { uniqueLabels } from './format';
import { baseOption, gridOption, layoutFor, legendOption, legendRows, tooltipOption, valueAxis, type ChartLayout } from './layout';
import {
  DEFAULT_LOSS_TEXT,
  logAxisInterval,
  logTickLabel,
  lossData,
  lossEpochs,
  lossExitEpoch,
  lossRange,
  lossTooltipHtml,
  type LossRun,
  type LossText,
  type LossViewModel,
} from './lossAxes';
import type { ChartOption, LineSeriesOption } from './option';
import { runLineDash } from './palette';

export { lossRunsOf, lossRange, type LossRun, type LossText, type LossViewModel } from './lossAxes';

export function buildLossOption(vm: LossViewModel): ChartOption {
  const layout = layoutFor(vm);
  const text = { ...DEFAULT_LOSS_TEXT, ...vm.text };
  const [yMin, yMax] = lossRange(vm.runs);
  const names = uniqueLabels(vm.runs.map((run) => run.label));
  return {
    ...baseOption(layout),
    grid: gridOption(layout, { legendRows: legendRows(layout, names) }),
    legend: legendOption(layout, names),
    tooltip: { ...tooltipOption(layout, 'axis'), formatter: (params) => lossTooltipHtml(params, vm.runs, text) },
    xAxis: valueAxis(layout, { name: text.epoch, min: 0, max: lossEpochs(vm.runs) }),
    yAxis: valueAxis(layout, {
      name: text.loss,
      min: yMin,
      max: yMax,
      log: true,
      interval: logAxisInterval(yMin, yMax, layout.narrow ? 5 : 10),
      labelFormatter: logTickLabel,
      nameGap: 44,
    }),
    series: vm.runs.map((run, i) => lossSeries(run, names[i], yMax, layout, text)),
  };
}

/** One run's line; `axisIndex` places it in a small-multiples cell. */
export function lossSeries(run: LossRun, name: string, yMax: number, layout: ChartLayout, text: LossText, axisIndex = 0): LineSeriesOption {
  const dash = runLineDash(run.pinned);
  const exitEpoch = lossExitEpoch(run, yMax);
  return {
    type: 'line',
    id: `loss:${run.id}`,
    name,
    xAxisIndex: axisIndex,
    yAxisIndex: axisIndex,
    data: lossData(run),
    smooth: false,
    showSymbol: false,
    symbol: 'circle',
    connectNulls: false,
    color: run.color,
    lineStyle: { color: run.color, width: layout.narrow ? 1.5 : 2, type: dash },
    itemStyle: { color: run.color },
    emphasis: { focus: 'series' },
    // Always present (possibly empty) so a merge-mode update drops an old marker.
    markPoint: {
      silent: true,
      animation: false,
      symbol: 'arrow',
      symbolSize: 10,
      itemStyle: { color: run.color },
      label: { show: true, position: 'right', formatter: text.diverges, color: run.color, fontSize: layout.fontSize - 1 },
      data: exitEpoch === null ? [] : [{ name: text.diverges, coord: [exitEpoch, yMax] }],
    },
  };
}
