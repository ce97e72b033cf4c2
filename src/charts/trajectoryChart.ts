/**
 * The trajectory chart: contour lines of the objective with every selected 2-D run on top.
 * Axes keep the region of interest (computed by the caller with regionOfInterest, the same
 * rectangle the contours were computed over); an escaping run is cut at the axis and an arrow
 * labelled "diverges" marks where it leaves.
 */
import type { ContourResult, Path2DResult, Vec2 } from '../core/runTypes';
import type { CallbackDataParams } from 'echarts/types/dist/shared';
import { contourSeries } from './contourSeries';
import { colorDot, escapeHtml, formatNumber, uniqueLabels } from './format';
import { regionKey, type Region } from './geometry';
import { baseOption, belowLegendTop, gridOption, layoutFor, legendOption, legendRows, tooltipOption, valueAxis, type ChartLayout } from './layout';
import type { ChartFrame, ChartOption, LineSeriesOption } from './option';
import { runLineDash } from './palette';
import { arrowKindsFor, arrowSeries, type ArrowKind } from './trajectoryArrows';
import { clipPath, type ClippedPath } from './trajectoryPath';
import { perResult } from './perResult';

export { ALL_ARROWS, type ArrowKind } from './trajectoryArrows';

/** Series id of the start point; EChart's `draggable` prop makes its first point draggable. */
export const START_HANDLE_SERIES_ID = 'start-handle';

export interface TrajectoryRun {
  /** Stable identity (cell address or pin id): series ids derive from it. */
  readonly id: string;
  readonly label: string;
  /** From the palette, the same colour as the run's cell. */
  readonly color: string;
  readonly pinned: boolean;
  /** paletteRepeat of the run's colour index: above 0 the colour is shared with an earlier run, and the line is dotted. */
  readonly colorRepeat?: number;
  /** Momentum γ of the run (0 for plain gradient descent), for the special-gradient arrows. */
  readonly gamma: number;
  readonly result: Path2DResult;
}

export interface TrajectoryText {
  readonly diverges: string;
  readonly start: string;
  readonly x1: string;
  readonly x2: string;
  readonly arrows: Readonly<Record<ArrowKind, string>>;
}

export const DEFAULT_TRAJECTORY_TEXT: TrajectoryText = {
  diverges: 'diverges',
  start: 'start (drag me)',
  x1: 'x₁',
  x2: 'x₂',
  arrows: { step: 'η∇f', velocity: 'v', special: 'η∇f/(1−γ)' },
};

export interface TrajectoryViewModel extends ChartFrame {
  readonly runs: readonly TrajectoryRun[];
  readonly contours: ContourResult | null;
  readonly region: Region;
  /** The start cell's point, drawn as a draggable handle; null: no handle. */
  readonly start: Vec2 | null;
  /** Arrows to draw at every iterate (empty: none). */
  readonly arrows: readonly ArrowKind[];
  /** The id of the one run whose arrows are drawn; absent: every run's. */
  readonly arrowsFor?: string;
  readonly text?: Partial<TrajectoryText>;
}

/**
 * Everything that moves with an edit is drawn on its own canvas layer (zlevel 1), over the
 * contour lines and axes (zlevel 0): a live edit then repaints the runs only, and the thousands
 * of contour points stay on a layer ECharts does not touch.
 */
export const LIVE_LAYER = 1;

