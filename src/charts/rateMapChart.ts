/**
 * The heavy ball's convergence-rate map over (learning rate, momentum): the spectral radius of
 * every grid point as a colour, binned so that "how many steps to shrink the error 10×" reads off
 * the colour, with rate ≥ 1 (no convergence) in a neutral colour of its own; a piecewise visual
 * map is its legend. The current run and Polyak's optimum are marked.
 *
 * The map is drawn as one image (a custom series placing a PNG over the value axes), not as an
 * ECharts heatmap: measured in Chromium (scripts/measure-chart-render.ts), a 400×200 heatmap took
 * ~780 ms per render and every marker move re-rendered all 80k cells (~770 ms); the image renders
 * in 13–32 ms and a marker move takes 7–15 ms. (Its SVG export is ~0.4 MB instead of 12 MB.)
 * The pointer's (η, γ) shows on the axes (cross axis pointer); a click's data point maps to
 * (η, γ) with rateMapPointToParams.
 */
import type { RateMapRequest, RateMapResult, Vec2 } from '../core/runTypes';
import type { CallbackDataParams } from 'echarts/types/dist/shared';
import { escapeHtml, formatNumber } from './format';
import { baseOption, gridOption, layoutFor, tooltipOption, valueAxis, type ChartLayout } from './layout';
import type { ChartFrame, ChartOption, CustomSeriesOption, LineSeriesOption } from './option';
import { pngDataUrl } from './pngImage';
import { perResult } from './perResult';

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

/** Index of the grid point nearest `value` along `range` (count points, ends included), clamped. */
function nearestIndex(range: Vec2, count: number, value: number): number {
  if (count <= 1 || range[1] === range[0]) return 0;
  const index = Math.round(((value - range[0]) / (range[1] - range[0])) * (count - 1));
  return Math.min(count - 1, Math.max(0, Number.isFinite(index) ? index : 0));
}

/**
 * The map's grid point nearest a clicked data point (x = η, y = γ as EChart's onEvent reports it,
 * i.e. convertFromPixel on the plot), snapped so that a click reproduces a value of the map.
 * rateMapPointToParams(0.998, 0.3, { lrRange: [0, 2], momentumRange: [0, 1], width: 401, height: 201 }) → { lr: 1, momentum: 0.3 }.
 */
export function rateMapPointToParams(x: number, y: number, geometry: RateMapGeometry): { lr: number; momentum: number } {
  const column = nearestIndex(geometry.lrRange, geometry.width, x);
  const row = nearestIndex(geometry.momentumRange, geometry.height, y);
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
export const RATE_BINS: readonly Vec2[] = [[0, 0.5], [0.5, 0.8], [0.8, 0.9], [0.9, 0.95], [0.95, 0.99], [0.99, 1]];
// Viridis, bright (fast) to dark (slow): perceptually ordered and colour-blind safe.
export const RATE_BIN_COLORS: readonly string[] = ['#fde725', '#7ad151', '#22a884', '#2a788e', '#414487', '#440154'];

/** Colour of a rate: its bin's, or `diverging` from 1 on; null (transparent) when not finite. */
export function rateColor(rate: number, diverging: string): string | null {
  if (!Number.isFinite(rate)) return null;
  if (rate >= 1) return diverging;
  const bin = RATE_BINS.findIndex(([, hi]) => rate < hi);
  return RATE_BIN_COLORS[Math.max(0, bin)];
}

const imagePerResult = perResult<RateMapResult, string>();

const rgbOf = (hex: string): readonly [number, number, number] => [1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16)) as [number, number, number];

/** The map as a PNG data URL, top row = largest momentum. Cached per result and diverging colour. */
export function rateMapImage(result: RateMapResult, diverging: string): string {
  return imagePerResult(result, diverging, () => encodeRateMap(result, diverging));
}

function encodeRateMap(result: RateMapResult, diverging: string): string {
  // Palette: the bins' colours, then diverging, then transparent (no value).
  const divergingIndex = RATE_BIN_COLORS.length;
  const noValue = divergingIndex + 1;
  const upper = RATE_BINS.map(([, hi]) => hi);
  const indices = new Uint8Array(result.width * result.height);
  for (let row = 0; row < result.height; row++) {
    // Image rows run top-down; row 0 of the map is the smallest momentum, at the bottom.
    const imageRow = result.height - 1 - row;
    for (let column = 0; column < result.width; column++) {
      const rate = result.rates[row * result.width + column];
      let index = noValue;
      if (Number.isFinite(rate)) {
        index = rate >= 1 ? divergingIndex : 0;
        while (index < upper.length - 1 && rate >= upper[index]) index++;
      }
      indices[imageRow * result.width + column] = index;
    }
  }
  const palette = [...RATE_BIN_COLORS.map(rgbOf), rgbOf(diverging), [0, 0, 0] as const];
  return pngDataUrl({ width: result.width, height: result.height, indices, palette, transparent: [noValue] });
}

