/**
 * What a raw input means, independent of the cell it stands in: a formula's parse and the
 * references it makes (cached by text, so moved, pasted and undone cells are not parsed again),
 * and the value of a plain input (a number, text, a boolean).
 */
import { rangeSize } from './address';
import { LIMITS } from './limits';
import { parseInput, type ParsedInput } from './parse';
import { collectReferences, type FormulaReferences } from './references';
import type { CellValue } from './types';
import { booleanValue, EMPTY, numberValue, sheetError, textValue } from './values';

export interface Reading {
  readonly parsed: ParsedInput;
  readonly refs: FormulaReferences | null;
  /** Cells of all its ranges together (those within the per-range limit). */
  readonly rangeCells: number;
  /** The largest row and column it refers to (-1 when none), to know which formulas a resize affects. */
  readonly lastRow: number;
  readonly lastCol: number;
}

const readings = new Map<string, Reading>();

/** A formula's reading, parsed once per distinct text: `readFormula('=SUM(A1:B2)').rangeCells === 4`. */
export function readFormula(raw: string): Reading {
  let reading = readings.get(raw);
  if (reading === undefined) {
    const parsed = parseInput(raw);
    const refs = parsed.kind === 'formula' ? collectReferences(parsed.node) : null;
    let rangeCells = 0;
    let lastRow = -1;
    let lastCol = -1;
    for (const ref of refs?.refs ?? []) {
      lastRow = Math.max(lastRow, ref.row);
      lastCol = Math.max(lastCol, ref.col);
    }
    for (const range of refs?.ranges ?? []) {
      // A range over the per-range limit is an error of its own (rangeTooLarge) and reads nothing.
      const size = rangeSize(range);
      if (size <= LIMITS.rangeCells) rangeCells += size;
      lastRow = Math.max(lastRow, range.bottom);
      lastCol = Math.max(lastCol, range.right);
    }
    reading = { parsed, refs, rangeCells, lastRow, lastCol };
    if (readings.size >= LIMITS.parseCache) readings.clear();
    readings.set(raw, reading);
  }
  return reading;
}

/** The value of anything but a parsed formula: `plainValue(parseInput('0.9'))` is the number 0.9. */
export function plainValue(parsed: Exclude<ParsedInput, { kind: 'formula' }>): CellValue {
  switch (parsed.kind) {
    case 'empty':
      return EMPTY;
    case 'number':
      return numberValue(parsed.value);
    case 'boolean':
      return booleanValue(parsed.value);
    case 'text':
      return parsed.value.length > LIMITS.textChars
        ? sheetError('#NUM!', 'error.textTooLong', { length: parsed.value.length, limit: LIMITS.textChars })
        : textValue(parsed.value);
    case 'invalid':
      return sheetError('#ERROR!', parsed.reason, parsed.args);
  }
}
