/**
 * Chart images: PNG from a live (canvas) chart, SVG by rendering the same option again with the
 * SVG renderer in server-side mode, which needs no DOM and therefore also runs in Node (tests,
 * scripts/render-charts.ts).
 */
import { echarts, type EChartsType } from './echartsSetup';
import type { ChartOption } from '../../charts/option';

/** Render an option to an SVG document string, e.g. renderSvg(buildEwmaOption(vm), 900, 500).startsWith('<svg'). */
export function renderSvg(option: ChartOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(option);
    // SVG keeps an image's aspect ratio unless told otherwise, while canvas (the app) stretches
    // it to the given box; the rate map's raster must fill its box exactly in both.
    return chart.renderToSVGString().replace(/<image /g, '<image preserveAspectRatio="none" ');
  } finally {
    // Without dispose the instance's animation loop keeps Node's event loop alive.
    chart.dispose();
  }
}

/** PNG data URL of a live chart at twice its CSS size (crisp on high-DPI screens). */
export function chartPngDataUrl(chart: EChartsType): string {
  const background = chart.getOption().backgroundColor;
  return chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: typeof background === 'string' ? background : '#ffffff' });
}

/** SVG document of what a live chart currently shows (its current option, re-rendered as SVG). */
export function chartSvgString(chart: EChartsType): string {
  return renderSvg(chart.getOption(), chart.getWidth(), chart.getHeight());
}

/** Instance ids (zr0, ec_…) differ between renders; replace them so two renders can be compared. */
export function normaliseSvgIds(svg: string): string {
  return svg.replace(/zr\d+-/g, 'zr-').replace(/zr-cls-\d+/g, 'zr-cls').replace(/ec_\d+_\d+/g, 'ec_id').replace(/_ec_\w+/g, '_ec_id');
}
