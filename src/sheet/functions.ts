/**
 * Every function a formula can call, in one explicit list: name, parameter types, how it is
 * written inside an objective (if it may be), and a short body. Names are case-insensitive.
 * Coercion and error propagation happen in coerce.ts before any body runs.
 *
 * Run functions (their value is a run; parts via accessors, see runs.ts RUN_FIELDS):
 *   GD(objective, start_x1, start_x2, eta, steps[, gradient])
 *   MOMENTUM(objective, start_x1, start_x2, eta, gamma, steps[, gradient][, "nesterov"])
 *   NESTEROV(objective, start_x1, start_x2, eta, gamma, steps[, gradient])
 *   REGRESSION(lr, mom[, epochs, batch, decay_epoch, convention, data_seed | data, train_seed, n, noise])
 *   SGD(lr[, epochs, batch, decay_epoch, data_seed | data, train_seed, n, noise]): plain minibatch SGD
 *     (see regressionFunctions.ts; data: a range of the sheet instead of the generated set).
 *   Sweeps (SWEEP, REGRESSION_SWEEP, LINSPACE): see sweepFunctions.ts.
 *   A gradient argument is [g1, g2] typed by hand (the run follows it; the worker checks it
 *   against the true gradient) or GRAD(objective) (the run derives it: request.gradient = null).
 * Theory: EIGENVALUES(model), RATE(model, eta, gamma), GD_RATE(model, eta),
 *   NESTEROV_RATE(model, eta, gamma), POLYAK_LR(model), POLYAK_MOMENTUM(model), POLYAK_RATE(model),
 *   where model is an objective or a linear gradient; WINDOW(gamma) = 1/(1−γ), EWMA_WEIGHTS(gamma, n)
 *   (0 ≤ γ < 1, else #NUM!). PRINTED_GRAD(objective): the chapter's printed gradient, for its objective
 *   only. MAX_ABS_DIFF(a, b): largest |a_i − b_i| of two series.
 */
import { ewmaWeights, ewmaWindow } from '../core/ewma';
import { MAX_PATH_STEPS } from '../core/optimize2d';
import type { Path2DRequest } from '../core/runTypes';
import { define, type FunctionContext, type FunctionSpec } from './coerce';
import { REGRESSION_FUNCTIONS } from './regressionFunctions';
import { runGradient } from './runArgs';
import { runCell } from './runs';
import { SWEEP_FUNCTIONS } from './sweepFunctions';
import { deriveGradient } from './symbolic';
import { eigenvaluesCell, polyakCell, rateCell } from './theory';
import type { CellValue } from './types';
import { booleanValue, describeKind, numberRow, numberValue, outside, sheetError } from './values';
import { printedGradientCell } from './printedGradient';

/** Longest 2-D run a cell may ask for (the share format's bound). */
export const MAX_SHEET_STEPS = Math.min(10_000, MAX_PATH_STEPS);

const fn1 = (name: string) => (parts: readonly string[]) => `${name}(${parts[0]})`;

function mean(values: readonly number[]): CellValue {
  return values.length === 0 ? sheetError('#DIV/0!', 'error.emptyAverage') : numberValue(values.reduce((a, b) => a + b, 0) / values.length);
}

type PathArgs = readonly [
  { readonly expr: string },
  number,
  number,
  number,
  number,
  number,
  CellValue | undefined,
];

function pathRun(method: Path2DRequest['method'], name: string, a: PathArgs, ctx: FunctionContext): CellValue {
  const [objective, x1, x2, eta, gamma, steps, gradientArg] = a;
  const stepsPosition = method === 'gd' ? 5 : 6;
  const badSteps = outside(steps, 0, MAX_SHEET_STEPS, stepsPosition, name);
  if (badSteps !== null) return badSteps;
  const gradient = runGradient(gradientArg, stepsPosition + 1, name);
  if (gradient !== null && !Array.isArray(gradient)) return gradient as CellValue;
  const request: Path2DRequest = {
    kind: 'path2d',
    method,
    objective: objective.expr,
    gradient: gradient as Path2DRequest['gradient'],
    start: [x1, x2],
    eta,
    gamma: method === 'gd' ? 0 : gamma,
    steps,
  };
  return runCell(request, ctx.runs);
}

