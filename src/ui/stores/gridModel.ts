/**
 * What the grid view needs from the sheet store: reactive reads and intent callbacks. The grid
 * renders and dispatches only; the store (src/state/sheetStore.ts) implements this on top of the
 * sheet engine, the worker and the URL.
 */
import type { Accessor } from 'solid-js';
import type { CellAddress } from '../../sheet/types';

export type CellViewKind =
  | 'empty'
  | 'number'
  | 'text'
  | 'note'
  | 'boolean'
  | 'error'
  | 'run'
  | 'objective'
  | 'array'
  | 'pending';

/** A cell as displayed: formatted text plus what the view needs for styling and tooltips. */
export interface CellView {
  readonly text: string;
  readonly kind: CellViewKind;
  /** One-sentence explanation (errors) or details (runs), shown on hover; already translated. */
  readonly title?: string;
  /** True while the cell's run is pending and `text` still shows the previous result. */
  readonly stale?: boolean;
  /** Series colour when a chart shows this cell's run, so cell and line match. */
  readonly color?: string;
  /** Diff highlight: this input differs between the two runs being compared. */
  readonly highlighted?: boolean;
  /** A run that diverges: a result, shown in a warning colour (not an error). */
  readonly diverged?: boolean;
  /** Text that may flow over the next cell to the right, because that cell is empty. */
  readonly overflows?: boolean;
  /**
   * A choice cell (e.g. grad_mode): the values it accepts, offered as a dropdown; choosing one
   * commits its `value` as the cell's raw input. Labels are already translated.
   */
  readonly choices?: readonly CellChoice[];
}

export interface CellChoice {
  readonly value: string;
  readonly label: string;
}

export interface Selection {
  readonly anchor: CellAddress;
  readonly focus: CellAddress;
}

export interface GridModel {
  readonly rows: Accessor<number>;
  readonly cols: Accessor<number>;
  /** Reactive: re-runs only when this cell's display changes. */
  cellView(address: CellAddress): CellView;
  /** Reactive raw input (what the formula bar shows). */
  raw(address: CellAddress): string;
  nameOf(address: CellAddress): string | undefined;
  colWidth(column: string): number;
  readonly selection: Accessor<Selection>;
  select(anchor: CellAddress, focus?: CellAddress): void;
  commit(address: CellAddress, raw: string): void;
  /** Clear every cell in the A1 range (one undo step). */
  clear(range: string): void;
  /** TSV of raw inputs for the clipboard; remembers the range as the in-app copy source. */
  copy(range: string): string;
  /** Paste TSV at target; refs shift when the text is the app's own last copy. */
  paste(target: CellAddress, tsv: string): void;
  undo(): void;
  redo(): void;
  insertRows(at: number, count: number): void;
  deleteRows(at: number, count: number): void;
  insertCols(at: number, count: number): void;
  deleteCols(at: number, count: number): void;
  /** Resolves to a translated error sentence, or null on success. */
  setName(address: CellAddress, name: string | null): Promise<string | null>;
  setColWidth(column: string, width: number): void;
  /** Nudge a numeric cell (scrubbing): multiply its magnitude step by `steps` (±); no-op for non-numbers. */
  scrub(address: CellAddress, steps: number): void;
}
