/**
 * Shared pieces of the loss charts (overlaid and small multiples): the view model, the data of a
 * run in (epoch, loss) coordinates, the log-axis range and the tooltip.
 */
import type { RegressionConfig, RegressionRequest, RegressionResult } from '../core/runTypes';
import type { CallbackDataParams } from 'echarts/types/dist/shared';
import { colorDot, escapeHtml, formatNumber } from './format';
import type { ChartFrame } from './option';
import { valueAxis, type ChartLayout } from './layout';

export interface LossRun {
  readonly id: string;
  readonly label: string;
  readonly color: string;
  readonly pinned: boolean;
  /** paletteRepeat of the run's colour index: above 0 the colour is shared with an earlier run, and the line is dotted. */
  readonly colorRepeat?: number;
  readonly config: RegressionConfig;
  /** Mean full-data loss before training and after recorded minibatch steps (see lossStep). */
  readonly losses: ArrayLike<number>;
  readonly stepsPerEpoch: number;
  /** Steps between recorded losses (RegressionResult.lossStride); absent: 1, a loss after every step. */
  readonly lossStride?: number;
  /** Training steps of the run (epochs × stepsPerEpoch); absent: the last loss's step is (losses − 1) · lossStride. */
  readonly totalSteps?: number;
  readonly divergedAt: number | null;
}

/**
 * The training step after which loss `i` of a run was recorded: min(i·lossStride, totalSteps),
 * so that a long run recorded every 128th step still ends at its last step.
 * `lossStep({ ...run, lossStride: 128, totalSteps: 1000 }, 8)` → 1000
 */
export function lossStep(run: Pick<LossRun, 'losses' | 'lossStride' | 'totalSteps'>, i: number): number {
  const stride = run.lossStride ?? 1;
  return Math.min(i * stride, run.totalSteps ?? (run.losses.length - 1) * stride);
}

export interface LossText {
  readonly epoch: string;
  readonly loss: string;
  readonly batch: string;
  readonly diverges: string;
}

export const DEFAULT_LOSS_TEXT: LossText = { epoch: 'epoch', loss: 'mean loss (log)', batch: 'batch', diverges: 'diverges' };

export interface LossViewModel extends ChartFrame {
  readonly runs: readonly LossRun[];
  readonly text?: Partial<LossText>;
}

/**
 * One LossRun per config of a regression run (a sweep has several), e.g. for a cell's RunValue:
 * lossRunsOf(value.request, value.result, (i) => ({ id: 'B7', label: 'B7', color, pinned: false })).
 */
export function lossRunsOf(
  request: Pick<RegressionRequest, 'configs' | 'epochs'>,
  result: RegressionResult,
  style: (index: number) => Pick<LossRun, 'id' | 'label' | 'color' | 'pinned'>,
): LossRun[] {
  return request.configs.map((config, i) => ({
    ...style(i),
    config,
    losses: result.losses[i],
    stepsPerEpoch: result.stepsPerEpoch,
    lossStride: result.lossStride ?? 1,
    totalSteps: request.epochs * result.stepsPerEpoch,
    divergedAt: result.divergedAt[i],
  }));
}

/** A diverging run may reach 1e30; the axis stops this many times above the largest start loss. */
const HEADROOM = 1e3;

/**
 * Log-axis range shared by every run: whole decades around the positive finite losses, capped so a
 * diverging run cannot squash the others. e.g. losses from 4e-5 to 17 → [1e-5, 100].
 */
export function lossRange(runs: readonly LossRun[]): readonly [number, number] {
  let low = Infinity;
  let high = 0;
  let startHigh = 0;
  for (const run of runs) {
    if (run.losses.length > 0 && run.losses[0] > 0 && Number.isFinite(run.losses[0])) startHigh = Math.max(startHigh, run.losses[0]);
    for (let i = 0; i < run.losses.length; i++) {
      const loss = run.losses[i];
      if (loss > 0 && Number.isFinite(loss)) {
        low = Math.min(low, loss);
        high = Math.max(high, loss);
      }
    }
  }
  if (!(low <= high)) return [0.1, 10];
  if (startHigh > 0) high = Math.min(high, startHigh * HEADROOM);
  const lowDecade = Math.floor(Math.log10(low));
  const highDecade = Math.max(lowDecade + 1, Math.ceil(Math.log10(high)));
  // Number('1e-5') is exactly the double nearest 10⁻⁵; 10 ** -5 is one ulp below it.
  return [Number(`1e${lowDecade}`), Number(`1e${highDecade}`)];
}

