/**
 * An in-memory GridModel for the grid's tests: a test double of the interface in
 * src/state/gridModel.ts, not of the sheet store. Cells show their raw text (there is no
 * engine here); a raw starting with "#" displays as an error, a numeric raw as a number.
 * Every intent is recorded in `calls`, and `viewReads` counts cellView calls per address so
 * tests can see which cells re-rendered.
 */
import { createSignal } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';
import { formatAddress, parseRange, rangeAddresses } from '../../../../src/sheet/address';
import type { CellAddress } from '../../../../src/sheet/types';
import type { CellView, GridModel, Selection } from '../../../../src/ui/stores/gridModel';

export interface Call {
  readonly method: string;
  readonly args: readonly unknown[];
}

export interface FakeOptions {
  readonly rows?: number;
  readonly cols?: number;
  readonly cells?: Readonly<Record<CellAddress, string>>;
  /** Display overrides (pending, colour, diff highlight, error titles) per address. */
  readonly views?: Readonly<Record<CellAddress, Partial<CellView>>>;
  readonly names?: Readonly<Record<CellAddress, string>>;
}

export const DEFAULT_WIDTH = 96;
export const TAKEN_NAME_SENTENCE = 'The name “taken” is already used by another cell.';

function displayOf(raw: string): CellView {
  if (raw === '') return { text: '', kind: 'empty' };
  if (raw.startsWith('#')) return { text: raw, kind: 'error', title: `Explanation of ${raw}` };
  if (raw.trim() !== '' && Number.isFinite(Number(raw))) return { text: raw, kind: 'number' };
  return { text: raw, kind: 'text' };
}

export function createFakeGridModel(options: FakeOptions = {}) {
  const rows = options.rows ?? 10;
  const cols = options.cols ?? 6;
  const [cells, setCells] = createStore<Record<CellAddress, string>>({ ...options.cells });
  const [views, setViews] = createStore<Record<CellAddress, Partial<CellView>>>({ ...options.views });
  const [names, setNames] = createStore<Record<CellAddress, string | undefined>>({ ...options.names });
  const [widths, setWidths] = createStore<Record<string, number>>({});
  const [selection, setSelection] = createSignal<Selection>({ anchor: 'A1', focus: 'A1' });
  const calls: Call[] = [];
  const viewReads = new Map<CellAddress, number>();
  const record = (method: string, ...args: unknown[]) => calls.push({ method, args });
  const addressesOf = (range: string) => rangeAddresses(parseRange(range)!);

  const model: GridModel = {
    rows: () => rows,
    cols: () => cols,
    cellView(address) {
      viewReads.set(address, (viewReads.get(address) ?? 0) + 1);
      return { ...displayOf(cells[address] ?? ''), ...views[address] };
    },
    raw: (address) => cells[address] ?? '',
    nameOf: (address) => names[address],
    colWidth: (column) => widths[column] ?? DEFAULT_WIDTH,
    selection,
    select(anchor, focus = anchor) {
      record('select', anchor, focus);
      setSelection({ anchor, focus });
    },
    commit(address, raw) {
      record('commit', address, raw);
      setCells(address, raw);
    },
    clear(range) {
      record('clear', range);
      const kept = { ...cells };
      for (const address of addressesOf(range)) delete kept[address];
      setCells(reconcile(kept));
    },
    copy(range) {
      record('copy', range);
      const rect = parseRange(range)!;
      const lines: string[] = [];
      for (let row = rect.top; row <= rect.bottom; row += 1) {
        const line: string[] = [];
        for (let col = rect.left; col <= rect.right; col += 1) line.push(cells[formatAddress({ row, col })] ?? '');
        lines.push(line.join('\t'));
      }
      return lines.join('\n');
    },
    paste: (target, tsv) => record('paste', target, tsv),
    undo: () => record('undo'),
    redo: () => record('redo'),
    insertRows: (at, count) => record('insertRows', at, count),
    deleteRows: (at, count) => record('deleteRows', at, count),
    insertCols: (at, count) => record('insertCols', at, count),
    deleteCols: (at, count) => record('deleteCols', at, count),
    setName(address, name) {
      record('setName', address, name);
      if (name === 'taken') return Promise.resolve(TAKEN_NAME_SENTENCE);
      setNames(address, name ?? undefined);
      return Promise.resolve(null);
    },
    setColWidth(column, width) {
      record('setColWidth', column, width);
      setWidths(column, width);
    },
    scrub: (address, steps) => record('scrub', address, steps),
  };

  return {
    model,
    calls,
    viewReads,
    /** Calls of one intent, as argument lists. */
    callsOf: (method: string) => calls.filter((call) => call.method === method).map((call) => call.args),
    setView: (address: CellAddress, view: Partial<CellView>) => setViews(address, view),
  };
}
