/**
 * One sheet session: the engine, run planning and compute together, speaking the contract in
 * contract.ts. The browser runs it inside the worker (workers/session.worker.ts), the CLI and
 * the tests in-process. Intents mutate the engine; whatever they change (cells, charts, the
 * sheet's meta data, the persisted text) is collected and sent as one patch at the end of the
 * task, and again whenever a run lands. Nothing here throws across the API.
 */
import type { ComputeService } from '../compute/computeService';
import type { ContourRequest, ContourResult, RateMapRequest, RateMapResult } from '../core/runTypes';
import { encodeState } from '../share/codec';
import { stateFileText } from '../share/stateFile';
import { defaultSheet } from '../sheet/defaultSheet';
import { PRESETS } from '../sheet/presets';
import { createEngine, type SheetEngine } from '../sheet/engine';
import type { CellAddress, ChangeSet, RunValue, SheetState } from '../sheet/types';
import { buildChart, type BuiltChart, type ChartSourceView } from './chartData';
import type { CellPatch, ChartPatch, Shared, Intent, IntentReply, OpenReply, OpenRequest, Patch, PersistedState, SessionApi, SheetMeta, SheetNotice } from './contract';
import { describeValue, type CellDisplay } from './describe';
import { exportText } from './exports';
import { applyIntent } from './intents';
import { openSheet } from './openSheet';
import { pinViews } from './pins';
import { SafeSheet } from './safeSheet';
import { describeSheet } from './sheetDescription';
import { gradientSwitch, sheetNotices } from './sheetNotices';
import { createRunner, type Runner } from './runner';
import { yieldToEventLoop } from '../compute/yieldToEventLoop';

export interface SessionOptions {
  readonly compute: ComputeService;
  /** The sheet before any open() (the chapter by default). */
  readonly initial?: SheetState;
}

export interface SheetSession extends SessionApi {
  /** Resolves once no run is in flight (the CLI waits on it). */
  idle(): Promise<void>;
  /** Start every run the current sheet needs and resolve when all have landed (the CLI). */
  settle(): Promise<void>;
  /** The engine, for in-process readers (the CLI's report, exports). */
  readonly engine: SheetEngine;
}

interface Pending {
  cells: Set<CellAddress>;
  charts: boolean;
  meta: boolean;
  persisted: boolean;
  status: boolean;
  full: boolean;
}

const freshPending = (): Pending => ({ cells: new Set(), charts: false, meta: false, persisted: false, status: false, full: false });

