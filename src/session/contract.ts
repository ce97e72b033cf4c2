/**
 * The contract between the page and the sheet session. The session (engine + run planning +
 * compute) lives in the worker, or in-process for the CLI and tests; the page only sends
 * intents and applies patches. Everything here is plain, structured-clone-safe data: typed
 * arrays travel as transferables.
 *
 * Two rules make the page simple:
 *  - Every intent carries an increasing revision `rev`. Every patch says the newest revision it
 *    reflects, and every entity in it (a cell, a chart, the sheet's meta data) carries the
 *    session's version at which it was produced. The client applies an entity only when its
 *    version is newer than the one it shows, so a late or reordered reply can never overwrite a
 *    newer one (see src/ui/client/patchLedger.ts).
 *  - Engines emit message keys, never sentences: anything a user reads is a `Message` or a list
 *    of `TextPart`s, translated by the page (src/i18n).
 */
import type { ContourResult, Path2DRequest, Path2DResult, RateMapRequest, RateMapResult, RegressionConfig, RegressionRequest, Vec2 } from '../core/runTypes';
import type { ChartBinding, ErrorCode, SheetState } from '../sheet/types';

/** A translatable sentence: a catalogue key and its arguments (which may be messages themselves). */
export interface Message {
  readonly key: string;
  readonly args?: Readonly<Record<string, MessageArg>>;
}
export type MessageArg = string | number | Message;

/** Display text: literal pieces (numbers, formulas, codes) and translatable pieces, joined. */
export type TextPart = string | Message;
export type DisplayText = readonly TextPart[];

export type CellKind =
  | 'empty'
  | 'number'
  | 'text'
  | 'note'
  | 'boolean'
  | 'error'
  | 'run'
  | 'objective'
  | 'array'
  | 'choice';

/** What the grid shows of one cell. */
export interface CellPatch {
  readonly address: string;
  /** Session version at which this cell's state was produced (see the rules above). */
  readonly version: number;
  /** The raw input (what the formula bar shows); '' for an empty cell. */
  readonly raw: string;
  readonly name?: string;
  readonly kind: CellKind;
  readonly text: DisplayText;
  /** Hover text: errors explain themselves, runs summarise their settings. */
  readonly title?: DisplayText;
  /** Errors: the code, for styling and tests (the text shows it too). */
  readonly error?: ErrorCode;
  /**
   * The cell waits for a run: `text` and `kind` are still the previous result (shown as stale)
   * until the run lands.
   */
  readonly pending: boolean;
  /** A badge beside the text, e.g. "not ∇f" for a run with a hand-typed gradient that is wrong. */
  readonly badges?: readonly Message[];
  /** A run cell: what a comparison table and the pin button need, without the series. */
  readonly run?: RunSummary;
  /** A choice cell (e.g. grad_mode): the allowed values, offered as a dropdown. */
  readonly choices?: readonly string[];
  /** The cell's number, when it is one (charts' marks, scrubbing). */
  readonly number?: number;
}

/** The inputs and outcomes of a run cell, and how each reads (rounded as cells are). */
export interface RunSummary {
  readonly kind: 'path2d' | 'regression';
  readonly label: DisplayText;
  /** Input name → value; names are catalogue keys under `run.input.*`. */
  readonly inputs: Readonly<Record<string, number | string>>;
  /** Outcome name → value; names are catalogue keys under `run.outcome.*`. null: not applicable. */
  readonly outcomes: Readonly<Record<string, number | string | null>>;
  /** Every input and outcome rounded as the grid rounds numbers (src/sheet/format); absent: not applicable. */
  readonly shown: Readonly<Record<string, string>>;
  readonly divergedAt: number | null;
}

/** A run as a chart draws it. */
export interface ChartRun2D {
  /** The cell address, or the pin id for a pinned run. */
  readonly id: string;
  readonly label: DisplayText;
  /** Position among the chart's runs from cells (the colour index); pins follow their cell. */
  readonly colorIndex: number;
  readonly pinned: boolean;
  readonly request: Path2DRequest;
  readonly result: Path2DResult;
}

