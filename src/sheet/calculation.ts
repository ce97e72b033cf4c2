/**
 * The recalculation core behind the engine: raw inputs and their parses, names, the dependency
 * graph, current values and run results. `update` takes what changed (cells, names, size) and
 * re-evaluates only the cells downstream of it, in dependency order, marking cycles #CYCLE!.
 * One recalculation may spend LIMITS.recalcWork units of work; the formulas it does not reach
 * show #NUM! (error.workLimit) until they are recalculated again.
 * Knows nothing of undo, charts or the clipboard (engine.ts does).
 */
import type { ComputeRequest } from '../core/runTypes';
import { formatAddress, parseAddress, rangeSize, type CellPosition, type CellRange } from './address';
import { evaluateFormula, WORK_LIMIT_ERROR, type EvalContext } from './evaluate';
import { orderCone, DependencyGraph } from './graph';
import type { SheetSize } from './history';
import { LIMITS } from './limits';
import { isFormula, parseInput, type ParsedInput } from './parse';
import { plainValue, readFormula, type Reading } from './reading';
import { applyChoices } from './choices';
import type { RunOutcome } from './runs';
import type { CellAddress, CellValue, RunNeed } from './types';
import { ValueStore } from './valueStore';
import { EMPTY, sameValue, sheetError } from './values';
import { WorkBudget } from './workBudget';

export interface Binding {
  readonly name: string;
  readonly address: CellAddress;
}

export interface CalculationChange {
  readonly size?: SheetSize;
  /** The complete new set of names (display name → address). */
  readonly names?: Readonly<Record<string, CellAddress>>;
  /** New raw input per address; undefined empties the cell. */
  readonly cells?: Iterable<readonly [CellAddress, string | undefined]>;
  /** The complete new set of choice cells (SheetState.validations). */
  readonly validations?: Readonly<Record<CellAddress, readonly string[]>>;
}

/** Sort addresses top to bottom, then left to right. */
export function byPosition(a: CellAddress, b: CellAddress): number {
  const pa = parseAddress(a) as CellPosition;
  const pb = parseAddress(b) as CellPosition;
  return pa.row - pb.row || pa.col - pb.col;
}

const NO_READS: ReadonlySet<CellAddress> = new Set();

export class Calculation {
  rows = 1;
  cols = 1;
  /** Raw input by address: every non-empty cell. */
  private readonly raws = new Map<CellAddress, string>();
  /**
   * The readings of the cells that hold formulas. Plain inputs (numbers, text) keep no more
   * than their text: a pasted column of 100,000 numbers is one map entry per cell.
   */
  private readonly readingOf = new Map<CellAddress, Reading>();
  /** Cells whose formula refers to anything (the only ones a resize can affect). */
  private readonly formulas = new Set<CellAddress>();
  private readonly values = new ValueStore();
  private names = new Map<string, Binding>();
  private namesByAddress = new Map<CellAddress, string>();
  private choices: Readonly<Record<CellAddress, readonly string[]>> = {};
  private readonly graph = new DependencyGraph();
  private readonly nameUsers = new Map<string, Set<CellAddress>>();
  private readonly results = new Map<string, RunOutcome>();
  /** Per cell, the runs its formula asked for and whose result is not known yet. */
  private readonly waiting = new Map<CellAddress, Map<string, ComputeRequest>>();
  /** Per cell, every run key its formula looked up (kept so the cache never evicts a run in use). */
  private readonly runKeys = new Map<CellAddress, ReadonlySet<string>>();
  private evaluating: { needs: Map<string, ComputeRequest>; keys: Set<string> } | null = null;
  /** Run keys something outside the cells holds on to (pinned runs): never evicted. */
  private retained: ReadonlySet<string> = new Set();
  private readonly context: EvalContext;
  private readonly budget = new WorkBudget();
  evaluations = 0;

  constructor() {
    // The context's getters need the engine, and a getter cannot be an arrow function.
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const self = this;
    this.context = {
      get rows() {
        return self.rows;
      },
      get cols() {
        return self.cols;
      },
      cellAt: (row, col) => this.values.at(row, col),
      resolveName: (lowerName) => {
        const binding = this.names.get(lowerName);
        return binding === undefined ? undefined : (parseAddress(binding.address) ?? undefined);
      },
      charge: (units) => this.budget.charge(units),
      runs: {
        lookup: (key) => {
          this.evaluating?.keys.add(key);
          return this.results.get(key);
        },
        need: (key, request) => this.evaluating?.needs.set(key, request),
      },
    };
  }

  value(address: CellAddress): CellValue {
    return this.values.get(address);
  }

  raw(address: CellAddress): string | undefined {
    return this.raws.get(address);
  }

  /** Non-empty cells held. */
  get size(): number {
    return this.raws.size;
  }

  binding(lowerName: string): Binding | undefined {
    return this.names.get(lowerName);
  }

  bindings(): Iterable<Binding> {
    return this.names.values();
  }

