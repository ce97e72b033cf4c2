/**
 * Parts of a sweep cell, read as `=B2.best`. Both kinds of sweep answer to the same names: the
 * grid's columns are the learning rates (η), its rows the momenta (γ), so `.best_lr` and
 * `.best_eta` are the same part, as are `.best_momentum` and `.best_gamma`.
 *   best            lowest final loss (or f) among the configs that did not diverge
 *   best_lr, best_eta, best_momentum, best_gamma   where it is
 *   diverged_count  configs that diverged;  configs: all of them
 *   grid            rows × columns of final loss (or f); a diverged config is #DIVERGED there
 *   diverged_at     rows × columns of divergence steps: the step from which each config evidently
 *                   diverges, by the rule of a single run (#N/A where a config did not diverge)
 *   lrs, etas, momenta, gammas   the axes;  steps   training steps per config
 */
import type { CellValue, RunValue } from './types';
import { numberRow, numberValue, sheetError } from './values';

export type SweepRun = Extract<RunValue, { readonly result: { readonly kind: 'sweep2d' | 'regressionSweep' } }>;

/** `isSweepRun(value)`: the run is a grid (=SWEEP, =REGRESSION_SWEEP), not a single run. */
export function isSweepRun(run: RunValue): run is SweepRun {
  return run.result.kind === 'sweep2d' || run.result.kind === 'regressionSweep';
}

interface Grid {
  readonly columns: Float64Array;
  readonly rows: Float64Array;
  readonly final: Float64Array;
  readonly divergedAt: Int32Array;
  readonly steps: number;
}

function gridOf(run: SweepRun): Grid {
  if (run.result.kind === 'sweep2d') {
    const { etas, gammas, finalF, divergedAt } = run.result;
    return { columns: etas, rows: gammas, final: finalF, divergedAt, steps: run.request.kind === 'sweep2d' ? run.request.steps : 0 };
  }
  const { lrs, momenta, finalLoss, divergedAt, stepsPerEpoch } = run.result;
  return { columns: lrs, rows: momenta, final: finalLoss, divergedAt, steps: run.request.kind === 'regressionSweep' ? run.request.epochs * stepsPerEpoch : 0 };
}

/** Index of the lowest final value among converged configs, or −1 when every one diverged. */
function bestIndex(grid: Grid): number {
  let best = -1;
  grid.final.forEach((value, i) => {
    if (grid.divergedAt[i] < 0 && Number.isFinite(value) && (best < 0 || value < grid.final[best])) best = i;
  });
  return best;
}

function matrix(grid: Grid, item: (i: number) => CellValue): CellValue {
  const items = Array.from(grid.final, (_, i) => item(i));
  return { kind: 'array', rows: grid.rows.length, cols: grid.columns.length, items };
}

const ALL_DIVERGED = sheetError('#N/A', 'error.allDiverged');

const atBest = (read: (grid: Grid, best: number) => number) => (grid: Grid): CellValue => {
  const best = bestIndex(grid);
  return best < 0 ? ALL_DIVERGED : numberValue(read(grid, best));
};
const bestColumn = atBest((grid, best) => grid.columns[best % grid.columns.length]);
const bestRow = atBest((grid, best) => grid.rows[Math.floor(best / grid.columns.length)]);

const FIELDS: Readonly<Record<string, (grid: Grid) => CellValue>> = {
  best: atBest((grid, best) => grid.final[best]),
  best_lr: bestColumn,
  best_eta: bestColumn,
  best_momentum: bestRow,
  best_gamma: bestRow,
  diverged_count: (grid) => numberValue(grid.divergedAt.reduce((count, step) => (step >= 0 ? count + 1 : count), 0)),
  configs: (grid) => numberValue(grid.final.length),
  grid: (grid) =>
    matrix(grid, (i) => (grid.divergedAt[i] >= 0 ? sheetError('#DIVERGED', 'error.diverged', { step: grid.divergedAt[i] }) : numberValue(grid.final[i]))),
  diverged_at: (grid) => matrix(grid, (i) => (grid.divergedAt[i] >= 0 ? numberValue(grid.divergedAt[i]) : sheetError('#N/A', 'error.notDiverged'))),
  lrs: (grid) => numberRow(grid.columns),
  etas: (grid) => numberRow(grid.columns),
  momenta: (grid) => numberRow(grid.rows),
  gammas: (grid) => numberRow(grid.rows),
  steps: (grid) => numberValue(grid.steps),
};

/** `.field` of a sweep run; #VALUE! for a part a sweep does not have. */
export function sweepField(run: SweepRun, field: string): CellValue {
  const read = FIELDS[field.toLowerCase()];
  return read === undefined ? sheetError('#VALUE!', 'error.unknownField', { kind: run.request.kind, field }) : read(gridOf(run));
}