export interface ChartRunLoss {
  readonly id: string;
  readonly label: DisplayText;
  readonly colorIndex: number;
  readonly pinned: boolean;
  readonly config: RegressionConfig;
  readonly request: RegressionRequest;
  /** Loss i is the loss after step min(i·lossStride, totalSteps). */
  readonly losses: Float64Array;
  readonly stepsPerEpoch: number;
  /** Steps between recorded losses (1 for the chapter's runs; more for long ones, at most 1,001 points). */
  readonly lossStride: number;
  /** Training steps of the run: epochs × stepsPerEpoch. */
  readonly totalSteps: number;
  readonly divergedAt: number | null;
}

/** A 2-D run's error along each eigendirection of its gradient's Jacobian, with the envelope theory predicts. */
export interface ChartRunEigen {
  readonly id: string;
  readonly label: DisplayText;
  readonly directions: readonly [EigenSeries, EigenSeries];
}

export interface EigenSeries {
  readonly lambda: number;
  readonly rho: number;
  /** (|e_T| / |e_0|)^(1/T), the rate the run showed. */
  readonly measured: number;
  /** |u_iᵀ(x_t − x*)|, t = 0…T. */
  readonly errors: Float64Array;
  /** |e_0|·ρᵗ. */
  readonly envelope: Float64Array;
}

/** Large, rarely changing results travel once per key; later patches name them by key only. */
export interface Shared<R> {
  readonly key: string;
  /** Present the first time this key is sent to a client (after a reconnect, again). */
  readonly result?: R;
}

/**
 * A sweep cell's grid as the heatmap draws it. Row-major: row r is momenta[r], column c is lrs[c].
 * For a 2-D SWEEP the axes are η and γ and the value is the final f; for REGRESSION_SWEEP the
 * learning rate, the momentum and the final loss.
 */
export interface SweepGrid {
  readonly address: string;
  readonly kind: 'sweep2d' | 'regressionSweep';
  readonly lrs: Float64Array;
  readonly momenta: Float64Array;
  readonly final: Float64Array;
  /** −1 where the config did not diverge. */
  readonly divergedAt: Int32Array;
  /** The names a click writes (eta/gamma for a 2-D sweep, lr/momentum for a regression sweep), and whether the sheet has both. */
  readonly targets: readonly [string, string];
  readonly targetsExist: boolean;
}

export type ChartData =
  | {
      readonly kind: 'trajectories';
      readonly runs: readonly ChartRun2D[];
      readonly contours: Shared<ContourResult> | null;
      readonly region: { readonly x1: Vec2; readonly x2: Vec2 } | null;
      readonly start: Vec2 | null;
      /** Runs that follow a hand-typed gradient which is not ∇f (the chapter's printed one, say). */
      readonly notGradient: readonly string[];
    }
  | { readonly kind: 'loss'; readonly runs: readonly ChartRunLoss[] }
  | { readonly kind: 'ewma'; readonly gammas: readonly number[] }
  /** Runs whose gradient has no eigendirections (not affine) are left out and counted. */
  | { readonly kind: 'eigen'; readonly runs: readonly ChartRunEigen[]; readonly withoutTheory: number }
  | { readonly kind: 'sweep'; readonly sweep: SweepGrid | null }
  | {
      readonly kind: 'rateMap';
      readonly eigenvalues: readonly number[];
      readonly request: RateMapRequest | null;
      readonly result: Shared<RateMapResult> | null;
      readonly current: { readonly lr: number; readonly momentum: number } | null;
      /** Exact heavy-ball rate at the current (η, γ), not the map's nearest sample. */
      readonly currentRate: number | null;
    };