export function createSheetSession(options: SessionOptions): SheetSession {
  // Created on first use: the browser opens a sheet first, so the default one is never built in vain.
  let current: SheetEngine | null = null;
  const engineNow = (): SheetEngine => (current ??= createEngine(options.initial ?? defaultSheet()));
  let version = 0;
  let rev = 0;
  let listener: ((patch: Patch) => void) | null = null;
  let pending = freshPending();
  let flushQueued = false;
  /** What each cell showed when it last settled: a pending cell keeps showing it. */
  const settledDisplay = new Map<CellAddress, CellDisplay>();
  const settledRun = new Map<CellAddress, RunValue>();
  const charts = new Map<string, { built: BuiltChart; version: number; signature: string }>();
  /** Shared results (contours, rate maps) this client already holds. */
  const sentShared = new Set<string>();
  let idleWaiters: Array<() => void> = [];
  /** Set in safe mode: the sheet as raw text, nothing evaluated (see safeSheet.ts). */
  let safe: SafeSheet | null = null;
  const presets = PRESETS.map((preset) => ({ id: preset.id, label: { key: preset.labelKey } }));
  /** What the last intent must tell the user (a paste's counts), shown until the next intent. */
  let editNotice: SheetNotice | null = null;

  const runner: Runner = createRunner(engineNow, options.compute, {
    cellsChanged(changes) {
      markCells(changes);
      schedule();
    },
    sharedLanded() {
      pending.charts = true;
      schedule();
    },
    statusChanged() {
      pending.status = true;
      schedule();
    },
  });

  const markCells = (changes: Iterable<CellAddress>) => {
    for (const address of changes) if (!address.startsWith('pin:')) pending.cells.add(address);
    pending.charts = true;
  };

  // Flushes wait one turn of the event loop, behind the runs an intent has just started: the
  // fast ones (2-D runs take a millisecond) then land in the same patch as the edit, so the page
  // draws once per edit instead of once for the edit and again for its results.
  const schedule = () => {
    if (flushQueued) return;
    flushQueued = true;
    void yieldToEventLoop().then(flush);
  };

  const cellPatch = (address: CellAddress): CellPatch => {
    const engine = engineNow();
    const value = engine.value(address);
    const raw = engine.raw(address);
    const name = engine.nameOf(address);
    const choices = engine.choicesAt(address);
    let display: CellDisplay;
    if (value.kind === 'pending') {
      display = settledDisplay.get(address) ?? describeValue(value);
    } else {
      display = describeValue(value);
      settledDisplay.set(address, display);
      const run = engineNow().runAt(address);
      if (run) settledRun.set(address, run);
      else settledRun.delete(address);
    }
    if (value.kind !== 'pending' && value.kind === 'empty' && raw === '') settledDisplay.delete(address);
    return {
      address,
      version,
      raw,
      ...(name === undefined ? {} : { name }),
      kind: display.kind,
      text: display.text,
      ...(display.title === undefined ? {} : { title: display.title }),
      ...(display.error === undefined ? {} : { error: display.error }),
      pending: value.kind === 'pending',
      ...(display.badges === undefined || display.badges.length === 0 ? {} : { badges: display.badges }),
      ...(display.run === undefined ? {} : { run: display.run }),
      ...(display.number === undefined ? {} : { number: display.number }),
      ...(choices === undefined ? {} : { choices }),
    };
  };

  const chartView: ChartSourceView = {
    valueOf: (address: CellAddress) => {
      const value = engineNow().value(address);
      return value.kind === 'pending' ? { kind: 'empty' as const } : value;
    },
    runOf: (address: CellAddress) => (engineNow().value(address).kind === 'pending' ? settledRun.get(address) : engineNow().runAt(address)),
    isPending: (address: CellAddress) => engineNow().value(address).kind === 'pending',
    addressOfName: (name: string) => engineNow().toNames()[name],
    get pins() {
      return engineNow().pinned();
    },
    pinRun: (id: string) => engineNow().pinRun(id),
    shared<R extends ContourResult | RateMapResult>(slot: string, request: ContourRequest | RateMapRequest): Shared<R> | undefined {
      const found = runner.shared(slot, request);
      // The compute service answers a contour request with contours and a rate map request with a rate map.
      return found === undefined ? undefined : { key: found.key, result: found.result as R };
    },
  };

  /** Charts whose data changed since the client last saw them. */
  const chartPatches = (all: boolean): { patches: ChartPatch[]; removed: string[] } => {
    const bindings = engineNow().chartBindings();
    const patches: ChartPatch[] = [];
    const live = new Set(bindings.map((binding) => binding.id));
    const removed = [...charts.keys()].filter((id) => !live.has(id));
    removed.forEach((id) => charts.delete(id));
    for (const binding of bindings) {
      const built = buildChart(binding, chartView);
      const signature = chartSignature(binding, built);
      const previous = charts.get(binding.id);
      if (!all && previous !== undefined && previous.signature === signature) continue;
      charts.set(binding.id, { built, version, signature });
      patches.push({ id: binding.id, version, binding, data: withUnsentShared(built.data), pending: built.pending });
    }
    return { patches, removed };
  };

  /** Large results travel once per client: later patches name them by key. */
  const withUnsentShared = (data: BuiltChart['data']): BuiltChart['data'] => {
    const strip = <R,>(shared: { key: string; result?: R } | null) => {
      if (shared === null) return null;
      if (sentShared.has(shared.key)) return { key: shared.key };
      sentShared.add(shared.key);
      return shared;
    };
    if (data.kind === 'trajectories') return { ...data, contours: strip(data.contours) };
    if (data.kind === 'rateMap') return { ...data, result: strip(data.result) };
    return data;
  };

  const meta = (): SheetMeta => ({
    version,
    rows: engineNow().rows,
    cols: engineNow().cols,
    names: engineNow().toNames(),
    colWidths: engineNow().columnWidths(),
    charts: engineNow().chartBindings(),
    pins: pinViews(engineNow().pinned()),
    canUndo: engineNow().canUndo(),
    canRedo: engineNow().canRedo(),
    notices: editNotice === null ? sheetNotices(engineNow()) : [...sheetNotices(engineNow()), editNotice],
    safeMode: false,
    presets,
    gradientSwitch: gradientSwitch(engineNow()),
  });

  /** The chapter's cells: a description names what the user wrote, not the chapter's labels. */
  let chapterCells: SheetState['cells'] | null = null;
  const persisted = (): PersistedState => {
    const state = safe !== null ? safe.toState() : engineNow().toState();
    chapterCells ??= defaultSheet().cells;
    return { version, linkText: encodeState(state), fileText: stateFileText(state), description: describeSheet(state, chapterCells) };
  };

  function flush(): void {
    flushQueued = false;
    const work = pending;
    pending = freshPending();
    version += 1;
    const idle = runner.idle();
    if (listener !== null && safe !== null) {
      const sheet = safe;
      const cells = (work.full ? sheet.addresses() : [...work.cells]).map((address) => sheet.cellPatch(address, version));
      const removed = [...charts.keys()];
      charts.clear();
      listener({
        version,
        rev,
        idle: true,
        ...(work.full ? { full: true } : {}),
        ...(cells.length > 0 ? { cells } : {}),
        ...(removed.length > 0 ? { removedCharts: removed } : {}),
        ...(work.meta || work.full ? { meta: sheet.meta(version, presets) } : {}),
        ...(work.full ? { status: { running: 0, runningKinds: [], progress: null, lastFailure: null } } : {}),
        ...(work.persisted || work.full ? { persisted: persisted() } : {}),
      });
    } else if (listener !== null) {
      const cells = work.full ? engineNow().addresses().map(cellPatch) : [...work.cells].map(cellPatch);
      const { patches, removed } = work.charts || work.full ? chartPatches(work.full) : { patches: [], removed: [] };
      // Encoding the sheet for the link and the autosave takes a few milliseconds: the page gets
      // the cells and charts of an edit first, and its persisted form in the patch right after.
      const persistLater = work.persisted && !work.full && (cells.length > 0 || patches.length > 0);
      if (persistLater) {
        pending.persisted = true;
        schedule();
      }
      const patch: Patch = {
        version,
        rev,
        idle,
        ...(work.full ? { full: true } : {}),
        ...(cells.length > 0 ? { cells } : {}),
        ...(patches.length > 0 ? { charts: patches } : {}),
        ...(removed.length > 0 ? { removedCharts: removed } : {}),
        ...(work.meta || work.full ? { meta: meta() } : {}),
        ...(work.status || work.full ? { status: runner.status() } : {}),
        ...((work.persisted && !persistLater) || work.full ? { persisted: persisted() } : {}),
        ...(persistLater ? { persistedFollows: true as const } : {}),
      };
      listener(patch);
    }
    if (idle) {
      const waiters = idleWaiters;
      idleWaiters = [];
      waiters.forEach((resolve) => resolve());
    }
  }

  const afterChange = (changes: ChangeSet, kind: 'cells' | 'all') => {
    if (kind === 'all') pending.full = true;
    markCells(changes);
    pending.meta = true;
    pending.persisted = true;
    runner.plan();
    schedule();
  };

  const replaceEngine = (state: SheetState) => {
    safe = null;
    current = createEngine(state);
    settledDisplay.clear();
    settledRun.clear();
    charts.clear();
    afterChange(new Set(), 'all');
  };

  function applyNow(intentRev: number, intent: Intent): IntentReply {
    rev = Math.max(rev, intentRev);
    if (safe !== null) {
      if (intent.kind === 'evaluate') {
        replaceEngine(safe.toState());
        return { ok: true };
      }
      if (intent.kind === 'preset' || intent.kind === 'load' || intent.kind === 'loadText') {
        // Opening another sheet leaves safe mode without evaluating the held one (the page keeps
        // it among the recent sheets): the new sheet loads over an empty one.
        replaceEngine({ rows: 1, cols: 1, cells: {}, names: {}, colWidths: {}, charts: [], pins: [] });
      } else {
        const outcome = safe.apply(intent);
        if (!outcome.ok) {
          flush();
          return outcome;
        }
        outcome.changed.forEach((address) => pending.cells.add(address));
        pending.persisted = true;
        flush();
        return { ok: true };
      }
    }
    if (intent.kind === 'cancelRuns') {
      runner.cancelAll();
      return { ok: true };
    }
    const outcome = applyIntent(engineNow(), intent);
    const notice = outcome.ok && outcome.notice !== undefined ? outcome.notice : null;
    if (notice !== null || editNotice !== null) {
      editNotice = notice === null ? null : { id: 'edit', message: notice };
      pending.meta = true;
    }
    if (!outcome.ok) {
      // Nothing changed, but the client waits for this revision to be reflected.
      flush();
      return outcome;
    }
    afterChange(outcome.changes, outcome.scope);
    return { ok: true };
  }

  return {
    get engine() {
      return engineNow();
    },
    connect(onPatch) {
      listener = onPatch;
      sentShared.clear();
      charts.clear();
      // A client that reconnects to an open sheet gets it whole; a new session waits for open().
      if (current !== null) {
        pending.full = true;
        flush();
      }
      return Promise.resolve();
    },
    open(request: OpenRequest): Promise<OpenReply> {
      const opened = openSheet(request, options.initial ?? defaultSheet());
      if (request.safeMode === true) {
        safe = new SafeSheet(opened.state);
        current = null;
        pending.full = true;
        flush();
      } else {
        replaceEngine(opened.state);
      }
      return Promise.resolve(opened.reply);
    },
    apply(intentRev: number, intent: Intent): Promise<IntentReply> {
      return Promise.resolve(applyNow(intentRev, intent));
    },
    ping() {
      return Promise.resolve(version);
    },
    exportText(kind) {
      return Promise.resolve(exportText(engineNow(), kind));
    },
    idle() {
      if (runner.idle() && !flushQueued) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    settle() {
      engineNow();
      runner.plan();
      return this.idle();
    },
  };
}

/** Identity of a chart's data: binding, the run results it shows (by identity) and its other inputs. */
function chartSignature(binding: import('../sheet/types').ChartBinding, built: BuiltChart): string {
  const data = built.data;
  const ids = resultIds(data);
  // A sweep is named by its result's identity; `pending` must travel too (the card shows progress).
  const sweep = data.kind === 'sweep' && data.sweep !== null ? [data.sweep.address, identityOf(data.sweep.final), data.sweep.targetsExist] : null;
  return JSON.stringify([binding, ids, built.pending, sweep, data.kind === 'ewma' ? data.gammas : null, data.kind === 'rateMap' ? [data.eigenvalues, data.current, data.result?.key ?? null] : null, data.kind === 'trajectories' ? [data.region, data.start, data.contours?.key ?? null] : null]);
}

const resultIdentity = new WeakMap<object, number>();
let nextIdentity = 1;
function identityOf(object: object): number {
  let id = resultIdentity.get(object);
  if (id === undefined) {
    id = nextIdentity++;
    resultIdentity.set(object, id);
  }
  return id;
}

function resultIds(data: BuiltChart['data']): unknown {
  if (data.kind === 'trajectories') return data.runs.map((run) => [run.id, run.pinned, identityOf(run.result), run.label]);
  if (data.kind === 'loss') return data.runs.map((run) => [run.id, run.pinned, identityOf(run.losses), run.label]);
  // Eigen series are computed afresh on every build: they are named by what they show.
  if (data.kind === 'eigen') {
    const ends = (series: Float64Array) => [series.length, series[0], series[series.length - 1]];
    return [data.withoutTheory, data.runs.map((run) => [run.id, run.label, run.directions.map((d) => [d.lambda, d.rho, d.measured, ends(d.errors), ends(d.envelope)])])];
  }
  return null;
}