/** γ of an EWMA must lie in [0, 1): γ = 1 never forgets, γ < 0 or > 1 is no average at all. */
function badGamma(gamma: number, name: string): CellValue | null {
  return gamma >= 0 && gamma < 1 ? null : sheetError('#NUM!', 'error.outOfHalfOpenRange', { name, position: 1, min: 0, max: 1 });
}

/** MAX_ABS_DIFF(a, b): the largest |a_i − b_i| of two series of the same length (e.g. two runs' .losses). */
function maxAbsDifference(a: CellValue, b: CellValue): CellValue {
  const items = (v: CellValue): readonly CellValue[] => (v.kind === 'array' ? v.items : [v]);
  const left = items(a);
  const right = items(b);
  if (left.length !== right.length) return sheetError('#VALUE!', 'error.lengthMismatch', { name: 'MAX_ABS_DIFF', left: left.length, right: right.length });
  let largest = 0;
  for (let i = 0; i < left.length; i += 1) {
    const [x, y] = [left[i], right[i]];
    if (x.kind === 'error' || x.kind === 'pending') return x;
    if (y.kind === 'error' || y.kind === 'pending') return y;
    if (x.kind !== 'number' || y.kind !== 'number') return sheetError('#VALUE!', 'error.expectedNumber', { name: 'MAX_ABS_DIFF', position: x.kind !== 'number' ? 1 : 2, got: describeKind(x.kind !== 'number' ? x : y) });
    largest = Math.max(largest, Math.abs(x.value - y.value));
  }
  return numberValue(largest);
}

