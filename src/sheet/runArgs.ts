/**
 * Argument checks the run functions share (GD/MOMENTUM, REGRESSION, SGD, SWEEP, REGRESSION_SWEEP):
 * ranges of numbers, the gradient argument, the regression functions' optional arguments and
 * their data range. Every check answers with the error value the cell shows, never by throwing.
 */
import { REGRESSION_LIMITS, type Path2DRequest, type RegressionDataTable } from '../core/runTypes';
import { parseAddress, formatAddress } from './address';
import { toNumber } from './coerce';
import { REGRESSION_DEFAULTS, type RegressionArgs } from './runs';
import type { CellValue } from './types';
import { isError, outside, sheetError } from './values';

/** #NUM! for a run whose size would pass a limit: `tooLarge('epochs × n', 2e7 + 1, 2e7)`. */
export function tooLarge(quantity: string, count: number, max: number): CellValue | null {
  return count <= max ? null : sheetError('#NUM!', 'error.runTooLarge', { quantity, count, max });
}

/** The gradient argument of a run: a typed gradient, GRAD() (null: derive), or nothing. */
export function runGradient(value: CellValue | undefined, position: number, name: string): Path2DRequest['gradient'] | CellValue {
  if (value === undefined || value.kind === 'empty') return null;
  if (value.kind === 'gradient') return value.derived ? null : value.exprs;
  return sheetError('#VALUE!', 'error.expectedGradient', { name, position, got: value.kind });
}

/** Rows a data range may have. */
export const MAX_DATA_ROWS = 100_000;

/** A number a data cell holds: numbers, and text that reads as one (pasted TSV); empty cells and TRUE/FALSE are not. */
function dataNumber(item: CellValue): number | null {
  if (item.kind === 'number') return item.value;
  return item.kind === 'text' ? toNumber(item) : null;
}

/**
 * A range as the user's own data set: feature columns, then the label column. Errors inside
 * the range propagate; missing or non-numeric cells make the whole range #VALUE!, with how many
 * rows are affected and the first such cell, so that no row is dropped silently.
 * `dataTable(range A1:C3 of numbers)` → { kind: 'table', n: 3, featureCount: 2, … }
 */
export function dataTable(value: Extract<CellValue, { kind: 'array' }>): RegressionDataTable | CellValue {
  const { rows, cols, items } = value;
  const featureCount = cols - 1;
  if (featureCount < 1 || featureCount > REGRESSION_LIMITS.maxFeatures) {
    return sheetError('#VALUE!', 'error.badDataShape', { cols, max: REGRESSION_LIMITS.maxFeatures });
  }
  const large = tooLarge('data rows', rows, MAX_DATA_ROWS);
  if (large !== null) return large;
  const passing = items.find((item) => isError(item) || item.kind === 'pending');
  if (passing !== undefined) return passing;
  const features = new Float64Array(rows * featureCount);
  const labels = new Float64Array(rows);
  let badRows = 0;
  let firstBad: { row: number; col: number } | null = null;
  for (let row = 0; row < rows; row += 1) {
    let bad = false;
    for (let col = 0; col < cols; col += 1) {
      const number = dataNumber(items[row * cols + col]);
      if (number === null || !Number.isFinite(number)) {
        bad = true;
        firstBad ??= { row, col };
      } else if (col < featureCount) features[row * featureCount + col] = number;
      else labels[row] = number;
    }
    if (bad) badRows += 1;
  }
  if (firstBad !== null) {
    const origin = value.origin === undefined ? null : parseAddress(value.origin);
    const address =
      origin === null ? `R${firstBad.row + 1}C${firstBad.col + 1}` : formatAddress({ row: origin.row + firstBad.row, col: origin.col + firstBad.col });
    return sheetError('#VALUE!', 'error.badDataRows', { count: badRows, address });
  }
  return { kind: 'table', n: rows, featureCount, features, labels };
}

/** REGRESSION's optional arguments (positions 3 to 10), as coerced by their parameter types; SGD has no convention. */
export type RegressionOptions = readonly [
  epochs: number | undefined,
  batch: number | undefined,
  decay: CellValue | undefined,
  convention: string | undefined,
  data: CellValue | undefined,
  trainSeed: number | undefined,
  n: number | undefined,
  noise: number | undefined,
];

/** Their parameter types, for `define`. */
export const REGRESSION_OPTION_PARAMS = ['int?', 'int?', 'value?', 'text?', 'value?', 'int?', 'int?', 'number?'] as const;

const CONVENTIONS: Readonly<Record<string, 'mxnet' | 'pytorch'>> = {
  mxnet: 'mxnet',
  pytorch: 'pytorch',
  tensorflow: 'pytorch',
  tf: 'pytorch',
};

