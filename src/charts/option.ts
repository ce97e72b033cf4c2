/**
 * Types shared by every chart builder: the option type limited to the parts registered in
 * echartsSetup.ts (so a builder cannot ask for a series type the bundle lacks), and the frame
 * every view model carries (colour scheme and width hint).
 */
import type { ComposeOption } from 'echarts/core';
import type { CustomSeriesOption, HeatmapSeriesOption, LineSeriesOption, LinesSeriesOption } from 'echarts/charts';
import type {
  DataZoomComponentOption,
  GraphicComponentOption,
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  MarkPointComponentOption,
  TitleComponentOption,
  TooltipComponentOption,
  VisualMapComponentOption,
} from 'echarts/components';

export type ChartOption = ComposeOption<
  | LineSeriesOption
  | LinesSeriesOption
  | CustomSeriesOption
  | HeatmapSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | MarkPointComponentOption
  | TitleComponentOption
  | TooltipComponentOption
  | VisualMapComponentOption
  | GraphicComponentOption
  | DataZoomComponentOption
>;

export type { CustomSeriesOption, HeatmapSeriesOption, LineSeriesOption, LinesSeriesOption };

export type ColorScheme = 'light' | 'dark';

/** What every view model carries besides its data. */
export interface ChartFrame {
  readonly scheme: ColorScheme;
  /** Width of the chart's container in CSS pixels; below NARROW_WIDTH the layout goes narrow. */
  readonly width: number;
}
