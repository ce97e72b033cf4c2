/**
 * The grid's selection geometry on top of the engine's A1 helpers (src/sheet/address.ts):
 * 0-based positions for layout and keyboard moves, rectangles for selections.
 */
import {
  formatAddress,
  parseAddress,
  spanRange,
  type CellPosition,
  type CellRange,
} from '../../../sheet/address';
import type { CellAddress } from '../../../sheet/types';
import type { Selection } from '../../stores/gridModel';

export { columnLetters, formatAddress, formatRange } from '../../../sheet/address';
export type { CellPosition, CellRange };

const ORIGIN: CellPosition = { row: 0, col: 0 };

/** Like parseAddress, but a malformed address (never produced by the grid) reads as A1. */
export function positionOf(address: CellAddress): CellPosition {
  return parseAddress(address) ?? ORIGIN;
}

export function selectionRect(selection: Selection): CellRange {
  return spanRange(positionOf(selection.anchor), positionOf(selection.focus));
}

export function rectContains(rect: CellRange, row: number, col: number): boolean {
  return row >= rect.top && row <= rect.bottom && col >= rect.left && col <= rect.right;
}

/** The top-left cell of a rectangle (where a paste lands). */
export function topLeftOf(rect: CellRange): CellAddress {
  return formatAddress({ row: rect.top, col: rect.left });
}

/** Moves `position` by (rows, cols), stopping at the sheet's edges (±Infinity jumps to an edge). */
export function offsetWithin(
  position: CellPosition,
  rows: number,
  cols: number,
  size: { readonly rows: number; readonly cols: number },
): CellPosition {
  const clamp = (value: number, count: number) => Math.min(Math.max(value, 0), count - 1);
  return { row: clamp(position.row + rows, size.rows), col: clamp(position.col + cols, size.cols) };
}
