/**
 * The heavy ball's convergence-rate map over (learning rate, momentum): a heatmap of the spectral
 * radius, binned so that "how many steps to shrink the error 10×" reads off the colour, with rate
 * ≥ 1 (no convergence) in a neutral colour of its own. The current run and Polyak's optimum are
 * marked. Heatmaps need category axes, so the cells sit on hidden category axes and a pair of
 * value axes aligned with them carries the tick labels and the markers at exact (η, γ).
 */
import type { RateMapRequest, RateMapResult, Vec2 } from '../core/runTypes';
import type { CallbackDataParams } from 'echarts/types/dist/shared';
import { escapeHtml, formatNumber } from './format';
import { baseOption, gridOption, layoutFor, tooltipOption, valueAxis, type ChartLayout } from './layout';
import type { ChartFrame, ChartOption, HeatmapSeriesOption, LineSeriesOption } from './option';

export type RateMapGeometry = Pick<RateMapRequest, 'lrRange' | 'momentumRange' | 'width' | 'height'>;

export interface RateMapText {
  readonly lr: string;
  readonly momentum: string;
  readonly rate: string;
  readonly diverging: string;
  readonly current: string;
  readonly optimum: string;
  readonly fast: string;
}

export const DEFAULT_RATE_MAP_TEXT: RateMapText = {
  lr: 'learning rate η',
  momentum: 'momentum γ',
  rate: 'rate ρ',
  diverging: '≥ 1 diverges',
  current: 'current run',
  optimum: 'Polyak optimum',
  fast: 'fast',
};

export interface RateMapViewModel extends ChartFrame {
  readonly request: Pick<RateMapRequest, 'lrRange' | 'momentumRange' | 'eigenvalues'>;
  readonly result: RateMapResult;
  readonly current: { readonly lr: number; readonly momentum: number } | null;
  readonly text?: Partial<RateMapText>;
}

export const RATE_SERIES_ID = 'rate';

/**
 * Grid value of index `index` of `count` along `range`; the map's samples include both range ends
 * (the same convention as core/gridAxis.ts gridValue, which charts may not import).
 */
function axisValue(range: Vec2, count: number, index: number): number {
  if (count <= 1) return range[0];
  return range[0] + ((range[1] - range[0]) * index) / (count - 1);
}

/**
 * The (η, γ) of a clicked heatmap cell (x = column, y = row, as in the cell's data [x, y, rate]).
 * rateMapPointToParams(399, 0, { lrRange: [0, 2], momentumRange: [0, 1], width: 400, height: 200 }) → { lr: 2, momentum: 0 }.
 */
export function rateMapPointToParams(x: number, y: number, geometry: RateMapGeometry): { lr: number; momentum: number } {
  const column = Math.min(geometry.width - 1, Math.max(0, Math.round(x)));
  const row = Math.min(geometry.height - 1, Math.max(0, Math.round(y)));
  return { lr: axisValue(geometry.lrRange, geometry.width, column), momentum: axisValue(geometry.momentumRange, geometry.height, row) };
}

/**
 * Polyak's heavy-ball optimum for the eigenvalues' extremes μ = min, L = max (both > 0):
 * η* = 4/(√L+√μ)², γ* = ((√L−√μ)/(√L+√μ))²; null without two positive eigenvalues.
 * polyakPoint([1, 9]) → { lr: 0.25, momentum: 0.25 }.
 */
export function polyakPoint(eigenvalues: readonly number[]): { lr: number; momentum: number } | null {
  if (eigenvalues.length === 0 || !eigenvalues.every((l) => l > 0 && Number.isFinite(l))) return null;
  const sMu = Math.sqrt(Math.min(...eigenvalues));
  const sL = Math.sqrt(Math.max(...eigenvalues));
  const ratio = (sL - sMu) / (sL + sMu);
  return { lr: 4 / (sL + sMu) ** 2, momentum: ratio * ratio };
}

/** Bins of the rate, fast to slow, each ~2× more steps than the last to shrink the error 10×. */
const RATE_BINS: readonly Vec2[] = [[0, 0.5], [0.5, 0.8], [0.8, 0.9], [0.9, 0.95], [0.95, 0.99], [0.99, 1]];
// Viridis, bright (fast) to dark (slow): perceptually ordered and colour-blind safe.
const BIN_COLORS = ['#fde725', '#7ad151', '#22a884', '#2a788e', '#414487', '#440154'];

type HeatCell = [number, number, number | '-'];
const cellCache = new WeakMap<RateMapResult, HeatCell[]>();

/** [column, row, rate] per cell; a non-finite rate becomes '-', an empty cell. Cached per result. */
export function rateMapCells(result: RateMapResult): HeatCell[] {
  const cached = cellCache.get(result);
  if (cached) return cached;
  const cells: HeatCell[] = new Array(result.width * result.height);
  for (let row = 0; row < result.height; row++) {
    for (let column = 0; column < result.width; column++) {
      const rate = result.rates[row * result.width + column];
      cells[row * result.width + column] = [column, row, Number.isFinite(rate) ? rate : '-'];
    }
  }
  cellCache.set(result, cells);
  return cells;
}

/** Value-axis bounds that put grid value i at the centre of category band i. */
function bandAlignedRange(range: Vec2, count: number): Vec2 {
  const half = count > 1 ? (range[1] - range[0]) / (count - 1) / 2 : 0.5;
  return [range[0] - half, range[1] + half];
}

