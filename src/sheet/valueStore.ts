/**
 * Current cell values by column and row, so that a range of a million cells reads array slots
 * instead of building a million address strings and hashing them, and storing a value costs
 * one array write.
 */
import { parseAddress } from './address';
import type { CellAddress, CellValue } from './types';
import { EMPTY } from './values';

export class ValueStore {
  /** columns[col][row]; undefined slots are empty cells. */
  private readonly columns: (CellValue | undefined)[][] = [];

  get(address: CellAddress): CellValue {
    const position = parseAddress(address);
    return position === null ? EMPTY : this.at(position.row, position.col);
  }

  at(row: number, col: number): CellValue {
    return this.columns[col]?.[row] ?? EMPTY;
  }

  /** Store a value (an empty one clears the cell). */
  set(row: number, col: number, value: CellValue): void {
    let column = this.columns[col];
    if (value.kind === 'empty') {
      if (column !== undefined && row < column.length) column[row] = undefined;
      return;
    }
    if (column === undefined) {
      column = [];
      this.columns[col] = column;
    }
    // Fill up to the row so the column stays a dense array (holes would make V8 store it as a dictionary).
    while (column.length < row) column.push(undefined);
    column[row] = value;
  }
}
