/**
 * The sheet as the page knows it: what the session's patches said about each cell, kept in one
 * signal per cell so a patch repaints only the cells it names. Implements the grid's model:
 * reads are fine-grained, intents go to the session client. Holds no engine and evaluates
 * nothing; the page's only arithmetic is scrubbing a number it already shows.
 */
import { batch, createMemo, createSignal, type Accessor, type Setter } from 'solid-js';
import type { CellPatch, Intent, Patch, RunStatus, SheetMeta } from '../../session/contract';
import type { SessionClient } from '../client/sessionClient';
import { formatTsv } from '../clipboard/tsv';
import type { CellView, CellViewKind, GridModel, Selection } from './gridModel';
import { scrubNumber } from './scrub';
import { t, tm, tp } from '../../i18n/localeStore';
import { cellsInRange, nextAddressRight, rangeRows } from './addresses';

export interface SheetStore extends GridModel {
  /** The newest patch of a cell, reactive (undefined: an empty cell). */
  cell(address: string): CellPatch | undefined;
  readonly meta: Accessor<SheetMeta | null>;
  readonly runStatus: Accessor<RunStatus>;
  /** True once the session has reflected every intent and no run is in flight. */
  readonly idle: Accessor<boolean>;
  readonly canUndo: Accessor<boolean>;
  readonly canRedo: Accessor<boolean>;
  /** Send any intent (charts, pins, loads). Returns its revision. */
  send(intent: Intent): number;
  /** Several cells in one undoable edit (chart drags and clicks). */
  commitMany(entries: ReadonlyArray<readonly [string, string]>): void;
  cancelRuns(): void;
  /** Every address the page knows a cell for (exports of raw input, tests). */
  addresses(): string[];
}

const EMPTY_STATUS: RunStatus = { running: 0, runningKinds: [], progress: null, lastFailure: null };
const VIEW_KIND: Readonly<Record<CellPatch['kind'], CellViewKind>> = {
  empty: 'empty',
  number: 'number',
  text: 'text',
  note: 'note',
  boolean: 'boolean',
  error: 'error',
  run: 'run',
  objective: 'objective',
  array: 'array',
  choice: 'text',
};

export interface SheetStoreOptions {
  readonly client: SessionClient;
  /** Colour of a cell's run when a chart shows it (reactive). */
  readonly colorOf?: (address: string) => string | undefined;
}

/** A choice's label in the user's language (`choice.printed`), or the value itself. */
function choiceLabel(value: string): string {
  const key = `choice.${value}`;
  const label = t(key);
  return label === key ? value : label;
}

