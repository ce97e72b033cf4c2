/**
 * Theory for quadratic objectives f(x) = ½·xᵀHx + bᵀx + c in two variables: the Hessian and its
 * eigenvalues, and the per-eigenvalue convergence factor of each method. Along an eigenvector
 * with eigenvalue λ every method is a linear recurrence, so the error shrinks (or grows) by the
 * spectral radius of a small iteration matrix per step, and the whole run by the worst of them.
 */
import type { Path2DRequest, Vec2 } from './runTypes';
import { compileFormula } from './compileExpression';
import { safeDerivative, type ObjectiveFailure } from './objective';
import type { MathNode } from './mathParser';
import { constantValue, symmetricEigenvalues, valueAtOrigin } from './linearModel';

export { symmetricEigenvalues };

export interface QuadraticAnalysis {
  readonly ok: true;
  /** Hessian entries [∂²f/∂x1², ∂²f/∂x1∂x2, ∂²f/∂x2²]. */
  readonly hessian: readonly [number, number, number];
  /** Hessian eigenvalues, ascending. */
  readonly eigenvalues: readonly [number, number];
  /** The unique minimiser −H⁻¹b, or null unless H is positive definite. */
  readonly minimiser: Vec2 | null;
}

export type QuadraticFailure =
  | ObjectiveFailure
  /** A second derivative still depends on x1 or x2; subject is that derivative's formula. */
  | { readonly ok: false; readonly reason: 'notQuadratic'; readonly subject: string; readonly where: 'objective' };

/**
 * Is the objective quadratic (all second derivatives symbolically constant)? If so, its Hessian,
 * eigenvalues and minimiser. `analyzeQuadratic('0.1*x1^2 + 2*x2^2')` → eigenvalues [0.2, 4], minimiser [0, 0].
 */
export function analyzeQuadratic(objective: string): QuadraticAnalysis | QuadraticFailure {
  const compiled = compileFormula(objective);
  if (!compiled.ok) return { ...compiled, where: 'objective' };
  const first: MathNode[] = [];
  for (const variable of ['x1', 'x2']) {
    const derived = safeDerivative(compiled.node, variable);
    if (!derived.ok) return derived;
    first.push(derived.node);
  }
  const second: number[] = [];
  for (const [node, variable] of [[first[0], 'x1'], [first[0], 'x2'], [first[1], 'x2']] as const) {
    const derived = safeDerivative(node, variable);
    if (!derived.ok) return derived;
    const constant = constantValue(derived.node);
    if (constant === null) return notQuadratic(derived.node.toString());
    second.push(constant);
  }
  const [h11, h12, h22] = second;
  const [b1, b2] = first.map(valueAtOrigin);
  if (![h11, h12, h22, b1, b2].every(Number.isFinite)) return notQuadratic('non-finite coefficients');
  const eigenvalues = symmetricEigenvalues(h11, h12, h22);
  return { ok: true, hessian: [h11, h12, h22], eigenvalues, minimiser: eigenvalues[0] > 0 ? solve(h11, h12, h22, -b1, -b2) : null };
}

const notQuadratic = (subject: string): QuadraticFailure => ({ ok: false, reason: 'notQuadratic', subject, where: 'objective' });

function solve(a: number, b: number, c: number, r1: number, r2: number): Vec2 {
  const det = a * c - b * b;
  return [(r1 * c - r2 * b) / det, (r2 * a - r1 * b) / det];
}

/**
 * Largest |root| of z² − trace·z + det (the spectral radius of a real 2×2 matrix). Complex
 * roots are conjugates, so both have modulus √det.
 * `spectralRadius2(0, 0.25)` → `0.5`.
 */
export function spectralRadius2(trace: number, det: number): number {
  const discriminant = trace * trace - 4 * det;
  if (discriminant < 0) return Math.sqrt(det);
  // |trace| + √disc has no cancellation; it gives the root of larger modulus.
  return (Math.abs(trace) + Math.sqrt(discriminant)) / 2;
}

/** Plain GD along eigenvalue λ: x ← (1 − ηλ)x. `gdRate(0.9, 4)` → `2.6`. */
export function gdRate(eta: number, lambda: number): number {
  return Math.abs(1 - eta * lambda);
}

/**
 * Heavy ball along λ: (x_{t+1}, x_t) = [[1+γ−ηλ, −γ], [1, 0]]·(x_t, x_{t−1}).
 * `heavyBallRate(0.9, 0.2, 2)` → √0.2 ≈ 0.447.
 */
export function heavyBallRate(eta: number, gamma: number, lambda: number): number {
  return spectralRadius2(1 + gamma - eta * lambda, gamma);
}

/**
 * Nesterov along λ, with h = 1 − ηλ: (x, v) ← [[h, −γh], [ηλ, γh]]·(x, v), whose characteristic
 * polynomial is z² − (1+γ)h·z + γh. `nesterovRate(0.5, 0, 1)` → `0.5`.
 */
export function nesterovRate(eta: number, gamma: number, lambda: number): number {
  const h = 1 - eta * lambda;
  return spectralRadius2((1 + gamma) * h, gamma * h);
}

export type DescentMethod = Path2DRequest['method'];

/** Per-eigenvalue factor of a method (γ ignored by GD). `methodRate('gd', 1.1, 0, 2)` → `1.2`. */
export function methodRate(method: DescentMethod, eta: number, gamma: number, lambda: number): number {
  if (method === 'gd') return gdRate(eta, lambda);
  return method === 'momentum' ? heavyBallRate(eta, gamma, lambda) : nesterovRate(eta, gamma, lambda);
}

/** The run's rate: the worst factor over the eigenvalues. `overallRate('gd', 0.9, 0, [0.2, 4])` → `2.6`. */
export function overallRate(method: DescentMethod, eta: number, gamma: number, eigenvalues: readonly number[]): number {
  let worst = 0;
  for (const lambda of eigenvalues) worst = Math.max(worst, methodRate(method, eta, gamma, lambda));
  return worst;
}

/**
 * The heavy ball converges along λ iff 0 < ηλ < 2(1 + γ), for 0 ≤ γ < 1. Outside that range of
 * γ it falls back to the spectral radius. `heavyBallConverges(1.1, 0.2, 2)` → `true` (2.2 < 2.4).
 */
export function heavyBallConverges(eta: number, gamma: number, lambda: number): boolean {
  if (!(gamma >= 0 && gamma < 1)) return heavyBallRate(eta, gamma, lambda) < 1;
  const h = eta * lambda;
  return h > 0 && h < 2 * (1 + gamma);
}

export interface PolyakOptimum {
  readonly eta: number;
  readonly gamma: number;
  /** (√κ − 1)/(√κ + 1) with κ = L/μ; every eigenvalue in [μ, L] then contracts at exactly this rate. */
  readonly rate: number;
}

/**
 * Polyak's best heavy-ball parameters for eigenvalues in [μ, L] (0 < μ ≤ L).
 * `polyakOptimum(1, 9)` → `{ eta: 0.25, gamma: 0.25, rate: 0.5 }`.
 */
export function polyakOptimum(mu: number, L: number): PolyakOptimum {
  const sMu = Math.sqrt(mu);
  const sL = Math.sqrt(L);
  const ratio = (sL - sMu) / (sL + sMu);
  return { eta: 4 / ((sL + sMu) * (sL + sMu)), gamma: ratio * ratio, rate: ratio };
}
