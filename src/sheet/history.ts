/**
 * Undo and redo. Every mutating operation is recorded as one patch: the before and after of
 * each part of the sheet it touched (raw cell inputs, names, size, column widths, charts,
 * pins, choice cells). Undo applies the patch backwards, redo forwards, so a paste of 500 cells or a row
 * deletion is one step, and undo never needs to re-run the operation itself.
 */
import type { CellAddress, ChartBinding, Pin } from './types';

export interface Change<T> {
  readonly before: T;
  readonly after: T;
}

export interface SheetSize {
  readonly rows: number;
  readonly cols: number;
}

export interface Patch {
  /** Raw input per address; undefined = empty cell. */
  readonly cells: ReadonlyMap<CellAddress, Change<string | undefined>>;
  readonly names?: Change<Readonly<Record<string, CellAddress>>>;
  readonly size?: Change<SheetSize>;
  readonly colWidths?: Change<Readonly<Record<string, number>>>;
  readonly charts?: Change<readonly ChartBinding[]>;
  readonly pins?: Change<readonly Pin[]>;
  readonly validations?: Change<Readonly<Record<CellAddress, readonly string[]>>>;
}

const swap = <T,>(change: Change<T> | undefined): Change<T> | undefined =>
  change === undefined ? undefined : { before: change.after, after: change.before };

/** The patch that undoes `patch`. */
export function invertPatch(patch: Patch): Patch {
  const cells = new Map<CellAddress, Change<string | undefined>>();
  for (const [address, change] of patch.cells) cells.set(address, { before: change.after, after: change.before });
  return {
    cells,
    names: swap(patch.names),
    size: swap(patch.size),
    colWidths: swap(patch.colWidths),
    charts: swap(patch.charts),
    pins: swap(patch.pins),
    validations: swap(patch.validations),
  };
}

/** Does the patch change anything at all? */
export function isEmptyPatch(patch: Patch): boolean {
  return patch.cells.size === 0 && !patch.names && !patch.size && !patch.colWidths && !patch.charts && !patch.pins && !patch.validations;
}

/** A bounded undo stack with a redo stack that a new edit clears. */
export class History {
  private readonly done: Patch[] = [];
  private undone: Patch[] = [];

  constructor(private readonly limit = 200) {}

  record(patch: Patch): void {
    this.done.push(patch);
    if (this.done.length > this.limit) this.done.shift();
    this.undone = [];
  }

  /** The patch to apply to undo the last step, or null. */
  undo(): Patch | null {
    const patch = this.done.pop();
    if (patch === undefined) return null;
    this.undone.push(patch);
    return invertPatch(patch);
  }

  /** The patch to apply to redo the last undone step, or null. */
  redo(): Patch | null {
    const patch = this.undone.pop();
    if (patch === undefined) return null;
    this.done.push(patch);
    return patch;
  }

  canUndo(): boolean {
    return this.done.length > 0;
  }

  canRedo(): boolean {
    return this.undone.length > 0;
  }
}
