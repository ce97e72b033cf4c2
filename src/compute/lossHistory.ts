/**
 * The mean full-data loss of every recorded parameter row, in float64. For a parameter row
 * p = [w1, …, wd, b, −1] and example rows a_i = [x1, …, xd, 1, y], the residual is p·a_i, so
 *   ½·mean_i (p·a_i)² = pᵀ G p / (2n)   with   G = Σ_i a_i a_iᵀ (W×W, W = d + 2).
 * G (augmentedGram in regressionTensors.ts) is built once (~W²n/2 flops), after which a loss
 * costs W² flops however large n is. It is done in float64 on purpose: near the optimum the
 * loss (~5e-5) is a tiny difference of terms of order 1e4, which float32 would drown in rounding
 * (measured ~5 % error), while evaluating the residuals themselves on tfjs costs a (rows × n)
 * matMul per chunk: ~0.2 s for K = 256 here, more than the whole training.
 */

/** ½·mean((x·w + b − y)²) for the parameter row at `offset` of `params` (W entries, W² = gram.length). */
export function gramLoss(gram: Float64Array, n: number, params: ArrayLike<number>, offset: number): number {
  const width = Math.round(Math.sqrt(gram.length));
  let quadratic = 0;
  for (let r = 0; r < width; r += 1) {
    let gp = 0;
    for (let c = 0; c < width; c += 1) gp += gram[r * width + c] * params[offset + c];
    quadratic += params[offset + r] * gp;
  }
  // A real loss is never negative; rounding can make an exactly-fitting one a hair below zero.
  return Math.max(0, quadratic) / (2 * n);
}

/**
 * Per-config loss histories from point-major rows (row s·K + k is config k at recorded point s).
 * A row holds the W parameters first; `rowWidth` (default W) may be larger when rows carry the
 * velocity too. `lossHistories(gram, 1000, rows, 301, 3)` → three Float64Arrays of length 301.
 */
export function lossHistories(
  gram: Float64Array,
  n: number,
  rows: Float32Array,
  points: number,
  k: number,
  rowWidth = Math.round(Math.sqrt(gram.length)),
): Float64Array[] {
  return Array.from({ length: k }, (_, config) => {
    const history = new Float64Array(points);
    for (let point = 0; point < points; point += 1) {
      history[point] = gramLoss(gram, n, rows, (point * k + config) * rowWidth);
    }
    return history;
  });
}
