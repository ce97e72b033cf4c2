/**
 * The constant tensors of a batched regression run, built once before training so the step loop
 * issues only arithmetic ops (each tfjs op costs ~6 µs of dispatch on wasm; see STACK-NOTES).
 *
 * Layout: the bias is folded into the features and the label rides along as a fourth column,
 * so an example is the row [x1, x2, 1, y] and a config's parameters are the row
 * [w1, w2, b, −1]. Then params·batchᵀ = ŷ − y is the residual in a single matMul, and
 * residual·batch gives the gradient of the batch's sum of ½r² in its first three columns.
 * Each batch is also stored transposed: matMul with transposeB is several times slower on wasm.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { RegressionData } from '../src/core/syntheticData';
import { learningRateForEpoch, minibatchBounds, type RegressionPlan } from '../src/core/regressionPlan';
import type { RegressionRequest } from '../src/core/runTypes';

/** Columns of an augmented example row and of a parameter row. */
export const AUGMENTED_WIDTH = 4;

/** Per-epoch update coefficients: V ← m·V + c1·G; P ← P − c2·V (each K×·, one row per config). */
export interface EpochCoefficients {
  /** K×4: c1 in the three trained columns, 0 in the label column so the −1 never moves. */
  readonly gradientScale: tf.Tensor2D;
  /** K×1: c2. */
  readonly stepScale: tf.Tensor2D;
}

export interface RegressionTensors {
  /** One b×4 tensor of example rows per training step, in training order (epochs × stepsPerEpoch). */
  readonly batches: readonly tf.Tensor2D[];
  /** The same batches transposed (4×b). */
  readonly transposedBatches: readonly tf.Tensor2D[];
  /** K×1 momentum per config. */
  readonly momentum: tf.Tensor2D;
  /** One entry per epoch. */
  readonly coefficients: readonly EpochCoefficients[];
  /** K×4 initial parameters [w1, w2, b, −1]. */
  readonly initialParams: tf.Tensor2D;
  /** K×4 zeros. */
  readonly initialVelocity: tf.Tensor2D;
  /** Every tensor above, for disposal. */
  readonly owned: readonly tf.Tensor[];
}

/** Write example i as [x1, x2, 1, y] at `at`. */
export function augmentedRow(
  data: RegressionData,
  i: number,
  into: Float32Array | Float64Array,
  at: number,
): void {
  into[at] = data.features[2 * i];
  into[at + 1] = data.features[2 * i + 1];
  into[at + 2] = 1;
  into[at + 3] = data.labels[i];
}

/**
 * The two conventions as one update. mxnet: v ← m·v + lr·g/B; p ← p − v, so c1 = lr/B, c2 = 1.
 * pytorch: a ← m·a + g/B; p ← p − lr·a, so c1 = 1/B, c2 = lr. Both per epoch, since lr decays.
 */
function epochCoefficients(
  request: RegressionRequest,
  epoch: number,
  own: <T extends tf.Tensor>(tensor: T) => T,
): EpochCoefficients {
  const k = request.configs.length;
  const gradientScale = new Float32Array(k * AUGMENTED_WIDTH);
  const stepScale = new Float32Array(k);
  request.configs.forEach((config, row) => {
    const lr = learningRateForEpoch(config.lr, epoch, request);
    const c1 = config.convention === 'mxnet' ? lr / request.batchSize : 1 / request.batchSize;
    gradientScale.fill(c1, row * AUGMENTED_WIDTH, row * AUGMENTED_WIDTH + 3);
    stepScale[row] = config.convention === 'mxnet' ? 1 : lr;
  });
  return {
    gradientScale: own(tf.tensor2d(gradientScale, [k, AUGMENTED_WIDTH])),
    stepScale: own(tf.tensor2d(stepScale, [k, 1])),
  };
}

/**
 * Build every constant tensor of the run; the caller disposes them with disposeRegressionTensors.
 * Built inside a scope so that nothing leaks if a build step throws.
 */
export function buildRegressionTensors(
  request: RegressionRequest,
  data: RegressionData,
  plan: RegressionPlan,
): RegressionTensors {
  const owned: tf.Tensor[] = [];
  const own = <T extends tf.Tensor>(tensor: T): T => {
    owned.push(tensor);
    return tensor;
  };
  try {
    const k = request.configs.length;
    const batches: tf.Tensor2D[] = [];
    const transposedBatches: tf.Tensor2D[] = [];
    for (const order of plan.epochOrders) {
      for (let step = 0; step < plan.stepsPerEpoch; step += 1) {
        const [start, end] = minibatchBounds(plan, step);
        const rows = new Float32Array((end - start) * AUGMENTED_WIDTH);
        for (let p = start; p < end; p += 1) {
          augmentedRow(data, order[p], rows, (p - start) * AUGMENTED_WIDTH);
        }
        const batch = own(tf.tensor2d(rows, [end - start, AUGMENTED_WIDTH]));
        batches.push(batch);
        transposedBatches.push(own(tf.transpose(batch)));
      }
    }

    const [w1, w2, b] = plan.initialParams;
    const initialParams = new Float32Array(k * AUGMENTED_WIDTH);
    for (let row = 0; row < k; row += 1) initialParams.set([w1, w2, b, -1], row * AUGMENTED_WIDTH);
    const coefficients: EpochCoefficients[] = [];
    for (let epoch = 1; epoch <= request.epochs; epoch += 1) {
      coefficients.push(epochCoefficients(request, epoch, own));
    }
    const momentum = request.configs.map((config) => config.momentum);
    return {
      batches,
      transposedBatches,
      momentum: own(tf.tensor2d(momentum, [k, 1])),
      coefficients,
      initialParams: own(tf.tensor2d(initialParams, [k, AUGMENTED_WIDTH])),
      initialVelocity: own(tf.zeros<tf.Rank.R2>([k, AUGMENTED_WIDTH])),
      owned,
    };
  } catch (error) {
    tf.dispose(owned);
    throw error;
  }
}

export function disposeRegressionTensors(tensors: RegressionTensors): void {
  tf.dispose([...tensors.owned]);
}
