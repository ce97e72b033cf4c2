/**
 * Run cells: a formula such as =MOMENTUM(f, -5, -2, 0.9, 0.2, 15) describes a computation the
 * worker performs. The cell's value is the run once its result is known, `pending` (with the
 * request, which the engine lists in runNeeds()) until then, and #DIVERGED when the run blew up.
 * Parts of a run are read with accessors, e.g. =B10.f; see RUN_FIELDS.
 */
import type {
  ComputeRequest,
  ComputeResult,
  Path2DRequest,
  Path2DResult,
  RegressionRequest,
  RegressionResult,
} from '../core/runTypes';
import { requestKey } from './runKey';
import type { CellValue, ErrorValue, RunValue } from './types';
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
}

/** A one-config regression request with the chapter's data set and schedule. */
export function regressionRequest(args: RegressionArgs): RegressionRequest {
  const d = REGRESSION_DEFAULTS;
  return {
    kind: 'regression',
    data: { n: args.n, trueW: d.trueW, trueB: d.trueB, noise: args.noise, seed: args.dataSeed },
    batchSize: args.batchSize,
    epochs: args.epochs,
    decayEpoch: args.decayEpoch,
    decayFactor: d.decayFactor,
    trainSeed: args.trainSeed,
    initScale: d.initScale,
    configs: [{ lr: args.lr, momentum: args.momentum, convention: args.convention }],
  };
}

const divergedRuns = new WeakMap<ErrorValue, RunValue>();

/** The run behind a #DIVERGED value, so its parts (steps, diverged_at, series) stay readable. */
export function divergedRun(value: CellValue): RunValue | undefined {
  return value.kind === 'error' ? divergedRuns.get(value) : undefined;
}

/** The run value of a request and its result, or null when they do not belong together. */
export function runValueOf(request: ComputeRequest, result: ComputeResult): RunValue | null {
  if (request.kind === 'path2d' && result.kind === 'path2d') return { kind: 'run', request, result };
  if (request.kind === 'regression' && result.kind === 'regression' && result.losses.length >= 1) {
    return { kind: 'run', request, result };
  }
  return null;
}

function divergedAt(run: RunValue): number | null {
  return run.result.kind === 'path2d' ? run.result.divergedAt : (run.result.divergedAt[0] ?? null);
}

/** The value of a run cell: the run, pending, #DIVERGED or #N/A (failed). */
export function runCell(request: Path2DRequest | RegressionRequest, runs: RunLookup): CellValue {
  const key = requestKey(request);
  const outcome = runs.lookup(key);
  if (outcome === undefined) {
    runs.need(key, request);
    return { kind: 'pending', request };
  }
  if (!outcome.ok) return sheetError('#N/A', 'error.runFailed', { message: outcome.message });
  const run = runValueOf(request, outcome.result);
  if (run === null) return sheetError('#N/A', 'error.runFailed', { message: 'the result does not match the request' });
  const step = divergedAt(run);
  if (step === null) return run;
  const error = sheetError('#DIVERGED', 'error.diverged', { step });
  divergedRuns.set(error, run);
  return error;
}

type FieldReader = (run: RunValue) => CellValue;

const last = (series: Float64Array): CellValue => numberValue(series[series.length - 1]);
const path = (read: (r: Path2DResult) => CellValue): FieldReader => (run) =>
  run.result.kind === 'path2d' ? read(run.result) : UNKNOWN;
const regression = (read: (r: RegressionResult) => CellValue): FieldReader => (run) =>
  run.result.kind === 'regression' ? read(run.result) : UNKNOWN;
const UNKNOWN: CellValue = sheetError('#VALUE!', 'error.unknownField');

/**
 * Parts of a run, read as `=B10.f`. `steady` parts stay readable on a diverged run.
 * 2-D runs: f, x1, x2 (final), fs, x1s, x2s (series), steps, diverged_at, grad_ok, grad_error.
 * Regression runs: loss, w1, w2, b (final), losses (series), steps, diverged_at.
 */
export const RUN_FIELDS: Readonly<Record<string, { readonly read: FieldReader; readonly steady?: boolean }>> = {
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
  w1: { read: regression((r) => numberValue(r.finalParams[0][0])) },
  w2: { read: regression((r) => numberValue(r.finalParams[0][1])) },
  b: { read: regression((r) => numberValue(r.finalParams[0][2])) },
  steps: {
    read: (run) => numberValue(run.result.kind === 'path2d' ? run.result.x1.length - 1 : run.result.losses[0].length - 1),
    steady: true,
  },
  diverged_at: {
    read: (run) => {
      const step = divergedAt(run);
      return step === null ? sheetError('#N/A', 'error.notDiverged') : numberValue(step);
    },
    steady: true,
  },
};

/** Read `.field` of a run value (or of a #DIVERGED run, for its steady parts). */
export function runField(value: CellValue, field: string): CellValue {
  const spec = RUN_FIELDS[field.toLowerCase()];
  const diverged = divergedRun(value);
  const run = value.kind === 'run' ? value : diverged;
  if (run === undefined) {
    return value.kind === 'error' ? value : sheetError('#VALUE!', 'error.unknownField', { kind: value.kind, field });
  }
  if (spec === undefined) return sheetError('#VALUE!', 'error.unknownField', { kind: run.request.kind, field });
  if (diverged !== undefined && !spec.steady) return value;
  const read = spec.read(run);
  return read === UNKNOWN ? sheetError('#VALUE!', 'error.unknownField', { kind: run.request.kind, field }) : read;
}
