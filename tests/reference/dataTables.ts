/**
 * Data tables for tests and the bench: the user's own data as REGRESSION receives it from a sheet
 * range, built here from a known linear model so that the fit has a closed form to check against.
 */
import { seededUniform } from '../../src/core/syntheticData';
import type { RegressionConfig, RegressionDataTable, RegressionRequest } from '../../src/core/runTypes';

/** n rows of d features uniform in [−2, 2], labels x·w + b + noise·(uniform − ½). */
export function linearTable(n: number, w: readonly number[], b: number, noise = 0.01, seed = 3): RegressionDataTable {
  const d = w.length;
  const uniform = seededUniform(seed);
  const features = new Float64Array(n * d);
  const labels = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    let y = b;
    for (let j = 0; j < d; j += 1) {
      features[i * d + j] = 4 * uniform() - 2;
      y += features[i * d + j] * w[j];
    }
    labels[i] = y + noise * (uniform() - 0.5);
  }
  return { kind: 'table', n, featureCount: d, features, labels };
}

/** A regression request on a table, with the chapter's schedule unless overridden. */
export function tableRequest(
  data: RegressionDataTable,
  configs: readonly RegressionConfig[],
  overrides: Partial<Omit<RegressionRequest, 'kind' | 'configs' | 'data'>> = {},
): RegressionRequest {
  return { kind: 'regression', data, batchSize: 10, epochs: 3, decayEpoch: 2, decayFactor: 0.1, trainSeed: 11, initScale: 0.01, configs, ...overrides };
}

/** [w1, …, wd, b] minimising Σ(x·w + b − y)², by Gaussian elimination with partial pivoting on the normal equations. */
export function leastSquaresTable(data: RegressionDataTable): Float64Array {
  const d = data.featureCount;
  const size = d + 1;
  const a = Array.from({ length: size }, () => new Float64Array(size + 1));
  const row = new Float64Array(size);
  for (let i = 0; i < data.n; i += 1) {
    for (let j = 0; j < d; j += 1) row[j] = data.features[i * d + j];
    row[d] = 1;
    for (let r = 0; r < size; r += 1) {
      for (let c = 0; c < size; c += 1) a[r][c] += row[r] * row[c];
      a[r][size] += row[r] * data.labels[i];
    }
  }
  for (let col = 0; col < size; col += 1) {
    let pivot = col;
    for (let r = col + 1; r < size; r += 1) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
    [a[col], a[pivot]] = [a[pivot], a[col]];
    for (let r = col + 1; r < size; r += 1) {
      const factor = a[r][col] / a[col][col];
      for (let c = col; c <= size; c += 1) a[r][c] -= factor * a[col][c];
    }
  }
  const solution = new Float64Array(size);
  for (let r = size - 1; r >= 0; r -= 1) {
    let rest = a[r][size];
    for (let c = r + 1; c < size; c += 1) rest -= a[r][c] * solution[c];
    solution[r] = rest / a[r][r];
  }
  return solution;
}