export function buildRateMapOption(vm: RateMapViewModel): ChartOption {
  const layout = layoutFor(vm);
  const text = { ...DEFAULT_RATE_MAP_TEXT, ...vm.text };
  const { result } = vm;
  const geometry: RateMapGeometry = { ...vm.request, width: result.width, height: result.height };
  const lrAxis = bandAlignedRange(vm.request.lrRange, result.width);
  const momentumAxis = bandAlignedRange(vm.request.momentumRange, result.height);
  const optimum = polyakPoint(vm.request.eigenvalues);
  const heatmap: HeatmapSeriesOption = {
    type: 'heatmap',
    id: RATE_SERIES_ID,
    name: text.rate,
    data: rateMapCells(result),
    // 80k cells: hover states per cell cost more than they give.
    emphasis: { disabled: true },
    progressive: 0,
    z: 1,
  };
  const hiddenCategory = (count: number, gridIndex: number) => ({
    type: 'category' as const,
    show: false,
    gridIndex,
    data: Array.from({ length: count }, (_, i) => i),
  });
  const visibleValue = (name: string, range: Vec2) => valueAxis(layout, { name, min: range[0], max: range[1], splitLines: false });
  const legendAtSide = !layout.narrow;
  return {
    ...baseOption(layout),
    grid: gridOption(layout, { legendRows: legendAtSide ? 0 : 1, right: legendAtSide ? 110 : 0 }),
    tooltip: { ...tooltipOption(layout, 'item'), formatter: (params) => tooltipHtml(params, vm, geometry, text) },
    xAxis: [hiddenCategory(result.width, 0), { ...visibleValue(text.lr, lrAxis), position: 'bottom' }],
    yAxis: [hiddenCategory(result.height, 0), { ...visibleValue(text.momentum, momentumAxis), position: 'left' }],
    visualMap: {
      type: 'piecewise',
      seriesIndex: 0,
      dimension: 2,
      pieces: [
        ...RATE_BINS.map(([lo, hi], i) => ({ gte: lo, lt: hi, color: BIN_COLORS[i], label: lo === 0 ? `< ${hi}` : `${lo}–${hi}` })),
        { gte: 1, color: layout.theme.diverging, label: text.diverging },
      ],
      textStyle: { color: layout.theme.text, fontSize: layout.fontSize - 1 },
      itemWidth: 14,
      itemHeight: 10,
      // Wide: every bin labelled beside the plot. Narrow: the labels would not fit in a row, so
      // only the two ends are named.
      ...(legendAtSide
        ? { orient: 'vertical', right: 8, top: 'middle', showLabel: true, text: [text.rate, ''] }
        : { orient: 'horizontal', left: 'center', bottom: 4, itemGap: 3, showLabel: false, text: [text.diverging, text.fast] }),
    },
    series: [
      heatmap,
      markerSeries('marker:current', text.current, vm.current, 'circle', layout),
      markerSeries('marker:optimum', text.optimum, optimum, 'diamond', layout),
    ],
  };
}

function markerSeries(
  id: string,
  name: string,
  point: { lr: number; momentum: number } | null,
  symbol: 'circle' | 'diamond',
  layout: ChartLayout,
): LineSeriesOption {
  const { theme } = layout;
  return {
    type: 'line',
    id,
    name,
    xAxisIndex: 1,
    yAxisIndex: 1,
    data: point ? [[point.lr, point.momentum]] : [],
    symbol,
    symbolSize: symbol === 'diamond' ? 14 : 13,
    showSymbol: true,
    itemStyle: { color: symbol === 'diamond' ? theme.ink : 'transparent', borderColor: symbol === 'diamond' ? theme.background : theme.ink, borderWidth: 2.5 },
    label: {
      show: true,
      formatter: name,
      position: 'right',
      color: theme.text,
      backgroundColor: theme.background,
      padding: [2, 4],
      borderRadius: 3,
      fontSize: layout.fontSize - 1,
    },
    z: 10,
  };
}

function tooltipHtml(params: CallbackDataParams | CallbackDataParams[], vm: RateMapViewModel, geometry: RateMapGeometry, text: RateMapText): string {
  const item = Array.isArray(params) ? params[0] : params;
  const value = item?.value as (number | string)[] | undefined;
  if (!item || !value) return '';
  let lr: number;
  let momentum: number;
  if (item.seriesId === RATE_SERIES_ID) ({ lr, momentum } = rateMapPointToParams(Number(value[0]), Number(value[1]), geometry));
  else [lr, momentum] = [Number(value[0]), Number(value[1])];
  const rate = rateAt(vm.result, geometry, lr, momentum);
  const title = item.seriesId === RATE_SERIES_ID ? '' : `${escapeHtml(item.seriesName ?? '')}<br/>`;
  return `${title}η = ${formatNumber(lr)}, γ = ${formatNumber(momentum)}<br/>${escapeHtml(text.rate)} ${rate === null ? '–' : formatNumber(rate)}`;
}

/** The map's rate at the grid point nearest (lr, momentum); null outside the map. */
export function rateAt(result: RateMapResult, geometry: RateMapGeometry, lr: number, momentum: number): number | null {
  const column = Math.round(((lr - geometry.lrRange[0]) / (geometry.lrRange[1] - geometry.lrRange[0])) * (geometry.width - 1));
  const row = Math.round(((momentum - geometry.momentumRange[0]) / (geometry.momentumRange[1] - geometry.momentumRange[0])) * (geometry.height - 1));
  if (!(column >= 0 && column < result.width && row >= 0 && row < result.height)) return null;
  return result.rates[row * result.width + column];
}
