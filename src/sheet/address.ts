/**
 * A1 addresses, references and ranges. Internally rows and columns are 0-based; the text form
 * is column letters (A…Z, AA…, up to three letters) then a 1-based row. A `$` before the column
 * or the row makes that part absolute: it does not move when a formula is pasted elsewhere.
 */
import type { CellAddress } from './types';

export interface CellPosition {
  readonly row: number;
  readonly col: number;
}

export interface CellRef extends CellPosition {
  readonly rowAbsolute: boolean;
  readonly colAbsolute: boolean;
}

/** An inclusive rectangle, normalised so that top ≤ bottom and left ≤ right. */
export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

const REF_PATTERN = /^(\$?)([A-Za-z]{1,3})(\$?)([1-9][0-9]{0,6})$/;

/**
 * The free variables of an objective. Written in lower case they are never cell references,
 * although they look like the addresses X1 and X2 (write X1 to mean the cell).
 */
export const FREE_VARIABLES: readonly string[] = ['x1', 'x2'];

/** 0-based index of column letters: `columnIndex("A") === 0`, `columnIndex("AA") === 26`. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Letters of columns already printed (every address formats its column: keep them). */
const LETTERS: string[] = [];

/** Letters of a 0-based column: `columnLetters(27) === "AB"`. */
export function columnLetters(col: number): string {
  const known = LETTERS[col];
  if (known !== undefined) return known;
  let letters = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  // Only columns a sheet can have (ZZZ at most), so the list stays small.
  if (Number.isInteger(col) && col >= 0 && col < 18_278) LETTERS[col] = letters;
  return letters;
}

/** `formatAddress({row: 2, col: 1}) === "B3"`. */
export function formatAddress(position: CellPosition): CellAddress {
  return `${columnLetters(position.col)}${position.row + 1}`;
}

/** A reference as text, keeping its `$` marks: `formatRef({row: 0, col: 0, rowAbsolute: true, colAbsolute: false}) === "A$1"`. */
export function formatRef(ref: CellRef): string {
  return `${ref.colAbsolute ? '$' : ''}${columnLetters(ref.col)}${ref.rowAbsolute ? '$' : ''}${ref.row + 1}`;
}

/** Parse a reference such as `B3`, `$B$3` or `b3`; null when the text is not one (or is x1/x2). */
export function parseRef(text: string): CellRef | null {
  if (FREE_VARIABLES.includes(text)) return null;
  const match = REF_PATTERN.exec(text);
  if (match === null) return null;
  return {
    colAbsolute: match[1] === '$',
    col: columnIndex(match[2]),
    rowAbsolute: match[3] === '$',
    row: Number(match[4]) - 1,
  };
}

/**
 * Parse a plain address (no `$`): `parseAddress("B3") → {row: 2, col: 1}`. A hand-written scan
 * (1–3 letters, then a row 1…9,999,999 without leading zero) because every edit of every cell
 * parses addresses; it accepts exactly what REF_PATTERN accepts without `$`, in any case (an
 * address is not a formula, so "x1" here is the cell X1).
 */
export function parseAddress(address: CellAddress): CellPosition | null {
  const n = address.length;
  let i = 0;
  let col = 0;
  while (i < n && i < 4) {
    const code = address.charCodeAt(i) | 0x20;
    if (code < 97 || code > 122) break;
    col = col * 26 + (code - 96);
    i += 1;
  }
  if (i === 0 || i > 3 || n - i < 1 || n - i > 7 || address.charCodeAt(i) === 48) return null;
  let row = 0;
  for (let j = i; j < n; j += 1) {
    const digit = address.charCodeAt(j) - 48;
    if (digit < 0 || digit > 9) return null;
    row = row * 10 + digit;
  }
  return { row: row - 1, col: col - 1 };
}

/** The canonical form of an address typed in any case: `normalizeAddress("b3") === "B3"`. */
export function normalizeAddress(address: string): CellAddress | null {
  const position = parseAddress(address);
  return position === null ? null : formatAddress(position);
}

/** The rectangle spanned by two corners, in any order. */
export function spanRange(a: CellPosition, b: CellPosition): CellRange {
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

/** Parse `B2:D3` (or a single address, a 1×1 range); `$` marks are allowed and ignored. */
export function parseRange(text: string): CellRange | null {
  const parts = text.trim().split(':');
  if (parts.length > 2) return null;
  const refs = parts.map((p) => parseRef(p.trim().toUpperCase()));
  if (refs.some((r) => r === null)) return null;
  const [a, b] = refs as CellRef[];
  return spanRange(a, b ?? a);
}

/** `formatRange({top: 1, left: 1, bottom: 1, right: 3}) === "B2:D2"`; a single cell prints as an address. */
export function formatRange(range: CellRange): string {
  const start = formatAddress({ row: range.top, col: range.left });
  if (range.top === range.bottom && range.left === range.right) return start;
  return `${start}:${formatAddress({ row: range.bottom, col: range.right })}`;
}

export function rangeSize(range: CellRange): number {
  return (range.bottom - range.top + 1) * (range.right - range.left + 1);
}

/** Addresses of a range, row by row: `rangeAddresses(parseRange("A1:B2")!)` → A1, B1, A2, B2. */
export function rangeAddresses(range: CellRange): CellAddress[] {
  const out: CellAddress[] = [];
  for (let row = range.top; row <= range.bottom; row += 1) {
    for (let col = range.left; col <= range.right; col += 1) out.push(formatAddress({ row, col }));
  }
  return out;
}

export function insideSheet(position: CellPosition, rows: number, cols: number): boolean {
  return position.row >= 0 && position.col >= 0 && position.row < rows && position.col < cols;
}
