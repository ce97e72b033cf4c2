/**
 * One-paragraph text summaries of what each chart shows, for screen readers (the chart's
 * accessible description) and for tests that read a chart's data the way a user of assistive
 * technology would. Pure functions of the same view models the option builders take.
 */
import type { TrajectoryRun } from './trajectoryChart';
import type { LossRun } from './lossAxes';
import type { EwmaCurve } from './ewmaChart';
import { formatNumber } from './format';

const last = (values: ArrayLike<number>): number => values[values.length - 1];

/** "B13 gd: 15 steps, ends at (−0.98, −0.0000012), f = 0.096; …" */
export function trajectorySummary(runs: readonly TrajectoryRun[]): string {
  return runs
    .map((run) => {
      const r = run.result;
      const steps = r.x1.length - 1;
      const end = `(${formatNumber(last(r.x1))}, ${formatNumber(last(r.x2))})`;
      const diverged = r.divergedAt === null ? '' : `, diverged at step ${r.divergedAt}`;
      return `${run.label}${run.pinned ? ' (pinned)' : ''}: ${steps} steps, ends at ${end}, f = ${formatNumber(last(r.f))}${diverged}`;
    })
    .join('; ');
}

/** "B33 lr 0.2 mom 0.99: 301 losses, final 0.0012; …" */
export function lossSummary(runs: readonly LossRun[]): string {
  return runs
    .map((run) => `${run.label}${run.pinned ? ' (pinned)' : ''} lr ${run.config.lr} mom ${run.config.momentum}: ${run.losses.length} losses, final ${formatNumber(last(run.losses))}`)
    .join('; ');
}

export function ewmaSummary(curves: readonly EwmaCurve[]): string {
  return curves.map((curve) => `γ = ${curve.gamma}: window ${formatNumber(1 / (1 - curve.gamma))}`).join('; ');
}

export function rateMapSummary(eigenvalues: readonly number[], current: { lr: number; momentum: number } | null, rate: number | null): string {
  const at = current ? `current η = ${current.lr}, γ = ${current.momentum}, rate ${rate === null ? 'n/a' : formatNumber(rate)}` : 'no current run';
  return `eigenvalues ${eigenvalues.map(formatNumber).join(', ')}; ${at}`;
}
