/**
 * Plain float64 TypeScript reference of the chapter's experiment: minibatch SGD with momentum on
 * linear regression, one config at a time, written to be read against the chapter's code rather
 * than to be fast. The tfjs engine is tested against it, and the bench uses it as the plain-JS
 * baseline. Like the engine it records the full-data loss at the steps lossRecordStride names
 * (every step for the chapter's runs), each by a pass over all examples, as the chapter does.
 */
import { regressionData, type RegressionData } from '../../src/core/syntheticData';
import {
  learningRateForEpoch,
  lossRecordStride,
  minibatchBounds,
  planRegression,
  truncateAtDivergence,
  type RegressionPlan,
} from '../../src/core/regressionPlan';
import type {
  RegressionConfig,
  RegressionRequest,
  RegressionResult,
} from '../../src/core/runTypes';

/** x_i·w + b, summed in the chapter's order (x1·w1 + x2·w2 + b), so float rounding matches it. */
function predict(data: RegressionData, params: Float64Array, i: number): number {
  const d = data.featureCount;
  let prediction = data.features[i * d] * params[0];
  for (let j = 1; j < d; j += 1) prediction += data.features[i * d + j] * params[j];
  return prediction + params[d];
}

/** Mean over the whole data set of ½(x·w + b − y)²; params = [w1, …, wd, b]. */
export function meanSquaredLoss(data: RegressionData, params: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < data.n; i += 1) {
    const residual = predict(data, params, i) - data.labels[i];
    sum += 0.5 * residual * residual;
  }
  return sum / data.n;
}

/** Gradient of the minibatch's SUM of ½r² with respect to (w1, …, wd, b), as autograd gives it. */
function minibatchGradientSum(
  data: RegressionData,
  params: Float64Array,
  order: Int32Array,
  start: number,
  end: number,
): Float64Array {
  const d = data.featureCount;
  const gradient = new Float64Array(d + 1);
  for (let position = start; position < end; position += 1) {
    const i = order[position];
    const residual = predict(data, params, i) - data.labels[i];
    for (let j = 0; j < d; j += 1) gradient[j] += residual * data.features[i * d + j];
    gradient[d] += residual;
  }
  return gradient;
}

export interface ReferenceRun {
  readonly losses: Float64Array;
  readonly finalParams: Float64Array;
  readonly divergedAt: number | null;
}

/** Train one config from a plan on a data set, recording the full-data loss every `stride` steps and after the last. */
export function trainReferenceConfig(
  request: RegressionRequest,
  data: RegressionData,
  plan: RegressionPlan,
  config: RegressionConfig,
): ReferenceRun {
  const { batchSize } = request;
  const totalSteps = request.epochs * plan.stepsPerEpoch;
  const stride = lossRecordStride(totalSteps);
  const params = Float64Array.from(plan.initialParams);
  const velocity = new Float64Array(params.length);
  const losses = new Float64Array(Math.ceil(totalSteps / stride) + 1);
  losses[0] = meanSquaredLoss(data, params);
  let recorded = 1;
  let done = 0;
  for (let epoch = 1; epoch <= request.epochs; epoch += 1) {
    const lr = learningRateForEpoch(config.lr, epoch, request);
    const order = plan.epochOrders[epoch - 1];
    for (let step = 0; step < plan.stepsPerEpoch; step += 1) {
      const [start, end] = minibatchBounds(plan, step);
      const gradient = minibatchGradientSum(data, params, order, start, end);
      for (let j = 0; j < params.length; j += 1) {
        // Operand order as in the chapter's Python, so float rounding matches it too. Like the
        // chapter, the sum is divided by batch_size even for a short last batch.
        if (config.optimizer === 'sgd') {
          // p ← p − lr·g/B: plain minibatch SGD, no velocity (the chapter's sgd)
          params[j] -= (lr * gradient[j]) / batchSize;
        } else if (config.convention === 'mxnet') {
          // v ← m·v + lr·g/B; p ← p − v  (the chapter's sgd_momentum)
          velocity[j] = config.momentum * velocity[j] + (lr * gradient[j]) / batchSize;
          params[j] -= velocity[j];
        } else {
          // a ← m·a + g/B; p ← p − lr·a  (tf.train.momentum, PyTorch)
          velocity[j] = config.momentum * velocity[j] + gradient[j] / batchSize;
          params[j] -= lr * velocity[j];
        }
      }
      done += 1;
      if (done % stride === 0 || done === totalSteps) {
        losses[recorded] = meanSquaredLoss(data, params);
        recorded += 1;
      }
    }
  }
  const { divergedAt } = truncateAtDivergence(losses);
  return { losses, finalParams: params, divergedAt: divergedAt === null ? null : Math.min(divergedAt * stride, totalSteps) };
}

/** Every config of the request, one after the other, in float64. */
export function runRegressionReference(request: RegressionRequest): RegressionResult {
  const data = regressionData(request.data);
  const plan = planRegression({ ...request, data: { n: data.n, featureCount: data.featureCount } });
  const runs = request.configs.map((config) => trainReferenceConfig(request, data, plan, config));
  return {
    kind: 'regression',
    stepsPerEpoch: plan.stepsPerEpoch,
    lossStride: lossRecordStride(request.epochs * plan.stepsPerEpoch),
    losses: runs.map((run) => run.losses),
    finalParams: runs.map((run) => run.finalParams),
    divergedAt: runs.map((run) => run.divergedAt),
  };
}
