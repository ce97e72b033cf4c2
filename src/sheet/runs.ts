/**
 * Run cells: a formula such as =MOMENTUM(f, -5, -2, 0.9, 0.2, 15) describes a computation the
 * worker performs. The cell's value is the run once its result is known (also when it diverged:
 * the run then carries `divergedAt`), `pending` (with the request, which the engine lists in
 * runNeeds()) until then, and #N/A when it failed. Parts of a run are read with accessors, e.g.
 * =B10.f; see RUN_FIELDS.
 */
import type {
  ComputeRequest,
  ComputeResult,
  Path2DRequest,
  Path2DResult,
  RegressionDataTable,
  RegressionRequest,
  RegressionResult,
  RegressionSweepRequest,
  Sweep2DRequest,
} from '../core/runTypes';
import { EIGEN_FIELDS, UNKNOWN_FIELD } from './eigenParts';
import { requestKey } from './runKey';
import { isSweepRun, sweepField } from './sweepFields';
import type { CellValue, RunValue } from './types';
import { booleanValue, numberRow, numberValue, sheetError } from './values';

/** What the engine knows about a run: its result, or why it failed. */
export type RunOutcome =
  | { readonly ok: true; readonly result: ComputeResult }
  | { readonly ok: false; readonly message: string };

/** The evaluator's window onto the engine's run results. */
export interface RunLookup {
  lookup(key: string): RunOutcome | undefined;
  /** Record that the cell being evaluated waits for this run. */
  need(key: string, request: ComputeRequest): void;
}

/** The chapter's regression experiment, as REGRESSION()'s defaults. */
export const REGRESSION_DEFAULTS = {
  epochs: 3,
  batchSize: 10,
  decayEpoch: 2,
  decayFactor: 0.1,
  convention: 'mxnet',
  dataSeed: 1,
  trainSeed: 1,
  n: 1000,
  noise: 0.01,
  trueW: [2, -3.4],
  trueB: 4.2,
  initScale: 0.01,
} as const;

export interface RegressionArgs {
  readonly lr: number;
  readonly momentum: number;
  readonly epochs: number;
  readonly batchSize: number;
  readonly decayEpoch: number | null;
  readonly convention: 'mxnet' | 'pytorch';
  readonly dataSeed: number;
  readonly trainSeed: number;
  readonly n: number;
  readonly noise: number;
  /** The sheet's own data (a range) instead of the generated set; n, noise and dataSeed are then unused. */
  readonly table?: RegressionDataTable;
  /** 'sgd': plain minibatch SGD (no velocity); momentum is then 0. */
  readonly optimizer?: 'sgd';
}

/** A one-config regression request with the chapter's data set and schedule. */
export function regressionRequest(args: RegressionArgs): RegressionRequest {
  const d = REGRESSION_DEFAULTS;
  return {
    kind: 'regression',
    data: args.table ?? { n: args.n, trueW: d.trueW, trueB: d.trueB, noise: args.noise, seed: args.dataSeed },
    batchSize: args.batchSize,
    epochs: args.epochs,
    decayEpoch: args.decayEpoch,
    decayFactor: d.decayFactor,
    trainSeed: args.trainSeed,
    initScale: d.initScale,
    // The optimizer field is written only for SGD, so momentum runs keep the request keys they always had.
    configs: [
      args.optimizer === 'sgd'
        ? { lr: args.lr, momentum: 0, convention: args.convention, optimizer: 'sgd' }
        : { lr: args.lr, momentum: args.momentum, convention: args.convention },
    ],
  };
}

/** The run value of a request and its result, or null when they do not belong together. */
export function runValueOf(request: ComputeRequest, result: ComputeResult): RunValue | null {
  if (request.kind === 'path2d' && result.kind === 'path2d') return { kind: 'run', request, result, divergedAt: result.divergedAt };
  if (request.kind === 'regression' && result.kind === 'regression' && result.losses.length >= 1) {
    return { kind: 'run', request, result, divergedAt: result.divergedAt[0] ?? null };
  }
  // A sweep as a whole never diverges: its configs say where they did (see sweepFields.ts).
  if (request.kind === 'sweep2d' && result.kind === 'sweep2d') return { kind: 'run', request, result, divergedAt: null };
  if (request.kind === 'regressionSweep' && result.kind === 'regressionSweep') return { kind: 'run', request, result, divergedAt: null };
  return null;
}

