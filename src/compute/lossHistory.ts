/**
 * The mean full-data loss of every recorded parameter row, in float64. For a parameter row
 * p = [w1, w2, b, −1] and example rows a_i = [x1, x2, 1, y], the residual is p·a_i, so
 *   ½·mean_i (p·a_i)² = pᵀ G p / (2n)   with   G = Σ_i a_i a_iᵀ (4×4).
 * G (augmentedGram in regressionTensors.ts) is built once (16n flops), after which a loss costs 16 flops however large n is. It is done
 * in float64 on purpose: near the optimum the loss (~5e-5) is a tiny difference of terms of
 * order 1e4, which float32 would drown in rounding (measured ~5 % error), while evaluating the
 * residuals themselves on tfjs costs a (rows × n) matMul per chunk: ~0.2 s for K = 256 here,
 * more than the whole training.
 */
import { AUGMENTED_WIDTH } from './regressionTensors';

/** ½·mean((x·w + b − y)²) for the parameter row at `offset` of `params` (4 entries). */
export function gramLoss(gram: Float64Array, n: number, params: ArrayLike<number>, offset: number): number {
  let quadratic = 0;
  for (let r = 0; r < AUGMENTED_WIDTH; r += 1) {
    let gp = 0;
    for (let c = 0; c < AUGMENTED_WIDTH; c += 1) gp += gram[r * AUGMENTED_WIDTH + c] * params[offset + c];
    quadratic += params[offset + r] * gp;
  }
  // A real loss is never negative; rounding can make an exactly-fitting one a hair below zero.
  return Math.max(0, quadratic) / (2 * n);
}

/**
 * Per-config loss histories from step-major parameter rows (row s·K + k is config k after s steps).
 * `lossHistories(gram, 1000, rows, 301, 3)` → three Float64Arrays of length 301.
 */
export function lossHistories(
  gram: Float64Array,
  n: number,
  rows: Float32Array,
  steps: number,
  k: number,
): Float64Array[] {
  return Array.from({ length: k }, (_, config) => {
    const history = new Float64Array(steps);
    for (let step = 0; step < steps; step += 1) {
      history[step] = gramLoss(gram, n, rows, (step * k + config) * AUGMENTED_WIDTH);
    }
    return history;
  });
}