/** Value-axis bounds that put grid value i at the centre of the i-th of `count` equal cells. */
export function bandAlignedRange(range: Vec2, count: number): Vec2 {
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
  const image = rateMapImage(result, layout.theme.diverging);
  const map: CustomSeriesOption = {
    type: 'custom',
    id: RATE_SERIES_ID,
    name: text.rate,
    // One item: the image's corners in data coordinates; renderItem turns them into pixels.
    data: [[lrAxis[0], momentumAxis[0], lrAxis[1], momentumAxis[1]]],
    renderItem: (_params, api) => {
      const topLeft = api.coord([lrAxis[0], momentumAxis[1]]);
      const bottomRight = api.coord([lrAxis[1], momentumAxis[0]]);
      return {
        type: 'image',
        style: { image, x: topLeft[0], y: topLeft[1], width: bottomRight[0] - topLeft[0], height: bottomRight[1] - topLeft[1] },
      };
    },
    clip: true,
    tooltip: { show: false },
    z: 1,
  };
  const axis = (name: string, range: Vec2) => ({
    ...valueAxis(layout, { name, min: range[0], max: range[1], splitLines: false }),
    // The pointer's η and γ on the axes: the image has no per-cell tooltip.
    axisPointer: {
      show: true,
      snap: false,
      type: 'line' as const,
      lineStyle: { color: layout.theme.ink, opacity: 0.5 },
      label: { show: true, formatter: (p: { value: unknown }) => formatNumber(Number(p.value)) },
    },
  });
  const legendAtSide = !layout.narrow;
  return {
    ...baseOption(layout),
    grid: gridOption(layout, { legendRows: legendAtSide ? 0 : 1, right: legendAtSide ? 110 : 0 }),
    tooltip: {
      ...tooltipOption(layout, 'item'),
      formatter: (params) => tooltipHtml(params, vm, geometry, text),
    },
    xAxis: axis(text.lr, lrAxis),
    yAxis: axis(text.momentum, momentumAxis),
    visualMap: {
      type: 'piecewise',
      // A legend only: the image is coloured by rateColor with the same bins.
      seriesIndex: [],
      selectedMode: false,
      pieces: [
        ...RATE_BINS.map(([lo, hi], i) => ({ gte: lo, lt: hi, color: RATE_BIN_COLORS[i], label: lo === 0 ? `< ${hi}` : `${lo}–${hi}` })),
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
      map,
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
    // Their own canvas layer: moving a marker repaints the two markers, not the map image and axes.
    zlevel: 1,
  };
}

/** Tooltip of the markers (the map itself has none: the axis pointer shows η and γ). */
function tooltipHtml(params: CallbackDataParams | CallbackDataParams[], vm: RateMapViewModel, geometry: RateMapGeometry, text: RateMapText): string {
  const item = Array.isArray(params) ? params[0] : params;
  const value = item?.value as number[] | undefined;
  if (!item || !Array.isArray(value)) return '';
  const [lr, momentum] = value;
  const rate = rateAt(vm.result, geometry, lr, momentum);
  return `${escapeHtml(item.seriesName ?? '')}<br/>η = ${formatNumber(lr)}, γ = ${formatNumber(momentum)}<br/>${escapeHtml(text.rate)} ≈ ${rate === null ? '–' : formatNumber(rate)}`;
}

/** The map's rate at the grid point nearest (lr, momentum); null outside the map's ranges. */
export function rateAt(result: RateMapResult, geometry: RateMapGeometry, lr: number, momentum: number): number | null {
  const inside = (range: Vec2, value: number) => value >= Math.min(...range) && value <= Math.max(...range);
  if (!inside(geometry.lrRange, lr) || !inside(geometry.momentumRange, momentum)) return null;
  const column = nearestIndex(geometry.lrRange, geometry.width, lr);
  const row = nearestIndex(geometry.momentumRange, geometry.height, momentum);
  return result.rates[row * result.width + column];
}
