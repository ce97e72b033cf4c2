/** Comparisons between a float32 tfjs result and the float64 reference. */
import { expect } from 'vitest';
import type { RegressionResult } from '../../src/core/runTypes';

/** Float32 training drifts from float64 by ~1e-4 relative over 300 steps (measured); allow 2e-3. */
export const FLOAT32_RELATIVE_TOLERANCE = 2e-3;

/** Every finite loss and every final parameter within tolerance; divergence at (about) the same step (slack in steps). */
export function expectMatchesReference(actual: RegressionResult, expected: RegressionResult, divergenceSlack = 0): void {
  expect(actual.stepsPerEpoch).toBe(expected.stepsPerEpoch);
  expect(actual.lossStride ?? 1).toBe(expected.lossStride ?? 1);
  expect(actual.losses).toHaveLength(expected.losses.length);
  expected.losses.forEach((reference, k) => {
    const engine = actual.losses[k];
    expect(engine).toHaveLength(reference.length);
    const expectedDivergence = expected.divergedAt[k];
    const actualDivergence = actual.divergedAt[k];
    if (expectedDivergence === null || actualDivergence === null) {
      expect(actualDivergence).toBe(expectedDivergence);
    } else {
      expect(Math.abs(actualDivergence - expectedDivergence)).toBeLessThanOrEqual(divergenceSlack);
    }
    // divergedAt is a step; losses are recorded every lossStride steps.
    const stride = expected.lossStride ?? 1;
    const comparable = Math.min(Math.ceil((actualDivergence ?? Infinity) / stride), Math.ceil((expectedDivergence ?? Infinity) / stride), reference.length);
    for (let t = 0; t < comparable; t += 1) {
      const error = Math.abs(engine[t] - reference[t]);
      if (!(error <= FLOAT32_RELATIVE_TOLERANCE * reference[t])) {
        expect.fail(`config ${k}, loss ${t}: engine ${engine[t]} vs reference ${reference[t]}`);
      }
    }
    if (expectedDivergence === null) {
      expected.finalParams[k].forEach((value, j) => {
        expect(Math.abs(actual.finalParams[k][j] - value)).toBeLessThanOrEqual(FLOAT32_RELATIVE_TOLERANCE * Math.max(1, Math.abs(value)));
      });
    }
  });
}
