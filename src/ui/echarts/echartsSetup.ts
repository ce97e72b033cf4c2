/**
 * The one place that registers ECharts parts. Importing `echarts/core` plus only the charts,
 * components and renderers we draw keeps the bundle small; registering them here, once, means
 * every instance (the app's canvas charts, SVG export, server-side tests) sees the same set.
 */
import * as echarts from 'echarts/core';
import { CustomChart, HeatmapChart, LineChart, LinesChart } from 'echarts/charts';
import {
  DataZoomInsideComponent,
  GraphicComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  MarkPointComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
  VisualMapPiecewiseComponent,
} from 'echarts/components';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';

echarts.use([
  LineChart,
  LinesChart,
  CustomChart,
  HeatmapChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  MarkPointComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
  VisualMapPiecewiseComponent,
  GraphicComponent,
  DataZoomInsideComponent,
  CanvasRenderer,
  SVGRenderer,
]);

export { echarts };
export type { ECharts, EChartsType } from 'echarts/core';
