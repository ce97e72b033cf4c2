/**
 * Responsive pieces every chart shares. The builders know only a width hint (the container's
 * CSS width), so the rules are coarse on purpose: below NARROW_WIDTH the legend moves under the
 * plot, axes get fewer labels and markers shrink.
 */
import type {
  GridComponentOption,
  LegendComponentOption,
  TooltipComponentOption,
  XAXisComponentOption,
  YAXisComponentOption,
} from 'echarts/types/dist/option';
import type { ChartFrame, ChartOption } from './option';
import { isMultipleOf, tickStep } from './geometry';
import { themeColors, type ThemeColors } from './theme';

export const NARROW_WIDTH = 600;

export interface ChartLayout {
  readonly narrow: boolean;
  /** The width hint itself, for estimates such as legend wrapping. */
  readonly width: number;
  readonly theme: ThemeColors;
  /** Target number of intervals per axis (ECharts' splitNumber). */
  readonly splitNumber: number;
  readonly symbolSize: number;
  readonly fontSize: number;
}

/** Layout for a frame, e.g. layoutFor({ scheme: 'light', width: 360 }).narrow === true. */
export function layoutFor(frame: ChartFrame): ChartLayout {
  const narrow = frame.width < NARROW_WIDTH;
  return {
    narrow,
    width: frame.width,
    theme: themeColors(frame.scheme),
    splitNumber: narrow ? 3 : 5,
    symbolSize: narrow ? 4 : 6,
    fontSize: narrow ? 11 : 12,
  };
}

/** Top-level keys every chart sets the same way. */
export function baseOption(layout: ChartLayout): ChartOption {
  return {
    backgroundColor: layout.theme.background,
    textStyle: { color: layout.theme.text, fontSize: layout.fontSize },
    // Live edits repaint many times a second; the component turns animation off for updates.
    animation: false,
  };
}

const LEGEND_ROW_HEIGHT = 22;
const LEGEND_ICON_WIDTH = 22;
const LEGEND_ITEM_GAP = 10;
/** More rows than this and the legend scrolls instead of wrapping. */
const MAX_LEGEND_ROWS = 4;

/**
 * Rows a wrapping legend needs at this width, from an estimate of the label widths (the builder
 * cannot measure text). Capped: beyond MAX_LEGEND_ROWS the legend scrolls in one row.
 */
export function legendRows(layout: ChartLayout, names: readonly string[]): number {
  const rows = wrappedRows(layout, names);
  return rows > MAX_LEGEND_ROWS ? 1 : rows;
}

function wrappedRows(layout: ChartLayout, names: readonly string[]): number {
  if (names.length === 0) return 0;
  const available = layout.width - 24;
  let rows = 1;
  let used = 0;
  for (const name of names) {
    const item = LEGEND_ICON_WIDTH + 5 + name.length * layout.fontSize * 0.55;
    if (used > 0 && used + LEGEND_ITEM_GAP + item > available) {
      rows += 1;
      used = item;
    } else {
      used += (used > 0 ? LEGEND_ITEM_GAP : 0) + item;
    }
  }
  return rows;
}

export interface GridSpec {
  /** Rows taken by the legend (legendRows), on top when wide, below when narrow. */
  readonly legendRows: number;
  /** Extra room above the plot (e.g. a key line), in pixels. */
  readonly top?: number;
  /** Extra room right of the plot (e.g. a side visual map), in pixels. */
  readonly right?: number;
}

/** Plot area: room for the legend on top (wide) or below (narrow); labels kept inside the box. */
export function gridOption(layout: ChartLayout, spec: GridSpec): GridComponentOption {
  const legendRoom = spec.legendRows * LEGEND_ROW_HEIGHT + (spec.legendRows > 0 ? 4 : 0);
  return {
    left: 8,
    right: 16 + (spec.right ?? 0),
    top: 14 + (spec.top ?? 0) + (layout.narrow ? 0 : legendRoom),
    bottom: 6 + (layout.narrow ? legendRoom : 0),
    outerBoundsMode: 'same',
    outerBoundsContain: 'all',
  };
}

