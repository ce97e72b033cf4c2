/**
 * A sweep's grid as a heatmap: learning rate across, momentum up, the final loss (or f) as a
 * colour on a log scale (the visual map runs over log10 of the value, so 1e-6 and 1e-2 are as far
 * apart as 1e-2 and 1e2), diverged configs in a colour of their own with a legend entry. Hovering
 * reads a cell; a click reports its (lr, momentum) through sweepCellAt.
 */
import type { CallbackDataParams } from 'echarts/types/dist/shared';
import { escapeHtml, formatNumber } from './format';
import { baseOption, gridOption, layoutFor, tooltipOption } from './layout';
import type { ChartFrame, ChartOption, HeatmapSeriesOption } from './option';

export interface SweepHeatmapText {
  readonly lr: string;
  readonly momentum: string;
  readonly value: string;
  readonly diverged: string;
  /** With {step}: the tooltip of a diverged config. */
  readonly divergedAt: string;
  /** The click rule, shown in every tooltip. */
  readonly click: string;
}

export const DEFAULT_SWEEP_TEXT: SweepHeatmapText = {
  lr: 'learning rate',
  momentum: 'momentum',
  value: 'final loss',
  diverged: 'diverged',
  divergedAt: 'diverged at step {step}',
  click: '',
};

export interface SweepHeatmapViewModel extends ChartFrame {
  readonly lrs: Float64Array;
  readonly momenta: Float64Array;
  /** Row-major momenta × lrs. */
  readonly final: Float64Array;
  readonly divergedAt: Int32Array;
  readonly text?: Partial<SweepHeatmapText>;
}

export const SWEEP_SERIES_ID = 'sweep';
export const DIVERGED_SERIES_ID = 'sweep:diverged';
const DIVERGED_COLOR = { light: '#9e9e9e', dark: '#5c5c5c' } as const;
// Viridis, dark (low loss) to bright.
const LOG_COLORS = ['#440154', '#414487', '#2a788e', '#22a884', '#7ad151', '#fde725'];

/** The (lr, momentum) of grid cell [column, row]: `sweepCellAt(vm, [2, 0])` → { lr: lrs[2], momentum: momenta[0] }. */
export function sweepCellAt(vm: Pick<SweepHeatmapViewModel, 'lrs' | 'momenta'>, cell: readonly number[]): { lr: number; momentum: number } | null {
  const [column, row] = cell;
  if (!(column >= 0 && column < vm.lrs.length && row >= 0 && row < vm.momenta.length)) return null;
  return { lr: vm.lrs[column], momentum: vm.momenta[row] };
}

/** log10 bounds of the converged, positive values; [−1, 1] when there are none. */
export function logRange(vm: Pick<SweepHeatmapViewModel, 'final' | 'divergedAt'>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  vm.final.forEach((value, i) => {
    if (vm.divergedAt[i] >= 0 || !(value > 0) || !Number.isFinite(value)) return;
    const log = Math.log10(value);
    lo = Math.min(lo, log);
    hi = Math.max(hi, log);
  });
  if (lo > hi) return [-1, 1];
  return lo === hi ? [lo - 1, hi + 1] : [Math.floor(lo), Math.ceil(hi)];
}

export function buildSweepHeatmap(vm: SweepHeatmapViewModel): ChartOption {
  const layout = layoutFor(vm);
  const text = { ...DEFAULT_SWEEP_TEXT, ...vm.text };
  const columns = vm.lrs.length;
  const converged: [number, number, number][] = [];
  const diverged: [number, number, number][] = [];
  vm.final.forEach((value, i) => {
    const cell: [number, number] = [i % columns, Math.floor(i / columns)];
    if (vm.divergedAt[i] >= 0) diverged.push([...cell, vm.divergedAt[i]]);
    // A loss of exactly 0 has no logarithm: it is drawn at the scale's low end.
    else converged.push([...cell, value > 0 ? Math.log10(value) : -Infinity]);
  });
  const [lo, hi] = logRange(vm);
  const category = (name: string, values: Float64Array) => ({
    type: 'category' as const,
    name,
    nameLocation: 'middle' as const,
    nameGap: 26,
    data: Array.from(values, (value) => formatNumber(value)),
    // About eight labels per axis: 32 numbers side by side would overlap.
    axisLabel: { color: layout.theme.text, fontSize: layout.fontSize - 1, interval: Math.max(0, Math.ceil(values.length / 8) - 1) },
    axisLine: { lineStyle: { color: layout.theme.axisLine } },
    nameTextStyle: { color: layout.theme.text },
  });
  const divergedColor = DIVERGED_COLOR[vm.scheme];
  const series: HeatmapSeriesOption[] = [
    { type: 'heatmap', id: SWEEP_SERIES_ID, name: text.value, data: converged.map(([c, r, v]) => [c, r, Number.isFinite(v) ? v : lo]), emphasis: { itemStyle: { borderColor: layout.theme.ink, borderWidth: 1 } } },
    { type: 'heatmap', id: DIVERGED_SERIES_ID, name: text.diverged, data: diverged, itemStyle: { color: divergedColor, borderColor: layout.theme.background, borderWidth: 0.5 } },
  ];
  return {
    ...baseOption(layout),
    animation: false,
    grid: gridOption(layout, { legendRows: 1, right: 70 }),
    legend: { data: [text.diverged], top: 0, left: 'center', textStyle: { color: layout.theme.text }, selectedMode: false, itemStyle: { color: divergedColor } },
    tooltip: { ...tooltipOption(layout, 'item'), formatter: (params) => tooltipHtml(params, vm, text) },
    xAxis: category(text.lr, vm.lrs),
    yAxis: category(text.momentum, vm.momenta),
    visualMap: {
      type: 'continuous',
      seriesIndex: 0,
      min: lo,
      max: hi,
      calculable: false,
      orient: 'vertical',
      right: 4,
      top: 'middle',
      itemHeight: 160,
      inRange: { color: LOG_COLORS },
      // The scale runs over log10(value): its ends read as powers of ten.
      text: [`1e${hi}`, `1e${lo}`],
      formatter: (value: unknown) => `1e${formatNumber(Number(value))}`,
      textStyle: { color: layout.theme.text, fontSize: layout.fontSize - 1 },
    },
    series,
  };
}

function tooltipHtml(params: CallbackDataParams | CallbackDataParams[], vm: SweepHeatmapViewModel, text: SweepHeatmapText): string {
  const item = Array.isArray(params) ? params[0] : params;
  const value = item?.value as number[] | undefined;
  if (!Array.isArray(value)) return '';
  const cell = sweepCellAt(vm, value);
  if (cell === null) return '';
  const index = value[1] * vm.lrs.length + value[0];
  const reading =
    vm.divergedAt[index] >= 0
      ? escapeHtml(text.divergedAt.replace('{step}', String(vm.divergedAt[index])))
      : `${escapeHtml(text.value)} = ${formatNumber(vm.final[index])}`;
  const click = text.click === '' ? '' : `<br/><i>${escapeHtml(text.click)}</i>`;
  return `${escapeHtml(text.lr)} = ${formatNumber(cell.lr)}, ${escapeHtml(text.momentum)} = ${formatNumber(cell.momentum)}<br/>${reading}${click}`;
}
