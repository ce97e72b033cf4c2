/**
 * Guarantees of the float64 reference itself: what it records, that momentum 0 is plain
 * minibatch SGD, and where the two momentum conventions agree and part.
 */
import { describe, expect, test } from 'vitest';
import { meanSquaredLoss, runRegressionReference } from '../../reference/regressionReference';
import { chapterRequest, type GeneratedRegressionRequest } from '../../reference/chapterRuns';
import { generateRegressionData, type RegressionData } from '../../../src/core/syntheticData';
import { learningRateForEpoch, planRegression } from '../../../src/core/regressionPlan';
import type { MomentumConvention, RegressionRequest } from '../../../src/core/runTypes';

/** The chapter's plain minibatch SGD (gb.sgd: p ← p − lr·grad/batch_size), written independently. */
function plainMinibatchSgd(request: RegressionRequest, data: RegressionData): { losses: number[]; params: number[] } {
  const plan = planRegression(request);
  const p = Array.from(plan.initialParams);
  const loss = () => meanSquaredLoss(data, Float64Array.from(p));
  const losses = [loss()];
  for (let epoch = 1; epoch <= request.epochs; epoch += 1) {
    const lr = learningRateForEpoch(request.configs[0].lr, epoch, request);
    const order = plan.epochOrders[epoch - 1];
    for (let start = 0; start < data.n; start += request.batchSize) {
      const grad = [0, 0, 0];
      for (const i of order.subarray(start, start + request.batchSize)) {
        const x = [data.features[2 * i], data.features[2 * i + 1], 1];
        const r = x[0] * p[0] + x[1] * p[1] + p[2] - data.labels[i];
        x.forEach((xj, j) => (grad[j] += r * xj));
      }
      grad.forEach((g, j) => (p[j] -= (lr * g) / request.batchSize));
      losses.push(loss());
    }
  }
  return { losses, params: p };
}

const expectClose = (actual: ArrayLike<number>, expected: ArrayLike<number>, relative: number) => {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i += 1) {
    expect(Math.abs(actual[i] - expected[i])).toBeLessThanOrEqual(relative * Math.abs(expected[i]) + 1e-300);
  }
};

describe('the float64 reference', () => {
  test('records the loss of the initial parameters first, then one per minibatch', () => {
    const request = chapterRequest(4);
    const result = runRegressionReference(request);
    const data = generateRegressionData(request.data);
    expect(result.stepsPerEpoch).toBe(100);
    expect(result.losses[0][0]).toBe(meanSquaredLoss(data, planRegression(request).initialParams));
    expect(result.losses.map((l) => l.length)).toEqual([301, 301, 301]);
  });

  test('a short last minibatch still divides by the batch size (1005 examples: 101 steps per epoch)', () => {
    const request = chapterRequest(4, [{ lr: 0.2, momentum: 0, convention: 'mxnet' }], {
      data: { n: 1005, trueW: [2, -3.4], trueB: 4.2, noise: 0.01, seed: 4 },
    });
    const result = runRegressionReference(request);
    expect(result.stepsPerEpoch).toBe(101);
    expectClose(result.losses[0], plainMinibatchSgd(request, generateRegressionData(request.data)).losses, 1e-12);
  });

  test('a run whose loss passes 1e12 is marked diverged before it gets there, and its later losses blanked', () => {
    const result = runRegressionReference(chapterRequest(4, [{ lr: 5, momentum: 0.9, convention: 'mxnet' }]));
    const divergedAt = result.divergedAt[0];
    expect(divergedAt).not.toBeNull();
    const losses = result.losses[0];
    const bound = losses.findIndex((l) => !(l <= 1e12));
    expect(bound).toBeGreaterThan(0);
    expect(divergedAt).toBeLessThanOrEqual(bound);
    // From the step reported on, the loss never comes back down to where it started.
    expect(losses.subarray(divergedAt ?? 0, bound).every((l) => l > losses[0])).toBe(true);
    expect(losses.subarray(bound + 1).every(Number.isNaN)).toBe(true);
  });
});

describe.each([1, 2, 3])('momentum conventions, seed %i', (seed) => {
  const bothConventions = (momentum: number, overrides: Partial<GeneratedRegressionRequest> = {}) =>
    runRegressionReference(
      chapterRequest(seed, (['mxnet', 'pytorch'] as MomentumConvention[]).map((convention) => ({ lr: 0.2, momentum, convention })), overrides),
    );

  test.each(['mxnet', 'pytorch'] as MomentumConvention[])('mom = 0 in the %s convention is plain minibatch SGD', (convention) => {
    const request = chapterRequest(seed, [{ lr: 0.2, momentum: 0, convention }]);
    const sgd = plainMinibatchSgd(request, generateRegressionData(request.data));
    const result = runRegressionReference(request);
    expectClose(result.losses[0], sgd.losses, 1e-12);
    expectClose(result.finalParams[0], sgd.params, 1e-12);
  });

  test.each([0.99, 0.9, 0.5])('mom %s: the conventions agree while lr is constant and part once it decays', (momentum) => {
    const [mxnet, pytorch] = bothConventions(momentum).losses;
    // Epochs 1–2 (losses 0…200): the same update written two ways, equal up to rounding.
    expectClose(pytorch.subarray(0, 201), mxnet.subarray(0, 201), 1e-10);
    // First step of epoch 3: PyTorch's accumulator is rescaled by the new lr at once, MXNet's
    // velocity still carries the old lr, so the very next loss already differs visibly.
    expect(Math.abs(pytorch[201] - mxnet[201])).toBeGreaterThan(1e-3 * mxnet[201]);
  });

  test('without lr decay the conventions agree over the whole run', () => {
    const [mxnet, pytorch] = bothConventions(0.9, { decayEpoch: null }).losses;
    expectClose(pytorch, mxnet, 1e-9);
  });

  test('with mom = 0 the conventions agree even across the decay', () => {
    const [mxnet, pytorch] = bothConventions(0).losses;
    expectClose(pytorch, mxnet, 1e-12);
  });
});
