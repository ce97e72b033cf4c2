/**
 * Argument coercion and error propagation, in one place for every function and operator.
 * A function declares parameter types; `invoke` evaluates the arguments, lets the first error
 * through (errors beat pending runs, pending runs beat type mismatches), builds a formula when a
 * smooth function meets an objective, converts each argument to its declared type, and only
 * then runs the body.
 */
import type { RunLookup } from './runs';
import { symbolicApply } from './symbolic';
import type { CellValue } from './types';
import { describeKind, sheetError } from './values';

export type ParamType = 'number' | 'int' | 'text' | 'bool' | 'value' | 'objective' | 'gradient' | 'model' | 'lazy';
export type ParamSpec = ParamType | `${ParamType}?`;

type ObjectiveValue = Extract<CellValue, { kind: 'objective' }>;
type GradientValue = Extract<CellValue, { kind: 'gradient' }>;

interface Coerced {
  number: number;
  int: number;
  text: string;
  bool: boolean;
  value: CellValue;
  objective: ObjectiveValue;
  gradient: GradientValue;
  /** An objective or a gradient. */
  model: CellValue;
  /** Not evaluated until the body asks (IF, IFERROR). */
  lazy: () => CellValue;
}

export type ArgsOf<P extends readonly ParamSpec[]> = {
  [K in keyof P]: P[K] extends `${infer B extends ParamType}?`
    ? Coerced[B] | undefined
    : P[K] extends ParamType
      ? Coerced[P[K]]
      : never;
};

export interface FunctionContext {
  readonly runs: RunLookup;
}

export interface FunctionDef<P extends readonly ParamSpec[]> {
  /** Upper case; formulas match names case-insensitively. */
  readonly name: string;
  readonly params: P;
  /** Further arguments, flattened to numbers (ranges and arrays included): SUM, MAX, AND … */
  readonly restNumbers?: boolean;
  /** How the function is written inside an objective; absent = objectives are not accepted. */
  readonly symbolic?: (parts: readonly string[]) => string;
  /** One-line syntax, for the function list and error messages. */
  readonly syntax: string;
  readonly body: (args: ArgsOf<P>, rest: readonly number[], ctx: FunctionContext) => CellValue;
}

/** A function with its parameter types erased, as stored in the table. */
export interface FunctionSpec {
  readonly name: string;
  readonly params: readonly ParamSpec[];
  /** The declared type of each parameter (`?` removed), and how many are required: derived from `params` once. */
  readonly types: readonly ParamType[];
  readonly required: number;
  readonly restNumbers: boolean;
  readonly symbolic?: (parts: readonly string[]) => string;
  readonly syntax: string;
  readonly body: (args: readonly unknown[], rest: readonly number[], ctx: FunctionContext) => CellValue;
}

/** Declare a function; its body sees arguments already typed by `params`. */
export function define<const P extends readonly ParamSpec[]>(def: FunctionDef<P>): FunctionSpec {
  return {
    name: def.name,
    params: def.params,
    types: def.params.map((p) => p.replace('?', '') as ParamType),
    required: def.params.filter((p) => !p.endsWith('?')).length,
    restNumbers: def.restNumbers ?? false,
    symbolic: def.symbolic,
    syntax: def.syntax,
    // The one erasure point: `invoke` has coerced every argument to the type `params` declares.
    body: def.body as unknown as FunctionSpec['body'],
  };
}

type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: CellValue };
const ok = <T,>(value: T): Outcome<T> => ({ ok: true, value });
const fail = (error: CellValue): Outcome<never> => ({ ok: false, error });

const NUMERIC_TEXT = /^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i;

/** A value as a number the way spreadsheets do it: TRUE is 1, an empty cell 0, "2.5" is 2.5. */
export function toNumber(value: CellValue): number | null {
  switch (value.kind) {
    case 'number':
      return value.value;
    case 'boolean':
      return value.value ? 1 : 0;
    case 'empty':
      return 0;
    case 'text':
      return NUMERIC_TEXT.test(value.value) ? Number(value.value) : null;
    case 'array':
      return value.items.length === 1 ? toNumber(value.items[0]) : null;
    default:
      return null;
  }
}

/** A value as text: numbers print in full, booleans as TRUE/FALSE. */
export function toText(value: CellValue): string | null {
  if (value.kind === 'text') return value.value;
  if (value.kind === 'number') return String(value.value);
  if (value.kind === 'boolean') return value.value ? 'TRUE' : 'FALSE';
  if (value.kind === 'empty') return '';
  return null;
}

