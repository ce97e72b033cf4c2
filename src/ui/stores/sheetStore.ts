/**
 * The sheet store: the one place where the engine, the worker and Solid meet. It implements the
 * grid's model (reads are fine-grained per cell; intents become engine edits), keeps each
 * pending cell's previous value on screen until its run lands, and measures edit → repaint.
 */
import { batch, createSignal, type Accessor } from 'solid-js';
import type { CellAddress, CellValue, ChangeSet, RunValue, SheetEngineApi, SheetState } from '../../sheet/types';
import type { ComputeService } from '../../compute/computeService';
import type { CellView, GridModel, Selection } from './gridModel';
import { createCellSignals } from './cellSignals';
import { createRunDispatcher, type RunStatus } from './runDispatcher';
import { describeCell } from './describeCell';
import { scrubNumber } from './scrub';
import { t } from '../../i18n/localeStore';
import { columnLetters, formatAddress, parseAddress, parseRange, rangeAddresses } from '../../sheet/address';

export interface SheetStore extends GridModel {
  /** Reactive value of a cell (pending cells give their pending value; see settledValue). */
  value(address: CellAddress): CellValue;
  /** Reactive value, or the last settled one while the cell's run is pending. */
  settledValue(address: CellAddress): CellValue;
  /** Reactive: the cell's run (also when it shows #DIVERGED), or the last one while pending. */
  settledRun(address: CellAddress): RunValue | undefined;
  /** Reactive snapshot of the persisted state (charts, pins, cells). */
  readonly state: Accessor<SheetState>;
  /** Replace the whole sheet (preset, link, state file) as one undoable edit. */
  load(state: SheetState): void;
  readonly runStatus: Accessor<RunStatus>;
  /** Milliseconds from the last edit to the frame that showed its results; null before any edit. */
  readonly lastEditMs: Accessor<number | null>;
  /** How many edits have been measured (lastEditMs updates), for benchmarks. */
  readonly editCount: Accessor<number>;
  readonly canUndo: Accessor<boolean>;
  readonly canRedo: Accessor<boolean>;
  /** Resolves when no run is in flight. */
  idle(): Promise<void>;
  /** Stop the runs in flight (long regressions); their cells say they were cancelled. */
  cancelRuns(): void;
  /** Gives access to engine-level operations for chart bindings and pins. */
  setCharts(charts: SheetState['charts']): void;
  setPins(pins: SheetState['pins']): void;
  /** Several cells in one undoable edit (chart drags and clicks). */
  commitMany(entries: ReadonlyArray<readonly [CellAddress, string]>): void;
}

export interface SheetStoreOptions {
  readonly initial: SheetState;
  readonly createEngine: (state: SheetState) => SheetEngineApi;
  readonly compute: ComputeService;
  /** Colour of a cell's run when a chart shows it (reactive). */
  readonly colorOf?: (address: CellAddress) => string | undefined;
}

const now = () => (typeof performance === 'undefined' ? Date.now() : performance.now());
const afterPaint = (callback: () => void) => {
  if (typeof requestAnimationFrame !== 'function') return void setTimeout(callback, 0);
  requestAnimationFrame(() => requestAnimationFrame(() => callback()));
};

