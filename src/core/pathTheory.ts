/**
 * Theory beside simulation for one 2-D run: when its gradient is affine with a symmetric,
 * invertible Jacobian, the run's error along each eigenvector follows a known recurrence. This
 * module gives that theory (eigenvalues, eigenvectors, stationary point, per-direction rates), the
 * measured error along each direction, the envelope |e_i,0|·ρ_iᵗ the iteration matrix predicts,
 * and the measured average rate per direction.
 */
import type { MathNode } from './mathParser';
import { affineGradient, linearModel } from './linearModel';
import { methodRate, type DescentMethod } from './quadratic';
import type { PathTheory, Vec2 } from './runTypes';

/**
 * The theory of a run of `method` with (η, γ) on a gradient, or null when the gradient is not
 * affine, its Jacobian not symmetric, or singular (no unique point to measure errors from).
 * `pathTheory([parse('0.2*x1'), parse('2*x2')], 'gd', 1.1, 0)?.rates` → [0.78, 1.2] (to rounding)
 */
export function pathTheory(gradient: readonly [MathNode, MathNode], method: DescentMethod, eta: number, gamma: number): PathTheory | null {
  const affine = affineGradient(gradient);
  if (typeof affine === 'string') return null;
  const model = linearModel(affine);
  if (typeof model === 'string' || model.stationary === null) return null;
  const rate = (lambda: number) => methodRate(method, eta, method === 'gd' ? 0 : gamma, lambda);
  return {
    eigenvalues: model.eigenvalues,
    eigenvectors: model.eigenvectors,
    stationary: model.stationary,
    rates: [rate(model.eigenvalues[0]), rate(model.eigenvalues[1])],
  };
}

/**
 * Signed error of every iterate along eigenvector `direction` (0 or 1): u_iᵀ(x_t − x*).
 * `directionErrors(chapterTheory, 1, Float64Array.of(-5), Float64Array.of(-2))` → [-2]
 */
export function directionErrors(
  theory: Pick<PathTheory, 'eigenvectors' | 'stationary'>,
  direction: 0 | 1,
  x1: ArrayLike<number>,
  x2: ArrayLike<number>,
): Float64Array {
  const [s1, s2] = theory.stationary;
  const [u1, u2]: Vec2 = theory.eigenvectors[direction];
  const errors = new Float64Array(x1.length);
  for (let t = 0; t < x1.length; t += 1) errors[t] = u1 * (x1[t] - s1) + u2 * (x2[t] - s2);
  return errors;
}

/**
 * The envelope the iteration matrix predicts for |e_t|: |e_0|·ρᵗ, t = 0…steps. For plain GD it is
 * the error's size exactly; with momentum the measured error stays within a constant factor of
 * it and runs parallel to it on a log axis.
 * `predictedEnvelope(2, 1.2, 2)` → [2, 2.4, 2.88]
 */
export function predictedEnvelope(initial: number, rate: number, steps: number): Float64Array {
  const envelope = new Float64Array(steps + 1);
  let value = Math.abs(initial);
  for (let t = 0; t <= steps; t += 1) {
    envelope[t] = value;
    value *= rate;
  }
  return envelope;
}

/**
 * The measured average factor per step, (|e_T| / |e_0|)^(1/T): exactly |1 − ηλ| for plain GD; for
 * momentum it approaches ρ as T grows. NaN when there is no step or e_0 = 0.
 * `measuredRate(Float64Array.of(-2, 2.4, -2.88))` → 1.2
 */
export function measuredRate(errors: ArrayLike<number>): number {
  const steps = errors.length - 1;
  if (steps < 1 || errors[0] === 0) return NaN;
  return Math.pow(Math.abs(errors[steps]) / Math.abs(errors[0]), 1 / steps);
}
