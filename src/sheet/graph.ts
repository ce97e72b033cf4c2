/**
 * The dependency graph between cells, and the order in which an edit's consequences are
 * recomputed. Every walk here is iterative (explicit stacks), so a chain of 100 000 formulas
 * neither overflows the call stack nor takes more than linear time.
 *
 * A formula's single references are edges to cells; its ranges are kept as rectangles in a
 * spatial index (columns × blocks of rows), so `=SUM(A1:B500000)` costs a few thousand index
 * entries rather than a million edges, and finding who reads a changed cell looks only at the
 * ranges that pass through its block.
 */
import { parseAddress, type CellRange } from './address';
import type { CellAddress } from './types';

const BLOCK_ROWS = 256;
/** Larger than the number of row blocks of the largest sheet (LIMITS.rows / BLOCK_ROWS). */
const BLOCKS_PER_COLUMN = 1 << 13;
const bucketKey = (col: number, block: number) => col * BLOCKS_PER_COLUMN + block;

export class DependencyGraph {
  private readonly precedents = new Map<CellAddress, ReadonlySet<CellAddress>>();
  private readonly dependents = new Map<CellAddress, Set<CellAddress>>();
  private readonly rangeReads = new Map<CellAddress, readonly CellRange[]>();
  /** Bucket → the cells whose ranges pass through it, with those ranges. */
  private readonly buckets = new Map<number, Map<CellAddress, CellRange[]>>();

  /** Replace what `cell` reads from: single cells, and ranges (rectangles, read whole). */
  setPrecedents(cell: CellAddress, reads: ReadonlySet<CellAddress>, ranges: readonly CellRange[] = []): void {
    // The common case of a paste: a constant that read nothing before and reads nothing now.
    if (reads.size === 0 && ranges.length === 0 && !this.precedents.has(cell) && !this.rangeReads.has(cell)) return;
    for (const old of this.precedents.get(cell) ?? []) {
      const set = this.dependents.get(old);
      set?.delete(cell);
      if (set !== undefined && set.size === 0) this.dependents.delete(old);
    }
    for (const range of this.rangeReads.get(cell) ?? []) {
      forBuckets(range, (key) => {
        const bucket = this.buckets.get(key);
        bucket?.delete(cell);
        if (bucket !== undefined && bucket.size === 0) this.buckets.delete(key);
      });
    }
    if (reads.size === 0) this.precedents.delete(cell);
    else this.precedents.set(cell, reads);
    for (const source of reads) {
      let set = this.dependents.get(source);
      if (set === undefined) {
        set = new Set();
        this.dependents.set(source, set);
      }
      set.add(cell);
    }
    if (ranges.length === 0) {
      this.rangeReads.delete(cell);
      return;
    }
    this.rangeReads.set(cell, ranges);
    for (const range of ranges) {
      forBuckets(range, (key) => {
        let bucket = this.buckets.get(key);
        if (bucket === undefined) {
          bucket = new Map();
          this.buckets.set(key, bucket);
        }
        const list = bucket.get(cell);
        if (list === undefined) bucket.set(cell, [range]);
        else list.push(range);
      });
    }
  }

  precedentsOf(cell: CellAddress): ReadonlySet<CellAddress> {
    return this.precedents.get(cell) ?? EMPTY_SET;
  }

  /**
   * The cells that read `cell`, through a single reference or a range. Walked lazily, never
   * collected: a cell inside many ranges (running totals =SUM($A$1:A9999)) has thousands of
   * readers, and a cone of such cells would otherwise hold millions of entries. A cell that
   * reads it both ways may come twice; every walk here tolerates that.
   */
  dependentsOf(cell: CellAddress): Iterable<CellAddress> {
    const direct = this.dependents.get(cell) ?? EMPTY_SET;
    if (this.buckets.size === 0) return direct;
    const position = parseAddress(cell);
    const bucket = position === null ? undefined : this.buckets.get(bucketKey(position.col, Math.floor(position.row / BLOCK_ROWS)));
    if (bucket === undefined || position === null) return direct;
    return rangeReaders(direct, bucket, position.row, position.col);
  }

