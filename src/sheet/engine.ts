/**
 * The sheet engine: holds raw inputs, parsed formulas, the dependency graph and current values;
 * recalculates incrementally (an edit re-evaluates only the cells that depend on it, in
 * dependency order, cycles marked #CYCLE!); records every mutation for undo; and keeps the run
 * results the worker supplies. Framework-free; never throws across its API.
 */
import type { ComputeRequest, ComputeResult } from '../core/runTypes';
import { formatAddress, normalizeAddress, parseAddress, parseRange, rangeAddresses, rangeSize, type CellPosition } from './address';
import { diffCells, pastePatch, renamePatch, structuralPatch, MAX_SHEET_SIDE, type SheetParts } from './edits';
import { evaluateFormula, MAX_RANGE_CELLS, type EvalContext } from './evaluate';
import { findFunction } from './functions';
import { orderCone, DependencyGraph } from './graph';
import { History, isEmptyPatch, type Patch } from './history';
import { parseInput, type ParsedInput } from './parse';
import { collectReferences, isReservedWord, type FormulaReferences } from './references';
import { divergedRun, type RunOutcome } from './runs';
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
import { EMPTY, numberValue, sameValue, sheetError, textValue, booleanValue } from './values';

interface CellRecord {
  readonly raw: string;
  readonly parsed: ParsedInput;
  readonly refs: FormulaReferences | null;
}

interface Binding {
  readonly name: string;
  readonly address: CellAddress;
}

const NAME_SHAPE = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
/** Run results kept beyond those in use, so undo or a value typed back finds its run at once. */
const RESULT_CACHE_LIMIT = 256;
const NO_CHANGE: ChangeSet = new Set();
/** Largest sheet the engine holds (links are capped lower, by the share schema). */
const MAX_ENGINE_SIDE = 1_000_000;

/** A fresh engine holding `state`: `createEngine(defaultSheet()).value("B4")`. */
export function createEngine(state: SheetState): SheetEngine {
  return new SheetEngine(state);
}

export class SheetEngine implements SheetEngineApi {
  private rowCount = 1;
  private colCount = 1;
  private readonly records = new Map<CellAddress, CellRecord>();
  private readonly values = new Map<CellAddress, CellValue>();
  private names = new Map<string, Binding>();
  private colWidths: Readonly<Record<string, number>> = {};
  private charts: readonly ChartBinding[] = [];
  private pins: readonly Pin[] = [];
  private readonly graph = new DependencyGraph();
  private readonly nameUsers = new Map<string, Set<CellAddress>>();
  private readonly results = new Map<string, RunOutcome>();
  /** Per cell, the runs its formula asked for and whose result is not known yet. */
  private readonly waiting = new Map<CellAddress, Map<string, ComputeRequest>>();
  /** Per cell, every run key its formula looked up (kept so the cache never evicts a run in use). */
  private readonly runKeys = new Map<CellAddress, ReadonlySet<string>>();
  private readonly history = new History(200);
  private evaluating: { needs: Map<string, ComputeRequest>; keys: Set<string> } | null = null;
  private evaluations = 0;

  private readonly context: EvalContext;

  constructor(state: SheetState) {
    const self = this;
    this.context = {
      get rows() {
        return self.rowCount;
      },
      get cols() {
        return self.colCount;
      },
      cellValue: (position) => this.values.get(formatAddress(position)) ?? EMPTY,
      resolveName: (lowerName) => {
        const binding = this.names.get(lowerName);
        return binding === undefined ? undefined : (parseAddress(binding.address) ?? undefined);
      },
      runs: {
        lookup: (key) => {
          this.evaluating?.keys.add(key);
          return this.results.get(key);
        },
        need: (key, request) => this.evaluating?.needs.set(key, request),
      },
    };
    this.load(state);
  }

  /** How many cell evaluations the engine has performed (for tests of incremental recalculation). */
  get evaluationCount(): number {
    return this.evaluations;
  }

