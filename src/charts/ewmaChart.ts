/**
 * The EWMA weights chart: the weight (1−γ)γ^i that y_t gives to x_{t−i}, against the lag i, for
 * several γ. Each curve marks its window 1/(1−γ) (a vertical line) and the lag where γ^i = e⁻¹
 * (a dot): the two nearly coincide, which is why y reads as an average of the last 1/(1−γ) values.
 */
import type { CallbackDataParams } from 'echarts/types/dist/shared';
import { colorDot, escapeHtml, formatNumber, uniqueLabels } from './format';
import { baseOption, belowLegendTop, gridOption, layoutFor, legendOption, legendRows, tooltipOption, valueAxis } from './layout';
import type { ChartFrame, ChartOption, LineSeriesOption } from './option';

export interface EwmaCurve {
  readonly gamma: number;
  readonly color: string;
  /** Legend text; default "γ = 0.95". */
  readonly label?: string;
}

export interface EwmaText {
  readonly lag: string;
  readonly weight: string;
  readonly window: string;
  readonly inverseE: string;
}

export const DEFAULT_EWMA_TEXT: EwmaText = {
  lag: 'i (steps back)',
  weight: 'weight (1−γ)γⁱ',
  window: 'window 1/(1−γ)',
  inverseE: 'γⁱ = e⁻¹',
};

export interface EwmaViewModel extends ChartFrame {
  /** Curves with 0 ≤ γ < 1; others have no finite window and are left out. */
  readonly curves: readonly EwmaCurve[];
  /** Largest lag shown; default 2.5 windows of the largest γ, between 10 and 200. */
  readonly maxLag?: number;
  readonly text?: Partial<EwmaText>;
}

/** Lag at which γ^i falls to e⁻¹: −1/ln γ; ewmaInverseELag(0.95) ≈ 19.50 (window 20). */
export function ewmaInverseELag(gamma: number): number {
  return -1 / Math.log(gamma);
}

function defaultMaxLag(curves: readonly EwmaCurve[]): number {
  const longest = Math.max(0, ...curves.map((c) => 1 / (1 - c.gamma)));
  return Math.min(200, Math.max(10, Math.ceil(2.5 * longest)));
}

export function buildEwmaOption(vm: EwmaViewModel): ChartOption {
  const layout = layoutFor(vm);
  const text = { ...DEFAULT_EWMA_TEXT, ...vm.text };
  const curves = vm.curves.filter((c) => c.gamma >= 0 && c.gamma < 1);
  const maxLag = Math.max(1, Math.floor(vm.maxLag ?? defaultMaxLag(curves)));
  const names = uniqueLabels(curves.map((c) => c.label ?? `γ = ${formatNumber(c.gamma)}`));
  const series: LineSeriesOption[] = curves.map((curve, k) => {
    const { gamma, color } = curve;
    const data: number[][] = [];
    for (let i = 0; i <= maxLag; i++) data.push([i, (1 - gamma) * gamma ** i]);
    const window = 1 / (1 - gamma);
    // γ = 0 puts all weight on i = 0: γ^i never passes through e⁻¹, so there is no dot.
    const lag = gamma > 0 ? ewmaInverseELag(gamma) : null;
    return {
      type: 'line',
      id: `ewma:${k}`,
      name: names[k],
      data,
      smooth: false,
      symbol: 'circle',
      symbolSize: layout.narrow ? 3 : 4,
      showSymbol: maxLag <= 60,
      color,
      lineStyle: { color, width: 2 },
      itemStyle: { color },
      z: 3,
      markLine: {
        silent: true,
        symbol: ['none', 'none'],
        animation: false,
        lineStyle: { color, type: 'dashed', width: 1.5 },
        // Just the number: windows of similar γ sit close together; the key names the line.
        label: { show: true, formatter: formatNumber(window), color, position: 'end', fontSize: layout.fontSize - 1 },
        data: window <= maxLag ? [{ xAxis: window }] : [],
      },
      markPoint: {
        silent: true,
        animation: false,
        symbol: 'circle',
        symbolSize: 9,
        itemStyle: { color: layout.theme.background, borderColor: color, borderWidth: 2 },
        label: { show: false },
        data: lag !== null && lag <= maxLag ? [{ name: text.inverseE, coord: [lag, (1 - gamma) * Math.exp(-1)] }] : [],
      },
    };
  });
  const rows = legendRows(layout, names);
  return {
    ...baseOption(layout),
    // Room for the key line and, under it, the window numbers above the plot.
    grid: gridOption(layout, { legendRows: rows, top: curves.length > 0 ? 26 : 0 }),
    title: {
      show: curves.length > 0,
      text: `┆ ${text.window}    ○ ${text.inverseE}`,
      right: 16,
      top: belowLegendTop(layout, rows),
      textStyle: { color: layout.theme.mutedText, fontSize: layout.fontSize - 1, fontWeight: 'normal' },
    },
    legend: legendOption(layout, names),
    tooltip: {
      ...tooltipOption(layout, 'axis'),
      formatter: (params) => tooltipHtml(params, curves),
    },
    xAxis: valueAxis(layout, { name: text.lag, min: 0, max: maxLag }),
    yAxis: valueAxis(layout, { name: text.weight, min: 0 }),
    series,
  };
}

function tooltipHtml(params: CallbackDataParams | CallbackDataParams[], curves: readonly EwmaCurve[]): string {
  const rows = Array.isArray(params) ? params : [params];
  if (rows.length === 0) return '';
  const lag = (rows[0].value as number[])[0];
  return [`i = ${lag}`, ...rows.map((row) => {
    const weight = (row.value as number[])[1];
    return `${colorDot(curves[row.seriesIndex ?? 0]?.color ?? '')}${escapeHtml(row.seriesName ?? '')}: ${formatNumber(weight)}`;
  })].join('<br/>');
}
