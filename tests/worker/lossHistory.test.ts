import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { gramLoss, lossHistories } from '../../src/compute/lossHistory';
import { augmentedGram } from '../../src/compute/regressionTensors';
import { meanSquaredLoss } from '../reference/regressionReference';
import { generateRegressionData } from '../../src/core/syntheticData';
import { leastSquares } from '../reference/leastSquares';

const data = generateRegressionData({ n: 1000, trueW: [2, -3.4], trueB: 4.2, noise: 0.01, seed: 9 });
const gram = augmentedGram(data);
const row = (w1: number, w2: number, b: number) => Float64Array.of(w1, w2, b, -1);

describe('the quadratic-form loss pᵀGp / 2n', () => {
  test('equals the direct mean of ½(x·w + b − y)² for any parameters', () => {
    fc.assert(
      fc.property(fc.tuple(fc.double({ min: -100, max: 100, noNaN: true }), fc.double({ min: -100, max: 100, noNaN: true }), fc.double({ min: -100, max: 100, noNaN: true })), ([w1, w2, b]) => {
        const direct = meanSquaredLoss(data, Float64Array.of(w1, w2, b));
        expect(Math.abs(gramLoss(gram, data.n, row(w1, w2, b), 0) - direct)).toBeLessThanOrEqual(1e-10 * direct + 1e-14);
      }),
    );
  });

  test('stays accurate at the optimum, where the loss is 1e-4 of its terms', () => {
    const [w1, w2, b] = leastSquares(data);
    const direct = meanSquaredLoss(data, Float64Array.of(w1, w2, b));
    expect(direct).toBeLessThan(1e-4);
    expect(gramLoss(gram, data.n, row(w1, w2, b), 0)).toBeCloseTo(direct, 12);
  });

  test('lossHistories reads step-major rows into one history per config', () => {
    // Two configs, two steps: rows are (step 0, config 0), (step 0, config 1), (step 1, config 0), …
    const params = [row(0, 0, 0), row(2, -3.4, 4.2), row(1, 1, 1), row(-1, 0, 3)];
    const rows = new Float32Array(16);
    params.forEach((p, i) => rows.set(p, 4 * i));
    const [first, second] = lossHistories(gram, data.n, rows, 2, 2);
    const direct = (i: number) => meanSquaredLoss(data, Float64Array.from(rows.subarray(4 * i, 4 * i + 3)));
    expect(first[0]).toBeCloseTo(direct(0), 10);
    expect(first[1]).toBeCloseTo(direct(2), 10);
    expect(second[0]).toBeCloseTo(direct(1), 10);
    expect(second[1]).toBeCloseTo(direct(3), 10);
  });
});

test('the Gram matrix of a minibatch is the sum over its examples: split the data, add the parts', () => {
  const first = Array.from({ length: 400 }, (_, i) => i);
  const rest = Array.from({ length: 600 }, (_, i) => 400 + i);
  const sum = augmentedGram(data, first).map((v, i) => v + augmentedGram(data, rest)[i]);
  sum.forEach((v, i) => expect(v).toBeCloseTo(gram[i], 9));
  expect(augmentedGram(data, [7])[15]).toBe(data.labels[7] ** 2);
});
