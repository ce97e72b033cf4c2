/**
 * The linear model behind a gradient: when a gradient is affine, g(x) = J·x + c with a constant
 * matrix J, every descent method is a linear iteration. If J is symmetric (g is the gradient of a
 * quadratic), it splits into independent one-dimensional recurrences along the eigenvectors of J,
 * one per eigenvalue λ, each with its own 2×2 iteration matrix. This module finds J, c, the
 * eigenvectors and the point where g vanishes; quadratic.ts holds the per-eigenvalue rates.
 */
import type { Vec2 } from './runTypes';
import { compileExpression, compileFormula } from './compileExpression';
import { safeDerivative } from './objective';
import { simplifyDecimal, type MathNode } from './mathParser';

/** g(x) = J·x + c: J row-major [∂g1/∂x1, ∂g1/∂x2, ∂g2/∂x1, ∂g2/∂x2], c = g(0, 0). */
export interface AffineGradient {
  readonly jacobian: readonly [number, number, number, number];
  readonly offset: Vec2;
}

export type AffineFailure =
  /** A derivative of the gradient still depends on x1 or x2, or cannot be taken. */
  | 'notLinear'
  | 'nonFinite';

export interface LinearModel {
  /** Symmetric J as [j11, j12, j22]. */
  readonly hessian: readonly [number, number, number];
  /** Eigenvalues of J, ascending. */
  readonly eigenvalues: Vec2;
  /** Unit eigenvectors [u1, u2] for eigenvalues[0] and eigenvalues[1]; u2 is u1 turned by +90°. */
  readonly eigenvectors: readonly [Vec2, Vec2];
  /** The point where the gradient vanishes, −J⁻¹c; null when J is singular. */
  readonly stationary: Vec2 | null;
}

function mentionsVariables(node: MathNode): boolean {
  return node.filter((n) => n.type === 'SymbolNode' && ['x1', 'x2'].includes((n as MathNode & { name: string }).name)).length > 0;
}

/**
 * The value of a node that is free of x1 and x2, else of its full simplification if that is,
 * else null. The quick derivative only folds constants, so a derivative like x1 − x1 survives
 * it; mathjs' slow full simplify is tried only then, which keeps the common case fast.
 * `constantValue(parseMath('2*3').node)` → 6
 */
export function constantValue(node: MathNode): number | null {
  let constant: MathNode = node;
  if (mentionsVariables(node)) {
    try {
      constant = simplifyDecimal(node);
    } catch {
      return null;
    }
    if (mentionsVariables(constant)) return null;
  }
  const compiled = compileExpression(constant);
  return compiled.ok ? compiled.fn(0, 0) : null;
}

/** The value of a formula at the origin (for an affine formula, its constant term). `valueAtOrigin(parse('x1 + 3'))` → 3 */
export function valueAtOrigin(node: MathNode): number {
  const compiled = compileExpression(node);
  return compiled.ok ? compiled.fn(0, 0) : NaN;
}

/**
 * J and c of a gradient given as two formula trees, or why it is not affine.
 * `affineGradient([parse('0.2*x1'), parse('2*x2')])` → { jacobian: [0.2, 0, 0, 2], offset: [0, 0] }
 */
export function affineGradient(components: readonly [MathNode, MathNode]): AffineGradient | AffineFailure {
  const jacobian: number[] = [];
  for (const component of components) {
    for (const variable of ['x1', 'x2']) {
      const derived = safeDerivative(component, variable);
      if (!derived.ok) return 'notLinear';
      const value = constantValue(derived.node);
      if (value === null) return 'notLinear';
      jacobian.push(value);
    }
  }
  const offset: Vec2 = [valueAtOrigin(components[0]), valueAtOrigin(components[1])];
  if (![...jacobian, ...offset].every(Number.isFinite)) return 'nonFinite';
  return { jacobian: jacobian as unknown as AffineGradient['jacobian'], offset };
}

/** The same for gradient formulas as text. `affineGradientOf(['0.2*x1', '2*x2'])` → J = diag(0.2, 2). */
export function affineGradientOf(texts: readonly [string, string]): AffineGradient | AffineFailure {
  const first = compileFormula(texts[0]);
  const second = compileFormula(texts[1]);
  if (!first.ok || !second.ok) return 'notLinear';
  return affineGradient([first.node, second.node]);
}

