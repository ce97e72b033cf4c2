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

/**
 * One plain-SGD step for every config at once: P ← P − c2·(c1·G). No velocity exists at all; with
 * c2 = 1 (the 'mxnet' coefficients) this is P − lr/B·G, the chapter's sgd.
 */
function sgdStep(params: tf.Tensor2D, minibatchGram: tf.Tensor2D, { gradientScale, stepScale }: EpochCoefficients): tf.Tensor2D {
  return tf.tidy(() => tf.sub(params, tf.mul(stepScale, tf.mul(gradientScale, tf.matMul(params, minibatchGram)))) as tf.Tensor2D);
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
 * Train every config of the request; stops early when told to. Momentum configs run as one
 * batched program, plain-SGD configs (optimizer 'sgd') as another with their own update rule,
 * and the results come back in the request's order.
 * `await trainRegressionBatch(chapterRequest)` → { status: 'ok', result } with K loss histories.
 */
export async function trainRegressionBatch(
  request: RegressionRequest,
  options: RegressionEngineOptions = {},
): Promise<RegressionEngineOutcome> {
  const sgd = request.configs.map((config, i) => (config.optimizer === 'sgd' ? i : -1)).filter((i) => i >= 0);
  if (sgd.length === 0) return trainProgram(request, 'momentum', options);
  if (sgd.length === request.configs.length) return trainProgram(request, 'sgd', options);
  const momentum = request.configs.map((_, i) => i).filter((i) => !sgd.includes(i));
  const parts: RegressionResult[] = [];
  for (const [index, [rule, indices]] of ([['momentum', momentum], ['sgd', sgd]] as const).entries()) {
    const outcome = await trainProgram({ ...request, configs: indices.map((i) => request.configs[i]) }, rule, {
      ...options,
      // Progress of the two programs as one run: the second starts where the first ended.
      onProgress: options.onProgress && ((p) => options.onProgress?.({ done: index * p.total + p.done, total: 2 * p.total })),
    });
    if (outcome.status !== 'ok') return outcome;
    parts.push(outcome.result);
  }
  const at = (i: number) => (sgd.includes(i) ? { part: parts[1], k: sgd.indexOf(i) } : { part: parts[0], k: momentum.indexOf(i) });
  const order = request.configs.map((_, i) => at(i));
  return {
    status: 'ok',
    result: {
      kind: 'regression',
      stepsPerEpoch: parts[0].stepsPerEpoch,
      losses: order.map(({ part, k }) => part.losses[k]),
      finalParams: order.map(({ part, k }) => part.finalParams[k]),
      divergedAt: order.map(({ part, k }) => part.divergedAt[k]),
    },
  };
}

/** All configs of the request under one update rule, as one batched tensor program. */
async function trainProgram(
  request: RegressionRequest,
  rule: 'momentum' | 'sgd',
  options: RegressionEngineOptions,
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
    // Plain SGD has no velocity and no momentum: nothing of the kind is even allocated.
    if (rule === 'momentum') {
      momentum = tf.tensor2d(request.configs.map((config) => config.momentum), [k, 1]);
      velocity = tf.zeros([k, AUGMENTED_WIDTH]);
    }
    history.record(initialParamRows(plan, k));
    let step = 0;
    for (let epoch = 1; epoch <= request.epochs; epoch += 1) {
      tf.dispose(coefficients);
      coefficients = epochCoefficients(request, epoch);
      for (let stepInEpoch = 0; stepInEpoch < plan.stepsPerEpoch; stepInEpoch += 1, step += 1) {
        if (momentum === undefined || velocity === undefined) {
          history.record(sgdStep(history.latest(), minibatches.at(step), coefficients));
        } else {
          const next = trainingStep({ params: history.latest(), velocity }, minibatches.at(step), momentum, coefficients);
          velocity.dispose();
          velocity = next.velocity;
          history.record(next.params);
        }
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
