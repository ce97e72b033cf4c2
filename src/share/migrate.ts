/**
 * Format versions of the share envelope and the chain of migrations that keeps old links
 * opening. Version 1 is the first released format. Version 0 is the pre-release compact format
 * `{ c: { A1: raw, … } }` (cells only, no version field, no prefix on the link); it exists so that
 * the migration chain is exercised from day one.
 *
 * Adding version N+1: append a step `{ from: N, up }` to MIGRATIONS that turns a checked-for-
 * safety version-N payload into a version-N+1 payload, bump FORMAT_VERSION, and keep a fixture
 * of a version-N link in the tests.
 */
import { z } from 'zod';
import { parseAddress } from '../sheet/address';
import { GRADIENT_CHOICES, GRADIENT_FORMULA } from '../sheet/chapterVocabulary';
import type { SheetState } from '../sheet/types';
import { shareError, type ShareError } from './errors';
import { ADDRESS_PATTERN, SHEET_LIMITS } from './schema';

/** The format this build writes. */
export const FORMAT_VERSION = 1;

export type StepResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: ShareError };

/** One step of the chain: a payload of version `from` in, a payload of version `from + 1` out. */
export interface MigrationStep {
  readonly from: number;
  readonly up: (payload: unknown) => StepResult;
}

/** Pre-release links always showed at least this grid; it grows to fit the cells they carry. */
export const V0_GRID = { rows: 40, cols: 12 } as const;

const v0Schema = z.object({
  c: z.record(z.string().regex(ADDRESS_PATTERN), z.string().max(SHEET_LIMITS.maxRawChars)),
});

const v0ToV1: MigrationStep = {
  from: 0,
  up(payload) {
    const parsed = v0Schema.safeParse(payload);
    if (!parsed.success) return { ok: false, error: schemaError(parsed.error.issues) };
    let rows: number = V0_GRID.rows;
    let cols: number = V0_GRID.cols;
    for (const a of Object.keys(parsed.data.c)) {
      const { row, col } = parseAddress(a)!;
      rows = Math.max(rows, row + 1);
      cols = Math.max(cols, col + 1);
    }
    return { ok: true, value: { v: 1, state: { rows, cols, cells: parsed.data.c } } };
  },
};

/** Every step, oldest first. */
export const MIGRATIONS: readonly MigrationStep[] = [v0ToV1];

/** Version a payload declares: its integer `v`, or 0 for the unversioned pre-release `{ c }` form. */
export function versionOf(payload: unknown): number | null {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) return null;
  const record = payload as Record<string, unknown>;
  if ('v' in record) return Number.isSafeInteger(record.v) ? (record.v as number) : null;
  return 'c' in record ? 0 : null;
}

export type MigrateResult =
  | { readonly ok: true; readonly value: unknown; readonly migratedFrom?: number }
  | { readonly ok: false; readonly error: ShareError };

/**
 * Bring a payload (already checked by parseUntrustedJson) up to `target`, one step at a time.
 * `migrateToCurrent({ c: { A1: "1" } })` → `{ ok: true, value: { v: 1, state: … }, migratedFrom: 0 }`.
 */
export function migrateToCurrent(
  payload: unknown,
  steps: readonly MigrationStep[] = MIGRATIONS,
  target: number = FORMAT_VERSION,
): MigrateResult {
  const declared = versionOf(payload);
  if (declared === null) {
    return { ok: false, error: shareError('badSchema', { path: 'v', issue: 'no format version' }) };
  }
  if (declared < 0 || declared > target) {
    return { ok: false, error: shareError('unknownVersion', { version: declared, current: target }) };
  }
  let value = payload;
  for (let version = declared; version < target; version += 1) {
    const step = steps.find((s) => s.from === version);
    if (step === undefined) return { ok: false, error: shareError('unknownVersion', { version, current: target }) };
    const result = step.up(value);
    if (!result.ok) return result;
    value = result.value;
  }
  return declared === target ? { ok: true, value } : { ok: true, value, migratedFrom: declared };
}

/** The first zod issue as a badSchema error with a dotted path, e.g. "state.pins.0.request.eta". */
export function schemaError(issues: readonly z.core.$ZodIssue[]): ShareError {
  const first = issues[0];
  if (first === undefined) return shareError('badSchema', { path: '(root)', issue: 'invalid' });
  const path = first.path.length === 0 ? '(root)' : first.path.map(String).join('.');
  return shareError('badSchema', { path: path.slice(0, 120), issue: first.message.slice(0, 200) });
}

/** The gradient cell (named grad) of the chapter's layout before the printed gradient was tied to f. */
export const LEGACY_GRADIENT_FORMULA = "=IF(grad_mode='printed',[0.2*x1,2*x2],GRAD(f))";

/**
 * Sheets saved before choice cells existed carry no `validations`. If such a sheet has the
 * chapter's gradient switch (a cell named grad_mode), that cell becomes the choice it always meant
 * to be ('printed' / 'corrected'), so a typo there now shows #VALUE! instead of silently meaning
 * "corrected"; and the chapter's old gradient formula, which kept the printed gradient whatever f
 * was, becomes today's, which refuses it for any other objective. Nothing else changes; a sheet
 * that has choice cells, or no grad_mode, is returned as is.
 * `withChapterChoices(defaultSheetWithoutValidations).validations` → `{ B6: ['printed', 'corrected'] }`
 */
export function withChapterChoices(state: SheetState): SheetState {
  if (state.validations !== undefined) return state;
  const entry = Object.entries(state.names).find(([name]) => name.toLowerCase() === 'grad_mode');
  if (entry === undefined) return state;
  const gradient = Object.entries(state.names).find(([name]) => name.toLowerCase() === 'grad')?.[1];
  const cells = gradient !== undefined && state.cells[gradient] === LEGACY_GRADIENT_FORMULA ? { ...state.cells, [gradient]: GRADIENT_FORMULA } : state.cells;
  return { ...state, cells, validations: { [entry[1]]: GRADIENT_CHOICES } };
}