  get rows(): number {
    return this.rowCount;
  }

  get cols(): number {
    return this.colCount;
  }

  raw(address: CellAddress): string {
    const key = normalizeAddress(address);
    return key === null ? '' : (this.records.get(key)?.raw ?? '');
  }

  value(address: CellAddress): CellValue {
    const key = normalizeAddress(address);
    return key === null ? sheetError('#REF!', 'error.invalidAddress', { address }) : (this.values.get(key) ?? EMPTY);
  }

  /** The run a cell shows, also when it diverged (the value is then #DIVERGED). For charts. */
  runAt(address: CellAddress): RunValue | undefined {
    const value = this.value(address);
    return value.kind === 'run' ? value : divergedRun(value);
  }

  nameOf(address: CellAddress): string | undefined {
    const key = normalizeAddress(address);
    for (const binding of this.names.values()) if (binding.address === key) return binding.name;
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
      const before = cells.get(key)?.before ?? this.records.get(key)?.raw;
      if (before === after) cells.delete(key);
      else cells.set(key, { before, after });
    }
    return this.commit({ cells });
  }

  setName(address: CellAddress, name: string | null): ErrorValue | ChangeSet {
    const key = this.inside(address);
    if (key === null) return sheetError('#REF!', 'error.invalidAddress', { address });
    const next: Record<string, CellAddress> = {};
    const renames = new Map<string, string>();
    for (const binding of this.names.values()) {
      if (binding.address !== key) next[binding.name] = binding.address;
      else if (name !== null) renames.set(binding.name.toLowerCase(), name);
    }
    if (name !== null) {
      const trimmed = name.trim();
      if (!this.isValidName(trimmed)) return sheetError('#NAME?', 'error.invalidName', { name: trimmed });
      const taken = this.names.get(trimmed.toLowerCase());
      if (taken !== undefined && taken.address !== key) return sheetError('#NAME?', 'error.nameTaken', { name: trimmed, cell: taken.address });
      renames.delete(trimmed.toLowerCase());
      for (const [old] of renames) renames.set(old, trimmed);
      next[trimmed] = key;
    }
    // Renaming a cell's name rewrites the formulas that used the old one, in the same undo step.
    return this.commit(renamePatch(this.parts(), renames, next));
  }

  pasteTsv(target: CellAddress, tsv: string, source?: CellAddress): ChangeSet {
    const to = parseAddress(target);
    if (to === null || typeof tsv !== 'string') return NO_CHANGE;
    const from = source === undefined ? undefined : (parseAddress(source) ?? undefined);
    return this.commit(pastePatch(this.parts(), to, parseTsv(tsv), from));
  }

  copyTsv(range: string): string {
    const parsed = parseRange(range);
    if (parsed === null || rangeSize(parsed) > MAX_RANGE_CELLS) return '';
    const rows: string[][] = [];
    for (let row = parsed.top; row <= parsed.bottom; row += 1) {
      const fields: string[] = [];
      for (let col = parsed.left; col <= parsed.right; col += 1) fields.push(this.records.get(formatAddress({ row, col }))?.raw ?? '');
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
    const letters = column.toUpperCase();
    if (!/^[A-Z]{1,3}$/.test(letters) || !Number.isFinite(width) || width < 0) return;
    if (this.colWidths[letters] === width) return;
    this.commit({ cells: new Map(), colWidths: { before: this.colWidths, after: { ...this.colWidths, [letters]: width } } });
  }

  /** Replace the chart bindings (one undo step). */
  setCharts(charts: readonly ChartBinding[]): ChangeSet {
    return this.commit({ cells: new Map(), charts: { before: this.charts, after: [...charts] } });
  }

  /** Replace the pinned runs (one undo step). */
  setPins(pins: readonly Pin[]): ChangeSet {
    return this.commit({ cells: new Map(), pins: { before: this.pins, after: [...pins] } });
  }

  /** Replace the whole sheet, e.g. with a preset (one undo step). */
  loadState(state: SheetState): ChangeSet {
    const next = normalizeState(state);
    return this.commit({
      cells: diffCells(this.parts().cells, new Map(Object.entries(next.cells))),
      names: { before: this.parts().names, after: next.names },
      size: { before: { rows: this.rowCount, cols: this.colCount }, after: { rows: next.rows, cols: next.cols } },
      colWidths: { before: this.colWidths, after: next.colWidths },
      charts: { before: this.charts, after: next.charts },
      pins: { before: this.pins, after: next.pins },
    });
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
    const needs = new Map<string, { request: ComputeRequest; cells: CellAddress[] }>();
    for (const [address, requests] of this.waiting) {
      for (const [key, request] of requests) {
        const need = needs.get(key) ?? { request, cells: [] };
        need.cells.push(address);
        needs.set(key, need);
      }
    }
    return [...needs].map(([key, need]) => ({ key, request: need.request, cells: need.cells.sort(byPosition) }));
  }

  supplyRunResult(key: string, result: ComputeResult): ChangeSet {
    return this.settleRun(key, { ok: true, result });
  }

  /** A run failed in the worker: the cells waiting on it show #N/A with the message. */
  supplyRunFailure(key: string, message: string): ChangeSet {
    return this.settleRun(key, { ok: false, message: String(message) });
  }

  toState(): SheetState {
    const addresses = [...this.records.keys()].sort(byPosition);
    const names: Record<string, CellAddress> = {};
    for (const binding of this.names.values()) names[binding.name] = binding.address;
    return {
      rows: this.rowCount,
      cols: this.colCount,
      cells: Object.fromEntries(addresses.map((a) => [a, (this.records.get(a) as CellRecord).raw])),
      names,
      colWidths: { ...this.colWidths },
      charts: [...this.charts],
      pins: [...this.pins],
    };
  }

  // ——— internals ———

  private load(state: SheetState): void {
    const next = normalizeState(state);
    this.apply({
      cells: diffCells(new Map(), new Map(Object.entries(next.cells))),
      names: { before: {}, after: next.names },
      size: { before: { rows: 1, cols: 1 }, after: { rows: next.rows, cols: next.cols } },
      colWidths: { before: {}, after: next.colWidths },
      charts: { before: [], after: next.charts },
      pins: { before: [], after: next.pins },
    });
  }

  private parts(): SheetParts {
    const names: Record<string, CellAddress> = {};
    for (const binding of this.names.values()) names[binding.name] = binding.address;
    const cells = new Map<CellAddress, string>();
    for (const [address, record] of this.records) cells.set(address, record.raw);
    return { rows: this.rowCount, cols: this.colCount, cells, names, colWidths: this.colWidths, charts: this.charts, pins: this.pins };
  }

  private inside(address: CellAddress): CellAddress | null {
    const position = typeof address === 'string' ? parseAddress(address) : null;
    if (position === null || position.row >= this.rowCount || position.col >= this.colCount) return null;
    return formatAddress(position);
  }

  private isValidName(name: string): boolean {
    return NAME_SHAPE.test(name) && parseAddress(name) === null && !isReservedWord(name) && findFunction(name) === undefined;
  }

  private structural(axis: 'row' | 'col', op: 'insert' | 'delete', at: number, count: number): ChangeSet {
    const size = axis === 'row' ? this.rowCount : this.colCount;
    if (!Number.isInteger(at) || !Number.isInteger(count) || count < 1 || at < 0) return NO_CHANGE;
    if (op === 'insert' && (at > size || size + count > MAX_SHEET_SIDE)) return NO_CHANGE;
    // A sheet keeps at least one row and one column.
    const deletable = op === 'delete' ? Math.min(count, size - at, size - 1) : count;
    if (deletable < 1) return NO_CHANGE;
    return this.commit(structuralPatch(this.parts(), axis, op, at, deletable));
  }

  private commit(patch: Patch): ChangeSet {
    if (isEmptyPatch(patch)) return NO_CHANGE;
    this.history.record(patch);
    return this.apply(patch);
  }

  /** Apply a patch forwards and recalculate what it affects. */
  private apply(patch: Patch): ChangeSet {
    const reResolve = new Set<CellAddress>();
    let everything = false;
    if (patch.size) {
      this.rowCount = patch.size.after.rows;
      this.colCount = patch.size.after.cols;
      everything = true;
    }
    if (patch.names) {
      const next = new Map<string, Binding>();
      for (const [name, address] of Object.entries(patch.names.after)) next.set(name.toLowerCase(), { name, address });
      for (const lower of new Set([...this.names.keys(), ...next.keys()])) {
        if (this.names.get(lower)?.address !== next.get(lower)?.address) {
          for (const user of this.nameUsers.get(lower) ?? []) reResolve.add(user);
        }
      }
      this.names = next;
    }
    for (const [address, change] of patch.cells) {
      this.setRecord(address, change.after);
      reResolve.add(address);
    }
    if (patch.colWidths) this.colWidths = patch.colWidths.after;
    if (patch.charts) this.charts = patch.charts.after;
    if (patch.pins) this.pins = patch.pins.after;
    if (everything) for (const address of this.records.keys()) reResolve.add(address);
    for (const address of reResolve) this.resolvePrecedents(address);
    const changed = this.recompute(reResolve);
    for (const address of patch.cells.keys()) changed.add(address);
    return changed;
  }

  private setRecord(address: CellAddress, raw: string | undefined): void {
    const old = this.records.get(address);
    for (const name of old?.refs?.names ?? []) this.nameUsers.get(name)?.delete(address);
    if (raw === undefined) {
      this.records.delete(address);
      return;
    }
    const parsed = parseInput(raw);
    const refs = parsed.kind === 'formula' ? collectReferences(parsed.node) : null;
    this.records.set(address, { raw, parsed, refs });
    for (const name of refs?.names ?? []) {
      let users = this.nameUsers.get(name);
      if (users === undefined) {
        users = new Set();
        this.nameUsers.set(name, users);
      }
      users.add(address);
    }
  }

  /** Rebuild the graph edges of one cell from its references, ranges and names. */
  private resolvePrecedents(address: CellAddress): void {
    const refs = this.records.get(address)?.refs;
    const reads = new Set<CellAddress>();
    if (refs) {
      const within = (p: CellPosition) => p.row < this.rowCount && p.col < this.colCount;
      for (const ref of refs.refs) if (within(ref)) reads.add(formatAddress(ref));
      for (const range of refs.ranges) {
        if (rangeSize(range) > MAX_RANGE_CELLS) continue;
        const clipped = { ...range, bottom: Math.min(range.bottom, this.rowCount - 1), right: Math.min(range.right, this.colCount - 1) };
        if (clipped.bottom >= clipped.top && clipped.right >= clipped.left) for (const a of rangeAddresses(clipped)) reads.add(a);
      }
      for (const name of refs.names) {
        const binding = this.names.get(name);
        if (binding !== undefined) reads.add(binding.address);
      }
    }
    this.graph.setPrecedents(address, reads);
  }

  /** Re-evaluate the roots and everything downstream, in dependency order; return what changed. */
  private recompute(roots: Iterable<CellAddress>): Set<CellAddress> {
    const cone = this.graph.cone(roots);
    const { order, cyclic } = orderCone(this.graph, cone);
    const changed = new Set<CellAddress>();
    for (const address of order) {
      const next = cyclic.has(address) ? this.cycleValue(address) : this.evaluateCell(address);
      const previous = this.values.get(address) ?? EMPTY;
      if (next.kind === 'empty') this.values.delete(address);
      else this.values.set(address, next);
      if (!sameValue(previous, next)) changed.add(address);
    }
    this.evictResults();
    return changed;
  }

  private cycleValue(address: CellAddress): CellValue {
    this.waiting.delete(address);
    this.runKeys.delete(address);
    return sheetError('#CYCLE!', 'error.cycle');
  }

  private evaluateCell(address: CellAddress): CellValue {
    this.waiting.delete(address);
    this.runKeys.delete(address);
    const record = this.records.get(address);
    if (record === undefined) return EMPTY;
    this.evaluations += 1;
    const parsed = record.parsed;
    switch (parsed.kind) {
      case 'empty':
        return EMPTY;
      case 'number':
        return numberValue(parsed.value);
      case 'boolean':
        return booleanValue(parsed.value);
      case 'text':
        return textValue(parsed.value);
      case 'invalid':
        return sheetError('#ERROR!', 'error.parse', { message: parsed.message });
      case 'formula': {
        this.evaluating = { needs: new Map(), keys: new Set() };
        try {
          return evaluateFormula(parsed.node, this.context);
        } catch (error) {
          // A bug in a function body must not escape the engine: it becomes the cell's error.
          return sheetError('#VALUE!', 'error.unsupportedSyntax', { syntax: error instanceof Error ? error.message : String(error) });
        } finally {
          const { needs, keys } = this.evaluating;
          this.evaluating = null;
          if (needs.size > 0) this.waiting.set(address, needs);
          if (keys.size > 0) this.runKeys.set(address, keys);
        }
      }
    }
  }

  private settleRun(key: string, outcome: RunOutcome): ChangeSet {
    this.results.delete(key);
    this.results.set(key, outcome);
    const roots: CellAddress[] = [];
    for (const [address, requests] of this.waiting) if (requests.has(key)) roots.push(address);
    return roots.length === 0 ? NO_CHANGE : this.recompute(roots);
  }

  /** Drop the oldest results no cell uses once the cache is over its limit. */
  private evictResults(): void {
    if (this.results.size <= RESULT_CACHE_LIMIT) return;
    const inUse = new Set<string>();
    for (const keys of this.runKeys.values()) for (const key of keys) inUse.add(key);
    for (const key of this.results.keys()) {
      if (this.results.size <= RESULT_CACHE_LIMIT) break;
      if (!inUse.has(key)) this.results.delete(key);
    }
  }
}

