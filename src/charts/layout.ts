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
import { themeColors, type ThemeColors } from './theme';

export const NARROW_WIDTH = 600;

export interface ChartLayout {
  readonly narrow: boolean;
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

/** Plot area: room for a legend on top (wide) or below (narrow); labels kept inside the box. */
export function gridOption(layout: ChartLayout, hasLegend: boolean, extraRight = 0): GridComponentOption {
  const legendRoom = hasLegend ? 28 : 0;
  return {
    left: 8,
    right: 16 + extraRight,
    top: (layout.narrow ? 12 : 12 + legendRoom) + 8,
    bottom: layout.narrow ? 8 + legendRoom : 8,
    outerBoundsMode: 'same',
    outerBoundsContain: 'all',
  };
}

export function legendOption(layout: ChartLayout, names: readonly string[]): LegendComponentOption {
  return {
    type: 'scroll',
    data: [...names],
    left: 'center',
    ...(layout.narrow ? { bottom: 4 } : { top: 4 }),
    textStyle: { color: layout.theme.text, fontSize: layout.fontSize },
    pageTextStyle: { color: layout.theme.mutedText },
    pageIconColor: layout.theme.text,
    pageIconInactiveColor: layout.theme.axisLine,
    inactiveColor: layout.theme.axisLine,
    itemWidth: 22,
    itemHeight: 10,
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
}

/** A value (or log) axis styled for the scheme; never crosses at zero, so it stays at the edge. */
export function valueAxis(layout: ChartLayout, spec: ValueAxisSpec): XAXisComponentOption & YAXisComponentOption {
  const { theme } = layout;
  return {
    type: spec.log ? 'log' : 'value',
    name: spec.name,
    nameLocation: 'middle',
    nameGap: layout.narrow ? 24 : 28,
    nameTextStyle: { color: theme.mutedText },
    min: spec.min,
    max: spec.max,
    scale: true,
    gridIndex: spec.gridIndex ?? 0,
    splitNumber: spec.splitNumber ?? layout.splitNumber,
    axisLine: { show: true, onZero: false, lineStyle: { color: theme.axisLine } },
    axisTick: { show: true, lineStyle: { color: theme.axisLine } },
    axisLabel: {
      show: spec.labels ?? true,
      showMinLabel: spec.edgeLabels,
      showMaxLabel: spec.edgeLabels,
      color: theme.mutedText,
      hideOverlap: true,
      fontSize: layout.fontSize,
    },
    splitLine: { show: spec.splitLines ?? true, lineStyle: { color: theme.splitLine } },
  };
}
