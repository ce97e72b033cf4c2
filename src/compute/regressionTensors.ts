/**
 * The input tensors of a batched regression run, prepared outside the step loop so that a step
 * issues only its six arithmetic ops (each tfjs op costs ~6 µs of dispatch on wasm).
 *
 * Layout: the bias is folded into the features and the label rides along as a fourth column,
 * so an example is the row a = [x1, x2, 1, y] and a config's parameters are the row
 * p = [w1, w2, b, −1]. Then p·a = ŷ − y is the residual, and the gradient of a minibatch's sum
 * of ½r² is Σ (p·a)·a = p·M with M = Σ a aᵀ over the minibatch (4×4): one small matMul per
 * step, with M built beforehand in float64. Its last column (Σ r·y) is not a gradient and is
 * masked out by the update coefficients, so the −1 never moves.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { RegressionData } from '../core/syntheticData';
import { learningRateForEpoch, minibatchBounds, type RegressionPlan } from '../core/regressionPlan';
import type { RegressionRequest } from '../core/runTypes';

/** Columns of an augmented example row and of a parameter row. */
export const AUGMENTED_WIDTH = 4;

/** Write example i as [x1, x2, 1, y] at `at`. */
export function augmentedRow(data: RegressionData, i: number, into: Float32Array | Float64Array, at: number): void {
  into[at] = data.features[2 * i];
  into[at + 1] = data.features[2 * i + 1];
  into[at + 2] = 1;
  into[at + 3] = data.labels[i];
}

/**
 * Σ a aᵀ over the augmented rows of the given examples (all of them by default), row-major 4×4,
 * in float64. `augmentedGram(data)[15]` is Σ y².
 */
export function augmentedGram(data: RegressionData, examples?: ArrayLike<number>): Float64Array {
  const gram = new Float64Array(AUGMENTED_WIDTH * AUGMENTED_WIDTH);
  const row = new Float64Array(AUGMENTED_WIDTH);
  const count = examples?.length ?? data.n;
  for (let e = 0; e < count; e += 1) {
    augmentedRow(data, examples === undefined ? e : examples[e], row, 0);
    for (let r = 0; r < AUGMENTED_WIDTH; r += 1) {
      for (let c = 0; c < AUGMENTED_WIDTH; c += 1) gram[r * AUGMENTED_WIDTH + c] += row[r] * row[c];
    }
  }
  return gram;
}

/** K×4 rows [w1, w2, b, −1], the same initial parameters for every config. */
export function initialParamRows(plan: RegressionPlan, k: number): tf.Tensor2D {
  const [w1, w2, b] = plan.initialParams;
  const rows = new Float32Array(k * AUGMENTED_WIDTH);
  for (let row = 0; row < k; row += 1) rows.set([w1, w2, b, -1], row * AUGMENTED_WIDTH);
  return tf.tensor2d(rows, [k, AUGMENTED_WIDTH]);
}

/**
 * Per-epoch update coefficients: V ← m·V + c1·G; P ← P − c2·V (one row per config). A type
 * alias, not an interface, so that it is a tfjs TensorContainer (for tf.tidy and tf.dispose).
 */
export type EpochCoefficients = {
  /** K×4: c1 in the three trained columns, 0 in the label column so the −1 never moves. */
  readonly gradientScale: tf.Tensor2D;
  /** K×1: c2. */
  readonly stepScale: tf.Tensor2D;
};

/**
 * The two conventions as one update. mxnet: v ← m·v + lr·g/B; p ← p − v, so c1 = lr/B, c2 = 1.
 * pytorch: a ← m·a + g/B; p ← p − lr·a, so c1 = 1/B, c2 = lr. Per epoch, since lr decays.
 * The caller disposes both tensors.
 */
export function epochCoefficients(request: RegressionRequest, epoch: number): EpochCoefficients {
  const k = request.configs.length;
  const gradientScale = new Float32Array(k * AUGMENTED_WIDTH);
  const stepScale = new Float32Array(k);
  request.configs.forEach((config, row) => {
    const lr = learningRateForEpoch(config.lr, epoch, request);
    const c1 = config.convention === 'mxnet' ? lr / request.batchSize : 1 / request.batchSize;
    gradientScale.fill(c1, row * AUGMENTED_WIDTH, row * AUGMENTED_WIDTH + 3);
    stepScale[row] = config.convention === 'mxnet' ? 1 : lr;
  });
  return tf.tidy(() => ({
    gradientScale: tf.tensor2d(gradientScale, [k, AUGMENTED_WIDTH]),
    stepScale: tf.tensor2d(stepScale, [k, 1]),
  }));
}

/**
 * The 4×4 matrix M = Σ a aᵀ of every training step's minibatch, built a block of steps at a
 * time: all steps up front would hold a tensor per step of the whole run, one at a time would
 * put a JS→wasm copy inside the loop.
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
    this.block = tf.tidy(() => {
      const block: tf.Tensor2D[] = [];
      for (let step = firstStep; step < lastStep; step += 1) {
        const order = this.plan.epochOrders[Math.floor(step / this.plan.stepsPerEpoch)];
        const [start, end] = minibatchBounds(this.plan, step % this.plan.stepsPerEpoch);
        const gram = augmentedGram(this.data, order.subarray(start, end));
        block.push(tf.tensor2d(Float32Array.from(gram), [AUGMENTED_WIDTH, AUGMENTED_WIDTH]));
      }
      return block;
    });
  }
}
