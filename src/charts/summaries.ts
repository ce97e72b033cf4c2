/**
 * One-paragraph text summaries of what each chart shows, for screen readers (the chart's
 * accessible description) and for tests that read a chart's data the way a user of assistive
 * technology would. Pure functions of the same view models the option builders take; the words
 * come through `say` (the page passes the message catalogue's translate, in the user's language),
 * so this module holds no sentence of its own.
 */
import type { TrajectoryRun } from './trajectoryChart';
import type { LossRun } from './lossAxes';
import type { EwmaCurve } from './ewmaChart';
import type { EigenRun } from './eigenChart';
import { formatNumber } from './format';

/** A message by catalogue key with `{placeholder}` arguments, e.g. the page's `t`. */
export type Say = (key: string, args?: Readonly<Record<string, string | number>>) => string;

const last = (values: ArrayLike<number>): number => values[values.length - 1];
const join = (say: Say, parts: readonly string[]) => parts.join(say('summary.separator'));

/** "B13 gd: 15 steps, ends at (−0.98, −0.0000012), f = 0.096; …" */
export function trajectorySummary(runs: readonly TrajectoryRun[], say: Say): string {
  return join(
    say,
    runs.map((run) => {
      const r = run.result;
      const label = run.pinned ? say('summary.pinned', { label: run.label }) : run.label;
      const text = say('summary.trajectoryRun', {
        label,
        steps: r.x1.length - 1,
        x1: formatNumber(last(r.x1)),
        x2: formatNumber(last(r.x2)),
        f: formatNumber(last(r.f)),
      });
      return r.divergedAt === null ? text : `${text}${say('summary.diverged', { step: r.divergedAt })}`;
    }),
  );
}

/** "B33 lr=0.2 mom=0.99: 301 losses, final 0.0012; …" (the label carries the hyperparameters) */
export function lossSummary(runs: readonly LossRun[], say: Say): string {
  return join(
    say,
    runs.map((run) => {
      const label = run.pinned ? say('summary.pinned', { label: run.label }) : run.label;
      const text = say('summary.lossRun', { label, count: run.losses.length, final: formatNumber(last(run.losses)) });
      return run.divergedAt === null ? text : `${text}${say('summary.diverged', { step: run.divergedAt })}`;
    }),
  );
}

export function ewmaSummary(curves: readonly EwmaCurve[], say: Say): string {
  return join(say, curves.map((curve) => say('summary.ewma', { gamma: curve.gamma, window: formatNumber(1 / (1 - curve.gamma)) })));
}

export function rateMapSummary(eigenvalues: readonly number[], current: { lr: number; momentum: number } | null, rate: number | null, say: Say): string {
  const at = current
    ? say('summary.rateCurrent', { eta: current.lr, gamma: current.momentum, rate: rate === null ? say('summary.notAvailable') : formatNumber(rate) })
    : say('summary.rateNoCurrent');
  return `${say('summary.eigenvalues', { values: eigenvalues.map(formatNumber).join(', ') })}${say('summary.separator')}${at}`;
}

/** "D16 momentum η=0.9 γ=0.2: direction 1 (λ = 0.2) error 5 → 0.33, ρ = 0.76; direction 2 …" */
export function eigenSummary(runs: readonly EigenRun[], say: Say): string {
  return join(
    say,
    runs.map((run) =>
      `${run.label}: ${run.directions
        .map((direction, i) =>
          say('summary.eigenDirection', {
            n: i + 1,
            lambda: formatNumber(direction.lambda),
            from: formatNumber(direction.errors[0]),
            to: formatNumber(last(direction.errors)),
            rho: formatNumber(direction.rho),
          }),
        )
        .join(say('summary.separator'))}`,
    ),
  );
}
