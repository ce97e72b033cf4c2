/**
 * The sheet engine, as the store, the CLI and the tests use it (SheetEngineApi). Every mutation
 * becomes one Patch: recorded for undo, then applied to the recalculation core, which
 * re-evaluates only the cells downstream of the change. Framework-free; nothing is thrown
 * across this API: bad input is ignored or answered with an error value.
 */
import type { ComputeResult } from '../core/runTypes';
import { formatAddress, normalizeAddress, parseAddress, parseRange, rangeSize } from './address';
import { Calculation } from './calculation';
import { sanitizeValidations } from './choices';
import { diffCells, MAX_SHEET_SIDE, pastePatch, renamePatch, structuralPatch, type SheetParts } from './edits';
import { MAX_RANGE_CELLS } from './evaluate';
import { findFunction } from './functions';
import { History, isEmptyPatch, type Patch } from './history';
import { isReservedWord } from './references';
import { runValueOf, type RunOutcome } from './runs';
import { requestKey } from './runKey';
import { formatTsv, parseTsv } from './tsv';
import type {
  CellAddress,
  CellValue,
  ChangeSet,
  ChartBinding,
  ErrorValue,
  Pin,
  RunNeed,
  RunValue,
  SheetEngineApi,
  SheetState,
} from './types';
import { sheetError } from './values';

const NAME_SHAPE = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const NO_CHANGE: ChangeSet = new Set();
/** Largest sheet the engine holds (links are capped lower, by the share schema). */
const MAX_ENGINE_SIDE = 1_000_000;

/** A fresh engine holding `state`: `createEngine(defaultSheet()).value("B3").kind === 'objective'`. */
export function createEngine(state: SheetState): SheetEngine {
  return new SheetEngine(state);
}

export class SheetEngine implements SheetEngineApi {
  private readonly calc = new Calculation();
  private readonly history = new History(200);
  private colWidths: Readonly<Record<string, number>> = {};
  private charts: readonly ChartBinding[] = [];
  private pins: readonly Pin[] = [];
  private validations: Readonly<Record<CellAddress, readonly string[]>> = {};

  constructor(state: SheetState) {
    this.apply(replacementPatch({ rows: 1, cols: 1, cells: {}, names: {}, colWidths: {}, charts: [], pins: [], validations: {} }, state));
  }

  /** How many cell evaluations the engine has performed (for tests of incremental recalculation). */
  get evaluationCount(): number {
    return this.calc.evaluations;
  }

  get rows(): number {
    return this.calc.rows;
  }

  get cols(): number {
    return this.calc.cols;
  }

  raw(address: CellAddress): string {
    const key = normalizeAddress(address);
    return key === null ? '' : (this.calc.raw(key) ?? '');
  }

  value(address: CellAddress): CellValue {
    const key = normalizeAddress(address);
    return key === null ? sheetError('#REF!', 'error.invalidAddress', { address }) : this.calc.value(key);
  }

  runAt(address: CellAddress): RunValue | undefined {
    const value = this.value(address);
    return value.kind === 'run' ? value : undefined;
  }

  choicesAt(address: CellAddress): readonly string[] | undefined {
    const key = normalizeAddress(address);
    return key === null ? undefined : this.validations[key];
  }

  nameOf(address: CellAddress): string | undefined {
    const key = normalizeAddress(address);
    for (const binding of this.calc.bindings()) if (binding.address === key) return binding.name;
    return undefined;
  }

  setCell(address: CellAddress, raw: string): ChangeSet {
    return this.setCells([[address, raw]]);
  }

  setCells(entries: ReadonlyArray<readonly [CellAddress, string]>): ChangeSet {
    const cells = new Map<CellAddress, { before: string | undefined; after: string | undefined }>();
    for (const [address, raw] of entries) {
      const key = this.inside(address);
      if (key === null || typeof raw !== 'string') continue;
      const after = raw.trim() === '' ? undefined : raw;
      const before = cells.get(key)?.before ?? this.calc.raw(key);
      if (before === after) cells.delete(key);
      else cells.set(key, { before, after });
    }
    return this.commit({ cells });
  }

  setName(address: CellAddress, name: string | null): ErrorValue | ChangeSet {
    const key = this.inside(address);
    if (key === null) return sheetError('#REF!', 'error.invalidAddress', { address: String(address) });
    const next: Record<string, CellAddress> = {};
    const renames = new Map<string, string>();
    for (const binding of this.calc.bindings()) {
      if (binding.address !== key) next[binding.name] = binding.address;
      else if (name !== null) renames.set(binding.name.toLowerCase(), '');
    }
    if (name !== null) {
      const trimmed = String(name).trim();
      if (!this.isValidName(trimmed)) return sheetError('#NAME?', 'error.invalidName', { name: trimmed });
      const taken = this.calc.binding(trimmed.toLowerCase());
      if (taken !== undefined && taken.address !== key) return sheetError('#NAME?', 'error.nameTaken', { name: trimmed, cell: taken.address });
      renames.delete(trimmed.toLowerCase());
      for (const old of renames.keys()) renames.set(old, trimmed);
      next[trimmed] = key;
    }
    const current = this.calc.namesRecord();
    if (renames.size === 0 && sameRecord(current, next)) return NO_CHANGE;
    // Renaming a cell's name rewrites the formulas that used the old one, in the same undo step.
    return this.commit(renamePatch(this.parts(), renames, next));
  }