  /** The name bound to an address, if any. */
  nameAt(address: CellAddress): string | undefined {
    return this.namesByAddress.get(address);
  }

  /** Raw inputs by address (a live view in no particular order: read it before the next update). */
  rawView(): ReadonlyMap<CellAddress, string> {
    return this.raws;
  }

  /** The raw inputs of the formulas that use any of these (lower-case) names. */
  rawsUsing(lowerNames: Iterable<string>): Map<CellAddress, string> {
    const out = new Map<CellAddress, string>();
    for (const name of lowerNames) for (const user of this.nameUsers.get(name) ?? []) out.set(user, this.raws.get(user) as string);
    return out;
  }

  /** Every address holding an input, in no particular order. */
  addresses(): CellAddress[] {
    return [...this.raws.keys()];
  }

  /** Raw inputs by address, in sheet order. */
  rawCells(): Map<CellAddress, string> {
    const keyed: { key: number; address: CellAddress }[] = [];
    for (const address of this.raws.keys()) {
      const p = parseAddress(address) as CellPosition;
      keyed.push({ key: p.row * LIMITS.cols + p.col, address });
    }
    keyed.sort((a, b) => a.key - b.key);
    const cells = new Map<CellAddress, string>();
    for (const { address } of keyed) cells.set(address, this.raws.get(address) as string);
    return cells;
  }

  namesRecord(): Record<string, CellAddress> {
    const names: Record<string, CellAddress> = {};
    for (const binding of this.names.values()) names[binding.name] = binding.address;
    return names;
  }

