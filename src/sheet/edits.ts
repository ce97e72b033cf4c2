/**
 * Edits that move or rewrite many cells at once, as pure functions from the sheet's persisted
 * parts to a Patch: pasting a block, inserting or deleting rows and columns, renaming a name.
 * The engine records the patch for undo and applies it; nothing here evaluates anything.
 */
import {
  columnIndex,
  columnLetters,
  formatAddress,
  formatRange,
  parseAddress,
  parseRange,
  type CellPosition,
} from './address';
import type { Change, Patch } from './history';
import { mapIndex, nameMapper, rewriteFormula, shiftMapper, structuralMapper, type RefMapper } from './rewrite';
import type { CellAddress, ChartBinding, Pin } from './types';

/** The persisted parts of a sheet an edit reads. */
export interface SheetParts {
  readonly rows: number;
  readonly cols: number;
  readonly cells: ReadonlyMap<CellAddress, string>;
  /** Display name → address. */
  readonly names: Readonly<Record<string, CellAddress>>;
  readonly colWidths: Readonly<Record<string, number>>;
  readonly charts: readonly ChartBinding[];
  readonly pins: readonly Pin[];
  /** Choice cells: address → allowed values. */
  readonly validations: Readonly<Record<CellAddress, readonly string[]>>;
}

/** Largest sheet an edit may grow to (the share format's bound). */
export const MAX_SHEET_SIDE = 10_000;

/** Per-address before/after of two cell maps, only where they differ. */
export function diffCells(
  before: ReadonlyMap<CellAddress, string>,
  after: ReadonlyMap<CellAddress, string>,
): Map<CellAddress, Change<string | undefined>> {
  const changes = new Map<CellAddress, Change<string | undefined>>();
  for (const [address, raw] of before) {
    if (after.get(address) !== raw) changes.set(address, { before: raw, after: after.get(address) });
  }
  for (const [address, raw] of after) {
    if (!before.has(address)) changes.set(address, { before: undefined, after: raw });
  }
  return changes;
}

/** Paste rows of raw inputs at `target`; with a `source` anchor relative references shift by target − source. */
export function pastePatch(parts: SheetParts, target: CellPosition, block: readonly (readonly string[])[], source?: CellPosition): Patch {
  const mapper = source === undefined ? null : shiftMapper(target.row - source.row, target.col - source.col);
  const cells = new Map<CellAddress, Change<string | undefined>>();
  let rows = parts.rows;
  let cols = parts.cols;
  block.forEach((fields, r) => {
    fields.forEach((field, c) => {
      const position = { row: target.row + r, col: target.col + c };
      if (position.row >= MAX_SHEET_SIDE || position.col >= MAX_SHEET_SIDE) return;
      rows = Math.max(rows, position.row + 1);
      cols = Math.max(cols, position.col + 1);
      const address = formatAddress(position);
      const raw = mapper === null ? field : rewriteFormula(field, mapper);
      const after = raw.trim() === '' ? undefined : raw;
      const before = parts.cells.get(address);
      if (before !== after) cells.set(address, { before, after });
    });
  });
  const grown = rows !== parts.rows || cols !== parts.cols;
  return grown ? { cells, size: { before: { rows: parts.rows, cols: parts.cols }, after: { rows, cols } } } : { cells };
}

type Axis = 'row' | 'col';

function movePosition(position: CellPosition, axis: Axis, op: 'insert' | 'delete', at: number, count: number): CellPosition | null {
  const moved = mapIndex(axis === 'row' ? position.row : position.col, op, at, count);
  if (moved === null) return null;
  return axis === 'row' ? { row: moved, col: position.col } : { row: position.row, col: moved };
}

/** A chart's source after the edit: a range shrinks with it, and is gone (null) only when all of it is. */
function moveSource(source: string, names: ReadonlyMap<string, string | null>, mapper: RefMapper): string | null {
  const range = parseRange(source);
  if (range === null) {
    const renamed = names.get(source.toLowerCase());
    return renamed === undefined ? source : renamed;
  }
  const corner = (row: number, col: number) => ({ row, col, rowAbsolute: false, colAbsolute: false });
  const moved = mapper.range(corner(range.top, range.left), corner(range.bottom, range.right));
  if (moved === null) return null;
  return formatRange({ top: moved[0].row, left: moved[0].col, bottom: moved[1].row, right: moved[1].col });
}