  pasteTsv(target: CellAddress, tsv: string, source?: CellAddress): ChangeSet {
    const to = parseAddress(String(target));
    if (to === null || typeof tsv !== 'string') return NO_CHANGE;
    const from = source === undefined ? undefined : (parseAddress(String(source)) ?? undefined);
    return this.commit(pastePatch(this.parts(), to, parseTsv(tsv), from));
  }

  copyTsv(range: string): string {
    const parsed = parseRange(String(range));
    if (parsed === null || rangeSize(parsed) > MAX_RANGE_CELLS) return '';
    const rows: string[][] = [];
    for (let row = parsed.top; row <= parsed.bottom; row += 1) {
      const fields: string[] = [];
      for (let col = parsed.left; col <= parsed.right; col += 1) fields.push(this.calc.raw(formatAddress({ row, col })) ?? '');
      rows.push(fields);
    }
    return formatTsv(rows);
  }

  insertRows(at: number, count: number): ChangeSet {
    return this.structural('row', 'insert', at, count);
  }

  deleteRows(at: number, count: number): ChangeSet {
    return this.structural('row', 'delete', at, count);
  }

  insertCols(at: number, count: number): ChangeSet {
    return this.structural('col', 'insert', at, count);
  }

  deleteCols(at: number, count: number): ChangeSet {
    return this.structural('col', 'delete', at, count);
  }

  setColWidth(column: string, width: number): void {
    const letters = String(column).toUpperCase();
    if (!/^[A-Z]{1,3}$/.test(letters) || !Number.isFinite(width) || width < 0 || this.colWidths[letters] === width) return;
    this.commit({ cells: new Map(), colWidths: { before: this.colWidths, after: { ...this.colWidths, [letters]: width } } });
  }

  colWidth(column: string): number | undefined {
    return this.colWidths[String(column).toUpperCase()];
  }

  setCharts(charts: readonly ChartBinding[]): ChangeSet {
    return this.commit({ cells: new Map(), charts: { before: this.charts, after: [...charts] } });
  }

  setPins(pins: readonly Pin[]): ChangeSet {
    return this.commit({ cells: new Map(), pins: { before: this.pins, after: [...pins] } });
  }

  loadState(state: SheetState): ChangeSet {
    return this.commit(replacementPatch(this.toState(), state));
  }

  undo(): ChangeSet {
    const patch = this.history.undo();
    return patch === null ? NO_CHANGE : this.apply(patch);
  }

  redo(): ChangeSet {
    const patch = this.history.redo();
    return patch === null ? NO_CHANGE : this.apply(patch);
  }

  canUndo(): boolean {
    return this.history.canUndo();
  }

  canRedo(): boolean {
    return this.history.canRedo();
  }

  runNeeds(): readonly RunNeed[] {
    const needs = [...this.calc.runNeeds()];
    // Pinned runs are ordinary runs of the engine: waited for under their own pseudo-cell.
    for (const pin of this.pins) {
      const key = requestKey(pin.request);
      if (this.calc.outcome(key) !== undefined) continue;
      const index = needs.findIndex((need) => need.key === key);
      const cell = `pin:${pin.id}`;
      if (index >= 0) needs[index] = { ...needs[index], cells: [...needs[index].cells, cell] };
      else needs.push({ key, request: pin.request, cells: [cell] });
    }
    return needs;
  }

  pinRun(id: string): RunValue | undefined {
    const pin = this.pins.find((candidate) => candidate.id === id);
    if (pin === undefined || (pin.request.kind !== 'path2d' && pin.request.kind !== 'regression')) return undefined;
    const outcome = this.calc.outcome(requestKey(pin.request));
    return outcome?.ok === true ? (runValueOf(pin.request, outcome.result) ?? undefined) : undefined;
  }

  supplyRunResult(key: string, result: ComputeResult): ChangeSet {
    return this.settle(key, { ok: true, result });
  }

  supplyRunFailure(key: string, message: string): ChangeSet {
    return this.settle(key, { ok: false, message: String(message) });
  }

  /** Names by display name (a cheap copy, no full state). */
  toNames(): Record<string, CellAddress> {
    return this.calc.namesRecord();
  }

  columnWidths(): Readonly<Record<string, number>> {
    return this.colWidths;
  }

  chartBindings(): readonly ChartBinding[] {
    return this.charts;
  }

  pinned(): readonly Pin[] {
    return this.pins;
  }

