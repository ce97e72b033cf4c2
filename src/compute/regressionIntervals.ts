/**
 * Training batched over time as well as over configs, for long runs of few configs (N = 10⁶
 * examples at batch 10 is 10⁵ steps per epoch, which one op per step would spend ~4 s on in
 * dispatch alone).
 *
 * One minibatch step is linear in the state z = [p, v] (a row of Z = 2W numbers):
 *   v' = m·v + c1·p·M·D,  p' = p − c2·v'   ⇔   z' = z·T,
 *   T = [[I − c1c2·M·D, c1·M·D], [−c2m·I, m·I]]   (W×W blocks; D zeroes M's label column),
 * with M the minibatch's Gram matrix (regressionTensors.ts). Plain SGD keeps no velocity: its
 * state is p alone (Z = W) and T = I − c1c2·M·D. Only the loss at every stride-th
 * step is recorded, so the stride's transitions are multiplied together first: all T of a block
 * of intervals are written into one tensor, multiplied pairwise in log₂(stride) batched matMuls,
 * and the state then takes one matMul per recorded interval. Padding steps past
 * the end are identities (M = 0, c1 = c2 = 0, m = 1), which is why the stride is a power of two.
 * In exact arithmetic this is the stepwise program; in float32 the products round differently
 * but no worse (tests/worker/regressionEngine.test.ts checks both against the float64 reference).
 */
import * as tf from '@tensorflow/tfjs-core';
import { initialParamRow, minibatchGramsInto, updateScales, type UpdateScales } from './regressionTensors';
import { ParamHistory } from './paramHistory';
import type { RecordedRows, TrainingContext } from './trainingContext';

/** Floats of the transitions built at once (K × steps × Z²): 2 MB, a few times that at the peak. */
const BLOCK_FLOATS = 1 << 19;
/**
 * Intervals per block at most: the wasm backend's slice copies its whole input, so taking each
 * interval's product out of a block costs the block's size; small blocks keep that linear.
 */
const MAX_BLOCK_INTERVALS = 64;
const CONSOLIDATE_EVERY = 32;

/** Z, the width of a config's state row: [p, v] under momentum, p alone under plain SGD. */
const stateWidth = ({ rule, width }: TrainingContext): number => (rule === 'sgd' ? width : 2 * width);

/** `i` with its lowest `bits` bits reversed: `bitReverse(1, 3)` → 4. */
function bitReverse(i: number, bits: number): number {
  let reversed = 0;
  for (let b = 0; b < bits; b += 1) reversed |= ((i >> b) & 1) << (bits - 1 - b);
  return reversed;
}

/**
 * T of every config and step of `count` intervals from `firstInterval`, written in JS (64 floats a
 * config and step, cheaper than assembling them from blocks with tfjs concats). Layout
 * [position, interval, config, Z, Z] where the step t within its interval sits at position
 * bitReverse(t): then the halves of the position axis hold the even and the odd steps, each
 * halving multiplies the two contiguous halves, and its product is again in bit-reversed order,
 * so no level needs a strided copy.
 */
function transitionValues(context: TrainingContext, firstInterval: number, count: number): Float32Array {
  const { request, data, plan, width, stride, totalSteps } = context;
  const k = request.configs.length;
  const z = stateWidth(context);
  const withVelocity = context.rule === 'momentum';
  const bits = Math.log2(stride);
  const firstStep = firstInterval * stride;
  const realSteps = Math.min(count * stride, totalSteps - firstStep);
  const grams = new Float32Array(count * stride * width * width);
  minibatchGramsInto(data, plan, firstStep, realSteps, grams, true);
  const out = new Float32Array(stride * count * k * z * z);
  let scalesEpoch = -1;
  let scales: UpdateScales[] = [];
  for (let local = 0; local < count * stride; local += 1) {
    const interval = Math.floor(local / stride);
    const position = bitReverse(local % stride, bits);
    const padding = local >= realSteps; // past the end: the identity
    const epoch = Math.floor((firstStep + local) / plan.stepsPerEpoch) + 1;
    if (!padding && epoch !== scalesEpoch) {
      scales = request.configs.map((config) => updateScales(config, epoch, request));
      scalesEpoch = epoch;
    }
    for (let j = 0; j < k; j += 1) {
      const base = ((position * count + interval) * k + j) * z * z;
      const momentum = padding ? 1 : request.configs[j].momentum;
      const { c1, c2 } = padding ? { c1: 0, c2: 0 } : scales[j];
      for (let r = 0; r < width; r += 1) {
        out[base + r * z + r] = 1; // I of the top-left block
        if (withVelocity) {
          out[base + (width + r) * z + r] = -c2 * momentum; // −c2m·I
          out[base + (width + r) * z + width + r] = momentum; // m·I
        }
        for (let c = 0; c < width; c += 1) {
          const gram = grams[(local * width + r) * width + c]; // M·D: the label column is 0
          out[base + r * z + c] -= c1 * c2 * gram;
          if (withVelocity) out[base + r * z + width + c] = c1 * gram;
        }
      }
    }
  }
  return out;
}

/** The product of each interval's transitions, layout [interval, config, Z, Z]. */
function intervalProducts(context: TrainingContext, firstInterval: number, count: number): tf.Tensor3D {
  const k = context.request.configs.length;
  const z = stateWidth(context);
  const batch = count * k;
  let current = tf.tensor3d(transitionValues(context, firstInterval, count), [context.stride * batch, z, z]);
  for (let rows = context.stride; rows > 1; rows /= 2) {
    const previous = current;
    const half = (rows / 2) * batch;
    current = tf.tidy(() => tf.matMul(tf.slice(previous, [0, 0, 0], [half, z, z]), tf.slice(previous, [half, 0, 0], [half, z, z])));
    previous.dispose();
  }
  return current;
}

/**
 * Train by interval products; the recorded rows [p, v] (Z = 2W wide; p alone, Z = W, for plain
 * SGD), or null when told to stop.
 * `await trainByIntervals(context)` → { rows, rowWidth: Z } at the steps lossRecordStride names.
 */
export async function trainByIntervals(context: TrainingContext): Promise<RecordedRows | null> {
  const { request, plan, stride, totalSteps } = context;
  const k = request.configs.length;
  const z = stateWidth(context);
  const intervals = Math.ceil(totalSteps / stride);
  const perBlock = Math.max(1, Math.min(MAX_BLOCK_INTERVALS, Math.floor(BLOCK_FLOATS / (k * stride * z * z))));
  const history = new ParamHistory();
  const start = new Float32Array(k * z);
  const first = initialParamRow(plan);
  for (let j = 0; j < k; j += 1) start.set(first, j * z); // velocities start at 0
  let current = tf.tensor3d(start, [k, 1, z]);
  try {
    history.record(tf.reshape(current, [k, z]));
    for (let firstInterval = 0; firstInterval < intervals; firstInterval += perBlock) {
      const count = Math.min(perBlock, intervals - firstInterval);
      const products = intervalProducts(context, firstInterval, count);
      try {
        for (let i = 0; i < count; i += 1) {
          const previous = current;
          current = tf.tidy(() => tf.matMul(previous, tf.slice(products, [i * k, 0, 0], [k, z, z])));
          previous.dispose();
          history.record(tf.reshape(current, [k, z]));
          if ((firstInterval + i + 1) % CONSOLIDATE_EVERY === 0) history.consolidate();
        }
      } finally {
        products.dispose();
      }
      if (await context.checkpoint(Math.min((firstInterval + count) * stride, totalSteps))) return null;
    }
    return { rows: history.read(), rowWidth: z };
  } finally {
    history.dispose();
    current.dispose();
  }
}
