/**
 * The loss chart: mean loss against epoch (x = step / stepsPerEpoch) on a log y axis, several
 * regression runs overlaid (pinned runs dashed). A diverging run is cut at the top of the axis
 * and marked there. lossSmallMultiples.ts draws a sweep as a grid of small charts instead.
 */
import { placeExitLabels, type LabelPlacement } from './exitLabels';
import { uniqueLabels, withoutSharedWords } from './format';
import { baseOption, gridOption, layoutFor, legendOption, legendRows, tooltipOption, valueAxis, type ChartLayout } from './layout';
import {
  DEFAULT_LOSS_TEXT,
  logValueAxis,
  lossData,
  lossEpochs,
  lossExitEpoch,
  lossRange,
  lossStep,
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
  const names = uniqueLabels(withoutSharedWords(vm.runs.map((run) => run.label)));
  const marks = vm.runs.map((run) => divergenceMark(run, yMax));
  const marked = marks.flatMap((mark, i) => (mark === null ? [] : [{ i, x: mark[0], text: text.diverges }]));
  // The plot is the chart less its y labels and margins; an estimate is enough for spacing labels.
  const rows = placeExitLabels(marked, { xMax: lossEpochs(vm.runs), widthPx: Math.max(120, layout.width - 90), fontSize: layout.fontSize - 1 });
  const placements: (LabelPlacement | undefined)[] = vm.runs.map(() => undefined);
  marked.forEach((mark, k) => (placements[mark.i] = rows[k]));
  return {
    ...baseOption(layout),
    grid: gridOption(layout, { legendRows: legendRows(layout, names) }),
    legend: legendOption(layout, names),
    tooltip: { ...tooltipOption(layout, 'axis'), formatter: (params) => lossTooltipHtml(params, vm.runs, text) },
    xAxis: valueAxis(layout, { name: text.epoch, min: 0, max: lossEpochs(vm.runs) }),
    yAxis: logValueAxis(layout, text.loss, yMin, yMax),
    series: vm.runs.map((run, i) => lossSeries(run, names[i], yMax, layout, text, 0, placements[i])),
  };
}

/** Where each run's "diverges" mark sits ([epoch, loss]), or null for a run that stays on the chart. */
export function divergenceMark(run: LossRun, yMax: number): readonly [number, number] | null {
  const exitEpoch = lossExitEpoch(run, yMax);
  if (exitEpoch !== null) return [exitEpoch, yMax];
  if (run.divergedAt === null || run.losses.length === 0) return null;
  // Flagged by the divergence rule but still inside the axis: marked at its last loss.
  const last = run.losses.length - 1;
  return [lossStep(run, last) / run.stepsPerEpoch, run.losses[last]];
}

/** One run's line; `axisIndex` places it in a small-multiples cell. */
export function lossSeries(
  run: LossRun,
  name: string,
  yMax: number,
  layout: ChartLayout,
  text: LossText,
  axisIndex = 0,
  placement: LabelPlacement = { row: 0, side: 'right' },
): LineSeriesOption {
  const dash = runLineDash(run.pinned, run.colorRepeat);
  const mark = divergenceMark(run, yMax);
  const rowHeight = layout.fontSize + 5;
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
      label: {
        show: true,
        position: placement.side,
        // Rows downwards from the mark, so that runs leaving at the same epoch stay legible.
        offset: [0, placement.row * rowHeight],
        formatter: text.diverges,
        color: run.color,
        backgroundColor: layout.theme.background,
        padding: [1, 3],
        fontSize: layout.fontSize - 1,
      },
      data: mark === null ? [] : [{ name: text.diverges, coord: [...mark] }],
    },
  };
}
