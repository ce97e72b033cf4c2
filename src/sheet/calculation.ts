/**
 * The recalculation core behind the engine: raw inputs and their parses, names, the dependency
 * graph, current values and run results. `update` takes what changed (cells, names, size) and
 * re-evaluates only the cells downstream of it, in dependency order, marking cycles #CYCLE!.
 * Knows nothing of undo, charts or the clipboard (engine.ts does).
 */
import type { ComputeRequest } from '../core/runTypes';
import { formatAddress, parseAddress, rangeAddresses, rangeSize, type CellPosition } from './address';
import { evaluateFormula, MAX_RANGE_CELLS, type EvalContext } from './evaluate';
import { orderCone, DependencyGraph } from './graph';
import type { SheetSize } from './history';
import { parseInput, type ParsedInput } from './parse';
import { collectReferences, type FormulaReferences } from './references';
import { applyChoices } from './choices';
import type { RunOutcome } from './runs';
import type { CellAddress, CellValue, RunNeed } from './types';
import { booleanValue, EMPTY, numberValue, sameValue, sheetError, textValue } from './values';

interface CellRecord {
  readonly raw: string;
  readonly parsed: ParsedInput;
  readonly refs: FormulaReferences | null;
}

export interface Binding {
  readonly name: string;
  readonly address: CellAddress;
}

export interface CalculationChange {
  readonly size?: SheetSize;
  /** The complete new set of names (display name → address). */
  readonly names?: Readonly<Record<string, CellAddress>>;
  /** New raw input per address; undefined empties the cell. */
  readonly cells?: ReadonlyMap<CellAddress, string | undefined>;
  /** The complete new set of choice cells (SheetState.validations). */
  readonly validations?: Readonly<Record<CellAddress, readonly string[]>>;
}

/** Run results kept beyond those in use, so undo or a value typed back finds its run at once. */
const RESULT_CACHE_LIMIT = 256;

/** Sort addresses top to bottom, then left to right. */
export function byPosition(a: CellAddress, b: CellAddress): number {
  const pa = parseAddress(a) as CellPosition;
  const pb = parseAddress(b) as CellPosition;
  return pa.row - pb.row || pa.col - pb.col;
}

export class Calculation {
  rows = 1;
  cols = 1;
  private readonly records = new Map<CellAddress, CellRecord>();
  private readonly values = new Map<CellAddress, CellValue>();
  private names = new Map<string, Binding>();
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
  }

  value(address: CellAddress): CellValue {
    return this.values.get(address) ?? EMPTY;
  }

  raw(address: CellAddress): string | undefined {
    return this.records.get(address)?.raw;
  }

  binding(lowerName: string): Binding | undefined {
    return this.names.get(lowerName);
  }

  bindings(): Iterable<Binding> {
    return this.names.values();
  }

  /** Every address holding an input, in no particular order. */
  addresses(): CellAddress[] {
    return [...this.records.keys()];
  }

  /** Raw inputs by address, in sheet order. */
  rawCells(): Map<CellAddress, string> {
    const cells = new Map<CellAddress, string>();
    for (const address of [...this.records.keys()].sort(byPosition)) cells.set(address, (this.records.get(address) as CellRecord).raw);
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
    if (change.size) {
      this.rows = change.size.rows;
      this.cols = change.size.cols;
    }
    if (change.names) {
      const next = new Map<string, Binding>();
      for (const [name, address] of Object.entries(change.names)) next.set(name.toLowerCase(), { name, address });
      for (const lower of new Set([...this.names.keys(), ...next.keys()])) {
        if (this.names.get(lower)?.address !== next.get(lower)?.address) {
          for (const user of this.nameUsers.get(lower) ?? []) touched.add(user);
        }
      }
      this.names = next;
    }
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
    // A new size can bring references into the sheet or push them out: every formula re-resolves.
    if (change.size) for (const address of this.records.keys()) touched.add(address);
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
      const within = (p: CellPosition) => p.row < this.rows && p.col < this.cols;
      for (const ref of refs.refs) if (within(ref)) reads.add(formatAddress(ref));
      for (const range of refs.ranges) {
        if (rangeSize(range) > MAX_RANGE_CELLS) continue;
        const clipped = { ...range, bottom: Math.min(range.bottom, this.rows - 1), right: Math.min(range.right, this.cols - 1) };
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
      this.waiting.delete(address);
      this.runKeys.delete(address);
      const next = cyclic.has(address) ? sheetError('#CYCLE!', 'error.cycle') : applyChoices(this.evaluateCell(address), this.choices[address]);
      const previous = this.values.get(address) ?? EMPTY;
      if (next.kind === 'empty') this.values.delete(address);
      else this.values.set(address, next);
      if (!sameValue(previous, next)) changed.add(address);
    }
    this.evictResults();
    return changed;
  }

  private evaluateCell(address: CellAddress): CellValue {
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

  /** Drop the oldest results no cell uses once the cache is over its limit. */
  private evictResults(): void {
    if (this.results.size <= RESULT_CACHE_LIMIT) return;
    const inUse = new Set<string>(this.retained);
    for (const keys of this.runKeys.values()) for (const key of keys) inUse.add(key);
    for (const key of this.results.keys()) {
      if (this.results.size <= RESULT_CACHE_LIMIT) break;
      if (!inUse.has(key)) this.results.delete(key);
    }
  }
}