  /**
   * Every cell that reads one of `cells`, directly or through a range. Ranges are matched per
   * bucket against the cells that fall in it, so 10,000 running totals (=SUM($A$1:A9999) …)
   * cost one pass over the index instead of 50 million cell–reader pairs.
   */
  readersOf(cells: Iterable<CellAddress>): Set<CellAddress> {
    const readers = new Set<CellAddress>();
    const rowsByBucket = new Map<number, number[]>();
    for (const cell of cells) {
      for (const reader of this.dependents.get(cell) ?? EMPTY_SET) readers.add(reader);
      if (this.buckets.size === 0) continue;
      const position = parseAddress(cell);
      if (position === null) continue;
      const key = bucketKey(position.col, Math.floor(position.row / BLOCK_ROWS));
      if (!this.buckets.has(key)) continue;
      const rows = rowsByBucket.get(key);
      if (rows === undefined) rowsByBucket.set(key, [position.row]);
      else rows.push(position.row);
    }
    for (const [key, rows] of rowsByBucket) {
      rows.sort((a, b) => a - b);
      const col = Math.floor(key / BLOCKS_PER_COLUMN);
      for (const [reader, ranges] of this.buckets.get(key) as Map<CellAddress, CellRange[]>) {
        if (readers.has(reader)) continue;
        if (ranges.some((r) => col >= r.left && col <= r.right && anyWithin(rows, r.top, r.bottom))) readers.add(reader);
      }
    }
    return readers;
  }

  /** The roots and everything that depends on them, directly or not (walked in rounds, see readersOf). */
  cone(roots: Iterable<CellAddress>): Set<CellAddress> {
    const cone = new Set<CellAddress>(roots);
    let frontier: Iterable<CellAddress> = cone;
    for (;;) {
      const next: CellAddress[] = [];
      for (const reader of this.readersOf(frontier)) {
        if (!cone.has(reader)) {
          cone.add(reader);
          next.push(reader);
        }
      }
      if (next.length === 0) return cone;
      frontier = next;
    }
  }
}

/** Does the sorted list hold a value in [low, high]? */
function anyWithin(sorted: readonly number[], low: number, high: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < low) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo] <= high;
}

/** The direct readers, then the readers of the bucket whose ranges contain (row, col). */
function* rangeReaders(direct: ReadonlySet<CellAddress>, bucket: ReadonlyMap<CellAddress, CellRange[]>, row: number, col: number): Generator<CellAddress> {
  yield* direct;
  for (const [reader, ranges] of bucket) {
    for (const r of ranges) {
      if (row >= r.top && row <= r.bottom && col >= r.left && col <= r.right) {
        yield reader;
        break;
      }
    }
  }
}

function forBuckets(range: CellRange, visit: (key: number) => void): void {
  const firstBlock = Math.floor(range.top / BLOCK_ROWS);
  const lastBlock = Math.floor(range.bottom / BLOCK_ROWS);
  for (let col = range.left; col <= range.right; col += 1) {
    for (let block = firstBlock; block <= lastBlock; block += 1) visit(bucketKey(col, block));
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
 * Null when the cone has more than `maxEdges` edges (the caller then gives up on ordering it).
 * `orderCone(graph, graph.cone(["A1"]))`
 */
export function orderCone(graph: DependencyGraph, cone: ReadonlySet<CellAddress>): EvaluationOrder;
export function orderCone(graph: DependencyGraph, cone: ReadonlySet<CellAddress>, maxEdges: number): EvaluationOrder | null;
export function orderCone(graph: DependencyGraph, cone: ReadonlySet<CellAddress>, maxEdges = Infinity): EvaluationOrder | null {
  let edges = 0;
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
        edges += 1;
        if (edges > maxEdges) return null;
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