export interface ChartPatch {
  readonly id: string;
  readonly version: number;
  readonly binding: ChartBinding;
  readonly data: ChartData;
  /** True while a run the chart shows is still computing (the data is then the previous runs'). */
  readonly pending: boolean;
}

export interface PinView {
  readonly id: string;
  readonly label: DisplayText;
  readonly cell: string;
}

/** Sheet-wide facts, sent whole when any of them changes. */
export interface SheetMeta {
  readonly version: number;
  readonly rows: number;
  readonly cols: number;
  readonly names: Readonly<Record<string, string>>;
  readonly colWidths: Readonly<Record<string, number>>;
  readonly charts: readonly ChartBinding[];
  readonly pins: readonly PinView[];
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  /** Notices the sheet itself raises (e.g. the printed gradient no longer matches f). */
  readonly notices: readonly SheetNotice[];
  /** True in safe mode: nothing is computed, cells show their raw text. */
  readonly safeMode: boolean;
  /** The ready-made sheets the toolbar offers (`preset` intent). */
  readonly presets: readonly { readonly id: string; readonly label: Message }[];
  /** The chapter's gradient switch (the cell named grad_mode), wherever it is; null when the sheet has none. */
  readonly gradientSwitch: GradientSwitch | null;
}

export interface GradientSwitch {
  readonly address: string;
  /** Which gradient the switch selects now; null while its value is neither (an error, say). */
  readonly mode: 'printed' | 'corrected' | null;
}

export interface SheetNotice {
  readonly id: string;
  readonly message: Message;
  /** An intent the notice offers as a button, e.g. switching grad_mode to "corrected". */
  readonly action?: { readonly label: Message; readonly intent: Intent };
}

export interface RunStatus {
  readonly running: number;
  /** Kinds of the jobs in flight (path2d, regression, contours, rateMap). */
  readonly runningKinds: readonly string[];
  /** 0…1 for long runs that report progress; null when none do. */
  readonly progress: number | null;
  readonly lastFailure: Message | null;
}

/** What a list of recent sheets shows of a sheet without decoding it (the page has no codec). */
export interface SheetDescription {
  /** The sheet's first text (a typed text, else its first note), or null when it has none. */
  readonly title: TextPart | null;
  /** How many cells hold something. */
  readonly cells: number;
}

/** The persisted form of the sheet, produced by the session so the page needs no codec of its own. */
export interface PersistedState {
  readonly version: number;
  /** The link payload `2.…` (the URL fragment is `#s=` + this). */
  readonly linkText: string;
  /** The state file / autosave JSON. */
  readonly fileText: string;
  /** A short description for the recent sheets (absent from sessions that do not describe). */
  readonly description?: SheetDescription;
}

/** One batch of changes. Any part may be absent. */
export interface Patch {
  /** The session's version when it was sent: every entity in it carries this version too. */
  readonly version: number;
  /** The newest intent revision reflected. */
  readonly rev: number;
  /** A full snapshot replaces everything the client holds (first patch, restart, load). */
  readonly full?: boolean;
  readonly cells?: readonly CellPatch[];
  readonly charts?: readonly ChartPatch[];
  /** Charts that no longer exist. */
  readonly removedCharts?: readonly string[];
  readonly meta?: SheetMeta;
  readonly status?: RunStatus;
  readonly persisted?: PersistedState;
  /**
   * This patch reflects `rev` but its persisted form comes in a later patch (encoding waits a
   * turn so the page can paint first): until then the intents up to `rev` are not yet kept.
   */
  readonly persistedFollows?: true;
  /** True when no run is in flight or planned: everything the last intent caused has landed. */
  readonly idle: boolean;
}

export type Axis = 'row' | 'col';