/** Where each optional argument sits in a function's argument list, for error messages. */
export type RegressionPositions = Readonly<Record<'epochs' | 'batch' | 'decay' | 'convention' | 'data' | 'n' | 'noise', number>>;

/** REGRESSION's (and REGRESSION_SWEEP's) positions: lr and mom come first. */
export const REGRESSION_POSITIONS: RegressionPositions = { epochs: 3, batch: 4, decay: 5, convention: 6, data: 7, n: 9, noise: 10 };

/** The decay_epoch argument: a whole number (0: no decay, as the chapter's `if decay_epoch`), "none", or absent (the chapter's 2). */
function decayArgument(decay: CellValue | undefined, name: string, position: number): { readonly epoch: number | null } | CellValue {
  if (decay === undefined || decay.kind === 'empty') return { epoch: REGRESSION_DEFAULTS.decayEpoch };
  if (decay.kind === 'text' && decay.value.toLowerCase() === 'none') return { epoch: null };
  // 0 becomes null, so that both ways of saying "no decay" make the same request (and run once).
  if (decay.kind === 'number' && Number.isInteger(decay.value) && decay.value >= 0) return { epoch: decay.value === 0 ? null : decay.value };
  const got = String(decay.kind === 'text' ? decay.value : decay.kind);
  return sheetError('#VALUE!', 'error.badOption', { name, position, options: 'a whole number or "none"', got });
}

/** A data seed (whole number) or a data range, at `position`. */
function dataArgument(data: CellValue | undefined, name: string, position: number): { seed: number; table?: RegressionDataTable } | CellValue {
  if (data === undefined || data.kind === 'empty') return { seed: REGRESSION_DEFAULTS.dataSeed };
  if (data.kind === 'array' && data.items.length > 1) {
    const table = dataTable(data);
    return 'kind' in table && table.kind === 'table' ? { seed: REGRESSION_DEFAULTS.dataSeed, table } : table;
  }
  const seed = toNumber(data);
  if (seed === null) return sheetError('#VALUE!', 'error.expectedNumber', { name, position, got: data.kind });
  return Number.isInteger(seed) ? { seed } : sheetError('#NUM!', 'error.expectedInteger', { name, position });
}

/**
 * Everything but lr and momentum, checked against REGRESSION_LIMITS for `configs` configurations;
 * `positions` say where the arguments sit in `name`'s list (REGRESSION's by default).
 * `regressionOptions([], 'REGRESSION', 1)` → the chapter's settings.
 */
export function regressionOptions(
  options: RegressionOptions,
  name: string,
  configs: number,
  positions: RegressionPositions = REGRESSION_POSITIONS,
): Omit<RegressionArgs, 'lr' | 'momentum'> | CellValue {
  const [epochs, batch, decay, convention, dataArg, trainSeed, nArg, noiseArg] = options;
  const d = REGRESSION_DEFAULTS;
  const L = REGRESSION_LIMITS;
  const at = positions;
  const data = dataArgument(dataArg, name, at.data);
  if (!('seed' in data)) return data;
  if (data.table !== undefined && (nArg !== undefined || noiseArg !== undefined)) return sheetError('#VALUE!', 'error.dataRangeOptions');
  const n = data.table?.n ?? nArg ?? d.n;
  const e = epochs ?? d.epochs;
  const batchSize = batch ?? d.batchSize;
  const steps = e * Math.ceil(n / batchSize);
  const failed = [
    outside(e, 1, L.maxEpochs, at.epochs, name),
    outside(n, 1, L.maxExamples, at.n, name),
    outside(batchSize, 1, n, at.batch, name),
    outside(noiseArg ?? d.noise, 0, Infinity, at.noise, name),
    tooLarge('epochs × n', e * n, L.maxExampleVisits),
    tooLarge('training steps', steps, L.maxSteps),
    tooLarge('configurations × training steps', configs * steps, L.maxConfigSteps),
  ].find((c) => c !== null);
  if (failed) return failed;
  const decayEpoch = decayArgument(decay, name, at.decay);
  if (!('epoch' in decayEpoch)) return decayEpoch;
  const conventionKey = (convention ?? d.convention).toLowerCase();
  if (!(conventionKey in CONVENTIONS)) {
    return sheetError('#VALUE!', 'error.badOption', { name, position: at.convention, options: '"mxnet", "pytorch"', got: convention ?? '' });
  }
  return {
    epochs: e,
    batchSize,
    decayEpoch: decayEpoch.epoch,
    convention: CONVENTIONS[conventionKey],
    dataSeed: data.seed,
    trainSeed: trainSeed ?? d.trainSeed,
    n,
    noise: noiseArg ?? d.noise,
    ...(data.table === undefined ? {} : { table: data.table }),
  };
}