function byPosition(a: CellAddress, b: CellAddress): number {
  const pa = parseAddress(a) as CellPosition;
  const pb = parseAddress(b) as CellPosition;
  return pa.row - pb.row || pa.col - pb.col;
}

/** A state with sane sizes and only valid addresses inside the grid; nothing is thrown for bad input. */
function normalizeState(state: SheetState): SheetState {
  const whole = (n: unknown, fallback: number) => (typeof n === 'number' && Number.isInteger(n) && n >= 1 ? Math.min(n, MAX_ENGINE_SIDE) : fallback);
  const rows = whole(state?.rows, 50);
  const cols = whole(state?.cols, 10);
  const fits = (address: string): CellAddress | null => {
    const position = parseAddress(address);
    return position !== null && position.row < rows && position.col < cols ? formatAddress(position) : null;
  };
  const cells: Record<CellAddress, string> = {};
  for (const [address, raw] of Object.entries(state?.cells ?? {})) {
    const key = fits(address);
    if (key !== null && typeof raw === 'string' && raw.trim() !== '') cells[key] = raw;
  }
  const names: Record<string, CellAddress> = {};
  for (const [name, address] of Object.entries(state?.names ?? {})) {
    const key = typeof address === 'string' ? fits(address) : null;
    if (key !== null && NAME_SHAPE.test(name)) names[name] = key;
  }
  return {
    rows,
    cols,
    cells,
    names,
    colWidths: { ...(state?.colWidths ?? {}) },
    charts: [...(state?.charts ?? [])],
    pins: [...(state?.pins ?? [])],
  };
}

export { requestKey };
