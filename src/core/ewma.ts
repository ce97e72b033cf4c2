/**
 * The exponentially weighted moving average behind momentum: y_t = γ·y_{t−1} + (1 − γ)·x_t.
 * Unrolled, x_{t−i} carries the weight (1 − γ)·γ^i; since γ^(1/(1−γ)) ≈ e⁻¹ the average is read
 * as one over the last 1/(1 − γ) values (20 for γ = 0.95, 10 for γ = 0.9).
 */

/** Weights (1 − γ)·γ^i of x_{t−i} for i = 0 … n−1. `ewmaWeights(0.5, 3)` → `[0.5, 0.25, 0.125]`. */
export function ewmaWeights(gamma: number, n: number): Float64Array {
  const weights = new Float64Array(Math.max(0, Math.floor(n)));
  let power = 1;
  for (let i = 0; i < weights.length; i++) {
    weights[i] = (1 - gamma) * power;
    power *= gamma;
  }
  return weights;
}

/** The window the average is read over, 1/(1 − γ). `ewmaWindow(0.95)` ≈ 20. */
export function ewmaWindow(gamma: number): number {
  return 1 / (1 - gamma);
}

/**
 * How much weight is left after one window, γ^(1/(1−γ)); tends to e⁻¹ as γ → 1.
 * `windowDecay(0.95)` = 0.95²⁰ ≈ 0.358 ≈ e⁻¹ ≈ 0.368.
 */
export function windowDecay(gamma: number): number {
  return Math.pow(gamma, 1 / (1 - gamma));
}

/**
 * The moving average of a series, starting from y₋₁ = 0. That start makes the chapter's
 * unrolling exact, y_t = Σ_{i≤t} (1 − γ)·γ^i·x_{t−i}, with no leftover γ^k·y term; it also
 * means early values are pulled towards 0 (no bias correction, unlike Adam).
 * `ewma([1, 1], 0.5)` → `[0.5, 0.75]`.
 */
export function ewma(series: ArrayLike<number>, gamma: number): Float64Array {
  const out = new Float64Array(series.length);
  let y = 0;
  for (let t = 0; t < series.length; t++) {
    y = gamma * y + (1 - gamma) * series[t];
    out[t] = y;
  }
  return out;
}
