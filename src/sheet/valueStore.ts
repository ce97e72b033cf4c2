/**
 * Current cell values, kept twice: by address for the engine's API, and by column and row
 * for the evaluator, so that a range of a million cells reads array slots instead of building
 * a million address strings and hashing them.
 */
import type { CellPosition } from './address';
import type { CellAddress, CellValue } from './types';
import { EMPTY } from './values';

export class ValueStore {
  private readonly byAddress = new Map<CellAddress, CellValue>();
  /** columns[col][row]; holes are empty cells. */
  private readonly columns: (CellValue | undefined)[][] = [];

  get(address: CellAddress): CellValue {
    return this.byAddress.get(address) ?? EMPTY;
  }

  at(row: number, col: number): CellValue {
    return this.columns[col]?.[row] ?? EMPTY;
  }

  /** Store a value (an empty one clears the cell). */
  set(address: CellAddress, position: CellPosition, value: CellValue): void {
    if (value.kind === 'empty') {
      if (!this.byAddress.delete(address)) return;
      const column = this.columns[position.col];
      if (column !== undefined && position.row < column.length) column[position.row] = undefined;
      return;
    }
    this.byAddress.set(address, value);
    let column = this.columns[position.col];
    if (column === undefined) {
      column = [];
      this.columns[position.col] = column;
    }
    // Fill up to the row so the column stays a dense array (holes would make V8 store it as a dictionary).
    while (column.length < position.row) column.push(undefined);
    column[position.row] = value;
  }
}