/** Pixel offset from the top for a line drawn just above the plot, under a top legend. */
export function belowLegendTop(layout: ChartLayout, rows: number): number {
  return 6 + (layout.narrow ? 0 : rows * LEGEND_ROW_HEIGHT + 4);
}

export function legendOption(layout: ChartLayout, names: readonly string[]): LegendComponentOption {
  return {
    type: wrappedRows(layout, names) > MAX_LEGEND_ROWS ? 'scroll' : 'plain',
    show: names.length > 0,
    data: [...names],
    left: 'center',
    width: layout.width - 24,
    ...(layout.narrow ? { bottom: 4 } : { top: 4 }),
    textStyle: { color: layout.theme.text, fontSize: layout.fontSize },
    pageTextStyle: { color: layout.theme.mutedText },
    pageIconColor: layout.theme.text,
    pageIconInactiveColor: layout.theme.axisLine,
    inactiveColor: layout.theme.axisLine,
    itemWidth: LEGEND_ICON_WIDTH,
    itemHeight: 10,
    itemGap: LEGEND_ITEM_GAP,
  };
}

export function tooltipOption(layout: ChartLayout, trigger: 'item' | 'axis'): TooltipComponentOption {
  return {
    trigger,
    confine: true,
    backgroundColor: layout.theme.tooltipBackground,
    borderColor: layout.theme.tooltipBorder,
    textStyle: { color: layout.theme.text, fontSize: layout.fontSize },
  };
}

export interface ValueAxisSpec {
  readonly name: string;
  readonly min?: number;
  readonly max?: number;
  readonly log?: boolean;
  /** Show grid lines across the plot (off where contours already give structure). */
  readonly splitLines?: boolean;
  /** Tick labels on (default) or off (inner cells of small multiples). */
  readonly labels?: boolean;
  /** Labels at the very ends of the range (off where the range ends are not round numbers). */
  readonly edgeLabels?: boolean;
  readonly gridIndex?: number;
  readonly splitNumber?: number;
  /** Fixed tick interval; on a log axis in decades (ECharts reads it in log space). */
  readonly interval?: number;
  readonly labelFormatter?: (value: number) => string;
  /** Distance of the axis name from the axis line, in pixels. */
  readonly nameGap?: number;
}

/** A value (or log) axis styled for the scheme; never crosses at zero, so it stays at the edge. */
export function valueAxis(layout: ChartLayout, spec: ValueAxisSpec): XAXisComponentOption & YAXisComponentOption {
  const { theme } = layout;
  const splitNumber = spec.splitNumber ?? layout.splitNumber;
  // ECharts labels a fixed min/max even when it falls between ticks (−5.5 beside −5), which
  // crowds its neighbour. Predict ECharts' interval and label a bound only when it is a tick.
  const bounded = !spec.log && spec.min !== undefined && spec.max !== undefined && spec.max > spec.min;
  const interval = bounded ? tickStep(spec.max - spec.min, splitNumber) : undefined;
  const edge = (bound: number | undefined) => spec.edgeLabels ?? (interval === undefined || bound === undefined || isMultipleOf(bound, interval));
  return {
    type: spec.log ? 'log' : 'value',
    name: spec.name,
    nameLocation: 'middle',
    nameGap: spec.nameGap ?? (layout.narrow ? 24 : 28),
    nameTextStyle: { color: theme.mutedText },
    min: spec.min,
    max: spec.max,
    scale: true,
    gridIndex: spec.gridIndex ?? 0,
    splitNumber,
    interval: spec.interval,
    axisLine: { show: true, onZero: false, lineStyle: { color: theme.axisLine } },
    axisTick: { show: true, lineStyle: { color: theme.axisLine } },
    axisLabel: {
      show: spec.labels ?? true,
      showMinLabel: edge(spec.min),
      showMaxLabel: edge(spec.max),
      formatter: spec.labelFormatter,
      color: theme.mutedText,
      hideOverlap: true,
      fontSize: layout.fontSize,
    },
    splitLine: { show: spec.splitLines ?? true, lineStyle: { color: theme.splitLine } },
  };
}
