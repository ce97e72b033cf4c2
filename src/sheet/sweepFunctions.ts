/**
 * Sweeps: one cell runs a whole grid of (learning rate, momentum) as one batched program in the
 * worker, and its value is a run whose parts (sweepFields.ts) read the grid.
 *   SWEEP(objective, start_x1, start_x2, etas, gammas, steps[, gradient][, method])
 *     method "momentum" (default), "nesterov" or "gd"; rows of the grid are γ, columns η.
 *   REGRESSION_SWEEP(lrs, moms[, epochs, batch, decay_epoch, convention, data_seed | data, train_seed, n, noise])
 *     REGRESSION's options, every config of the grid trained on the same data and batches.
 *   LINSPACE(a, b, n): n evenly spaced numbers from a to b (both ends exact), for an axis.
 * An axis is a number, a range or an array of numbers. At most 32 × 32 = 1,024 configurations
 * (#NUM! beyond); an axis holding anything but finite numbers is #VALUE!.
 */
import { SWEEP_LIMITS, type RegressionSweepRequest, type Sweep2DRequest } from '../core/runTypes';
import { define, type FunctionSpec } from './coerce';
import { REGRESSION_OPTION_PARAMS, regressionOptions, runGradient, tooLarge } from './runArgs';
import { regressionRequest, runCell } from './runs';
import type { CellValue } from './types';
import { describeKind, isError, numberRow, outside, sheetError } from './values';

/** Longest LINSPACE. */
const MAX_LINSPACE = 10_000;

/** The values of an axis argument, or the error the cell shows. */
function axis(value: CellValue, position: number, name: string): Float64Array | CellValue {
  const items = value.kind === 'array' ? value.items : [value];
  const passing = items.find((item) => isError(item) || item.kind === 'pending');
  if (passing !== undefined) return passing;
  const odd = items.find((item) => item.kind !== 'number');
  if (odd !== undefined || items.length === 0) return sheetError('#VALUE!', 'error.badAxis', { name, position, got: odd === undefined ? 'an empty range' : describeKind(odd) });
  return Float64Array.from(items, (item) => (item.kind === 'number' ? item.value : Number.NaN));
}

/** Both axes, checked together: the grid must have at most SWEEP_LIMITS.maxConfigs cells. */
function axes(columns: CellValue, rows: CellValue, position: number, name: string): readonly [Float64Array, Float64Array] | CellValue {
  const first = axis(columns, position, name);
  if (!(first instanceof Float64Array)) return first;
  const second = axis(rows, position + 1, name);
  if (!(second instanceof Float64Array)) return second;
  return tooLarge('configurations', first.length * second.length, SWEEP_LIMITS.maxConfigs) ?? [first, second];
}

const METHODS: Readonly<Record<string, Sweep2DRequest['method']>> = { momentum: 'momentum', nesterov: 'nesterov', gd: 'gd' };

export const SWEEP_FUNCTIONS: readonly FunctionSpec[] = [
  define({
    name: 'LINSPACE',
    params: ['number', 'number', 'int'],
    syntax: 'LINSPACE(a, b, n)',
    body: ([a, b, n]) =>
      outside(n, 1, MAX_LINSPACE, 3, 'LINSPACE') ??
      numberRow(Array.from({ length: n }, (_, i) => (n > 1 && i === n - 1 ? b : a + ((b - a) * i) / Math.max(1, n - 1)))),
  }),
  define({
    name: 'SWEEP',
    params: ['objective', 'number', 'number', 'value', 'value', 'int', 'value?', 'value?'],
    syntax: 'SWEEP(objective, start_x1, start_x2, etas, gammas, steps[, gradient][, "momentum"|"nesterov"|"gd"])',
    body: ([f, x1, x2, etaArg, gammaArg, steps, a7, a8], _, ctx) => {
      const name = 'SWEEP';
      const grid = axes(etaArg, gammaArg, 4, name);
      if (!Array.isArray(grid)) return grid as CellValue;
      const [etas, gammas] = grid as readonly [Float64Array, Float64Array];
      const badSteps = outside(steps, 0, SWEEP_LIMITS.maxSteps, 6, name) ?? tooLarge('configurations × steps', etas.length * gammas.length * steps, SWEEP_LIMITS.maxConfigSteps);
      if (badSteps !== null) return badSteps;
      const options = [a7, a8].filter((v): v is CellValue => v !== undefined && v.kind !== 'empty');
      const methodText = options.find((v) => v.kind === 'text');
      const method = methodText?.kind === 'text' ? METHODS[methodText.value.trim().toLowerCase()] : 'momentum';
      if (method === undefined) return sheetError('#VALUE!', 'error.badOption', { name, position: 8, options: '"momentum", "nesterov", "gd"', got: methodText?.kind === 'text' ? methodText.value : '' });
      const gradient = runGradient(options.find((v) => v.kind !== 'text'), 7, name);
      if (gradient !== null && !Array.isArray(gradient)) return gradient as CellValue;
      const request: Sweep2DRequest = { kind: 'sweep2d', method, objective: f.expr, gradient: gradient as Sweep2DRequest['gradient'], start: [x1, x2], etas, gammas, steps };
      return runCell(request, ctx.runs);
    },
  }),
  define({
    name: 'REGRESSION_SWEEP',
    params: ['value', 'value', ...REGRESSION_OPTION_PARAMS],
    syntax: 'REGRESSION_SWEEP(lrs, moms[, epochs, batch, decay_epoch, convention, data_seed | data, train_seed, n, noise])',
    body: ([lrArg, momentumArg, ...rest], _, ctx) => {
      const name = 'REGRESSION_SWEEP';
      const grid = axes(lrArg, momentumArg, 1, name);
      if (!Array.isArray(grid)) return grid as CellValue;
      const [lrs, momenta] = grid as readonly [Float64Array, Float64Array];
      const options = regressionOptions(rest, name, lrs.length * momenta.length);
      if ('kind' in options) return options;
      const { kind: _kind, configs: _configs, ...settings } = regressionRequest({ ...options, lr: 0, momentum: 0 });
      const request: RegressionSweepRequest = { ...settings, kind: 'regressionSweep', convention: options.convention, lrs, momenta };
      return runCell(request, ctx.runs);
    },
  }),
];