export function createSheetStore(options: SheetStoreOptions): SheetStore {
  const { client } = options;
  const cells = new Map<string, CellPatch>();
  const versions = new Map<string, [Accessor<number>, Setter<number>]>();
  const [revision, setRevision] = createSignal(0);
  const [meta, setMeta] = createSignal<SheetMeta | null>(null);
  const [runStatus, setRunStatus] = createSignal<RunStatus>(EMPTY_STATUS);
  const [idleFlag, setIdleFlag] = createSignal(false);
  const [selection, setSelection] = createSignal<Selection>({ anchor: 'B3', focus: 'B3' });
  let lastCopy: { tsv: string; anchor: string } | null = null;

  const signalFor = (address: string) => {
    let signal = versions.get(address);
    if (signal === undefined) {
      signal = createSignal(0);
      versions.set(address, signal);
    }
    return signal;
  };
  const track = (address: string) => void signalFor(address)[0]();
  const bump = (address: string) => versions.get(address)?.[1]((n) => n + 1);

  const apply = (patch: Patch) => {
    batch(() => {
      if (patch.full) {
        const previous = [...cells.keys()];
        cells.clear();
        previous.forEach(bump);
      }
      for (const cell of patch.cells ?? []) {
        if (cell.kind === 'empty' && cell.raw === '' && cell.name === undefined) cells.delete(cell.address);
        else cells.set(cell.address, cell);
        bump(cell.address);
      }
      if (patch.meta) setMeta(patch.meta);
      if (patch.status) setRunStatus(patch.status);
      setIdleFlag(patch.idle && patch.rev >= client.sentRev);
      setRevision((n) => n + 1);
    });
  };
  client.subscribe(apply);
  // Idle means every intent sent is reflected: an intent on its way makes the sheet busy at once,
  // not only when its patch arrives (until then the last patch would still say idle).
  client.onSend(() => setIdleFlag(false));

  const cell = (address: string): CellPatch | undefined => {
    track(address);
    return cells.get(address);
  };
  // Every patch that changes the sheet carries its meta data: memos keep the grid's size and
  // widths from re-rendering anything unless they themselves changed.
  const rows = createMemo(() => meta()?.rows ?? 0);
  const cols = createMemo(() => meta()?.cols ?? 0);
  const colWidths = createMemo(() => meta()?.colWidths ?? {}, {}, { equals: sameRecord });
  const commit = (entries: ReadonlyArray<readonly [string, string]>) => void client.send({ kind: 'setCells', entries });

  const view = (address: string): CellView => {
    const current = cell(address);
    if (current === undefined) return { text: '', kind: 'empty' };
    const kind = VIEW_KIND[current.kind];
    const text = tp(current.text);
    const badges = current.badges?.map(tm);
    const shownText = badges === undefined || badges.length === 0 ? text : `${text} · ${badges.join(' · ')}`;
    const textual = kind === 'text' || kind === 'note';
    const next = nextAddressRight(address, cols());
    const overflows = textual && next !== null && cell(next) === undefined;
    const choices = current.choices?.map((value) => ({ value, label: choiceLabel(value) }));
    return {
      ...(choices === undefined ? {} : { choices }),
      text: shownText,
      kind,
      diverged: current.error === '#DIVERGED' || undefined,
      title: current.title === undefined ? undefined : tp(current.title),
      stale: current.pending || undefined,
      color: options.colorOf?.(address),
      overflows: overflows || undefined,
    };
  };

  return {
    rows,
    cols,
    cell,
    meta,
    runStatus,
    idle: idleFlag,
    canUndo: createMemo(() => meta()?.canUndo ?? false),
    canRedo: createMemo(() => meta()?.canRedo ?? false),
    cellView: view,
    raw: (address) => cell(address)?.raw ?? '',
    nameOf: (address) => cell(address)?.name,
    colWidth: (column) => colWidths()[column] ?? (column === 'A' ? 150 : 110),
    selection,
    select: (anchor, focus = anchor) => setSelection({ anchor, focus }),
    commit: (address, raw) => commit([[address, raw]]),
    commitMany: commit,
    clear: (range) => void client.send({ kind: 'clear', range }),
    copy(range) {
      const tsv = formatTsv(rangeRows(range).map((row) => row.map((address) => cells.get(address)?.raw ?? '')));
      lastCopy = { tsv, anchor: cellsInRange(range)[0] ?? range };
      return tsv;
    },
    paste(target, tsv) {
      // Only the app's own copy shifts references; text from elsewhere is pasted as typed.
      const normalised = tsv.replace(/\r\n/g, '\n');
      const source = lastCopy !== null && lastCopy.tsv.replace(/\r\n/g, '\n') === normalised ? lastCopy.anchor : undefined;
      client.send(source === undefined ? { kind: 'paste', target, tsv } : { kind: 'paste', target, tsv, source });
    },
    undo: () => void client.send({ kind: 'undo' }),
    redo: () => void client.send({ kind: 'redo' }),
    insertRows: (at, count) => void client.send({ kind: 'insert', axis: 'row', at, count }),
    deleteRows: (at, count) => void client.send({ kind: 'delete', axis: 'row', at, count }),
    insertCols: (at, count) => void client.send({ kind: 'insert', axis: 'col', at, count }),
    deleteCols: (at, count) => void client.send({ kind: 'delete', axis: 'col', at, count }),
    async setName(address, name) {
      const reply = await client.request({ kind: 'setName', address, name });
      return reply.ok ? null : tm(reply.error);
    },
    setColWidth: (column, width) => void client.send({ kind: 'setColWidth', column, width }),
    scrub(address, steps) {
      const raw = (cells.get(address)?.raw ?? '').trim();
      const number = Number(raw);
      if (raw === '' || !Number.isFinite(number)) return;
      commit([[address, String(scrubNumber(number, steps))]]);
    },
    send: (intent) => client.send(intent),
    cancelRuns: () => void client.send({ kind: 'cancelRuns' }),
    addresses: () => {
      revision();
      return [...cells.keys()];
    },
  };
}

function sameRecord(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}
