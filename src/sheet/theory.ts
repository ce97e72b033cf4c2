/**
 * The theory cells: Hessian eigenvalues of a quadratic model and what follows from them
 * (convergence rates, Polyak's optimum), plus the EWMA quantities. A "model" is an objective, or
 * a linear gradient such as the chapter's printed (0.2·x1, 2·x2): the iteration only ever sees
 * the gradient, so theory for the chapter as printed must come from the gradient it used.
 * The mathematics lives in src/core; this file turns it into cell values.
 */
import { affineGradientOf, linearModel } from '../core/linearModel';
import { analyzeQuadratic, overallRate, polyakOptimum, type DescentMethod } from '../core/quadratic';
import type { CellValue } from './types';
import { numberRow, numberValue, sheetError } from './values';

type Eigen = { readonly ok: true; readonly eigenvalues: readonly [number, number] } | { readonly ok: false; readonly error: CellValue };

const notQuadratic = (detail: string): Eigen => ({ ok: false, error: sheetError('#VALUE!', 'error.notQuadratic', { detail }) });

/** Eigenvalues of the Jacobian of a linear gradient; it must be symmetric (the gradient of some quadratic). */
function gradientEigenvalues(exprs: readonly [string, string]): Eigen {
  const affine = affineGradientOf(exprs);
  if (affine === 'notLinear') return notQuadratic('the gradient is not linear in x1, x2');
  if (affine === 'nonFinite') return notQuadratic('non-finite coefficients');
  const model = linearModel(affine);
  if (model === 'notSymmetric') return notQuadratic('the gradient is not the gradient of any function (its Jacobian is not symmetric)');
  return { ok: true, eigenvalues: model.eigenvalues };
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
