/**
 * An independent check that a value is a member of the CellValue union, as the fuzz tests need
 * it: the kind is one of the union's, every field has its declared type, numbers are finite,
 * an error has a known code and a reason that the message catalogue knows, arrays have the
 * size they claim and hold valid items. Written against the types in src/sheet/types.ts, not
 * against the engine's own helpers.
 */
import { ERROR_REASON_KEYS } from '../../../src/sheet/errorMessages';
import type { CellValue } from '../../../src/sheet/types';

const ERROR_CODES = new Set(['#NAME?', '#REF!', '#CYCLE!', '#DIV/0!', '#VALUE!', '#NUM!', '#DIVERGED', '#N/A', '#ERROR!']);
const REASONS = new Set<string>(ERROR_REASON_KEYS);
const REQUEST_KINDS = new Set(['path2d', 'regression']);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Why `value` is not a valid cell value, or null when it is. */
export function invalidValue(value: unknown, depth = 0): string | null {
  if (!isRecord(value)) return `not an object: ${String(value)}`;
  switch (value.kind) {
    case 'empty':
      return null;
    case 'number':
      return typeof value.value === 'number' && Number.isFinite(value.value) ? null : `number ${String(value.value)}`;
    case 'text':
      return typeof value.value === 'string' ? null : 'text without a string';
    case 'boolean':
      return typeof value.value === 'boolean' ? null : 'boolean without a boolean';
    case 'note':
      return typeof value.key === 'string' ? null : 'note without a key';
    case 'objective':
      return typeof value.expr === 'string' && value.expr.length > 0 ? null : 'objective without a formula';
    case 'gradient':
      return Array.isArray(value.exprs) && value.exprs.length === 2 && value.exprs.every((e) => typeof e === 'string') && typeof value.derived === 'boolean'
        ? null
        : 'malformed gradient';
    case 'array': {
      const { rows, cols, items } = value;
      if (typeof rows !== 'number' || typeof cols !== 'number' || !Array.isArray(items) || items.length !== rows * cols) return 'array of the wrong size';
      if (depth > 2) return 'array nested too deeply';
      for (const item of items) {
        const problem = invalidValue(item, depth + 1);
        if (problem !== null) return `array item: ${problem}`;
      }
      return null;
    }
    case 'run':
    case 'pending': {
      const request = value.request;
      if (!isRecord(request) || !REQUEST_KINDS.has(String(request.kind))) return `${value.kind} without a request`;
      return value.kind === 'pending' || isRecord(value.result) ? null : 'run without a result';
    }
    case 'error': {
      if (!ERROR_CODES.has(String(value.code))) return `unknown error code ${String(value.code)}`;
      if (!REASONS.has(String(value.reason))) return `unknown reason ${String(value.reason)}`;
      if (value.args !== undefined) {
        if (!isRecord(value.args)) return 'error args not an object';
        for (const [k, v] of Object.entries(value.args)) if (typeof v !== 'string' && typeof v !== 'number') return `error arg ${k} is ${typeof v}`;
      }
      return null;
    }
    default:
      return `unknown kind ${String(value.kind)}`;
  }
}

/** Throws (failing the property) when a value is outside the union. */
export function assertCellValue(value: CellValue, where: string): void {
  const problem = invalidValue(value);
  if (problem !== null) throw new Error(`${where}: ${problem} in ${JSON.stringify(value).slice(0, 200)}`);
}
