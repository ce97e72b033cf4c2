/**
 * Small constructors and predicates over CellValue, shared by every layer of the engine.
 */
import type { ErrorReason } from './errorMessages';
import { requestKey } from './runKey';
import type { CellValue, ErrorCode, ErrorValue } from './types';

export type Args = Readonly<Record<string, string | number>>;

export const EMPTY: CellValue = Object.freeze({ kind: 'empty' });

/** An error value: `sheetError('#DIV/0!', 'error.divideByZero')`. */
export function sheetError(code: ErrorCode, reason: ErrorReason, args?: Args): ErrorValue {
  return args === undefined ? { kind: 'error', code, reason } : { kind: 'error', code, reason, args };
}

/** A number, or #NUM! when it is not finite: `numberValue(1 / 0).kind === 'error'`. */
export function numberValue(value: number): CellValue {
  return Number.isFinite(value) ? { kind: 'number', value } : sheetError('#NUM!', 'error.notFinite');
}

/** Argument `position` of `name` within [min, max]? null when fine, else #NUM!: `outside(0, 1, 5, 2, 'F')?.kind === 'error'`. */
export function outside(value: number, min: number, max: number, position: number, name: string): ErrorValue | null {
  return value >= min && value <= max ? null : sheetError('#NUM!', 'error.outOfRange', { name, position, min, max });
}

export function textValue(value: string): CellValue {
  return { kind: 'text', value };
}

export function booleanValue(value: boolean): CellValue {
  return { kind: 'boolean', value };
}

/** A 1×n row of numbers (the shape every series takes). */
export function numberRow(values: ArrayLike<number>): CellValue {
  const items: CellValue[] = [];
  for (let i = 0; i < values.length; i += 1) items.push(numberValue(values[i]));
  return { kind: 'array', rows: 1, cols: items.length, items };
}

export function isError(value: CellValue): value is ErrorValue {
  return value.kind === 'error';
}

/** How a value is named in a "must be a number, not …" sentence. */
export function describeKind(value: CellValue): string {
  switch (value.kind) {
    case 'run':
      return value.request.kind === 'path2d' ? 'a run' : value.request.kind === 'regression' ? 'a regression run' : 'a sweep';
    case 'objective':
      return 'a formula in x1, x2';
    case 'text':
      return `text “${value.value.length > 20 ? `${value.value.slice(0, 20)}…` : value.value}”`;
    default:
      return `a ${value.kind} value`;
  }
}

function sameArgs(a: Args | undefined, b: Args | undefined): boolean {
  const ak = a ? Object.keys(a) : [];
  const bk = b ? Object.keys(b) : [];
  return ak.length === bk.length && ak.every((k) => b !== undefined && a !== undefined && a[k] === b[k]);
}

/**
 * Structural equality, used to report only cells whose value really changed. Runs compare by
 * request key, result identity (a result object is never mutated once supplied) and divergedAt,
 * so two different diverged runs are never taken for one another.
 */
export function sameValue(a: CellValue, b: CellValue): boolean {
  if (a === b) return true;
  switch (a.kind) {
    case 'empty':
      return b.kind === 'empty';
    case 'number':
    case 'text':
    case 'boolean':
      return b.kind === a.kind && Object.is(b.value, a.value);
    case 'note':
      return b.kind === 'note' && b.key === a.key;
    case 'objective':
      return b.kind === 'objective' && b.expr === a.expr;
    case 'gradient':
      return b.kind === 'gradient' && b.derived === a.derived && b.exprs[0] === a.exprs[0] && b.exprs[1] === a.exprs[1];
    case 'array':
      return (
        b.kind === 'array' &&
        b.rows === a.rows &&
        b.cols === a.cols &&
        a.items.every((item, i) => sameValue(item, b.items[i]))
      );
    case 'error':
      return b.kind === 'error' && b.code === a.code && b.reason === a.reason && sameArgs(a.args, b.args);
    case 'run':
      return b.kind === 'run' && b.result === a.result && b.divergedAt === a.divergedAt && requestKey(b.request) === requestKey(a.request);
    case 'pending':
      return b.kind === 'pending' && requestKey(b.request) === requestKey(a.request);
  }
}
