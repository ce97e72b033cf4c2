/**
 * The dependency graph between cells, and the order in which an edit's consequences are
 * recomputed. Every walk here is iterative (explicit stacks), so a chain of 100 000 formulas
 * neither overflows the call stack nor takes more than linear time.
 */
import type { CellAddress } from './types';

export class DependencyGraph {
  private readonly precedents = new Map<CellAddress, ReadonlySet<CellAddress>>();
  private readonly dependents = new Map<CellAddress, Set<CellAddress>>();

  /** Replace what `cell` reads from. */
  setPrecedents(cell: CellAddress, reads: ReadonlySet<CellAddress>): void {
    for (const old of this.precedents.get(cell) ?? []) {
      const set = this.dependents.get(old);
      set?.delete(cell);
      if (set !== undefined && set.size === 0) this.dependents.delete(old);
    }
    if (reads.size === 0) {
      this.precedents.delete(cell);
      return;
    }
    this.precedents.set(cell, reads);
    for (const source of reads) {
      let set = this.dependents.get(source);
      if (set === undefined) {
        set = new Set();
        this.dependents.set(source, set);
      }
      set.add(cell);
    }
  }

  precedentsOf(cell: CellAddress): ReadonlySet<CellAddress> {
    return this.precedents.get(cell) ?? EMPTY_SET;
  }

  dependentsOf(cell: CellAddress): ReadonlySet<CellAddress> {
    return this.dependents.get(cell) ?? EMPTY_SET;
  }

  /** The roots and everything that depends on them, directly or not. */
  cone(roots: Iterable<CellAddress>): Set<CellAddress> {
    const seen = new Set<CellAddress>();
    const stack: CellAddress[] = [];
    for (const root of roots) {
      if (!seen.has(root)) {
        seen.add(root);
        stack.push(root);
      }
    }
    while (stack.length > 0) {
      const cell = stack.pop() as CellAddress;
      for (const next of this.dependentsOf(cell)) {
        if (!seen.has(next)) {
          seen.add(next);
          stack.push(next);
        }
      }
    }
    return seen;
  }
}

const EMPTY_SET: ReadonlySet<CellAddress> = new Set();

export interface EvaluationOrder {
  /** Every cell of the cone, each after all the cells it reads (cycle members in any order). */
  readonly order: readonly CellAddress[];
  /** Cells on a cycle: members of a strongly connected component of size > 1, or reading themselves. */
  readonly cyclic: ReadonlySet<CellAddress>;
}

interface Frame {
  readonly id: number;
  readonly next: Iterator<CellAddress>;
}

/**
 * Order a cone for evaluation and find its cycles, with an iterative Tarjan walk along
 * dependent edges. Tarjan emits each strongly connected component after every component it
 * reaches, i.e. dependents first, so the emitted list reversed is a valid evaluation order.
 * Cells get small integer ids on first visit so the hot loop works on arrays, not maps.
 * `orderCone(graph, graph.cone(["A1"]))`
 */
export function orderCone(graph: DependencyGraph, cone: ReadonlySet<CellAddress>): EvaluationOrder {
  const ids = new Map<CellAddress, number>();
  const cells: CellAddress[] = [];
  const low: number[] = [];
  const onStack: boolean[] = [];
  const stack: number[] = [];
  const emitted: CellAddress[] = [];
  const cyclic = new Set<CellAddress>();
  const frames: Frame[] = [];

  const enter = (cell: CellAddress): void => {
    const id = cells.length;
    ids.set(cell, id);
    cells.push(cell);
    low.push(id);
    onStack.push(true);
    stack.push(id);
    frames.push({ id, next: graph.dependentsOf(cell)[Symbol.iterator]() });
  };

  for (const start of cone) {
    if (ids.has(start)) continue;
    enter(start);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1];
      const step = frame.next.next();
      if (!step.done) {
        const next = step.value;
        if (!cone.has(next)) continue;
        const seen = ids.get(next);
        if (seen === undefined) enter(next);
        else {
          if (seen === frame.id) cyclic.add(next);
          if (onStack[seen] && seen < low[frame.id]) low[frame.id] = seen;
        }
        continue;
      }
      frames.pop();
      const id = frame.id;
      if (frames.length > 0) {
        const parent = frames[frames.length - 1].id;
        if (low[id] < low[parent]) low[parent] = low[id];
      }
      // The id doubles as Tarjan's discovery index: ids are handed out in visiting order.
      if (low[id] === id) {
        let size = 0;
        let member: number;
        const first = emitted.length;
        do {
          member = stack.pop() as number;
          onStack[member] = false;
          emitted.push(cells[member]);
          size += 1;
        } while (member !== id);
        if (size > 1) for (let i = first; i < emitted.length; i += 1) cyclic.add(emitted[i]);
      }
    }
  }
  return { order: emitted.reverse(), cyclic };
}
