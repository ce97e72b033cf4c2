/**
 * Theory beside simulation: a 2-D run's error along each eigendirection of the Hessian, step by
 * step on a log axis (solid), against the envelope |e₀|·ρᵗ its iteration matrix predicts
 * (dashed). On the chapter's bowl this is where "x1 accelerates, x2 cancels" becomes visible:
 * with momentum the flat direction's error falls along a steeper line than without, and the
 * steep direction's error oscillates inside its envelope instead of bouncing off the walls.
 * Direction 1 is the smaller eigenvalue; each direction has its own colour, each run its own marker.
 */
import type { CallbackDataParams } from 'echarts/types/dist/shared';
import { escapeHtml, formatNumber } from './format';
import { baseOption, gridOption, layoutFor, legendOption, legendRows, tooltipOption, valueAxis } from './layout';
import { logValueAxis } from './lossAxes';
import type { ChartFrame, ChartOption, LineSeriesOption } from './option';
import { seriesColor } from './palette';

export interface EigenDirection {
  /** Eigenvalue λ of this direction. */
  readonly lambda: number;
  /** Spectral radius ρ of the method's iteration matrix along it. */
  readonly rho: number;
  /** |e_t|, t = 0…T. */
  readonly errors: ArrayLike<number>;
  /** |e₀|·ρᵗ, t = 0…T. */
  readonly envelope: ArrayLike<number>;
}

export interface EigenRun {
  readonly id: string;
  readonly label: string;
  readonly directions: readonly [EigenDirection, EigenDirection];
}

export interface EigenText {
  readonly step: string;
  readonly error: string;
  /** `{n}` the direction's number, `{lambda}` its eigenvalue. */
  readonly measured: string;
  readonly predicted: string;
}

export const DEFAULT_EIGEN_TEXT: EigenText = {
  step: 'step t',
  error: '|error| along the eigenvector (log)',
  measured: 'direction {n} (λ = {lambda})',
  predicted: 'direction {n}: |e₀|·ρᵗ, ρ = {rho}',
};

export interface EigenViewModel extends ChartFrame {
  readonly runs: readonly EigenRun[];
  readonly text?: Partial<EigenText>;
}

const MARKERS = ['circle', 'triangle', 'rect', 'diamond'] as const;
/** Errors below this are rounding, not a rate: the axis does not follow them down to 1e-300. */
const FLOOR = 1e-12;

const fill = (template: string, args: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in args ? String(args[key]) : whole));

function points(values: ArrayLike<number>): (number[] | '-')[] {
  const out: (number[] | '-')[] = [];
  for (let t = 0; t < values.length; t += 1) {
    const value = values[t];
    out.push(Number.isFinite(value) && value > FLOOR ? [t, value] : '-');
  }
  return out;
}

/** The y range every line fits in, in whole decades. */
function range(runs: readonly EigenRun[]): readonly [number, number] {
  let low = Infinity;
  let high = 0;
  for (const run of runs) {
    for (const direction of run.directions) {
      for (const values of [direction.errors, direction.envelope]) {
        for (let t = 0; t < values.length; t += 1) {
          const value = values[t];
          if (!Number.isFinite(value) || value <= FLOOR) continue;
          low = Math.min(low, value);
          high = Math.max(high, value);
        }
      }
    }
  }
  if (!Number.isFinite(low)) return [1e-3, 1];
  return [10 ** Math.floor(Math.log10(low)), 10 ** Math.ceil(Math.log10(high === low ? high * 10 : high))];
}

export function buildEigenOption(vm: EigenViewModel): ChartOption {
  const layout = layoutFor(vm);
  const text = { ...DEFAULT_EIGEN_TEXT, ...vm.text };
  const [yMin, yMax] = range(vm.runs);
  const series: LineSeriesOption[] = [];
  const several = vm.runs.length > 1;
  vm.runs.forEach((run, r) => {
    run.directions.forEach((direction, d) => {
      const color = seriesColor(d === 0 ? 2 : 1, vm.scheme);
      const prefix = several ? `${run.label}: ` : '';
      const measured = `${prefix}${fill(text.measured, { n: d + 1, lambda: formatNumber(direction.lambda) })}`;
      const predicted = `${prefix}${fill(text.predicted, { n: d + 1, rho: formatNumber(direction.rho) })}`;
      series.push({
        type: 'line',
        id: `eigen:${run.id}:${d}`,
        name: measured,
        data: points(direction.errors),
        symbol: MARKERS[r % MARKERS.length],
        symbolSize: layout.symbolSize,
        showSymbol: true,
        connectNulls: false,
        color,
        lineStyle: { color, width: 2 },
        itemStyle: { color },
        z: 5,
      });
      series.push({
        type: 'line',
        id: `envelope:${run.id}:${d}`,
        name: predicted,
        data: points(direction.envelope),
        showSymbol: false,
        connectNulls: false,
        color,
        lineStyle: { color, width: 1.5, type: 'dashed', opacity: 0.8 },
        itemStyle: { color },
        z: 4,
      });
    });
  });
  const names = series.map((item) => String(item.name));
  const steps = Math.max(1, ...vm.runs.map((run) => run.directions[0].errors.length - 1));
  return {
    ...baseOption(layout),
    grid: gridOption(layout, { legendRows: legendRows(layout, names) }),
    legend: legendOption(layout, names),
    tooltip: { ...tooltipOption(layout, 'axis'), formatter: (params) => tooltipHtml(params) },
    xAxis: valueAxis(layout, { name: text.step, min: 0, max: steps }),
    yAxis: logValueAxis(layout, text.error, yMin, yMax),
    series,
  };
}

function tooltipHtml(params: CallbackDataParams | CallbackDataParams[]): string {
  const items = Array.isArray(params) ? params : [params];
  const step = (items[0]?.value as number[] | undefined)?.[0];
  const lines = items.flatMap((item) => {
    const value = item.value as number[] | undefined;
    return value === undefined ? [] : [`${escapeHtml(item.seriesName ?? '')}: ${formatNumber(value[1])}`];
  });
  return step === undefined ? '' : [`t = ${step}`, ...lines].join('<br/>');
}
