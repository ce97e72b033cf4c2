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
  readonly cell: CellAddress;
  readonly next: Iterator<CellAddress>;
}

/**
 * Order a cone for evaluation and find its cycles, with an iterative Tarjan walk along
 * dependent edges. Tarjan emits each strongly connected component after every component it
 * reaches, i.e. dependents first, so the emitted list reversed is a valid evaluation order.
 * `orderCone(graph, graph.cone(["A1"]))`
 */
export function orderCone(graph: DependencyGraph, cone: ReadonlySet<CellAddress>): EvaluationOrder {
  const index = new Map<CellAddress, number>();
  const low = new Map<CellAddress, number>();
  const onStack = new Set<CellAddress>();
  const stack: CellAddress[] = [];
  const emitted: CellAddress[] = [];
  const cyclic = new Set<CellAddress>();
  let counter = 0;

  const frames: Frame[] = [];
  const enter = (cell: CellAddress) => {
    index.set(cell, counter);
    low.set(cell, counter);
    counter += 1;
    stack.push(cell);
    onStack.add(cell);
    frames.push({ cell, next: graph.dependentsOf(cell)[Symbol.iterator]() });
  };

  for (const start of cone) {
    if (index.has(start)) continue;
    enter(start);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1];
      const step = frame.next.next();
      if (!step.done) {
        const next = step.value;
        if (!cone.has(next)) continue;
        if (next === frame.cell) cyclic.add(next);
        if (!index.has(next)) enter(next);
        else if (onStack.has(next)) low.set(frame.cell, Math.min(low.get(frame.cell) as number, index.get(next) as number));
        continue;
      }
      frames.pop();
      const cellLow = low.get(frame.cell) as number;
      if (frames.length > 0) {
        const parent = frames[frames.length - 1].cell;
        low.set(parent, Math.min(low.get(parent) as number, cellLow));
      }
      if (cellLow === index.get(frame.cell)) {
        const component: CellAddress[] = [];
        let member: CellAddress;
        do {
          member = stack.pop() as CellAddress;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.cell);
        for (const c of component) {
          if (component.length > 1) cyclic.add(c);
          emitted.push(c);
        }
      }
    }
  }
  return { order: emitted.reverse(), cyclic };
}