export function buildTrajectoryOption(vm: TrajectoryViewModel): ChartOption {
  const layout = layoutFor(vm);
  const text = { ...DEFAULT_TRAJECTORY_TEXT, ...vm.text };
  const names = uniqueLabels(vm.runs.map((run) => run.label));
  const series: ChartOption['series'] = [];
  const drawnKinds = new Set<ArrowKind>();
  if (vm.contours) series.push(contourSeries(vm.contours, layout.theme));
  const exits = vm.runs.map((run) => drawnPath(vm.region, run.result).clipped.exit?.to ?? null);
  const exitLabels = sharedExitLabels(exits, names, vm.region, text.diverges);
  vm.runs.forEach((run, i) => {
    series.push(runSeries(run, names[i], vm.region, layout, text, exitLabels[i]));
    const arrows = vm.arrowsFor === undefined || vm.arrowsFor === run.id ? vm.arrows : [];
    for (const kind of arrowKindsFor(run.gamma, arrows)) {
      drawnKinds.add(kind);
      series.push(arrowSeries(run, names[i], kind, text.arrows[kind], vm.region));
    }
  });
  if (vm.start) series.push(startHandleSeries(vm.start, text.start, layout));
  // The key names only the kinds drawn (plain GD runs have no velocity or special arrows).
  const keyKinds = vm.arrows.filter((kind) => drawnKinds.has(kind));
  const showKey = keyKinds.length > 0;
  const rows = legendRows(layout, names);
  return {
    ...baseOption(layout),
    grid: gridOption(layout, { legendRows: rows, top: showKey ? 18 : 0 }),
    legend: { ...legendOption(layout, names), zlevel: LIVE_LAYER },
    tooltip: { ...tooltipOption(layout, 'item'), formatter: (params) => tooltipHtml(params, vm, text) },
    // Wheel or pinch zooms, dragging the background pans (the start handle keeps its own drag);
    // the axes keep their region, so "Reset view" brings the whole picture back.
    dataZoom: [
      { type: 'inside', id: 'zoom-x1', xAxisIndex: 0, filterMode: 'none' },
      { type: 'inside', id: 'zoom-x2', yAxisIndex: 0, filterMode: 'none' },
    ],
    xAxis: valueAxis(layout, { name: text.x1, min: vm.region.x1[0], max: vm.region.x1[1], splitLines: false }),
    yAxis: valueAxis(layout, { name: text.x2, min: vm.region.x2[0], max: vm.region.x2[1], splitLines: false }),
    title: {
      zlevel: LIVE_LAYER,
      show: showKey,
      text: arrowKey(keyKinds, text),
      right: 16,
      top: belowLegendTop(layout, rows),
      textStyle: { color: layout.theme.mutedText, fontSize: layout.fontSize - 1, fontWeight: 'normal' },
    },
    series,
  };
}

function arrowKey(kinds: readonly ArrowKind[], text: TrajectoryText): string {
  // Glyphs that look like the strokes: thin solid, wide translucent, dotted.
  const stroke: Record<ArrowKind, string> = { step: '—', velocity: '▬', special: '⋯' };
  return kinds.map((kind) => `${stroke[kind]} ${text.arrows[kind]}`).join('   ');
}

/** One run's path (clipped to the region, with its exit marked), on the first axes unless the caller moves it. */
/** Exits closer than this share one label (a fraction of the region's width and height). */
const SAME_EXIT = 0.06;

/**
 * The "diverges" label of each run's exit. Runs that leave the plot at nearly the same point (with
 * the true gradient, four of the chapter's runs leave together at step 1) would stack their labels
 * into one unreadable pile: the first of them says which runs leave there, the others say nothing.
 * undefined: the run's own label; null: none.
 */
export function sharedExitLabels(exits: readonly (Vec2 | null)[], names: readonly string[], region: Region, diverges: string): (string | null | undefined)[] {
  const width = region.x1[1] - region.x1[0];
  const height = region.x2[1] - region.x2[0];
  const labels: (string | null | undefined)[] = exits.map(() => undefined);
  const grouped = new Set<number>();
  exits.forEach((at, i) => {
    if (at === null || grouped.has(i)) return;
    const group = exits.flatMap((other, j) =>
      j >= i && other !== null && !grouped.has(j) && Math.abs(other[0] - at[0]) <= SAME_EXIT * width && Math.abs(other[1] - at[1]) <= SAME_EXIT * height ? [j] : [],
    );
    if (group.length < 2) return;
    group.forEach((j) => grouped.add(j));
    labels[i] = `${group.map((j) => names[j].split(' ')[0]).join(', ')}: ${diverges}`;
    group.slice(1).forEach((j) => (labels[j] = null));
  });
  return labels;
}

interface DrawnPath {
  readonly clipped: ClippedPath;
  readonly data: NonNullable<LineSeriesOption['data']>;
}
const pathPerResult = perResult<Path2DResult, DrawnPath>();