/** The value of a run cell: the run (diverged or not), pending, or #N/A (failed). */
export function runCell(request: Path2DRequest | RegressionRequest | Sweep2DRequest | RegressionSweepRequest, runs: RunLookup): CellValue {
  const key = requestKey(request);
  const outcome = runs.lookup(key);
  if (outcome === undefined) {
    runs.need(key, request);
    return { kind: 'pending', request };
  }
  if (!outcome.ok) return sheetError('#N/A', 'error.runFailed', { message: outcome.message });
  return runValueOf(request, outcome.result) ?? sheetError('#N/A', 'error.runFailed', { message: 'the result does not match the request' });
}

export type FieldReader = (run: RunValue) => CellValue;

const last = (series: Float64Array): CellValue => numberValue(series[series.length - 1]);
const path = (read: (r: Path2DResult) => CellValue): FieldReader => (run) =>
  run.result.kind === 'path2d' ? read(run.result) : UNKNOWN;
const regression = (read: (r: RegressionResult) => CellValue): FieldReader => (run) =>
  run.result.kind === 'regression' ? read(run.result) : UNKNOWN;
const UNKNOWN = UNKNOWN_FIELD;
const weight = (r: RegressionResult, j: number): CellValue =>
  j < r.finalParams[0].length - 1 ? numberValue(r.finalParams[0][j]) : UNKNOWN;

/**
 * Parts of a run, read as `=B10.f`. `steady` parts stay readable on a diverged run.
 * 2-D runs: f, x1, x2 (final), fs, x1s, x2s (series), steps, diverged_at, grad_ok, grad_error,
 * and per eigendirection i = 1, 2 of the gradient's Jacobian (see eigenParts.ts): erris, envis,
 * ratei, rhoi. Regression runs: loss, w1, w2, b (final), weights (all of w), losses (series:
 * loss i is after step min(i·lossStride, steps)), steps, diverged_at. Sweeps: see sweepFields.ts.
 */
export const RUN_FIELDS: Readonly<Record<string, { readonly read: FieldReader; readonly steady?: boolean }>> = {
  ...EIGEN_FIELDS,
  f: { read: path((r) => last(r.f)) },
  x1: { read: path((r) => last(r.x1)) },
  x2: { read: path((r) => last(r.x2)) },
  fs: { read: path((r) => numberRow(r.f)), steady: true },
  x1s: { read: path((r) => numberRow(r.x1)), steady: true },
  x2s: { read: path((r) => numberRow(r.x2)), steady: true },
  grad_ok: {
    read: path((r) => (r.gradientCheck ? booleanValue(r.gradientCheck.agrees) : sheetError('#N/A', 'error.noGradientCheck'))),
    steady: true,
  },
  grad_error: {
    read: path((r) => (r.gradientCheck ? numberValue(r.gradientCheck.maxRelativeDifference) : sheetError('#N/A', 'error.noGradientCheck'))),
    steady: true,
  },
  loss: { read: regression((r) => last(r.losses[0])) },
  losses: { read: regression((r) => numberRow(r.losses[0])), steady: true },
  // finalParams is [w1, …, wd, b]: d = 2 for the generated data, the feature columns of a data range.
  w1: { read: regression((r) => weight(r, 0)) },
  w2: { read: regression((r) => weight(r, 1)) },
  weights: { read: regression((r) => numberRow(r.finalParams[0].subarray(0, -1))) },
  b: { read: regression((r) => numberValue(r.finalParams[0][r.finalParams[0].length - 1])) },
  steps: {
    read: (run) =>
      run.result.kind === 'path2d'
        ? numberValue(run.result.x1.length - 1)
        : run.request.kind === 'regression' && run.result.kind === 'regression'
          ? numberValue(run.request.epochs * run.result.stepsPerEpoch)
          : UNKNOWN,
    steady: true,
  },
  diverged_at: {
    read: (run) => (run.divergedAt === null ? sheetError('#N/A', 'error.notDiverged') : numberValue(run.divergedAt)),
    steady: true,
  },
};

/**
 * Read `.field` of a run value. Final values of a diverged run mean nothing, so they read as
 * #DIVERGED (with the step); its steady parts (series, steps, diverged_at …) read normally.
 */
export function runField(value: CellValue, field: string): CellValue {
  if (value.kind !== 'run') return value.kind === 'error' ? value : sheetError('#VALUE!', 'error.unknownField', { kind: value.kind, field });
  const spec = RUN_FIELDS[field.toLowerCase()];
  if (isSweepRun(value)) return sweepField(value, field);
  if (spec === undefined) return sheetError('#VALUE!', 'error.unknownField', { kind: value.request.kind, field });
  if (value.divergedAt !== null && !spec.steady) return sheetError('#DIVERGED', 'error.diverged', { step: value.divergedAt });
  const read = spec.read(value);
  return read === UNKNOWN ? sheetError('#VALUE!', 'error.unknownField', { kind: value.request.kind, field }) : read;
}
