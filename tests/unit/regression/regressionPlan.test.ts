import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import {
  learningRateForEpoch,
  minibatchBounds,
  planRegression,
  truncateAtDivergence,
  type RegressionPlanSpec,
} from '../../../src/core/regressionPlan';

const spec = (overrides: Partial<RegressionPlanSpec> = {}): RegressionPlanSpec => ({
  data: { n: 1000 },
  batchSize: 10,
  epochs: 3,
  trainSeed: 5,
  initScale: 0.01,
  ...overrides,
});

describe('planRegression', () => {
  test('b starts at 0 and the weights are N(0, initScale²) across seeds', () => {
    const weights: number[] = [];
    for (let seed = 1; seed <= 500; seed += 1) {
      const { initialParams } = planRegression(spec({ trainSeed: seed, initScale: 0.5 }));
      expect(initialParams[2]).toBe(0);
      weights.push(initialParams[0], initialParams[1]);
    }
    const mean = weights.reduce((a, b) => a + b, 0) / weights.length;
    const sd = Math.sqrt(weights.reduce((s, w) => s + (w - mean) ** 2, 0) / weights.length);
    expect(Math.abs(mean)).toBeLessThan((4 * 0.5) / Math.sqrt(weights.length));
    expect(sd).toBeGreaterThan(0.45);
    expect(sd).toBeLessThan(0.55);
  });

  test('initScale only scales the weights; the batch order does not depend on it', () => {
    const small = planRegression(spec({ initScale: 0.01 }));
    const large = planRegression(spec({ initScale: 2 }));
    expect(large.initialParams[0]).toBeCloseTo(small.initialParams[0] * 200, 12);
    expect(large.initialParams[1]).toBeCloseTo(small.initialParams[1] * 200, 12);
    expect(large.epochOrders).toEqual(small.epochOrders);
  });

  test('every epoch visits every example exactly once, in a fresh order', () => {
    const plan = planRegression(spec());
    expect(plan.epochOrders).toHaveLength(3);
    for (const order of plan.epochOrders) {
      expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    }
    expect(plan.epochOrders[1]).not.toEqual(plan.epochOrders[0]);
    expect(plan.epochOrders[2]).not.toEqual(plan.epochOrders[1]);
  });

  test('a seed fixes the whole plan; another seed changes it', () => {
    expect(planRegression(spec())).toEqual(planRegression(spec()));
    const other = planRegression(spec({ trainSeed: 6 }));
    expect(other.initialParams).not.toEqual(planRegression(spec()).initialParams);
    expect(other.epochOrders[0]).not.toEqual(planRegression(spec()).epochOrders[0]);
  });

  test('minibatches tile the epoch, the last one short like the chapter loader keeps it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 64 }), (n, batchSize) => {
        const plan = planRegression(spec({ data: { n }, batchSize, epochs: 1 }));
        expect(plan.stepsPerEpoch).toBe(Math.ceil(n / batchSize));
        let expectedStart = 0;
        for (let step = 0; step < plan.stepsPerEpoch; step += 1) {
          const [start, end] = minibatchBounds(plan, step);
          expect(start).toBe(expectedStart);
          expect(end - start).toBe(step < plan.stepsPerEpoch - 1 ? batchSize : n - start);
          expectedStart = end;
        }
        expect(expectedStart).toBe(n);
      }),
    );
  });
});

describe('learningRateForEpoch', () => {
  const chapter = { decayEpoch: 2, decayFactor: 0.1 };

  test('decayEpoch 0 means no decay, as the chapter’s `if decay_epoch and epoch > decay_epoch` reads it', () => {
    for (const epoch of [1, 2, 3, 10]) expect(learningRateForEpoch(0.2, epoch, { decayEpoch: 0, decayFactor: 0.1 })).toBe(0.2);
  });

  test('the chapter: lr 0.2 for epochs 1 and 2, 0.2 × 0.1 in epoch 3', () => {
    expect(learningRateForEpoch(0.2, 1, chapter)).toBe(0.2);
    expect(learningRateForEpoch(0.2, 2, chapter)).toBe(0.2);
    expect(learningRateForEpoch(0.2, 3, chapter)).toBe(0.2 * 0.1);
  });

  test('the decay compounds every later epoch, as gb.optimize multiplies lr at each epoch start', () => {
    expect(learningRateForEpoch(0.2, 4, chapter)).toBe(0.2 * 0.1 * 0.1);
    expect(learningRateForEpoch(0.2, 5, chapter)).toBe(0.2 * 0.1 * 0.1 * 0.1);
  });

  test('no decay epoch: the learning rate never changes', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 10, noNaN: true }), fc.integer({ min: 1, max: 100 }), (lr, epoch) => {
        expect(learningRateForEpoch(lr, epoch, { decayEpoch: null, decayFactor: 0.1 })).toBe(lr);
      }),
    );
  });
});

describe('truncateAtDivergence', () => {
  test('a run that stays within the bound is not blanked; it diverges only if it ends 1000× above its start', () => {
    const settled = Float64Array.of(3, 2, 900, 1);
    expect(truncateAtDivergence(settled)).toEqual({ divergedAt: null });
    expect(settled).toEqual(Float64Array.of(3, 2, 900, 1));
    const climbing = Float64Array.of(3, 2, 1e12);
    expect(truncateAtDivergence(climbing)).toEqual({ divergedAt: 2 });
    expect(climbing).toEqual(Float64Array.of(3, 2, 1e12));
  });

  test('the first loss above 1e12 or non-finite is the divergence; what follows is blanked', () => {
    const above = Float64Array.of(3, 2e12, 5, 1);
    expect(truncateAtDivergence(above)).toEqual({ divergedAt: 1 });
    expect(Array.from(above)).toEqual([3, 2e12, Number.NaN, Number.NaN]);
    expect(truncateAtDivergence(Float64Array.of(1, Number.NaN, 1))).toEqual({ divergedAt: 1 });
    expect(truncateAtDivergence(Float64Array.of(Infinity))).toEqual({ divergedAt: 0 });
  });
});
