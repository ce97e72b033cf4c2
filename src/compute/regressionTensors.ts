/**
 * The input tensors of a batched regression run, prepared outside the step loop so that a step
 * issues only its six arithmetic ops (each tfjs op costs ~6 µs of dispatch on wasm).
 *
 * Layout: the bias is folded into the features and the label rides along as a last column, so
 * an example with d features is the row a = [x1, …, xd, 1, y] (width W = d + 2) and a config's
 * parameters are the row p = [w1, …, wd, b, −1]. Then p·a = ŷ − y is the residual, and the
 * gradient of a minibatch's sum of ½r² is Σ (p·a)·a = p·M with M = Σ a aᵀ over the minibatch
 * (W×W): one small matMul per step, with M built beforehand in float64. Its last column (Σ r·y)
 * is not a gradient and is masked out by the update coefficients, so the −1 never moves.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { RegressionData } from '../core/syntheticData';
import { learningRateForEpoch, minibatchBounds, type RegressionPlan } from '../core/regressionPlan';
import type { RegressionConfig, RegressionRequest } from '../core/runTypes';

/** Columns of an augmented example row and of a parameter row for the chapter's two features. */
export const AUGMENTED_WIDTH = 4;

/** Columns of an augmented row for this data set: d features, the 1 of the bias, the label. */
export const augmentedWidth = (data: Pick<RegressionData, 'featureCount'>): number => data.featureCount + 2;

/** Write example i as [x1, …, xd, 1, y] at `at`. */
export function augmentedRow(data: RegressionData, i: number, into: Float32Array | Float64Array, at: number): void {
  const d = data.featureCount;
  for (let j = 0; j < d; j += 1) into[at + j] = data.features[i * d + j];
  into[at + d] = 1;
  into[at + d + 1] = data.labels[i];
}

/**
 * Σ a aᵀ over the augmented rows of the given examples (all of them by default), row-major W×W,
 * in float64. `augmentedGram(data)[15]` is Σ y² for two features.
 */
export function augmentedGram(data: RegressionData, examples?: ArrayLike<number>): Float64Array {
  const width = augmentedWidth(data);
  const gram = new Float64Array(width * width);
  const row = new Float64Array(width);
  const count = examples?.length ?? data.n;
  for (let e = 0; e < count; e += 1) {
    augmentedRow(data, examples === undefined ? e : examples[e], row, 0);
    // The upper triangle only; the matrix is symmetric.
    for (let r = 0; r < width; r += 1) {
      const value = row[r];
      for (let c = r; c < width; c += 1) gram[r * width + c] += value * row[c];
    }
  }
  for (let r = 1; r < width; r += 1) for (let c = 0; c < r; c += 1) gram[r * width + c] = gram[c * width + r];
  return gram;
}

/** The initial parameter row [w1, …, wd, b, −1] of a plan. */
export function initialParamRow(plan: RegressionPlan): Float32Array {
  const row = new Float32Array(plan.initialParams.length + 1);
  row.set(plan.initialParams);
  row[row.length - 1] = -1;
  return row;
}

/** K×W rows [w…, b, −1], the same initial parameters for every config. */
export function initialParamRows(plan: RegressionPlan, k: number): tf.Tensor2D {
  const first = initialParamRow(plan);
  const width = first.length;
  const rows = new Float32Array(k * width);
  for (let row = 0; row < k; row += 1) rows.set(first, row * width);
  return tf.tensor2d(rows, [k, width]);
}

/** One config's update in one epoch: V ← m·V + c1·G; P ← P − c2·V. */
export interface UpdateScales {
  readonly c1: number;
  readonly c2: number;
}

/**
 * The two conventions as one update. mxnet: v ← m·v + lr·g/B; p ← p − v, so c1 = lr/B, c2 = 1.
 * pytorch: a ← m·a + g/B; p ← p − lr·a, so c1 = 1/B, c2 = lr. Per epoch, since lr decays.
 */
export function updateScales(config: RegressionConfig, epoch: number, request: Pick<RegressionRequest, 'batchSize' | 'decayEpoch' | 'decayFactor'>): UpdateScales {
  const lr = learningRateForEpoch(config.lr, epoch, request);
  return config.convention === 'mxnet' ? { c1: lr / request.batchSize, c2: 1 } : { c1: 1 / request.batchSize, c2: lr };
}

/**
 * Per-epoch update coefficients (one row per config). A type alias, not an interface, so that
 * it is a tfjs TensorContainer (for tf.tidy and tf.dispose).
 */
export type EpochCoefficients = {
  /** K×W: c1 in the trained columns, 0 in the label column so the −1 never moves. */
  readonly gradientScale: tf.Tensor2D;
  /** K×1: c2. */
  readonly stepScale: tf.Tensor2D;
};