/**
 * Insert (`count` new rows/columns before index `at`, 0-based) or delete (`count` from `at` on).
 * Cells move, formulas everywhere follow their references, names and chart sources move too; a
 * reference to a deleted cell becomes #REF!, a name bound to a deleted cell is removed and its
 * uses become #REF!, a chart whose whole source is deleted is removed.
 */
export function structuralPatch(parts: SheetParts, axis: Axis, op: 'insert' | 'delete', at: number, count: number): Patch {
  const names: Record<string, CellAddress> = {};
  const goneNames = new Map<string, string | null>();
  for (const [name, address] of Object.entries(parts.names)) {
    const position = parseAddress(address);
    const moved = position === null ? null : movePosition(position, axis, op, at, count);
    if (moved === null) goneNames.set(name.toLowerCase(), null);
    else names[name] = formatAddress(moved);
  }
  // Structural moves for references, and #REF! for names whose cell is gone.
  const renamed = nameMapper(goneNames);
  const mapper: RefMapper = { ...structuralMapper(axis, op, at, count), name: (lowerName) => renamed.name?.(lowerName) };
  const cells = new Map<CellAddress, string>();
  for (const [address, raw] of parts.cells) {
    const position = parseAddress(address);
    const moved = position === null ? null : movePosition(position, axis, op, at, count);
    if (moved !== null) cells.set(formatAddress(moved), rewriteFormula(raw, mapper));
  }
  const delta = op === 'insert' ? count : -count;
  const size = {
    before: { rows: parts.rows, cols: parts.cols },
    after: axis === 'row' ? { rows: parts.rows + delta, cols: parts.cols } : { rows: parts.rows, cols: parts.cols + delta },
  };
  const charts: ChartBinding[] = [];
  for (const chart of parts.charts) {
    const source = moveSource(chart.source, goneNames, mapper);
    if (source !== null) charts.push({ ...chart, source });
  }
  const pins = parts.pins.map((pin) => {
    const position = parseAddress(pin.cell);
    const moved = position === null ? null : movePosition(position, axis, op, at, count);
    return moved === null ? pin : { ...pin, cell: formatAddress(moved) };
  });
  // A choice cell's list moves with the cell and goes with it when it is deleted.
  const validations: Record<CellAddress, readonly string[]> = {};
  for (const [address, choices] of Object.entries(parts.validations)) {
    const position = parseAddress(address);
    const moved = position === null ? null : movePosition(position, axis, op, at, count);
    if (moved !== null) validations[formatAddress(moved)] = choices;
  }
  const patch: Patch = {
    cells: diffCells(parts.cells, cells),
    names: { before: parts.names, after: names },
    size,
    charts: { before: parts.charts, after: charts },
    pins: { before: parts.pins, after: pins },
    validations: { before: parts.validations, after: validations },
  };
  if (axis === 'row') return patch;
  const colWidths: Record<string, number> = {};
  for (const [letters, width] of Object.entries(parts.colWidths)) {
    const moved = mapIndex(columnIndex(letters), op, at, count);
    if (moved !== null) colWidths[columnLetters(moved)] = width;
  }
  return { ...patch, colWidths: { before: parts.colWidths, after: colWidths } };
}

/** Rename names (lower-case old → new display name) in every formula and in chart sources. */
export function renamePatch(parts: SheetParts, renames: ReadonlyMap<string, string>, names: Readonly<Record<string, CellAddress>>): Patch {
  const mapper = nameMapper(renames);
  const cells = new Map<CellAddress, string>();
  for (const [address, raw] of parts.cells) cells.set(address, rewriteFormula(raw, mapper));
  const charts = parts.charts.map((chart) => ({ ...chart, source: moveSource(chart.source, renames, mapper) ?? chart.source }));
  return {
    cells: diffCells(parts.cells, cells),
    names: { before: parts.names, after: names },
    charts: { before: parts.charts, after: charts },
  };
}