/** The run's path clipped to the region and its series data: the same objects for the same result and region. */
function drawnPath(region: Region, result: Path2DResult): DrawnPath {
  return pathPerResult(result, regionKey(region), () => {
    const clipped = clipPath(region, result.x1, result.x2);
    const data = clipped.items.map((item) => {
      if (item === null) return '-';
      if (item.step === null) return { value: [item.point[0], item.point[1]], symbol: 'none' };
      return [item.point[0], item.point[1], item.step];
    });
    return { clipped, data };
  });
}

export function runSeries(
  run: TrajectoryRun,
  name: string,
  region: Region,
  layout: ChartLayout,
  text: TrajectoryText,
  exitLabel: string | null | undefined = undefined,
): LineSeriesOption {
  const { clipped, data } = drawnPath(region, run.result);
  const { exit } = clipped;
  const dash = runLineDash(run.pinned, run.colorRepeat);
  return {
    type: 'line',
    id: `run:${run.id}`,
    name,
    data,
    smooth: false,
    connectNulls: false,
    symbol: 'circle',
    symbolSize: layout.symbolSize,
    showSymbol: true,
    showAllSymbol: true,
    color: run.color,
    lineStyle: { color: run.color, width: 2, type: dash },
    itemStyle: { color: run.color },
    emphasis: { focus: 'series' },
    zlevel: LIVE_LAYER,
    z: 5,
    // Always present (possibly empty) so that a merge-mode update replaces an old marker.
    markLine: {
      silent: true,
      symbol: ['none', 'arrow'],
      symbolSize: 12,
      animation: false,
      lineStyle: { color: run.color, width: 2, type: dash },
      label: {
        show: exitLabel !== null,
        position: 'insideEndTop',
        formatter: exitLabel ?? text.diverges,
        // A label shared by several runs is in ink, not in one of their colours.
        color: typeof exitLabel === 'string' ? layout.theme.ink : run.color,
        fontWeight: 'bold',
        fontSize: layout.fontSize,
      },
      data: exit ? [[{ coord: [...exit.from] }, { coord: [...exit.to] }]] : [],
    },
  };
}

function startHandleSeries(start: Vec2, name: string, layout: ChartLayout): LineSeriesOption {
  return {
    type: 'line',
    id: START_HANDLE_SERIES_ID,
    name,
    data: [[start[0], start[1]]],
    symbol: 'circle',
    symbolSize: layout.narrow ? 16 : 14,
    showSymbol: true,
    itemStyle: { color: layout.theme.background, borderColor: layout.theme.ink, borderWidth: 2.5, shadowBlur: 6, shadowColor: layout.theme.ink },
    // Said on the plot, not only on hover: this point can be dragged.
    label: { show: true, position: 'bottom', distance: 8, formatter: name, color: layout.theme.mutedText, fontSize: layout.fontSize - 1 },
    cursor: 'move',
    zlevel: LIVE_LAYER,
    z: 20,
    clip: false,
  };
}

function tooltipHtml(params: CallbackDataParams | CallbackDataParams[], vm: TrajectoryViewModel, text: TrajectoryText): string {
  const item = Array.isArray(params) ? params[0] : params;
  if (!item) return '';
  const title = escapeHtml(item.seriesName ?? '');
  if (item.seriesId === START_HANDLE_SERIES_ID && vm.start) {
    return `${title}<br/>(${formatNumber(vm.start[0])}, ${formatNumber(vm.start[1])})`;
  }
  if (item.seriesType === 'lines') return `${colorDot(typeof item.color === 'string' ? item.color : '')}${title}: ${escapeHtml(item.name)}`;
  const run = vm.runs.find((r) => `run:${r.id}` === item.seriesId);
  const value = item.value as number[] | undefined;
  if (!run || !value || value.length < 3) return '';
  const t = value[2];
  return (
    `${colorDot(run.color)}${title}<br/>t = ${t}: (${formatNumber(value[0])}, ${formatNumber(value[1])})` +
    `<br/>f = ${formatNumber(run.result.f[t])}` +
    (run.result.divergedAt !== null ? `<br/>${escapeHtml(text.diverges)} (t = ${run.result.divergedAt})` : '')
  );
}