/**
 * Unit eigenvector of the symmetric [[a, b], [b, c]] for its eigenvalue λ, from whichever row of
 * (M − λI)u = 0 is better conditioned; sign chosen so the first nonzero component is positive.
 * `unitEigenvector(2, 1, 2, 3)` → [√½, √½]
 */
export function unitEigenvector(a: number, b: number, c: number, lambda: number): Vec2 {
  if (b === 0) return a === lambda || Math.abs(a - lambda) <= Math.abs(c - lambda) ? [1, 0] : [0, 1];
  const fromFirst: Vec2 = [b, lambda - a];
  const fromSecond: Vec2 = [lambda - c, b];
  const [x, y] = Math.hypot(...fromFirst) >= Math.hypot(...fromSecond) ? fromFirst : fromSecond;
  const norm = Math.hypot(x, y);
  const sign = x < 0 || (x === 0 && y < 0) ? -1 : 1;
  return [(sign * x) / norm, (sign * y) / norm];
}

/**
 * Eigenvalues of the symmetric matrix [[a, b], [b, c]], ascending, in closed form.
 * The larger-magnitude one comes from mean ± radius, the other from det / it, which stays
 * accurate for ill-conditioned matrices where mean − radius would cancel.
 * `symmetricEigenvalues(2, 1, 2)` → `[1, 3]`.
 */
export function symmetricEigenvalues(a: number, b: number, c: number): readonly [number, number] {
  if (b === 0) return a <= c ? [a, c] : [c, a];
  const mean = (a + c) / 2;
  const radius = Math.hypot((a - c) / 2, b);
  const big = mean >= 0 ? mean + radius : mean - radius;
  const other = (a * c - b * b) / big;
  return big <= other ? [big, other] : [other, big];
}

/** Relative size below which J counts as singular (no unique stationary point). */
const SINGULAR_TOLERANCE = 1e-14;
/** Relative asymmetry of J still accepted as rounding. */
const SYMMETRY_TOLERANCE = 1e-12;

/** J is not symmetric: the gradient is not the gradient of any function. */
export type NotSymmetric = 'notSymmetric';

/**
 * Eigen-decomposition of an affine gradient's symmetric J, and its stationary point.
 * `linearModel({ jacobian: [0.2, 0, 0, 4], offset: [0, 0] })` → eigenvalues [0.2, 4], eigenvectors [[1, 0], [0, 1]], stationary [0, 0]
 */
export function linearModel(affine: AffineGradient): LinearModel | NotSymmetric {
  const [j11, j12, j21, j22] = affine.jacobian;
  const scale = Math.max(Math.abs(j11), Math.abs(j12), Math.abs(j21), Math.abs(j22), Number.MIN_VALUE);
  if (Math.abs(j12 - j21) > SYMMETRY_TOLERANCE * scale) return 'notSymmetric';
  const b = (j12 + j21) / 2;
  const eigenvalues = symmetricEigenvalues(j11, b, j22);
  const u1 = unitEigenvector(j11, b, j22, eigenvalues[0]);
  const u2: Vec2 = [-u1[1], u1[0]];
  const det = j11 * j22 - b * b;
  const [c1, c2] = affine.offset;
  const stationary: Vec2 | null =
    Math.abs(det) <= SINGULAR_TOLERANCE * scale * scale ? null : [(-c1 * j22 + c2 * b) / det, (-c2 * j11 + c1 * b) / det];
  return { hessian: [j11, b, j22], eigenvalues, eigenvectors: [u1, u2], stationary };
}

/**
 * Signed error of each iterate along each eigenvector: e_i,t = u_iᵀ(x_t − x*).
 * `eigenErrors(model, Float64Array.of(-5), Float64Array.of(-2))` → [[-5], [-2]] for the chapter's diagonal J
 */
export function eigenErrors(model: LinearModel, x1: ArrayLike<number>, x2: ArrayLike<number>): readonly [Float64Array, Float64Array] {
  const [s1, s2] = model.stationary ?? [NaN, NaN];
  const [u, w] = model.eigenvectors;
  const first = new Float64Array(x1.length);
  const second = new Float64Array(x1.length);
  for (let t = 0; t < x1.length; t += 1) {
    const d1 = x1[t] - s1;
    const d2 = x2[t] - s2;
    first[t] = u[0] * d1 + u[1] * d2;
    second[t] = w[0] * d1 + w[1] * d2;
  }
  return [first, second];
}
