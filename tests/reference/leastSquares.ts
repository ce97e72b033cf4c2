/** Ordinary least squares for the two-feature data set, via the 3×3 normal equations in float64. */
import type { RegressionData } from '../../src/core/syntheticData';

/** [w1, w2, b] minimising Σ(x·w + b − y)². The normal matrix is symmetric positive definite, so no pivoting. */
export function leastSquares(data: RegressionData): Float64Array {
  const a = [new Float64Array(4), new Float64Array(4), new Float64Array(4)];
  for (let i = 0; i < data.n; i += 1) {
    const row = [data.features[2 * i], data.features[2 * i + 1], 1];
    for (let r = 0; r < 3; r += 1) {
      for (let c = 0; c < 3; c += 1) a[r][c] += row[r] * row[c];
      a[r][3] += row[r] * data.labels[i];
    }
  }
  for (let col = 0; col < 3; col += 1) {
    for (let r = col + 1; r < 3; r += 1) {
      const factor = a[r][col] / a[col][col];
      for (let c = col; c < 4; c += 1) a[r][c] -= factor * a[col][c];
    }
  }
  const solution = new Float64Array(3);
  for (let r = 2; r >= 0; r -= 1) {
    let rest = a[r][3];
    for (let c = r + 1; c < 3; c += 1) rest -= a[r][c] * solution[c];
    solution[r] = rest / a[r][r];
  }
  return solution;
}
