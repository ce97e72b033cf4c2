import { describe, expect, test } from 'vitest';
import { generateRegressionData, seededUniform } from '../../../src/core/syntheticData';
import type { RegressionDataSpec } from '../../../src/core/runTypes';

const spec = (overrides: Partial<RegressionDataSpec> = {}): RegressionDataSpec => ({
  n: 20_000,
  trueW: [2, -3.4],
  trueB: 4.2,
  noise: 0.01,
  seed: 11,
  ...overrides,
});

const mean = (values: ArrayLike<number>): number => Array.from(values).reduce((a, b) => a + b, 0) / values.length;
const variance = (values: ArrayLike<number>): number => {
  const m = mean(values);
  return Array.from(values).reduce((sum, v) => sum + (v - m) ** 2, 0) / values.length;
};

describe('generateRegressionData', () => {
  test('the same spec always gives the same data, another seed other data', () => {
    const a = generateRegressionData(spec({ n: 50 }));
    const b = generateRegressionData(spec({ n: 50 }));
    const c = generateRegressionData(spec({ n: 50, seed: 12 }));
    expect(b.features).toEqual(a.features);
    expect(b.labels).toEqual(a.labels);
    expect(c.features).not.toEqual(a.features);
  });

  test('features are n×2 standard normal draws', () => {
    const { features } = generateRegressionData(spec());
    expect(features).toBeInstanceOf(Float64Array);
    expect(features.length).toBe(40_000);
    // Standard errors: mean 1/√N = 0.005, variance √(2/N) ≈ 0.007; allow four of them.
    expect(Math.abs(mean(features))).toBeLessThan(0.02);
    expect(Math.abs(variance(features) - 1)).toBeLessThan(0.03);
  });

  test('labels are the linear model plus independent noise of the given size', () => {
    const data = generateRegressionData(spec());
    const noise = Float64Array.from(data.labels, (y, i) => y - (2 * data.features[2 * i] - 3.4 * data.features[2 * i + 1] + 4.2));
    expect(Math.abs(mean(noise))).toBeLessThan(4 * 0.01 / Math.sqrt(data.n));
    expect(Math.sqrt(variance(noise))).toBeCloseTo(0.01, 3);
    // Noise uncorrelated with the features drawn before it.
    const x1 = Float64Array.from({ length: data.n }, (_, i) => data.features[2 * i]);
    const covariance = mean(Float64Array.from(noise, (e, i) => e * x1[i])) - mean(noise) * mean(x1);
    expect(Math.abs(covariance / 0.01)).toBeLessThan(4 / Math.sqrt(data.n));
  });

  test('without noise the labels are exactly x·w + b', () => {
    const data = generateRegressionData(spec({ n: 100, noise: 0 }));
    data.labels.forEach((y, i) => {
      expect(y).toBe(data.features[2 * i] * 2 + data.features[2 * i + 1] * -3.4 + 4.2);
    });
  });

  test('noise scales the same underlying draws: the features do not depend on it', () => {
    const quiet = generateRegressionData(spec({ n: 100, noise: 0.01 }));
    const loud = generateRegressionData(spec({ n: 100, noise: 1 }));
    expect(loud.features).toEqual(quiet.features);
    expect(loud.labels).not.toEqual(quiet.labels);
  });
});

describe('seededUniform', () => {
  test('consecutive seeds give unrelated streams (d3’s raw LCG would start them all near 0.237)', () => {
    const firstDraws = Array.from({ length: 400 }, (_, i) => seededUniform(i + 1)());
    // Uniform on [0, 1): mean 0.5 ± 0.0144 (one standard error), spread over the whole interval.
    expect(Math.abs(mean(firstDraws) - 0.5)).toBeLessThan(0.06);
    expect(Math.max(...firstDraws) - Math.min(...firstDraws)).toBeGreaterThan(0.95);
  });

  test('every bit of the seed matters, and −0 is 0', () => {
    expect(seededUniform(1.5)()).not.toBe(seededUniform(1)());
    expect(seededUniform(-1)()).not.toBe(seededUniform(1)());
    expect(seededUniform(-0)()).toBe(seededUniform(0)());
  });
});
