/**
 * The sheet's public contract: the persisted state (what a shared link carries) and the value a
 * cell evaluates to. Values are a union on `kind`; errors are values, never exceptions.
 */
import type {
  ComputeRequest,
  Path2DRequest,
  Path2DResult,
  RegressionRequest,
  RegressionResult,
  RegressionSweepRequest,
  RegressionSweepResult,
  Sweep2DRequest,
  Sweep2DResult,
} from '../core/runTypes';

/** A1-style address such as "B3" (no `$`). Columns A…Z then AA…; rows from 1. */
export type CellAddress = string;

/** Charts are bound to cells, so what a chart shows travels with the sheet. */
export interface ChartBinding {
  readonly id: string;
  readonly kind: 'trajectories' | 'ewma' | 'loss' | 'rateMap' | 'eigen' | 'sweep';
  /** A1 range or single address, e.g. "B20:B23"; the chart shows the suitable values found there. */
  readonly source: string;
  /** Trajectory chart only: show η·∇f and velocity arrows. */
  readonly arrows?: boolean;
  /** Run cells shown besides those in `source` (the run picker adds cells typed anywhere). */
  readonly include?: readonly CellAddress[];
  /** Cells of `source` the chart leaves out (the run picker removes them). */
  readonly exclude?: readonly CellAddress[];
  /** Trajectory chart only: the one run whose arrows are drawn; absent: every run's. */
  readonly arrowsFor?: CellAddress;
}

/** A pinned run: the request is kept (so it is reproducible), the result is recomputed. */
export interface Pin {
  readonly id: string;
  readonly label: string;
  /** The cell it was pinned from (for colour and diff), informative only. */
  readonly cell: CellAddress;
  readonly request: ComputeRequest;
}

/** Everything a shared link or a state file carries. Format version lives in src/share. */
export interface SheetState {
  readonly rows: number;
  readonly cols: number;
  /** Raw input per cell: a number, text, or a formula starting with "=". Empty cells are absent. */
  readonly cells: Readonly<Record<CellAddress, string>>;
  /** Named cells: name → address. */
  readonly names: Readonly<Record<string, CellAddress>>;
  /** Column widths in CSS pixels by column letter; absent = default. */
  readonly colWidths: Readonly<Record<string, number>>;
  readonly charts: readonly ChartBinding[];
  readonly pins: readonly Pin[];
  /**
   * Choice cells: the values each accepts, in the order a dropdown offers them, e.g.
   * `{ B6: ['printed', 'corrected'] }`. The cell's value must be one of them exactly (its text,
   * or a number's or boolean's text); anything else is #VALUE! ('error.notAChoice', naming the
   * allowed values). A property of the cell: it moves with row and column edits and travels with
   * links. Absent or empty: no choice cells.
   */
  readonly validations?: Readonly<Record<CellAddress, readonly string[]>>;
}

export type ErrorCode =
  | '#NAME?'
  | '#REF!'
  | '#CYCLE!'
  | '#DIV/0!'
  | '#VALUE!'
  | '#NUM!'
  | '#DIVERGED'
  | '#N/A'
  | '#ERROR!';

/**
 * An error value. `reason` is a message-catalogue key (src/i18n) explaining the error in a
 * sentence; `args` fill its placeholders. Errors propagate through dependents unchanged.
 */
export interface ErrorValue {
  readonly kind: 'error';
  readonly code: ErrorCode;
  readonly reason: string;
  readonly args?: Readonly<Record<string, string | number>>;
}

/**
 * A run the sheet asked the worker for, with its result once it has landed. A run that diverged
 * is still a run: `divergedAt` says from which step (src/core/divergence.ts), and only its
 * final-value parts (f, x1, loss, w1 …) read as #DIVERGED.
 */
export type RunValue =
  | { readonly kind: 'run'; readonly request: Path2DRequest; readonly result: Path2DResult; readonly divergedAt: number | null }
  /** A regression cell holds one config (request.configs.length === 1) and its own result. */
  | { readonly kind: 'run'; readonly request: RegressionRequest; readonly result: RegressionResult; readonly divergedAt: number | null }
  /**
   * A sweep cell (=SWEEP, =REGRESSION_SWEEP) holds the summary of its whole grid. The sweep as a
   * whole never diverges; its configs say from which step each did (result.divergedAt).
   */
  | { readonly kind: 'run'; readonly request: Sweep2DRequest; readonly result: Sweep2DResult; readonly divergedAt: null }
  | { readonly kind: 'run'; readonly request: RegressionSweepRequest; readonly result: RegressionSweepResult; readonly divergedAt: null };

