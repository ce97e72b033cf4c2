/**
 * The chapter's minibatch SGD with momentum on tfjs (wasm), with all K configs of a request
 * trained as one batched tensor program: parameters and velocities are K×4 tensors (one row per
 * config, see regressionTensors.ts for the layout), so a step costs the same six ops whether
 * K is 1 or 256. The parameters of every step are kept on the backend and read back in one go
 * after training; the loss history is then evaluated from them in float64 (lossHistory.ts)
 * instead of with one full-data op per step.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { ComputeProgress, RegressionRequest, RegressionResult } from '../core/runTypes';
import { generateRegressionData } from '../core/syntheticData';
import { planRegression, truncateAtDivergence } from '../core/regressionPlan';
import {
  AUGMENTED_WIDTH,
  MinibatchGrams,
  augmentedGram,
  epochCoefficients,
  initialParamRows,
  type EpochCoefficients,
} from './regressionTensors';
import { lossHistories } from './lossHistory';
import { ParamHistory } from './paramHistory';
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
/** Steps between merges of the recorded parameters: bounds the tensor count of long runs. */
const CONSOLIDATE_EVERY = 32;

interface TrainingState {
  readonly params: tf.Tensor2D;
  readonly velocity: tf.Tensor2D;
}

/** One heavy-ball step for every config at once; returns the new state, disposes nothing. */
function trainingStep(
  state: TrainingState,
  minibatchGram: tf.Tensor2D,
  momentum: tf.Tensor2D,
  { gradientScale, stepScale }: EpochCoefficients,
): TrainingState {
  return tf.tidy(() => {
    const gradientSums = tf.matMul(state.params, minibatchGram); // K×4: Σ r·[x1, x2, 1, y]
    const velocity = tf.add(tf.mul(momentum, state.velocity), tf.mul(gradientScale, gradientSums));
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

  // Everything allocated below is released in the finally block, however the run ends.
  const history = new ParamHistory();
  const minibatches = new MinibatchGrams(data, plan);
  let momentum: tf.Tensor2D | undefined;
  let velocity: tf.Tensor2D | undefined;
  let coefficients: EpochCoefficients | undefined;
  try {
    momentum = tf.tensor2d(request.configs.map((config) => config.momentum), [k, 1]);
    velocity = tf.zeros([k, AUGMENTED_WIDTH]);
    history.record(initialParamRows(plan, k));
    let step = 0;
    for (let epoch = 1; epoch <= request.epochs; epoch += 1) {
      tf.dispose(coefficients);
      coefficients = epochCoefficients(request, epoch);
      for (let stepInEpoch = 0; stepInEpoch < plan.stepsPerEpoch; stepInEpoch += 1, step += 1) {
        const next = trainingStep({ params: history.latest(), velocity }, minibatches.at(step), momentum, coefficients);
        velocity.dispose();
        velocity = next.velocity;
        history.record(next.params);
        if ((step + 1) % CONSOLIDATE_EVERY === 0) history.consolidate();
        if ((step + 1) % yieldEvery === 0 && (await checkpoint(step + 1))) return { status: 'stopped' };
      }
    }
    options.onProgress?.({ done: totalSteps, total: totalSteps });
    const rows = history.read();
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
    history.dispose();
    minibatches.dispose();
    tf.dispose([momentum, velocity, coefficients]);
  }
}
