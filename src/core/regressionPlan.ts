/**
 * Everything random about a regression training run, derived from its trainSeed, plus the
 * learning-rate schedule. The tfjs engine and the float64 reference both train from one plan,
 * so their runs differ only by arithmetic, never by initial weights or batch order.
 */
import { randomNormal } from 'd3-random';
import { shuffler } from 'd3-array';
import type { RegressionRequest } from './runTypes';
import { seededUniform } from './syntheticData';
import { escapeDivergence } from './divergence';

/** The parts of a request a plan depends on. */
export type RegressionPlanSpec = Pick<
  RegressionRequest,
  'batchSize' | 'epochs' | 'trainSeed' | 'initScale'
> & { readonly data: Pick<RegressionRequest['data'], 'n'> & { readonly featureCount?: number } };

export interface RegressionPlan {
  readonly n: number;
  readonly batchSize: number;
  /** ceil(n / batchSize): the last minibatch of an epoch may be smaller, as the chapter's loader keeps it. */
  readonly stepsPerEpoch: number;
  /** Initial [w1, …, wd, b] (d = data.featureCount, 2 by default): w ~ N(0, initScale²), b = 0. Velocities start at zero. */
  readonly initialParams: Float64Array;
  /** Per epoch, a permutation of 0…n−1; step s of the epoch takes entries s·B … min((s+1)·B, n) − 1. */
  readonly epochOrders: readonly Int32Array[];
}

/**
 * Draw the initial weights, then one fresh shuffle per epoch, from one seeded LCG stream.
 * `planRegression({ data: { n: 1000 }, batchSize: 10, epochs: 3, trainSeed: 7, initScale: 0.01 }).stepsPerEpoch === 100`
 */
export function planRegression(spec: RegressionPlanSpec): RegressionPlan {
  const { n } = spec.data;
  const source = seededUniform(spec.trainSeed);
  const initialWeight = randomNormal.source(source)(0, spec.initScale);
  const featureCount = spec.data.featureCount ?? 2;
  const initialParams = new Float64Array(featureCount + 1); // b, the last entry, stays 0
  for (let j = 0; j < featureCount; j += 1) initialParams[j] = initialWeight();
  const shuffle = shuffler(source);
  const epochOrders: Int32Array[] = [];
  for (let epoch = 0; epoch < spec.epochs; epoch += 1) {
    const order = new Int32Array(n);
    for (let i = 0; i < n; i += 1) order[i] = i;
    epochOrders.push(shuffle(order));
  }
  return {
    n,
    batchSize: spec.batchSize,
    stepsPerEpoch: Math.ceil(n / spec.batchSize),
    initialParams,
    epochOrders,
  };
}

/**
 * First and one-past-last position in the epoch's order taken by minibatch `step` (0-based).
 * `minibatchBounds(planRegression({ ...chapter, data: { n: 1005 } }), 100)` → [1000, 1005]
 */
export function minibatchBounds(plan: RegressionPlan, step: number): readonly [number, number] {
  const start = step * plan.batchSize;
  return [start, Math.min(start + plan.batchSize, plan.n)];
}

/** Most losses a regression result records per config (the initial loss included). */
export const MAX_LOSS_POINTS = 1001;

/**
 * Steps between recorded losses for a run of `totalSteps`: 1 while every step fits in
 * MAX_LOSS_POINTS (the chapter's 300 steps record all 301 losses), else the smallest power of two
 * s with ⌈totalSteps / s⌉ ≤ MAX_LOSS_POINTS − 1. Loss i is then the loss after step
 * min(i·s, totalSteps): every s-th step and always the last one. A power of two lets the engine
 * multiply a stride's updates together pairwise (see regressionIntervals.ts).
 * `lossRecordStride(300)` → 1; `lossRecordStride(100_000)` → 128
 */
export function lossRecordStride(totalSteps: number): number {
  let stride = 1;
  while (Math.ceil(totalSteps / stride) > MAX_LOSS_POINTS - 1) stride *= 2;
  return stride;
}

/**
 * The steps after which a run with this stride records its loss: 0, s, 2s, …, and totalSteps.
 * `recordedSteps(10, 4)` → [0, 4, 8, 10]
 */
export function recordedSteps(totalSteps: number, stride: number): Int32Array {
  const count = Math.ceil(totalSteps / stride) + 1;
  const steps = new Int32Array(count);
  for (let i = 0; i < count; i += 1) steps[i] = Math.min(i * stride, totalSteps);
  return steps;
}

/**
 * Learning rate used during `epoch` (1-based). Like the chapter's gb.optimize, which runs
 * `if decay_epoch and epoch > decay_epoch: lr *= 0.1` at the start of every epoch, the decay
 * compounds: epoch decayEpoch+1 uses lr·f, the next lr·f², and so on; and as there, a
 * decayEpoch of 0 (falsy in Python) means no decay at all, like null.
 * `learningRateForEpoch(0.2, 3, { decayEpoch: 2, decayFactor: 0.1 })` → 0.02 (up to rounding)
 */
export function learningRateForEpoch(
  lr: number,
  epoch: number,
  schedule: Pick<RegressionRequest, 'decayEpoch' | 'decayFactor'>,
): number {
  const { decayEpoch, decayFactor } = schedule;
  if (decayEpoch === null || decayEpoch === 0 || epoch <= decayEpoch) return lr;
  // Repeated multiplication rather than Math.pow: the chapter's lr is the product of the
  // per-epoch multiplications, and both engines must see the very same float.
  let rate = lr;
  for (let e = decayEpoch + 1; e <= epoch; e += 1) rate *= decayFactor;
  return rate;
}

/** A loss above this (or a non-finite one) is past any doubt: the history is blanked after it. */
export const REGRESSION_DIVERGENCE_BOUND = 1e12;

/**
 * Blank (NaN) everything after the first loss that is non-finite or above the bound (past that
 * point a run's numbers depend on float width and mean nothing), and say from which step the run
 * evidently diverges, by the escape rule of divergence.ts (a loss's floor is 0): a history that
 * ends a thousand times above its starting loss, or leaves the bound, diverges.
 * `truncateAtDivergence(Float64Array.of(1, Infinity, 3))` → { divergedAt: 1 }, array [1, Infinity, NaN]
 */
export function truncateAtDivergence(losses: Float64Array): { readonly divergedAt: number | null } {
  const bound = losses.findIndex((loss) => !(loss <= REGRESSION_DIVERGENCE_BOUND));
  if (bound >= 0) losses.fill(Number.NaN, bound + 1);
  return { divergedAt: escapeDivergence(losses, 0, bound >= 0 ? bound : null) };
}