export function createSheetStore(options: SheetStoreOptions): SheetStore {
  const engine = options.createEngine(options.initial);
  const signals = createCellSignals();
  const settled = new Map<CellAddress, CellValue>();
  const settledRuns = new Map<CellAddress, RunValue>();
  const [rows, setRows] = createSignal(engine.rows);
  const [cols, setCols] = createSignal(engine.cols);
  const [selection, setSelection] = createSignal<Selection>({ anchor: 'B3', focus: 'B3' });
  const [lastEditMs, setLastEditMs] = createSignal<number | null>(null);
  const [editCount, setEditCount] = createSignal(0);
  const [history, setHistory] = createSignal({ undo: false, redo: false });
  let editStartedAt: number | null = null;
  let lastCopy: { tsv: string; anchor: CellAddress } | null = null;

  const remember = (address: CellAddress) => {
    const value = engine.value(address);
    if (value.kind === 'pending') return;
    settled.set(address, value);
    const run = engine.runAt(address);
    if (run) settledRuns.set(address, run);
    else settledRuns.delete(address);
  };

  const applyChanges = (changes: ChangeSet) => {
    changes.forEach(remember);
    batch(() => {
      setRows(engine.rows);
      setCols(engine.cols);
      setHistory({ undo: engine.canUndo(), redo: engine.canRedo() });
      signals.bump(changes);
    });
    dispatcher.schedule();
    void dispatcher.idle().then(() => {
      if (editStartedAt === null) return;
      const started = editStartedAt;
      editStartedAt = null;
      afterPaint(() =>
        batch(() => {
          setLastEditMs(now() - started);
          setEditCount((n) => n + 1);
        }),
      );
    });
  };
  const dispatcher = createRunDispatcher(engine, options.compute, applyChanges);

  const edit = (change: () => ChangeSet) => {
    editStartedAt = now();
    applyChanges(change());
  };
  const allCells = (): ChangeSet => new Set(cellsInRange(`A1:${columnLetters(engine.cols - 1)}${engine.rows}`));

  const value = (address: CellAddress): CellValue => {
    signals.track(address);
    return engine.value(address);
  };
  const settledValue = (address: CellAddress): CellValue => {
    const current = value(address);
    return current.kind === 'pending' ? settled.get(address) ?? current : current;
  };

  const nextCellEmpty = (address: CellAddress): boolean => {
    const position = parseAddress(address);
    if (!position || position.col + 1 >= engine.cols) return false;
    return value(formatAddress({ row: position.row, col: position.col + 1 })).kind === 'empty';
  };

  const settledRun = (address: CellAddress): RunValue | undefined => {
    const current = value(address);
    return current.kind === 'pending' ? settledRuns.get(address) : engine.runAt(address);
  };

  // Start: remember every value and ask for the runs the sheet needs.
  applyChanges(allCells());

  return {
    rows,
    cols,
    value,
    settledValue,
    settledRun,
    cellView(address): CellView {
      const current = value(address);
      const shown = current.kind === 'pending' ? settled.get(address) ?? current : current;
      const view = describeCell(shown, current.kind === 'pending', options.colorOf?.(address));
      const textual = shown.kind === 'text' || shown.kind === 'note';
      return textual && nextCellEmpty(address) ? { ...view, overflows: true } : view;
    },
    raw(address) {
      signals.track(address);
      return engine.raw(address);
    },
    nameOf(address) {
      signals.track(address);
      return engine.nameOf(address);
    },
    colWidth(column) {
      signals.revision();
      return engine.colWidth(column) ?? (column === 'A' ? 150 : 110);
    },
    selection,
    select: (anchor, focus = anchor) => setSelection({ anchor, focus }),
    commit: (address, raw) => edit(() => engine.setCell(address, raw)),
    commitMany: (entries) => edit(() => engine.setCells(entries)),
    clear: (range) => edit(() => engine.setCells(cellsInRange(range).map((address) => [address, ''] as const))),
    copy(range) {
      const tsv = engine.copyTsv(range);
      lastCopy = { tsv, anchor: cellsInRange(range)[0] };
      return tsv;
    },
    paste(target, tsv) {
      // Only the app's own copy shifts references; text from elsewhere is pasted as typed.
      const normalised = tsv.replace(/\r\n/g, '\n');
      const source = lastCopy && lastCopy.tsv.replace(/\r\n/g, '\n') === normalised ? lastCopy.anchor : undefined;
      edit(() => engine.pasteTsv(target, tsv, source));
    },
    undo: () => edit(() => engine.undo()),
    redo: () => edit(() => engine.redo()),
    insertRows: (at, count) => edit(() => (engine.insertRows(at, count), allCells())),
    deleteRows: (at, count) => edit(() => (engine.deleteRows(at, count), allCells())),
    insertCols: (at, count) => edit(() => (engine.insertCols(at, count), allCells())),
    deleteCols: (at, count) => edit(() => (engine.deleteCols(at, count), allCells())),
    setName(address, name) {
      const outcome = engine.setName(address, name);
      if (outcome instanceof Set) {
        edit(() => new Set([...outcome, address]));
        return null;
      }
      const error = outcome as { reason: string; args?: Readonly<Record<string, string | number>> };
      return t(error.reason, error.args);
    },
    setColWidth(column, width) {
      engine.setColWidth(column, width);
      signals.bump([]);
    },
    scrub(address, steps) {
      const raw = engine.raw(address).trim();
      const number = Number(raw);
      if (raw === '' || !Number.isFinite(number)) return;
      edit(() => engine.setCell(address, String(scrubNumber(number, steps))));
    },
    state: () => {
      signals.revision();
      return engine.toState();
    },
    load(state) {
      // One undo step: a preset or a link picked by mistake is one Ctrl+Z away.
      edit(() => new Set([...allCells(), ...engine.loadState(state)]));
    },
    runStatus: dispatcher.status,
    lastEditMs,
    editCount,
    canUndo: () => history().undo,
    canRedo: () => history().redo,
    idle: () => dispatcher.idle(),
    cancelRuns: () => dispatcher.cancelAll(),
    setCharts: (charts) => edit(() => engine.setCharts(charts)),
    setPins: (pins) => edit(() => engine.setPins(pins)),
  };
}

function cellsInRange(range: string): CellAddress[] {
  const parsed = parseRange(range);
  return parsed ? rangeAddresses(parsed) : [];
}
