/**
 * The step-by-step program: parameters and velocities are K×W tensors (one row per config), so a
 * step costs the same six ops whether K is 1 or 1,024 (plain SGD has no velocity, and fewer ops).
 * Parameters are recorded on the backend at the recorded steps only (every step for the
 * chapter's runs) and read back in one go at the end.
 */
import * as tf from '@tensorflow/tfjs-core';
import { MinibatchGrams, epochCoefficients, initialParamRows, type EpochCoefficients } from './regressionTensors';
import { ParamHistory } from './paramHistory';
import type { RecordedRows, TrainingContext } from './trainingContext';

/** Records between merges of the recorded parameters: bounds the tensor count of long runs. */
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
  return tf.tidy(() => tf.sub<tf.Tensor2D>(params, tf.mul(stepScale, tf.mul(gradientScale, tf.matMul(params, minibatchGram)))));
}

/** One heavy-ball step for every config at once; returns the new state, disposes nothing. */
function trainingStep(
  state: TrainingState,
  minibatchGram: tf.Tensor2D,
  momentum: tf.Tensor2D,
  { gradientScale, stepScale }: EpochCoefficients,
): TrainingState {
  return tf.tidy(() => {
    const gradientSums = tf.matMul(state.params, minibatchGram); // K×W: Σ r·[x…, 1, y]
    const velocity = tf.add(tf.mul(momentum, state.velocity), tf.mul(gradientScale, gradientSums));
    const params = tf.sub(state.params, tf.mul(stepScale, velocity));
    return { params: params as tf.Tensor2D, velocity: velocity as tf.Tensor2D };
  });
}

/**
 * Train step by step; the recorded parameter rows (W wide), or null when told to stop.
 * `await trainStepwise(context)` → { rows, rowWidth: W } with one row per config and recorded step.
 */
export async function trainStepwise(context: TrainingContext): Promise<RecordedRows | null> {
  const { request, data, plan, width, stride, totalSteps } = context;
  const k = request.configs.length;
  // Everything allocated below is released in the finally block, however the run ends.
  const history = new ParamHistory();
  const minibatches = new MinibatchGrams(data, plan);
  let momentum: tf.Tensor2D | undefined;
  let params: tf.Tensor2D | undefined;
  let velocity: tf.Tensor2D | undefined;
  let coefficients: EpochCoefficients | undefined;
  try {
    // Plain SGD has no velocity and no momentum: nothing of the kind is even allocated.
    if (context.rule === 'momentum') {
      momentum = tf.tensor2d(request.configs.map((config) => config.momentum), [k, 1]);
      velocity = tf.zeros([k, width]);
    }
    params = initialParamRows(plan, k);
    history.record(tf.clone(params));
    let records = 1;
    let step = 0;
    for (let epoch = 1; epoch <= request.epochs; epoch += 1) {
      tf.dispose(coefficients);
      coefficients = epochCoefficients(request, epoch, width);
      for (let stepInEpoch = 0; stepInEpoch < plan.stepsPerEpoch; stepInEpoch += 1, step += 1) {
        if (momentum === undefined || velocity === undefined) {
          const next = sgdStep(params, minibatches.at(step), coefficients);
          params.dispose();
          params = next;
        } else {
          const next = trainingStep({ params, velocity }, minibatches.at(step), momentum, coefficients);
          tf.dispose([params, velocity]);
          ({ params, velocity } = next);
        }
        const done = step + 1;
        if (done % stride === 0 || done === totalSteps) {
          // A clone shares the data; the history owns it while the loop moves on.
          history.record(tf.clone(params));
          records += 1;
          if (records % CONSOLIDATE_EVERY === 0) history.consolidate();
        }
        if (done % context.yieldEvery === 0 && (await context.checkpoint(done))) return null;
      }
    }
    return { rows: history.read(), rowWidth: width };
  } finally {
    history.dispose();
    minibatches.dispose();
    tf.dispose([momentum, params, velocity, coefficients]);
  }
}
