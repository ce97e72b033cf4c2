/**
 * Edits that move or rewrite many cells at once, as pure functions from the sheet's persisted
 * parts to a Patch: pasting a block, inserting or deleting rows and columns, renaming a name,
 * replacing the whole sheet.
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
import { sanitizeValidations } from './choices';
import type { Change, Patch } from './history';
import { LIMITS } from './limits';
import { mapIndex, nameMapper, rewriteFormula, shiftMapper, structuralMapper, type RefMapper } from './rewrite';
import type { CellAddress, ChartBinding, Pin, SheetState } from './types';

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

/** What a name may look like: a letter or _, then letters, digits and _, up to LIMITS.nameChars. */
export const NAME_SHAPE = new RegExp(`^[A-Za-z_][A-Za-z0-9_]{0,${LIMITS.nameChars - 1}}$`);

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

/** A paste as a patch, with how the grid grew and how much of the block did not fit. */
export interface PastePlan {
  readonly patch: Patch;
  readonly grew: { readonly rows: number; readonly cols: number } | null;
  readonly dropped: { readonly rows: number; readonly cols: number };
}

/**
 * Paste rows of raw inputs at `target`; with a `source` anchor relative references shift by
 * target − source. The grid grows to take the block, up to LIMITS.rows × LIMITS.cols; rows are
 * kept whole while the sheet stays within LIMITS.cells non-empty cells. What does not fit is
 * counted in `dropped` (rows and columns of the block), never silently lost.
 */