  /** Every address holding an input, in no particular order. */
  addresses(): CellAddress[] {
    return this.calc.addresses();
  }

  toState(): SheetState {
    return {
      rows: this.calc.rows,
      cols: this.calc.cols,
      cells: Object.fromEntries(this.calc.rawCells()),
      names: this.calc.namesRecord(),
      colWidths: { ...this.colWidths },
      charts: [...this.charts],
      pins: [...this.pins],
      ...(Object.keys(this.validations).length > 0 ? { validations: { ...this.validations } } : {}),
    };
  }

  private settle(key: string, outcome: RunOutcome): ChangeSet {
    return typeof key === 'string' ? this.calc.settleRun(key, outcome) : NO_CHANGE;
  }

  private parts(): SheetParts {
    const { rows, cols } = this.calc;
    return {
      rows,
      cols,
      cells: this.calc.rawCells(),
      names: this.calc.namesRecord(),
      colWidths: this.colWidths,
      charts: this.charts,
      pins: this.pins,
      validations: this.validations,
    };
  }

  private inside(address: CellAddress): CellAddress | null {
    const position = typeof address === 'string' ? parseAddress(address) : null;
    if (position === null || position.row >= this.calc.rows || position.col >= this.calc.cols) return null;
    return formatAddress(position);
  }

  private isValidName(name: string): boolean {
    return NAME_SHAPE.test(name) && parseAddress(name) === null && !isReservedWord(name) && findFunction(name) === undefined;
  }

  private structural(axis: 'row' | 'col', op: 'insert' | 'delete', at: number, count: number): ChangeSet {
    const size = axis === 'row' ? this.calc.rows : this.calc.cols;
    if (!Number.isInteger(at) || !Number.isInteger(count) || count < 1 || at < 0) return NO_CHANGE;
    if (op === 'insert' && (at > size || size + count > MAX_SHEET_SIDE)) return NO_CHANGE;
    // A sheet keeps at least one row and one column.
    const applicable = op === 'delete' ? Math.min(count, size - at, size - 1) : count;
    if (applicable < 1) return NO_CHANGE;
    return this.commit(structuralPatch(this.parts(), axis, op, at, applicable));
  }

  private commit(patch: Patch): ChangeSet {
    if (isEmptyPatch(patch)) return NO_CHANGE;
    this.history.record(patch);
    return this.apply(patch);
  }

  /** Apply a patch forwards: the persisted extras here, cells, names and size to the core. */
  private apply(patch: Patch): ChangeSet {
    if (patch.colWidths) this.colWidths = patch.colWidths.after;
    if (patch.charts) this.charts = patch.charts.after;
    if (patch.pins) {
      this.pins = patch.pins.after;
      this.calc.retain(new Set(this.pins.map((pin) => requestKey(pin.request))));
    }
    if (patch.validations) this.validations = patch.validations.after;
    const cells = new Map<CellAddress, string | undefined>();
    for (const [address, change] of patch.cells) cells.set(address, change.after);
    const changed = this.calc.update({ size: patch.size?.after, names: patch.names?.after, cells, validations: patch.validations?.after });
    for (const address of patch.cells.keys()) changed.add(address);
    return changed;
  }
}

function sameRecord(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/** The patch that turns `current` into (a sanitised) `next`: sizes clamped, invalid cells and names dropped. */
function replacementPatch(current: SheetState, next: SheetState): Patch {
  const whole = (n: unknown, fallback: number) => (typeof n === 'number' && Number.isInteger(n) && n >= 1 ? Math.min(n, MAX_ENGINE_SIDE) : fallback);
  const rows = whole(next?.rows, 50);
  const cols = whole(next?.cols, 10);
  const fits = (address: unknown): CellAddress | null => {
    const position = typeof address === 'string' ? parseAddress(address) : null;
    return position !== null && position.row < rows && position.col < cols ? formatAddress(position) : null;
  };
  const cells = new Map<CellAddress, string>();
  for (const [address, raw] of Object.entries(next?.cells ?? {})) {
    const key = fits(address);
    if (key !== null && typeof raw === 'string' && raw.trim() !== '') cells.set(key, raw);
  }
  const names: Record<string, CellAddress> = {};
  for (const [name, address] of Object.entries(next?.names ?? {})) {
    const key = fits(address);
    if (key !== null && NAME_SHAPE.test(name)) names[name] = key;
  }
  return {
    cells: diffCells(new Map(Object.entries(current.cells)), cells),
    names: { before: current.names, after: names },
    size: { before: { rows: current.rows, cols: current.cols }, after: { rows, cols } },
    colWidths: { before: current.colWidths, after: { ...(next?.colWidths ?? {}) } },
    charts: { before: current.charts, after: [...(next?.charts ?? [])] },
    pins: { before: current.pins, after: [...(next?.pins ?? [])] },
    validations: { before: current.validations ?? {}, after: sanitizeValidations(next?.validations, fits) },
  };
}