/** The coefficients of `epoch` as tensors; the caller disposes both. */
export function epochCoefficients(request: RegressionRequest, epoch: number, width: number): EpochCoefficients {
  const k = request.configs.length;
  const gradientScale = new Float32Array(k * width);
  const stepScale = new Float32Array(k);
  request.configs.forEach((config, row) => {
    const { c1, c2 } = updateScales(config, epoch, request);
    gradientScale.fill(c1, row * width, row * width + width - 1);
    stepScale[row] = c2;
  });
  return tf.tidy(() => ({
    gradientScale: tf.tensor2d(gradientScale, [k, width]),
    stepScale: tf.tensor2d(stepScale, [k, 1]),
  }));
}

/**
 * M = Σ a aᵀ of global training step `step` (0-based, epoch-major), in float64.
 * `minibatchGram(data, plan, 0)` is the Gram matrix of the first minibatch of epoch 1.
 */
export function minibatchGram(data: RegressionData, plan: RegressionPlan, step: number): Float64Array {
  const order = plan.epochOrders[Math.floor(step / plan.stepsPerEpoch)];
  const [start, end] = minibatchBounds(plan, step % plan.stepsPerEpoch);
  return augmentedGram(data, order.subarray(start, end));
}

/**
 * The Gram matrices of `count` consecutive steps from `firstStep`, written row-major (W×W each)
 * into `out` from index 0, summed in float64 exactly as minibatchGram sums them; with
 * `maskLabelColumn` the last column is left 0 (the D of regressionIntervals.ts). This is the hot
 * loop of a 10⁶-example epoch, hence one scratch buffer and no allocation per step.
 */
export function minibatchGramsInto(
  data: RegressionData,
  plan: RegressionPlan,
  firstStep: number,
  count: number,
  out: Float32Array,
  maskLabelColumn = false,
): void {
  const width = augmentedWidth(data);
  const d = data.featureCount;
  const { features, labels } = data;
  const gram = new Float64Array(width * width);
  const row = new Float64Array(width);
  row[d] = 1;
  const columns = maskLabelColumn ? width - 1 : width;
  for (let s = 0; s < count; s += 1) {
    const step = firstStep + s;
    const order = plan.epochOrders[Math.floor(step / plan.stepsPerEpoch)];
    const [start, end] = minibatchBounds(plan, step % plan.stepsPerEpoch);
    gram.fill(0);
    for (let position = start; position < end; position += 1) {
      const i = order[position];
      for (let j = 0; j < d; j += 1) row[j] = features[i * d + j];
      row[d + 1] = labels[i];
      for (let r = 0; r < width; r += 1) {
        const value = row[r];
        for (let c = r; c < width; c += 1) gram[r * width + c] += value * row[c];
      }
    }
    const base = s * width * width;
    for (let r = 0; r < width; r += 1) {
      for (let c = 0; c < columns; c += 1) out[base + r * width + c] = r <= c ? gram[r * width + c] : gram[c * width + r];
    }
  }
}

/**
 * The W×W matrix M of every training step's minibatch, built a block of steps at a time: all
 * steps up front would hold a tensor per step of the whole run, one at a time would put a
 * JS→wasm copy inside the loop.
 */
export class MinibatchGrams {
  private block: tf.Tensor2D[] = [];
  private blockStart = 0;

  constructor(
    private readonly data: RegressionData,
    private readonly plan: RegressionPlan,
    private readonly blockSteps = 256,
  ) {}

  /** M of global step `step` (0-based, epoch-major). */
  at(step: number): tf.Tensor2D {
    if (step < this.blockStart || step >= this.blockStart + this.block.length) this.load(step);
    return this.block[step - this.blockStart];
  }

  dispose(): void {
    tf.dispose(this.block);
    this.block = [];
  }

  private load(firstStep: number): void {
    this.dispose();
    this.blockStart = firstStep;
    const totalSteps = this.plan.epochOrders.length * this.plan.stepsPerEpoch;
    const lastStep = Math.min(firstStep + this.blockSteps, totalSteps);
    const width = augmentedWidth(this.data);
    const size = width * width;
    const grams = new Float32Array((lastStep - firstStep) * size);
    minibatchGramsInto(this.data, this.plan, firstStep, lastStep - firstStep, grams);
    this.block = tf.tidy(() => {
      const block: tf.Tensor2D[] = [];
      for (let s = 0; s < lastStep - firstStep; s += 1) block.push(tf.tensor2d(grams.subarray(s * size, (s + 1) * size), [width, width]));
      return block;
    });
  }
}