export const FUNCTIONS: readonly FunctionSpec[] = [
  // Arithmetic and smooth functions: these may appear inside an objective.
  define({ name: 'ABS', params: ['number'], symbolic: fn1('abs'), syntax: 'ABS(x)', body: ([x]) => numberValue(Math.abs(x)) }),
  define({ name: 'EXP', params: ['number'], symbolic: fn1('exp'), syntax: 'EXP(x)', body: ([x]) => numberValue(Math.exp(x)) }),
  define({ name: 'LN', params: ['number'], symbolic: fn1('log'), syntax: 'LN(x)', body: ([x]) => numberValue(Math.log(x)) }),
  define({
    name: 'LOG',
    params: ['number', 'number?'],
    symbolic: (p) => (p.length === 1 ? `log(${p[0]})` : `log(${p[0]}) / log(${p[1]})`),
    syntax: 'LOG(x[, base]) — natural logarithm unless a base is given',
    body: ([x, base]) => numberValue(base === undefined ? Math.log(x) : Math.log(x) / Math.log(base)),
  }),
  define({ name: 'LOG10', params: ['number'], symbolic: (p) => `log(${p[0]}) / log(10)`, syntax: 'LOG10(x)', body: ([x]) => numberValue(Math.log10(x)) }),
  define({ name: 'SQRT', params: ['number'], symbolic: fn1('sqrt'), syntax: 'SQRT(x)', body: ([x]) => numberValue(Math.sqrt(x)) }),
  define({ name: 'SIN', params: ['number'], symbolic: fn1('sin'), syntax: 'SIN(x)', body: ([x]) => numberValue(Math.sin(x)) }),
  define({ name: 'COS', params: ['number'], symbolic: fn1('cos'), syntax: 'COS(x)', body: ([x]) => numberValue(Math.cos(x)) }),
  define({ name: 'TANH', params: ['number'], symbolic: fn1('tanh'), syntax: 'TANH(x)', body: ([x]) => numberValue(Math.tanh(x)) }),
  define({
    name: 'POW',
    params: ['number', 'number'],
    symbolic: (p) => `(${p[0]}) ^ (${p[1]})`,
    syntax: 'POW(x, y)',
    body: ([x, y]) => numberValue(Math.pow(x, y)),
  }),
  define({ name: 'PI', params: [], syntax: 'PI()', body: () => numberValue(Math.PI) }),
  define({ name: 'E', params: [], syntax: 'E()', body: () => numberValue(Math.E) }),
  define({
    name: 'ROUND',
    params: ['number', 'int?'],
    syntax: 'ROUND(x[, digits])',
    body: ([x, digits = 0]) => {
      const factor = 10 ** digits;
      return numberValue(Math.sign(x) * (Math.round(Math.abs(x) * factor) / factor));
    },
  }),
  // Aggregates over numbers, ranges and arrays.
  define({ name: 'SUM', params: [], restNumbers: true, syntax: 'SUM(a, …)', body: (_, r) => numberValue(r.reduce((a, b) => a + b, 0)) }),
  define({ name: 'MEAN', params: [], restNumbers: true, syntax: 'MEAN(a, …)', body: (_, r) => mean(r) }),
  define({ name: 'AVERAGE', params: [], restNumbers: true, syntax: 'AVERAGE(a, …)', body: (_, r) => mean(r) }),
  define({ name: 'COUNT', params: [], restNumbers: true, syntax: 'COUNT(a, …)', body: (_, r) => numberValue(r.length) }),
  define({ name: 'MIN', params: [], restNumbers: true, syntax: 'MIN(a, …)', body: (_, r) => numberValue(r.length ? r.reduce((a, b) => Math.min(a, b)) : 0) }),
  define({ name: 'MAX', params: [], restNumbers: true, syntax: 'MAX(a, …)', body: (_, r) => numberValue(r.length ? r.reduce((a, b) => Math.max(a, b)) : 0) }),
  // Logic.
  define({
    name: 'IF',
    params: ['bool', 'lazy', 'lazy?'],
    syntax: 'IF(condition, then[, else])',
    body: ([condition, then, otherwise]) => (condition ? then() : otherwise ? otherwise() : booleanValue(false)),
  }),
  define({
    name: 'IFERROR',
    params: ['lazy', 'lazy'],
    syntax: 'IFERROR(value, fallback)',
    body: ([value, fallback]) => {
      const v = value();
      return v.kind === 'error' ? fallback() : v;
    },
  }),
  define({ name: 'ISERROR', params: ['lazy'], syntax: 'ISERROR(value)', body: ([value]) => booleanValue(value().kind === 'error') }),
  define({ name: 'AND', params: [], restNumbers: true, syntax: 'AND(a, …)', body: (_, r) => booleanValue(r.every((x) => x !== 0)) }),
  define({ name: 'OR', params: [], restNumbers: true, syntax: 'OR(a, …)', body: (_, r) => booleanValue(r.some((x) => x !== 0)) }),
  define({ name: 'NOT', params: ['bool'], syntax: 'NOT(a)', body: ([a]) => booleanValue(!a) }),
  // Text shown in the reader's language.
  define({ name: 'NOTE', params: ['text'], syntax: 'NOTE("key")', body: ([key]) => ({ kind: 'note', key }) }),
  // Objectives.
  define({ name: 'GRAD', params: ['objective'], syntax: 'GRAD(objective)', body: ([f]) => deriveGradient(f.expr) }),
  define({
    name: 'PRINTED_GRAD',
    params: ['objective'],
    syntax: 'PRINTED_GRAD(objective) — the chapter’s printed (0.2·x1, 2·x2), for the chapter’s objective only',
    body: ([f]) => printedGradientCell(f),
  }),
  // Runs.
  define({
    name: 'GD',
    params: ['objective', 'number', 'number', 'number', 'int', 'value?'],
    syntax: 'GD(objective, start_x1, start_x2, eta, steps[, gradient])',
    body: ([f, x1, x2, eta, steps, grad], _, ctx) => pathRun('gd', 'GD', [f, x1, x2, eta, 0, steps, grad], ctx),
  }),
  define({
    name: 'MOMENTUM',
    params: ['objective', 'number', 'number', 'number', 'number', 'int', 'value?', 'value?'],
    syntax: 'MOMENTUM(objective, start_x1, start_x2, eta, gamma, steps[, gradient][, "nesterov"])',
    body: ([f, x1, x2, eta, gamma, steps, a7, a8], _, ctx) => {
      const options = [a7, a8].filter((v): v is CellValue => v !== undefined);
      const methodText = options.find((v) => v.kind === 'text');
      const gradient = options.find((v) => v.kind !== 'text');
      if (methodText !== undefined && methodText.kind === 'text' && !['nesterov', 'momentum'].includes(methodText.value.toLowerCase())) {
        return sheetError('#VALUE!', 'error.badOption', { name: 'MOMENTUM', position: 7, options: '"nesterov"', got: methodText.value });
      }
      const method = methodText?.kind === 'text' && methodText.value.toLowerCase() === 'nesterov' ? 'nesterov' : 'momentum';
      return pathRun(method, 'MOMENTUM', [f, x1, x2, eta, gamma, steps, gradient], ctx);
    },
  }),
  define({
    name: 'NESTEROV',
    params: ['objective', 'number', 'number', 'number', 'number', 'int', 'value?'],
    syntax: 'NESTEROV(objective, start_x1, start_x2, eta, gamma, steps[, gradient])',
    body: ([f, x1, x2, eta, gamma, steps, grad], _, ctx) => pathRun('nesterov', 'NESTEROV', [f, x1, x2, eta, gamma, steps, grad], ctx),
  }),
  ...REGRESSION_FUNCTIONS,
  ...SWEEP_FUNCTIONS,
  // Theory.
  define({ name: 'EIGENVALUES', params: ['model'], syntax: 'EIGENVALUES(model)', body: ([m]) => eigenvaluesCell(m) }),
  define({ name: 'RATE', params: ['model', 'number', 'number'], syntax: 'RATE(model, eta, gamma)', body: ([m, eta, g]) => rateCell(m, 'momentum', eta, g) }),
  define({ name: 'GD_RATE', params: ['model', 'number'], syntax: 'GD_RATE(model, eta)', body: ([m, eta]) => rateCell(m, 'gd', eta, 0) }),
  define({
    name: 'NESTEROV_RATE',
    params: ['model', 'number', 'number'],
    syntax: 'NESTEROV_RATE(model, eta, gamma)',
    body: ([m, eta, g]) => rateCell(m, 'nesterov', eta, g),
  }),
  define({ name: 'POLYAK_LR', params: ['model'], syntax: 'POLYAK_LR(model)', body: ([m]) => polyakCell(m, 'eta') }),
  define({ name: 'POLYAK_MOMENTUM', params: ['model'], syntax: 'POLYAK_MOMENTUM(model)', body: ([m]) => polyakCell(m, 'gamma') }),
  define({ name: 'POLYAK_RATE', params: ['model'], syntax: 'POLYAK_RATE(model)', body: ([m]) => polyakCell(m, 'rate') }),
  define({
    name: 'WINDOW',
    params: ['number'],
    syntax: 'WINDOW(gamma) = 1/(1 − gamma), 0 ≤ gamma < 1',
    body: ([g]) => badGamma(g, 'WINDOW') ?? numberValue(ewmaWindow(g)),
  }),
  define({
    name: 'EWMA_WEIGHTS',
    params: ['number', 'int'],
    syntax: 'EWMA_WEIGHTS(gamma, n), 0 ≤ gamma < 1',
    body: ([g, n]) => badGamma(g, 'EWMA_WEIGHTS') ?? outside(n, 1, 10_000, 2, 'EWMA_WEIGHTS') ?? numberRow(ewmaWeights(g, n)),
  }),
  define({
    name: 'MAX_ABS_DIFF',
    params: ['value', 'value'],
    syntax: 'MAX_ABS_DIFF(a, b) — largest |a_i − b_i| of two series of the same length',
    body: ([a, b]) => maxAbsDifference(a, b),
  }),
  // The marker a deleted reference leaves behind (written `#REF!` in formula text).
  define({ name: 'REFERR', params: [], syntax: '#REF!', body: () => sheetError('#REF!', 'error.deletedReference') }),
];

const BY_NAME = new Map(FUNCTIONS.map((spec) => [spec.name, spec]));

/** Look a function up by name, case-insensitively: `findFunction("sum")?.name === "SUM"`. */
export function findFunction(name: string): FunctionSpec | undefined {
  return BY_NAME.get(name.toUpperCase());
}