export type Intent =
  | { readonly kind: 'setCells'; readonly entries: ReadonlyArray<readonly [address: string, raw: string]> }
  | { readonly kind: 'clear'; readonly range: string }
  /** `source`: the top-left of the app's own copy, so relative references shift. */
  | { readonly kind: 'paste'; readonly target: string; readonly tsv: string; readonly source?: string }
  | { readonly kind: 'insert' | 'delete'; readonly axis: Axis; readonly at: number; readonly count: number }
  | { readonly kind: 'setName'; readonly address: string; readonly name: string | null }
  | { readonly kind: 'setColWidth'; readonly column: string; readonly width: number }
  | { readonly kind: 'setCharts'; readonly charts: readonly ChartBinding[] }
  | { readonly kind: 'pin'; readonly address: string }
  | { readonly kind: 'unpin'; readonly id: string }
  | { readonly kind: 'undo' }
  | { readonly kind: 'redo' }
  | { readonly kind: 'load'; readonly state: SheetState }
  /** Replace the sheet with a ready-made one (one undo step). */
  | { readonly kind: 'preset'; readonly id: string }
  /** A link payload or state file text, untrusted: decoded and checked in the session, loaded as one undo step. */
  | { readonly kind: 'loadText'; readonly text: string; readonly format: 'link' | 'file' }
  /** Dragging the start handle writes the cells named x1_0 and x2_0. */
  | { readonly kind: 'moveStart'; readonly point: Vec2 }
  /** Clicking the rate map writes the cells named eta and gamma. */
  | { readonly kind: 'setLrMomentum'; readonly lr: number; readonly momentum: number }
  /** Clicking a sweep heatmap writes the config's exact values into the cells its `targets` name (see SweepGrid). */
  | { readonly kind: 'pickSweepConfig'; readonly sweep: 'sweep2d' | 'regressionSweep'; readonly lr: number; readonly momentum: number }
  | { readonly kind: 'cancelRuns' }
  /** Leave safe mode: evaluate the sheet (and compute its runs) after all. */
  | { readonly kind: 'evaluate' };

/** What an intent answers at once (its effects arrive as patches). */
export type IntentReply =
  /** What the user must be told about an edit (a paste that grew the grid) travels as a SheetNotice. */
  | { readonly ok: true }
  | { readonly ok: false; readonly error: Message };

/** Untrusted texts the page found at start-up, decoded and checked inside the session. */
export interface OpenRequest {
  /** The URL fragment's `s` value, or null. */
  readonly linkText: string | null;
  /** The autosaved state file text, or null. */
  readonly savedText: string | null;
  /** Open without computing anything (safe mode): cells show raw text. */
  readonly safeMode?: boolean;
}

export interface OpenReply {
  /** Where the sheet came from. */
  readonly source: 'link' | 'saved' | 'default';
  readonly notices: readonly OpenNotice[];
  /** When a link replaced a different saved sheet: that sheet's state file text, to keep. */
  readonly replacedText: string | null;
}

export type OpenNotice =
  | { readonly kind: 'brokenLink'; readonly message: Message; readonly kept: boolean }
  | { readonly kind: 'linkReplacedLocal' }
  | { readonly kind: 'savedUnreadable'; readonly message: Message }
  | { readonly kind: 'newerFormat'; readonly message: Message }
  | { readonly kind: 'migrated'; readonly from: number };

export type ExportKind = 'csvPaths' | 'csvLosses' | 'numpy' | 'numpy2d' | 'stateFile';

/**
 * The session as the page speaks to it (through Comlink) and the CLI calls it (in-process).
 * Nothing rejects: failures come back as values.
 */
export interface SessionApi {
  /** Start sending patches; the first one is a full snapshot. */
  connect(onPatch: (patch: Patch) => void): Promise<void>;
  open(request: OpenRequest): Promise<OpenReply>;
  apply(rev: number, intent: Intent): Promise<IntentReply>;
  /** Heartbeat: answers at once unless the worker is busy evaluating. */
  ping(): Promise<number>;
  exportText(kind: ExportKind): Promise<{ readonly ok: true; readonly text: string } | { readonly ok: false; readonly error: Message }>;
}