  /** Apply a change and recalculate what it affects; returns the addresses whose value changed. */
  update(change: CalculationChange): Set<CellAddress> {
    const touched = new Set<CellAddress>();
    if (change.size && (change.size.rows !== this.rows || change.size.cols !== this.cols)) {
      // Only formulas that reach past the smaller of the two sizes can change with it.
      const rows = Math.min(this.rows, change.size.rows);
      const cols = Math.min(this.cols, change.size.cols);
      for (const address of this.formulas) {
        const reading = this.readingOf.get(address) as Reading;
        if (reading.lastRow >= rows || reading.lastCol >= cols || (reading.refs?.names.length ?? 0) > 0) touched.add(address);
      }
      this.rows = change.size.rows;
      this.cols = change.size.cols;
    }
    if (change.names) this.setNames(change.names, touched);
    if (change.validations) {
      for (const address of new Set([...Object.keys(this.choices), ...Object.keys(change.validations)])) {
        if (this.choices[address] !== change.validations[address]) touched.add(address);
      }
      this.choices = change.validations;
    }
    for (const [address, raw] of change.cells ?? []) {
      this.setRecord(address, raw);
      touched.add(address);
    }
    for (const address of touched) this.resolvePrecedents(address);
    return this.recompute(touched);
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

  /** What is known about a run: its result, why it failed, or undefined when it has not run. */
  outcome(key: string): RunOutcome | undefined {
    return this.results.get(key);
  }

  /** Keep these run keys' results however full the cache gets (pinned runs). */
  retain(keys: ReadonlySet<string>): void {
    this.retained = keys;
  }

  /** A run's outcome arrived: store it and recompute the cells waiting for it. */
  settleRun(key: string, outcome: RunOutcome): Set<CellAddress> {
    this.results.delete(key);
    this.results.set(key, outcome);
    const roots: CellAddress[] = [];
    for (const [address, requests] of this.waiting) if (requests.has(key)) roots.push(address);
    return roots.length === 0 ? new Set() : this.recompute(roots);
  }

  private setNames(names: Readonly<Record<string, CellAddress>>, touched: Set<CellAddress>): void {
    const next = new Map<string, Binding>();
    const byAddress = new Map<CellAddress, string>();
    for (const [name, address] of Object.entries(names)) {
      next.set(name.toLowerCase(), { name, address });
      byAddress.set(address, name);
    }
    for (const lower of new Set([...this.names.keys(), ...next.keys()])) {
      if (this.names.get(lower)?.address !== next.get(lower)?.address) {
        for (const user of this.nameUsers.get(lower) ?? []) touched.add(user);
      }
    }
    this.names = next;
    this.namesByAddress = byAddress;
  }

  private setRecord(address: CellAddress, raw: string | undefined): void {
    const old = this.readingOf.get(address);
    if (old !== undefined) {
      for (const name of old.refs?.names ?? []) this.nameUsers.get(name)?.delete(address);
      this.readingOf.delete(address);
      this.formulas.delete(address);
    }
    if (raw === undefined) {
      this.raws.delete(address);
      return;
    }
    this.raws.set(address, raw);
    if (!isFormula(raw)) return;
    const reading = readFormula(raw);
    this.readingOf.set(address, reading);
    const refs = reading.refs;
    if (refs !== null && (refs.refs.length > 0 || refs.ranges.length > 0 || refs.names.length > 0)) this.formulas.add(address);
    else this.formulas.delete(address);
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
    const reading = this.readingOf.get(address);
    const refs = reading?.refs;
    if (refs === null || refs === undefined) {
      this.graph.setPrecedents(address, NO_READS);
      return;
    }
    const reads = new Set<CellAddress>();
    const ranges: CellRange[] = [];
    // A formula whose ranges are over the limit is an error whatever the cells hold: no edges.
    if ((reading as Reading).rangeCells <= LIMITS.formulaRangeCells) {
      for (const ref of refs.refs) if (ref.row < this.rows && ref.col < this.cols) reads.add(formatAddress(ref));
      for (const range of refs.ranges) if (rangeSize(range) <= LIMITS.rangeCells) ranges.push(range);
      for (const name of refs.names) {
        const binding = this.names.get(name);
        if (binding !== undefined) reads.add(binding.address);
      }
    }
    this.graph.setPrecedents(address, reads, ranges);
  }

  /**
   * Re-evaluate the roots and everything downstream, in dependency order; return what changed.
   * Roots that read nothing (numbers, text, formulas without references) go first and stay out
   * of the ordering walk, so pasting a block of numbers costs no graph search.
   */
  private recompute(roots: Iterable<CellAddress>): Set<CellAddress> {
    const constants: CellAddress[] = [];
    const seeds: CellAddress[] = [];
    for (const root of roots) {
      if (this.formulas.has(root)) seeds.push(root);
      else constants.push(root);
    }
    for (const reader of this.graph.readersOf(constants)) seeds.push(reader);
    const cone = this.graph.cone(seeds);
    // Ordering walks every edge of the cone; past the budget the cone's formulas are not evaluated.
    const ordered = orderCone(this.graph, cone, LIMITS.recalcWork);
    const order = ordered?.order ?? [...cone];
    const cyclic = ordered?.cyclic ?? new Set<CellAddress>();
    const changed = new Set<CellAddress>();
    this.budget.reset();
    const store = (address: CellAddress, value: CellValue) => {
      const position = parseAddress(address);
      if (position === null) return;
      // A choice cell's value must be one of its list, whether typed as text or computed.
      const choices = this.choices[address];
      const next = choices === undefined ? value : applyChoices(value, choices);
      const previous = this.values.at(position.row, position.col);
      if (previous.kind === 'empty' && next.kind === 'empty') return;
      this.values.set(position.row, position.col, next);
      if (!sameValue(previous, next)) changed.add(address);
    };
    for (const address of constants) {
      if (this.waiting.size > 0) this.waiting.delete(address);
      if (this.runKeys.size > 0) this.runKeys.delete(address);
      store(address, this.evaluateCell(address));
    }
    if (ordered === null) this.budget.exhaust();
    for (const address of order) {
      this.waiting.delete(address);
      this.runKeys.delete(address);
      store(address, cyclic.has(address) ? sheetError('#CYCLE!', 'error.cycle') : this.evaluateCell(address));
    }
    this.evictResults();
    return changed;
  }

  private evaluateCell(address: CellAddress): CellValue {
    const raw = this.raws.get(address);
    if (raw === undefined) return EMPTY;
    this.evaluations += 1;
    this.budget.charge(1);
    const reading = this.readingOf.get(address);
    const parsed = reading?.parsed ?? parseInput(raw);
    return parsed.kind === 'formula' ? this.evaluateFormulaCell(address, parsed.node, reading as Reading) : plainValue(parsed);
  }

  private evaluateFormulaCell(address: CellAddress, node: Extract<ParsedInput, { kind: 'formula' }>['node'], reading: Reading): CellValue {
    if (this.budget.exhausted) return WORK_LIMIT_ERROR;
    if (reading.rangeCells > LIMITS.formulaRangeCells) {
      return sheetError('#NUM!', 'error.rangesTooLarge', { count: reading.rangeCells, limit: LIMITS.formulaRangeCells });
    }
    this.evaluating = { needs: new Map(), keys: new Set() };
    let value: CellValue;
    try {
      value = evaluateFormula(node, this.context);
    } catch (error) {
      // A bug in a function body must not escape the engine: it becomes the cell's error.
      value = sheetError('#VALUE!', 'error.unsupportedSyntax', { syntax: error instanceof Error ? error.message : String(error) });
    }
    const { needs, keys } = this.evaluating;
    this.evaluating = null;
    // Spent during this cell: whatever it computed (even through IFERROR) is incomplete.
    if (!this.budget.charge(0)) return WORK_LIMIT_ERROR;
    if (needs.size > 0) this.waiting.set(address, needs);
    if (keys.size > 0) this.runKeys.set(address, keys);
    return value;
  }

  /** Drop the oldest results no cell uses once the cache is over its limit. */
  private evictResults(): void {
    if (this.results.size <= LIMITS.runResultCache) return;
    const inUse = new Set<string>(this.retained);
    for (const keys of this.runKeys.values()) for (const key of keys) inUse.add(key);
    for (const key of this.results.keys()) {
      if (this.results.size <= LIMITS.runResultCache) break;
      if (!inUse.has(key)) this.results.delete(key);
    }
  }
}
