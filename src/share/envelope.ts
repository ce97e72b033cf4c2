/**
 * The envelope `{ app?, v, state }` written by links, state files and the autosave, and the one
 * defensive path that reads it back: size cap → JSON.parse → structural check (unsafe keys,
 * depth) → migrations → schema. Links add compression around this; files and storage do not.
 */
import type { SheetState } from '../sheet/types';
import { parseAddress } from '../sheet/address';
import { shareError, type ShareError } from './errors';
import { FORMAT_VERSION, migrateToCurrent, schemaError, versionOf, withChapterChoices } from './migrate';
import { parseUntrustedJson } from './safeJson';
import { APP_MARKER, envelopeV1Schema } from './schema';

export type DecodeResult =
  | { readonly ok: true; readonly state: SheetState; readonly migratedFrom?: number }
  | { readonly ok: false; readonly error: ShareError };

/**
 * The state in a canonical form: fixed field order, cells row-major, record keys sorted, every
 * object's keys sorted inside charts and pins, and (when `compact`) empty defaults omitted. The
 * same sheet therefore always gives the same link, and two sheets compare by their text.
 */
export function canonicalState(state: SheetState, compact: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = { rows: state.rows, cols: state.cols, cells: sortedCells(state.cells) };
  const optional: Record<string, unknown> = {
    names: sortKeysDeep(state.names),
    colWidths: sortKeysDeep(state.colWidths),
    charts: sortKeysDeep(state.charts),
    pins: sortKeysDeep(state.pins),
  };
  for (const [field, value] of Object.entries(optional)) {
    const empty = Array.isArray(value) ? value.length === 0 : Object.keys(value as object).length === 0;
    if (!(compact && empty)) out[field] = value;
  }
  // Choice cells are written only when there are some, in both forms, so older files stay as they were.
  if (state.validations !== undefined && Object.keys(state.validations).length > 0) out.validations = sortKeysDeep(state.validations);
  return out;
}

/** `{ v, state }` for links and the autosave; `{ app, v, state }` with every field for files. */
export function envelopeFor(state: SheetState, form: 'compact' | 'full'): Record<string, unknown> {
  return form === 'compact'
    ? { v: FORMAT_VERSION, state: canonicalState(state, true) }
    : { app: APP_MARKER, v: FORMAT_VERSION, state: canonicalState(state, false) };
}

/** Do two states describe the same sheet (ignoring key order and empty-default spelling)? */
export function sameSheet(a: SheetState, b: SheetState): boolean {
  return JSON.stringify(canonicalState(a, true)) === JSON.stringify(canonicalState(b, true));
}

export interface EnvelopeReadOptions {
  /** Longest JSON text accepted. */
  readonly maxChars: number;
  /** When the container (a link prefix) already named a version, the payload must agree. */
  readonly expectedVersion?: number;
}

/** Read an envelope from JSON text; never throws. `decodeEnvelopeJson('{"v":1,…}', {maxChars: 1e6})`. */
export function decodeEnvelopeJson(text: string, options: EnvelopeReadOptions): DecodeResult {
  if (text.length > options.maxChars) {
    return { ok: false, error: shareError('tooLarge', { length: text.length, limit: options.maxChars }) };
  }
  if (text.trim() === '') return { ok: false, error: shareError('empty') };
  const parsed = parseUntrustedJson(text);
  if (!parsed.ok) return parsed;
  const declared = versionOf(parsed.value);
  if (options.expectedVersion !== undefined && declared !== null && declared !== options.expectedVersion) {
    return {
      ok: false,
      error: shareError('badSchema', { path: 'v', issue: `the link says version ${options.expectedVersion}, its data ${declared}` }),
    };
  }
  const migrated = migrateToCurrent(parsed.value);
  if (!migrated.ok) return migrated;
  const checked = envelopeV1Schema.safeParse(migrated.value);
  if (!checked.success) return { ok: false, error: schemaError(checked.error.issues) };
  const state: SheetState = withChapterChoices(checked.data.state);
  return migrated.migratedFrom === undefined ? { ok: true, state } : { ok: true, state, migratedFrom: migrated.migratedFrom };
}

function sortedCells(cells: Readonly<Record<string, string>>): Record<string, string> {
  const order = (a: string) => parseAddress(a) ?? { row: Number.MAX_SAFE_INTEGER, col: 0 };
  const keys = Object.keys(cells).sort((a, b) => {
    const pa = order(a);
    const pb = order(b);
    return pa.row - pb.row || pa.col - pb.col || (a < b ? -1 : a > b ? 1 : 0);
  });
  const out: Record<string, string> = {};
  for (const key of keys) out[key] = cells[key];
  return out;
}

/** Plain JSON data with object keys sorted; undefined fields dropped as JSON.stringify would. */
function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(record).sort()) {
    if (record[key] !== undefined) out[key] = sortKeysDeep(record[key]);
  }
  return out;
}