export type CellValue =
  | { readonly kind: 'empty' }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'text'; readonly value: string }
  /** Explanatory text from the message catalogue (src/i18n), shown in the user's language: =NOTE("gd.intro"). */
  | { readonly kind: 'note'; readonly key: string }
  | { readonly kind: 'boolean'; readonly value: boolean }
  /** A range or array literal, row-major; `origin` is a range's top-left address (for messages). */
  | { readonly kind: 'array'; readonly rows: number; readonly cols: number; readonly items: readonly CellValue[]; readonly origin?: CellAddress }
  /** A function of x1, x2 (an objective), with cell references already replaced by numbers. */
  | { readonly kind: 'objective'; readonly expr: string }
  /** A gradient: two formulas in x1, x2; derived = produced by GRAD() rather than typed. */
  | { readonly kind: 'gradient'; readonly exprs: readonly [string, string]; readonly derived: boolean }
  | RunValue
  /** A run waiting for the worker. The view keeps showing the cell's previous value meanwhile. */
  | { readonly kind: 'pending'; readonly request: ComputeRequest }
  | ErrorValue;

/** Addresses whose value changed in one edit; the view repaints only these. */
export type ChangeSet = ReadonlySet<CellAddress>;

/** What a paste did: the cells whose value changed, how the grid grew to take the block, and what did not fit. */
export interface PasteOutcome {
  readonly changes: ChangeSet;
  /** Rows and columns added to the grid, or null when the block fitted as it was. */
  readonly grew: { readonly rows: number; readonly cols: number } | null;
  /** Rows and columns of the block that were not pasted (past the grid's limits; see src/sheet/limits.ts). */
  readonly dropped: { readonly rows: number; readonly cols: number };
}

/** A run the engine needs: `key` is a stable hash of `request`; `cells` are the cells waiting on it. */
export interface RunNeed {
  readonly key: string;
  readonly request: ComputeRequest;
  readonly cells: readonly CellAddress[];
}

/**
 * The sheet engine as the store, the CLI and the grid use it. Framework-free; implemented in
 * src/sheet/engine.ts. Every mutating call returns the cells whose value changed. Structural
 * edits and pastes go through here so that references follow them.
 */
export interface SheetEngineApi {
  readonly rows: number;
  readonly cols: number;
  raw(address: CellAddress): string;
  value(address: CellAddress): CellValue;
  /** Name bound to the address, if any. */
  nameOf(address: CellAddress): string | undefined;
  /** The values a choice cell accepts (see SheetState.validations), for a dropdown; undefined for other cells. */
  choicesAt(address: CellAddress): readonly string[] | undefined;
  setCell(address: CellAddress, raw: string): ChangeSet;
  /** Several cells in one edit (one undo step). */
  setCells(entries: ReadonlyArray<readonly [CellAddress, string]>): ChangeSet;
  /** Bind or (with null) unbind a name. Returns an error value when the name is invalid or taken. */
  setName(address: CellAddress, name: string | null): ErrorValue | ChangeSet;
  /**
   * Paste a TSV block at `target`; if `source` is given (an in-app copy), relative references
   * shift by target − source. The grid grows to take the block, up to its limits; what did not
   * fit is counted in `dropped`.
   */
  pasteTsv(target: CellAddress, tsv: string, source?: CellAddress): PasteOutcome;
  /** Raw inputs of a rectangular range as TSV (for the clipboard). */
  copyTsv(range: string): string;
  /** Structural edits: `at` is a 0-based row/column index where the first new one goes (or the first deleted one is). */
  insertRows(at: number, count: number): ChangeSet;
  deleteRows(at: number, count: number): ChangeSet;
  insertCols(at: number, count: number): ChangeSet;
  deleteCols(at: number, count: number): ChangeSet;
  setColWidth(column: string, width: number): void;
  /** A column's width in CSS pixels, if set (cheaper than toState() for rendering). */
  colWidth(column: string): number | undefined;
  /** Replace the chart bindings (one undo step). */
  setCharts(charts: readonly ChartBinding[]): ChangeSet;
  /** Replace the pinned runs (one undo step). */
  setPins(pins: readonly Pin[]): ChangeSet;
  /** Replace the whole sheet, e.g. with a preset (one undo step). */
  loadState(state: SheetState): ChangeSet;
  undo(): ChangeSet;
  redo(): ChangeSet;
  canUndo(): boolean;
  canRedo(): boolean;
  /** Runs some cell waits for and whose result is not known yet. */
  runNeeds(): readonly RunNeed[];
  /** A run landed: cells waiting on `key` get their value, dependents recompute. */
  supplyRunResult(key: string, result: import('../core/runTypes').ComputeResult): ChangeSet;
  /** A run failed: cells waiting on `key` show #N/A (reason 'error.runFailed', args {message}). */
  supplyRunFailure(key: string, message: string): ChangeSet;
  /** A pinned run's value once it has been computed. */
  pinRun(id: string): RunValue | undefined;
  /** The run a cell holds (diverged or not), i.e. its value when that is a run; for charts. */
  runAt(address: CellAddress): RunValue | undefined;
  toState(): SheetState;
  /** The sheet's names (name → address), without building a whole state. */
  toNames(): Record<string, CellAddress>;
}