function coerce(value: CellValue, type: ParamType, position: number, name: string): Outcome<unknown> {
  // Numbers are by far the most common case: no allocation on the way.
  if (value.kind === 'number' && (type === 'number' || (type === 'int' && Number.isInteger(value.value)))) return { ok: true, value: value.value };
  const args = { name, position, got: describeKind(value) };
  switch (type) {
    case 'number':
    case 'int': {
      if (value.kind === 'objective') return fail(sheetError('#VALUE!', 'error.objectiveHere', { name }));
      const n = toNumber(value);
      if (n === null) return fail(sheetError('#VALUE!', 'error.expectedNumber', args));
      if (type === 'int' && !Number.isInteger(n)) return fail(sheetError('#NUM!', 'error.expectedInteger', args));
      return ok(n);
    }
    case 'text': {
      const text = toText(value);
      return text === null ? fail(sheetError('#VALUE!', 'error.expectedText', args)) : ok(text);
    }
    case 'bool': {
      if (value.kind === 'text') {
        const upper = value.value.trim().toUpperCase();
        if (upper === 'TRUE' || upper === 'FALSE') return ok(upper === 'TRUE');
        return fail(sheetError('#VALUE!', 'error.expectedBoolean', args));
      }
      const n = toNumber(value);
      return n === null ? fail(sheetError('#VALUE!', 'error.expectedBoolean', args)) : ok(n !== 0);
    }
    case 'objective':
      return value.kind === 'objective' ? ok(value) : fail(sheetError('#VALUE!', 'error.expectedObjective', args));
    case 'gradient':
      return value.kind === 'gradient' ? ok(value) : fail(sheetError('#VALUE!', 'error.expectedGradient', args));
    case 'model':
      return value.kind === 'objective' || value.kind === 'gradient'
        ? ok(value)
        : fail(sheetError('#VALUE!', 'error.expectedModel', args));
    case 'value':
    case 'lazy':
      return ok(value);
  }
}

/** Flatten SUM-style arguments: inside ranges and arrays only numbers count; a direct argument must be numeric. */
function restNumber(value: CellValue, out: number[], position: number, name: string): CellValue | null {
  if (value.kind === 'array') {
    for (const item of value.items) {
      if (item.kind === 'error' || item.kind === 'pending') return item;
      if (item.kind === 'number') out.push(item.value);
    }
    return null;
  }
  if (value.kind === 'empty') return null;
  const coerced = coerce(value, 'number', position, name);
  if (!coerced.ok) return coerced.error;
  out.push(coerced.value as number);
  return null;
}

/** Run a function on unevaluated arguments (thunks), with arity, propagation and coercion. */
export function invoke(spec: FunctionSpec, argThunks: readonly (() => CellValue)[], ctx: FunctionContext): CellValue {
  const count = argThunks.length;
  const { required, types } = spec;
  const max = spec.restNumbers ? Infinity : types.length;
  if (count < required || count > max) {
    const expected = max === Infinity ? `at least ${required}` : required === max ? `${required}` : `${required} to ${max}`;
    return sheetError('#VALUE!', 'error.wrongArgCount', { name: spec.name, expected, got: count });
  }
  // Plain loops: this runs once per operator of every formula, so it allocates as little as it can.
  const values: (CellValue | null)[] = new Array<CellValue | null>(count);
  let error: CellValue | null = null;
  let pending: CellValue | null = null;
  let objective = false;
  for (let i = 0; i < count; i += 1) {
    if (i < types.length && types[i] === 'lazy') {
      values[i] = null;
      continue;
    }
    const value = argThunks[i]();
    values[i] = value;
    if (value.kind === 'error') error ??= value;
    else if (value.kind === 'pending') pending ??= value;
    else if (value.kind === 'objective') objective = true;
  }
  if (error !== null) return error;
  if (pending !== null) return pending;
  if (spec.symbolic !== undefined && objective) {
    return symbolicApply(values.filter((v): v is CellValue => v !== null), spec.symbolic, spec.name);
  }
  const args: unknown[] = [];
  const rest: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const value = values[i];
    if (value === null) {
      args.push(argThunks[i]);
    } else if (i >= types.length) {
      const failed = restNumber(value, rest, i + 1, spec.name);
      if (failed !== null) return failed;
    } else {
      const coerced = coerce(value, types[i], i + 1, spec.name);
      if (!coerced.ok) return coerced.error;
      args.push(coerced.value);
    }
  }
  return spec.body(args, rest, ctx);
}
