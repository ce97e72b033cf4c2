/**
 * Theory beside simulation, as parts of a 2-D run (for the error-per-eigendirection chart and
 * the rate cells). For a run whose gradient is affine (result.theory), direction 1 is the
 * eigenvector of the smaller eigenvalue of the gradient's Jacobian, direction 2 the larger:
 *   .err1s, .err2s  1×(T+1) rows: |e_i,t| = |u_iᵀ(x_t − x*)|, the measured error along u_i per step
 *   .env1s, .env2s  1×(T+1) rows: |e_i,0|·ρ_iᵗ, the envelope the iteration matrix predicts
 *   .rate1, .rate2  (|e_i,T| / |e_i,0|)^(1/T), the measured average factor per step
 *   .rho1, .rho2    ρ_i, the spectral radius of the method's 2×2 iteration matrix along u_i
 * On a log axis err and env run parallel (for plain GD they coincide). A run without theory
 * (gradient not affine) reads #N/A ('error.noTheory') for all of them.
 */
import { directionErrors, measuredRate, predictedEnvelope } from '../core/pathTheory';
import type { Path2DResult } from '../core/runTypes';
import type { CellValue, RunValue } from './types';
import { numberRow, numberValue, sheetError } from './values';

type Reader = (run: RunValue) => CellValue;

/** The marker a part reader returns for a run of the wrong kind (runs.ts turns it into a full #VALUE!). */
export const UNKNOWN_FIELD: CellValue = sheetError('#VALUE!', 'error.unknownField');

function withTheory(read: (result: Path2DResult, theory: NonNullable<Path2DResult['theory']>) => CellValue): Reader {
  return (run) => {
    if (run.result.kind !== 'path2d') return UNKNOWN_FIELD;
    const theory = run.result.theory;
    return theory === null ? sheetError('#N/A', 'error.noTheory') : read(run.result, theory);
  };
}

function fieldsFor(direction: 0 | 1): Record<string, { readonly read: Reader; readonly steady: true }> {
  const errors = (r: Path2DResult, theory: NonNullable<Path2DResult['theory']>) => directionErrors(theory, direction, r.x1, r.x2);
  const i = direction + 1;
  return {
    [`err${i}s`]: { read: withTheory((r, theory) => numberRow(errors(r, theory).map(Math.abs))), steady: true },
    [`env${i}s`]: {
      read: withTheory((r, theory) => numberRow(predictedEnvelope(errors(r, theory)[0], theory.rates[direction], r.x1.length - 1))),
      steady: true,
    },
    [`rate${i}`]: { read: withTheory((r, theory) => numberValue(measuredRate(errors(r, theory)))), steady: true },
    [`rho${i}`]: { read: withTheory((_, theory) => numberValue(theory.rates[direction])), steady: true },
  };
}

/** The eigendirection parts, merged into RUN_FIELDS. */
export const EIGEN_FIELDS = { ...fieldsFor(0), ...fieldsFor(1) };
