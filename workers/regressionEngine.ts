/**
 * The chapter's minibatch SGD with momentum on tfjs (wasm), with all K configs of a request
 * trained as one batched tensor program: parameters and velocities are K×4 tensors (one row per
 * config, see regressionTensors.ts for the layout), so a step costs the same seven ops whether
 * K is 1 or 256. The parameters of every step are kept on the backend and read back in one go
 * after training; the loss history is then evaluated from them in float64 (lossHistory.ts)
 * instead of with one full-data op per step.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { ComputeProgress, RegressionRequest, RegressionResult } from '../src/core/runTypes';
import { generateRegressionData } from '../src/core/syntheticData';
import { planRegression, truncateAtDivergence } from '../src/core/regressionPlan';
import {
  AUGMENTED_WIDTH,
  buildRegressionTensors,
  disposeRegressionTensors,
  type RegressionTensors,
} from './regressionTensors';
import { augmentedGram, lossHistories } from './lossHistory';
import { yieldToEventLoop } from './yieldToEventLoop';

export interface RegressionEngineOptions {
  /** Asked at every yield; true stops the run, frees its tensors and resolves 'stopped'. */
  readonly shouldStop?: () => boolean;
  /** Called at every yield with the number of training steps done. */
  readonly onProgress?: (progress: ComputeProgress) => void;
  /** Training steps between yields to the event loop. */
  readonly yieldEvery?: number;
}

export type RegressionEngineOutcome =
  | { readonly status: 'ok'; readonly result: RegressionResult }
  | { readonly status: 'stopped' };

const DEFAULT_YIELD_EVERY = 32;

interface TrainingState {
  params: tf.Tensor2D;
  velocity: tf.Tensor2D;
}

/** One heavy-ball step for every config at once; returns the new state, disposes nothing. */
function trainingStep(state: TrainingState, tensors: RegressionTensors, step: number, epoch: number): TrainingState {
  const { gradientScale, stepScale } = tensors.coefficients[epoch];
  const batch = tensors.batches[step];
  return tf.tidy(() => {
    const residuals = tf.matMul(state.params, tensors.transposedBatches[step]); // K×b: ŷ − y
    const gradientSums = tf.matMul(residuals, batch); // K×4: Σ r·[x1, x2, 1, y]
    const velocity = tf.add(tf.mul(tensors.momentum, state.velocity), tf.mul(gradientScale, gradientSums));
    const params = tf.sub(state.params, tf.mul(stepScale, velocity));
    return { params: params as tf.Tensor2D, velocity: velocity as tf.Tensor2D };
  });
}

/** Per-config [w1, w2, b] from the K×4 parameter rows of one step in step-major `rows`. */
function paramsAtStep(rows: Float32Array, step: number, k: number): Float64Array[] {
  return Array.from({ length: k }, (_, config) => {
    const offset = (step * k + config) * AUGMENTED_WIDTH;
    return Float64Array.from(rows.subarray(offset, offset + 3));
  });
}

/** All recorded K×4 parameter tensors as one step-major Float32Array (one concat, one read). */
function readHistory(history: readonly tf.Tensor2D[]): Float32Array {
  const stacked = tf.concat([...history], 0);
  try {
    return stacked.dataSync() as Float32Array;
  } finally {
    stacked.dispose();
  }
}

/**
 * Train every config of the request as one batched program; stops early when told to.
 * `await trainRegressionBatch(chapterRequest)` → { status: 'ok', result } with K loss histories.
 */
export async function trainRegressionBatch(
  request: RegressionRequest,
  options: RegressionEngineOptions = {},
): Promise<RegressionEngineOutcome> {
  const yieldEvery = options.yieldEvery ?? DEFAULT_YIELD_EVERY;
  const k = request.configs.length;
  const data = generateRegressionData(request.data);
  const plan = planRegression(request);
  const totalSteps = request.epochs * plan.stepsPerEpoch;
  // True when the run must stop. Yields first so that a cancel or a newer request can arrive.
  const checkpoint = async (done: number): Promise<boolean> => {
    options.onProgress?.({ done, total: totalSteps });
    await yieldToEventLoop();
    return options.shouldStop?.() ?? false;
  };

  const tensors = buildRegressionTensors(request, data, plan);
  // history[s] holds the K×4 parameters after s steps; it owns them until the finally block.
  const history: tf.Tensor2D[] = [tensors.initialParams];
  let velocity = tensors.initialVelocity;
  try {
    for (let step = 0; step < totalSteps; step += 1) {
      const epoch = Math.floor(step / plan.stepsPerEpoch);
      const next = trainingStep({ params: history[step], velocity }, tensors, step, epoch);
      if (velocity !== tensors.initialVelocity) velocity.dispose();
      velocity = next.velocity;
      history.push(next.params);
      if ((step + 1) % yieldEvery === 0 && (await checkpoint(step + 1))) return { status: 'stopped' };
    }
    options.onProgress?.({ done: totalSteps, total: totalSteps });
    const rows = readHistory(history);
    const losses = lossHistories(augmentedGram(data), data.n, rows, totalSteps + 1, k);
    return {
      status: 'ok',
      result: {
        kind: 'regression',
        stepsPerEpoch: plan.stepsPerEpoch,
        losses,
        finalParams: paramsAtStep(rows, totalSteps, k),
        divergedAt: losses.map((history) => truncateAtDivergence(history).divergedAt),
      },
    };
  } finally {
    // history[0] and the initial velocity belong to `tensors`; everything trained is ours.
    tf.dispose(history.slice(1));
    if (velocity !== tensors.initialVelocity) velocity.dispose();
    disposeRegressionTensors(tensors);
  }
}