/** Labels of a log axis' decades: 0.001 … 1000 written out, beyond that 1e-5, 1e5. */
export function logTickLabel(value: number): string {
  return formatNumber(value);
}

/**
 * Decades per tick on a log axis over [low, high] (whole decades), for at most `most` ticks.
 * ECharts alone would step by a power of ten of decades (1e-5, 1, 1e5 over ten decades).
 * logAxisInterval(1e-5, 1e5, 6) === 2.
 */
export function logAxisInterval(low: number, high: number, most: number): number {
  return Math.max(1, Math.ceil(Math.round(Math.log10(high / low)) / most));
}

/**
 * Where a run leaves the top of the axis for good, as an epoch (log-linear interpolation between
 * the last sample inside and the next); null when it never does. A run that blows up to NaN
 * leaves at its last finite sample.
 */
export function lossExitEpoch(run: LossRun, yMax: number): number | null {
  let lastInside = -1;
  for (let step = 0; step < run.losses.length; step++) if (run.losses[step] <= yMax) lastInside = step;
  const escapes = run.divergedAt !== null || lastInside < run.losses.length - 1;
  if (!escapes || lastInside < 0) return null;
  const inside = run.losses[lastInside];
  const outside = run.losses[lastInside + 1];
  let fraction = 0;
  if (outside > yMax && Number.isFinite(outside) && inside > 0) {
    fraction = Math.log(yMax / inside) / Math.log(outside / inside);
  }
  const from = lossStep(run, lastInside);
  const to = lastInside + 1 < run.losses.length ? lossStep(run, lastInside + 1) : from;
  return (from + fraction * (to - from)) / run.stepsPerEpoch;
}

/** The largest epoch reached by any run (x axis end). */
export function lossEpochs(runs: readonly LossRun[]): number {
  return Math.max(1, ...runs.map((run) => lossStep(run, run.losses.length - 1) / run.stepsPerEpoch));
}

/** [epoch, loss, batch] per recorded loss, at its step; a loss a log axis cannot show (≤ 0, NaN, ∞) becomes a gap. */
export function lossData(run: LossRun): (number[] | '-')[] {
  const data: (number[] | '-')[] = [];
  for (let i = 0; i < run.losses.length; i++) {
    const loss = run.losses[i];
    const step = lossStep(run, i);
    data.push(loss > 0 && Number.isFinite(loss) ? [step / run.stepsPerEpoch, loss, step] : '-');
  }
  return data;
}

export function hyperparameters(config: RegressionConfig): string {
  return `lr ${formatNumber(config.lr)}, mom ${formatNumber(config.momentum)}, ${config.convention}`;
}

/** Axis tooltip: the epoch and batch, then each run's loss and hyperparameters. */
export function lossTooltipHtml(params: CallbackDataParams | CallbackDataParams[], runs: readonly LossRun[], text: LossText): string {
  const rows = (Array.isArray(params) ? params : [params]).filter((row) => Array.isArray(row.value));
  if (rows.length === 0) return '';
  const [epoch, , batch] = rows[0].value as number[];
  const header = `${escapeHtml(text.epoch)} ${formatNumber(epoch)} · ${escapeHtml(text.batch)} ${batch}`;
  const lines = rows.map((row) => {
    const run = runs.find((r) => `loss:${r.id}` === row.seriesId);
    if (!run) return '';
    const loss = (row.value as number[])[1];
    return `${colorDot(run.color)}${escapeHtml(row.seriesName ?? '')}: ${formatNumber(loss)}<br/>&nbsp;&nbsp;&nbsp;${escapeHtml(hyperparameters(run.config))}`;
  });
  return [header, ...lines].join('<br/>');
}

/** The y axis of the loss and eigendirection charts: logarithmic over [yMin, yMax], decade ticks. */
export function logValueAxis(layout: ChartLayout, name: string, yMin: number, yMax: number): ReturnType<typeof valueAxis> {
  return valueAxis(layout, {
    name,
    min: yMin,
    max: yMax,
    log: true,
    interval: logAxisInterval(yMin, yMax, layout.narrow ? 5 : 10),
    labelFormatter: logTickLabel,
    nameGap: 44,
  });
}
