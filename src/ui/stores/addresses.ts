/**
 * A1 arithmetic the page needs without the engine: the addresses of a range (copying), and the
 * neighbour a cell's text may flow into.
 */
import { formatAddress, parseAddress, parseRange, rangeAddresses } from '../../sheet/address';

/** `cellsInRange('A1:B2')` → ['A1', 'B1', 'A2', 'B2']; malformed ranges give []. */
export function cellsInRange(range: string): string[] {
  const parsed = parseRange(range);
  return parsed === null ? [] : rangeAddresses(parsed);
}

/** Addresses of a range row by row: `rangeRows('A1:B2')` → [['A1', 'B1'], ['A2', 'B2']]. */
export function rangeRows(range: string): string[][] {
  const parsed = parseRange(range);
  if (parsed === null) return [];
  const rows: string[][] = [];
  for (let row = parsed.top; row <= parsed.bottom; row += 1) {
    const fields: string[] = [];
    for (let col = parsed.left; col <= parsed.right; col += 1) fields.push(formatAddress({ row, col }));
    rows.push(fields);
  }
  return rows;
}

/** The cell to the right, or null at the sheet's last column: `nextAddressRight('B3', 8)` → 'C3'. */
export function nextAddressRight(address: string, cols: number): string | null {
  const position = parseAddress(address);
  if (position === null || position.col + 1 >= cols) return null;
  return formatAddress({ row: position.row, col: position.col + 1 });
}
