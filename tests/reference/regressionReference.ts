/**
 * Plain float64 TypeScript reference of the chapter's experiment: minibatch SGD with momentum on
 * linear regression, one config at a time, written to be read against the chapter's code rather
 * than to be fast. The tfjs engine is tested against it, and the bench uses it as the plain-JS
 * baseline.
 */
import { generateRegressionData, type RegressionData } from '../../src/core/syntheticData';
import {
  learningRateForEpoch,
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

/** Mean over the whole data set of ½(x·w + b − y)². */
export function meanSquaredLoss(data: RegressionData, params: Float64Array): number {
  const [w1, w2, b] = params;
  let sum = 0;
  for (let i = 0; i < data.n; i += 1) {
    const residual = data.features[2 * i] * w1 + data.features[2 * i + 1] * w2 + b - data.labels[i];
    sum += 0.5 * residual * residual;
  }
  return sum / data.n;
}

/** Gradient of the minibatch's SUM of ½r² with respect to (w1, w2, b), as autograd gives it. */
function minibatchGradientSum(
  data: RegressionData,
  params: Float64Array,
  order: Int32Array,
  start: number,
  end: number,
): Float64Array {
  const [w1, w2, b] = params;
  const gradient = new Float64Array(3);
  for (let position = start; position < end; position += 1) {
    const i = order[position];
    const x1 = data.features[2 * i];
    const x2 = data.features[2 * i + 1];
    const residual = x1 * w1 + x2 * w2 + b - data.labels[i];
    gradient[0] += residual * x1;
    gradient[1] += residual * x2;
    gradient[2] += residual;
  }
  return gradient;
}

export interface ReferenceRun {
  readonly losses: Float64Array;
  readonly finalParams: Float64Array;
  readonly divergedAt: number | null;
}

/** Train one config from a plan on a data set, recording the full-data loss after every step. */
export function trainReferenceConfig(
  request: RegressionRequest,
  data: RegressionData,
  plan: RegressionPlan,
  config: RegressionConfig,
): ReferenceRun {
  const { batchSize } = request;
  const params = Float64Array.from(plan.initialParams);
  const velocity = new Float64Array(3);
  const losses = new Float64Array(request.epochs * plan.stepsPerEpoch + 1);
  losses[0] = meanSquaredLoss(data, params);
  let recorded = 1;
  for (let epoch = 1; epoch <= request.epochs; epoch += 1) {
    const lr = learningRateForEpoch(config.lr, epoch, request);
    const order = plan.epochOrders[epoch - 1];
    for (let step = 0; step < plan.stepsPerEpoch; step += 1) {
      const [start, end] = minibatchBounds(plan, step);
      const gradient = minibatchGradientSum(data, params, order, start, end);
      for (let j = 0; j < 3; j += 1) {
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
      losses[recorded] = meanSquaredLoss(data, params);
      recorded += 1;
    }
  }
  return { losses, finalParams: params, ...truncateAtDivergence(losses) };
}

/** Every config of the request, one after the other, in float64. */
export function runRegressionReference(request: RegressionRequest): RegressionResult {
  const data = generateRegressionData(request.data);
  const plan = planRegression(request);
  const runs = request.configs.map((config) => trainReferenceConfig(request, data, plan, config));
  return {
    kind: 'regression',
    stepsPerEpoch: plan.stepsPerEpoch,
    losses: runs.map((run) => run.losses),
    finalParams: runs.map((run) => run.finalParams),
    divergedAt: runs.map((run) => run.divergedAt),
  };
}
