/**
 * The theory cells: Hessian eigenvalues of a quadratic model and what follows from them
 * (convergence rates, Polyak's optimum), plus the EWMA quantities. A "model" is an objective, or
 * a linear gradient such as the chapter's printed (0.2·x1, 2·x2): the iteration only ever sees
 * the gradient, so theory for the chapter as printed must come from the gradient it used.
 * The mathematics lives in src/core; this file turns it into cell values.
 */
import { compileExpression } from '../core/compileExpression';
import { parseMath, type MathNode } from '../core/mathParser';
import { safeDerivative } from '../core/objective';
import { analyzeQuadratic, overallRate, polyakOptimum, symmetricEigenvalues, type DescentMethod } from '../core/quadratic';
import type { CellValue } from './types';
import { numberRow, numberValue, sheetError } from './values';

type Eigen = { readonly ok: true; readonly eigenvalues: readonly [number, number] } | { readonly ok: false; readonly error: CellValue };

const notQuadratic = (detail: string): Eigen => ({ ok: false, error: sheetError('#VALUE!', 'error.notQuadratic', { detail }) });

function mentionsVariables(node: MathNode): boolean {
  return node.filter((n) => n.type === 'SymbolNode' && ['x1', 'x2'].includes((n as MathNode & { name: string }).name)).length > 0;
}

/** A constant derivative of a gradient component, or null when it still depends on x1, x2. */
function constantDerivative(component: string, variable: string): number | null {
  const parsed = parseMath(component);
  if (!parsed.ok) return null;
  const derived = safeDerivative(parsed.node, variable);
  if (!derived.ok || mentionsVariables(derived.node)) return null;
  const compiled = compileExpression(derived.node);
  return compiled.ok ? compiled.fn(0, 0) : null;
}

/** Eigenvalues of the Jacobian of a linear gradient; it must be symmetric (the gradient of some quadratic). */
function gradientEigenvalues(exprs: readonly [string, string]): Eigen {
  const j11 = constantDerivative(exprs[0], 'x1');
  const j12 = constantDerivative(exprs[0], 'x2');
  const j21 = constantDerivative(exprs[1], 'x1');
  const j22 = constantDerivative(exprs[1], 'x2');
  if (j11 === null || j12 === null || j21 === null || j22 === null) return notQuadratic('the gradient is not linear in x1, x2');
  if (![j11, j12, j21, j22].every(Number.isFinite)) return notQuadratic('non-finite coefficients');
  const scale = Math.max(Math.abs(j11), Math.abs(j22), Math.abs(j12), Math.abs(j21), 1e-300);
  if (Math.abs(j12 - j21) > 1e-12 * scale) return notQuadratic('the gradient is not the gradient of any function (its Jacobian is not symmetric)');
  return { ok: true, eigenvalues: symmetricEigenvalues(j11, (j12 + j21) / 2, j22) };
}

/** Hessian eigenvalues (ascending) of an objective or gradient value. */
export function modelEigenvalues(model: CellValue): Eigen {
  if (model.kind === 'gradient') return gradientEigenvalues(model.exprs);
  if (model.kind !== 'objective') return notQuadratic('expected an objective or a gradient');
  const analysis = analyzeQuadratic(model.expr);
  if (analysis.ok) return { ok: true, eigenvalues: analysis.eigenvalues };
  return notQuadratic(analysis.reason === 'notQuadratic' ? `${analysis.subject} is not constant` : analysis.subject);
}

/** EIGENVALUES(model) → a 1×2 array, ascending. */
export function eigenvaluesCell(model: CellValue): CellValue {
  const eigen = modelEigenvalues(model);
  return eigen.ok ? numberRow(eigen.eigenvalues) : eigen.error;
}

/** Worst per-eigenvalue contraction factor of a method; below 1 the run converges. */
export function rateCell(model: CellValue, method: DescentMethod, eta: number, gamma: number): CellValue {
  const eigen = modelEigenvalues(model);
  return eigen.ok ? numberValue(overallRate(method, eta, gamma, eigen.eigenvalues)) : eigen.error;
}

/** One field of Polyak's optimal heavy-ball parameters; needs a positive definite Hessian. */
export function polyakCell(model: CellValue, field: 'eta' | 'gamma' | 'rate'): CellValue {
  const eigen = modelEigenvalues(model);
  if (!eigen.ok) return eigen.error;
  const [mu, L] = eigen.eigenvalues;
  if (!(mu > 0)) return sheetError('#NUM!', 'error.notQuadratic', { detail: 'the smallest eigenvalue must be positive' });
  return numberValue(polyakOptimum(mu, L)[field]);
}