export function pastePatch(parts: SheetParts, target: CellPosition, block: readonly (readonly string[])[], source?: CellPosition): PastePlan {
  const mapper = source === undefined ? null : shiftMapper(target.row - source.row, target.col - source.col);
  const blockRows = block.length;
  let blockCols = 0;
  for (const fields of block) blockCols = Math.max(blockCols, fields.length);
  const fitRows = Math.max(0, Math.min(blockRows, LIMITS.rows - target.row));
  const fitCols = Math.max(0, Math.min(blockCols, LIMITS.cols - target.col));
  const letters: string[] = [];
  for (let c = 0; c < fitCols; c += 1) letters.push(columnLetters(target.col + c));
  const cells = new Map<CellAddress, Change<string | undefined>>();
  let stored = parts.cells.size;
  let rowsKept = 0;
  const addresses: CellAddress[] = [];
  const afters: (string | undefined)[] = [];
  for (let r = 0; r < fitRows; r += 1) {
    const fields = block[r];
    const suffix = String(target.row + r + 1);
    const width = Math.min(fields.length, fitCols);
    let added = 0;
    for (let c = 0; c < width; c += 1) {
      const address = letters[c] + suffix;
      const field = fields[c];
      const raw = mapper === null || !field.includes('=') ? field : rewriteFormula(field, mapper);
      const after = raw.trim() === '' ? undefined : raw;
      addresses[c] = address;
      afters[c] = after;
      added += (after === undefined ? 0 : 1) - (parts.cells.has(address) ? 1 : 0);
    }
    // A row that would take the sheet past its cell limit is not pasted, nor any after it.
    if (stored + added > LIMITS.cells) break;
    stored += added;
    for (let c = 0; c < width; c += 1) {
      const before = parts.cells.get(addresses[c]);
      if (before !== afters[c]) cells.set(addresses[c], { before, after: afters[c] });
    }
    rowsKept = r + 1;
  }
  const rows = rowsKept === 0 ? parts.rows : Math.max(parts.rows, target.row + rowsKept);
  const cols = rowsKept === 0 ? parts.cols : Math.max(parts.cols, target.col + fitCols);
  const grown = rows !== parts.rows || cols !== parts.cols;
  const patch: Patch = grown ? { cells, size: { before: { rows: parts.rows, cols: parts.cols }, after: { rows, cols } } } : { cells };
  return {
    patch,
    grew: grown ? { rows: rows - parts.rows, cols: cols - parts.cols } : null,
    dropped: { rows: blockRows - rowsKept, cols: blockCols - fitCols },
  };
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
 * A chart's run-picker cells after an edit, moved like references: a deleted cell leaves
 * `include`/`exclude` (an emptied list is dropped, as the run picker does) and a deleted
 * `arrowsFor` is dropped, so every run's arrows are drawn again.
 */
function moveChartCells(chart: ChartBinding, move: (address: CellAddress) => CellAddress | undefined): ChartBinding {
  const { include, exclude, arrowsFor, ...rest } = chart;
  const moveAll = (list: readonly CellAddress[] | undefined): CellAddress[] => {
    const moved: CellAddress[] = [];
    for (const address of list ?? []) {
      const next = move(address);
      if (next !== undefined) moved.push(next);
    }
    return moved;
  };
  const included = moveAll(include);
  const excluded = moveAll(exclude);
  const arrows = arrowsFor === undefined ? undefined : move(arrowsFor);
  return {
    ...rest,
    ...(included.length > 0 ? { include: included } : {}),
    ...(excluded.length > 0 ? { exclude: excluded } : {}),
    ...(arrows === undefined ? {} : { arrowsFor: arrows }),
  };
}

/**
 * The changes of moving every cell (null: it is deleted) and rewriting its formula. Only cells
 * that move or whose text changes appear; a vacated address that nothing moves into empties.
 */
function movedCells(
  cells: ReadonlyMap<CellAddress, string>,
  move: (position: CellPosition) => CellPosition | null,
  rewrite: (raw: string) => string,
): Map<CellAddress, Change<string | undefined>> {
  const arrivals = new Map<CellAddress, string>();
  const vacated: CellAddress[] = [];
  for (const [address, raw] of cells) {
    const position = parseAddress(address);
    const moved = position === null ? null : move(position);
    if (moved === null) {
      vacated.push(address);
      continue;
    }
    const destination = moved.row === position?.row && moved.col === position.col ? address : formatAddress(moved);
    const text = raw.includes('=') ? rewrite(raw) : raw;
    if (destination === address && text === raw) continue;
    arrivals.set(destination, text);
    if (destination !== address) vacated.push(address);
  }
  const changes = new Map<CellAddress, Change<string | undefined>>();
  for (const [address, raw] of arrivals) {
    const before = cells.get(address);
    if (before !== raw) changes.set(address, { before, after: raw });
  }
  for (const address of vacated) if (!arrivals.has(address)) changes.set(address, { before: cells.get(address), after: undefined });
  return changes;
}

/**
 * Insert (`count` new rows/columns before index `at`, 0-based) or delete (`count` from `at` on).
 * Cells move, formulas everywhere follow their references, names, chart sources and the charts'
 * include/exclude/arrowsFor cells move too; a reference to a deleted cell becomes #REF!, a name
 * bound to a deleted cell is removed and its uses become #REF!, a deleted include/exclude/arrowsFor
 * cell is dropped, a chart whose whole source is deleted is removed.
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
  const cells = movedCells(parts.cells, (position) => movePosition(position, axis, op, at, count), (raw) => rewriteFormula(raw, mapper));
  const delta = op === 'insert' ? count : -count;
  const size = {
    before: { rows: parts.rows, cols: parts.cols },
    after: axis === 'row' ? { rows: parts.rows + delta, cols: parts.cols } : { rows: parts.rows, cols: parts.cols + delta },
  };
  // An address after the edit: undefined when its cell is deleted; one that does not parse is kept as it is.
  const moveAddress = (address: CellAddress): CellAddress | undefined => {
    const position = parseAddress(address);
    if (position === null) return address;
    const moved = movePosition(position, axis, op, at, count);
    return moved === null ? undefined : formatAddress(moved);
  };
  const charts: ChartBinding[] = [];
  for (const chart of parts.charts) {
    const source = moveSource(chart.source, goneNames, mapper);
    if (source !== null) charts.push(moveChartCells({ ...chart, source }, moveAddress));
  }
  const pins = parts.pins.map((pin) => {
    const cell = moveAddress(pin.cell);
    return cell === undefined ? pin : { ...pin, cell };
  });
  // A choice cell's list moves with the cell and goes with it when it is deleted.
  const validations: Record<CellAddress, readonly string[]> = {};
  for (const [address, choices] of Object.entries(parts.validations)) {
    const position = parseAddress(address);
    const moved = position === null ? null : movePosition(position, axis, op, at, count);
    if (moved !== null) validations[formatAddress(moved)] = choices;
  }
  const patch: Patch = {
    cells,
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
  const cells = renames.size === 0 ? new Map() : movedCells(parts.cells, (position) => position, (raw) => rewriteFormula(raw, mapper));
  const charts = parts.charts.map((chart) => ({ ...chart, source: moveSource(chart.source, renames, mapper) ?? chart.source }));
  return {
    cells,
    names: { before: parts.names, after: names },
    charts: { before: parts.charts, after: charts },
  };
}

/**
 * The patch that turns `current` into (a sanitised) `next`: sizes clamped to the limits, invalid
 * cells and names dropped, and past LIMITS.cells / names / charts / pins the rest not kept.
 */
export function replacementPatch(current: SheetParts, next: SheetState): Patch {
  const whole = (n: unknown, fallback: number, max: number) => (typeof n === 'number' && Number.isInteger(n) && n >= 1 ? Math.min(n, max) : fallback);
  const rows = whole(next?.rows, 50, LIMITS.rows);
  const cols = whole(next?.cols, 10, LIMITS.cols);
  const fits = (address: unknown): CellAddress | null => {
    const position = typeof address === 'string' ? parseAddress(address) : null;
    return position !== null && position.row < rows && position.col < cols ? formatAddress(position) : null;
  };
  const cells = new Map<CellAddress, string>();
  for (const [address, raw] of Object.entries(next?.cells ?? {})) {
    if (cells.size >= LIMITS.cells) break;
    const key = fits(address);
    if (key !== null && typeof raw === 'string' && raw.trim() !== '') cells.set(key, raw);
  }
  const names: Record<string, CellAddress> = {};
  let nameCount = 0;
  for (const [name, address] of Object.entries(next?.names ?? {})) {
    const key = fits(address);
    if (key !== null && NAME_SHAPE.test(name) && nameCount < LIMITS.names) {
      names[name] = key;
      nameCount += 1;
    }
  }
  const list = <T,>(items: unknown, limit: number): T[] => (Array.isArray(items) ? (items.slice(0, limit) as T[]) : []);
  return {
    cells: diffCells(current.cells, cells),
    names: { before: current.names, after: names },
    size: { before: { rows: current.rows, cols: current.cols }, after: { rows, cols } },
    colWidths: { before: current.colWidths, after: { ...(next?.colWidths ?? {}) } },
    charts: { before: current.charts, after: list<ChartBinding>(next?.charts, LIMITS.charts) },
    pins: { before: current.pins, after: list<Pin>(next?.pins, LIMITS.pins) },
    validations: { before: current.validations, after: sanitizeValidations(next?.validations, fits) },
  };
}
