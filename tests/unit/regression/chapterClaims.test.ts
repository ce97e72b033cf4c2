/**
 * The chapter's claims about its three runs (lr 0.2, batch 10, 3 epochs, lr × 0.1 from epoch 3),
 * checked on the float64 reference over several data and training seeds. The chapter's own runs
 * are unseeded, so each claim is stated as a margin that holds seed after seed, not as numbers.
 */
import { describe, expect, test } from 'vitest';
import { runRegressionReference, meanSquaredLoss } from '../../reference/regressionReference';
import { chapterRequest, TRUE_B, TRUE_W } from '../../reference/chapterRuns';
import { generateRegressionData } from '../../../src/core/syntheticData';
import { leastSquares } from '../../reference/leastSquares';

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];
const STEPS_PER_EPOCH = 100;

const runs = SEEDS.map((seed) => {
  const request = chapterRequest(seed);
  const data = generateRegressionData(request.data);
  const result = runRegressionReference(request);
  const [mom99, mom9, mom5] = [0, 1, 2].map((k) => ({
    losses: result.losses[k],
    params: result.finalParams[k],
    divergedAt: result.divergedAt[k],
  }));
  return { seed, optimalLoss: meanSquaredLoss(data, leastSquares(data)), mom99, mom9, mom5 };
});

const lastEpoch = (losses: Float64Array) => losses.subarray(2 * STEPS_PER_EPOCH + 1);
const mean = (values: Float64Array) => values.reduce((a, b) => a + b, 0) / values.length;
const lowest = (values: Float64Array) => values.reduce((a, b) => Math.min(a, b), Infinity);
/** Steps that raise the loss by more than 10 %: a jagged curve has many. */
const upticks = (losses: Float64Array) => losses.reduce((count, loss, t) => (t > 0 && loss > 1.1 * losses[t - 1] ? count + 1 : count), 0);
const distanceToTruth = (params: Float64Array) =>
  Math.max(Math.abs(params[0] - TRUE_W[0]), Math.abs(params[1] - TRUE_W[1]), Math.abs(params[2] - TRUE_B));

describe.each(runs)('the chapter’s runs, seed $seed', ({ optimalLoss, mom99, mom9, mom5 }) => {
  test('every run records the loss before training and after each of the 300 minibatches', () => {
    for (const run of [mom99, mom9, mom5]) {
      expect(run.losses).toHaveLength(301);
      expect(run.divergedAt).toBeNull();
    }
  });

  test('mom 0.99: the loss climbs back up and stays far above its best (last epoch ≥ 10× the lowest loss)', () => {
    // The "special gradient" is 100 × lr·∇f: the run overshoots the optimum again and again, and
    // even the tenfold lr decay of epoch 3 does not bring it back down.
    expect(mean(lastEpoch(mom99.losses))).toBeGreaterThan(10 * lowest(mom99.losses));
    expect(mom99.losses[300]).toBeGreaterThan(10 * lowest(mom99.losses));
    expect(distanceToTruth(mom99.params)).toBeGreaterThan(0.5);
  });

  test('mom 0.9: the loss goes down, ending within 20 % of the least-squares optimum', () => {
    expect(mom9.losses[300]).toBeLessThan(1.2 * optimalLoss);
  });

  test('mom 0.5: w and b end within 2e-3 of the truth', () => {
    expect(distanceToTruth(mom5.params)).toBeLessThan(2e-3);
    expect(mom5.losses[300]).toBeLessThan(1.05 * optimalLoss);
  });

  test('mom 0.5 descends smoothly: at most 15 of 300 steps raise the loss by >10 %, against >40 for mom 0.9', () => {
    expect(upticks(mom5.losses)).toBeLessThanOrEqual(15);
    expect(upticks(mom9.losses)).toBeGreaterThan(40);
  });
});
