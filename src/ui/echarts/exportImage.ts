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

/** Height of the title band added above an exported chart, in CSS pixels. */
const TITLE_BAND = 30;

function backgroundOf(chart: EChartsType): string {
  const background = chart.getOption().backgroundColor;
  return typeof background === 'string' ? background : '#ffffff';
}

/** Light text on a dark background, dark text otherwise. */
function inkOf(background: string): string {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(background);
  if (hex === null) return '#1b1f24';
  const [r, g, b] = hex.slice(1).map((part) => parseInt(part, 16));
  return 0.299 * r + 0.587 * g + 0.114 * b < 128 ? '#e6e8eb' : '#1b1f24';
}

/**
 * PNG data URL of a live chart at twice its CSS size (crisp on high-DPI screens), with its title
 * drawn above it: an image that leaves the page still says what it shows.
 */
export async function chartPngDataUrl(chart: EChartsType, title: string): Promise<string> {
  const ratio = 2;
  const background = backgroundOf(chart);
  const image = new Image();
  image.src = chart.getDataURL({ type: 'png', pixelRatio: ratio, backgroundColor: background });
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = image.width;
  canvas.height = image.height + TITLE_BAND * ratio;
  const context = canvas.getContext('2d');
  if (context === null) return image.src;
  context.fillStyle = background;
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.fillStyle = inkOf(background);
  context.font = `600 ${14 * ratio}px system-ui, sans-serif`;
  context.textBaseline = 'middle';
  context.fillText(title, 12 * ratio, (TITLE_BAND / 2) * ratio);
  context.drawImage(image, 0, TITLE_BAND * ratio);
  return canvas.toDataURL('image/png');
}

/** SVG document of what a live chart currently shows (its current option, re-rendered as SVG), titled. */
export function chartSvgString(chart: EChartsType, title: string): string {
  return withTitle(renderSvg(chart.getOption(), chart.getWidth(), chart.getHeight()), title, inkOf(backgroundOf(chart)));
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An SVG document with a title band above its content: `withTitle('<svg width="10" height="5">…</svg>', 'f')`. */
export function withTitle(svg: string, title: string, ink = '#1b1f24'): string {
  const open = /<svg\b[^>]*>/.exec(svg);
  const end = svg.lastIndexOf('</svg>');
  if (open === null || end < 0) return svg;
  const height = Number(/\bheight="([\d.]+)"/.exec(open[0])?.[1] ?? NaN);
  if (!Number.isFinite(height)) return svg;
  const grown = open[0]
    .replace(/\bheight="[\d.]+"/, `height="${height + TITLE_BAND}"`)
    .replace(/viewBox="([\d.-]+) ([\d.-]+) ([\d.-]+) ([\d.-]+)"/, (_whole, x: string, y: string, w: string, h: string) => `viewBox="${x} ${y} ${w} ${Number(h) + TITLE_BAND}"`);
  const body = svg.slice(open.index + open[0].length, end);
  const heading = `<text x="12" y="${TITLE_BAND / 2}" dominant-baseline="central" style="font:600 14px system-ui,sans-serif" fill="${ink}">${escapeXml(title)}</text>`;
  return `${svg.slice(0, open.index)}${grown}${heading}<g transform="translate(0 ${TITLE_BAND})">${body}</g></svg>`;
}

/** Instance ids (zr0, ec_…) differ between renders; replace them so two renders can be compared. */
export function normaliseSvgIds(svg: string): string {
  return svg.replace(/zr\d+-/g, 'zr-').replace(/zr-cls-\d+/g, 'zr-cls').replace(/ec_\d+_\d+/g, 'ec_id').replace(/_ec_\w+/g, '_ec_id');
}
