/**
 * The charts as the page knows them: each chart's data from the session's patches (large
 * results such as contours arrive once and are kept here by key), turned into the view models
 * the pure option builders take, with labels translated and colours from the palette. Chart
 * intents (drag the start, click the rate map, pin a run, arrows on/off) go to the session.
 */
import { batch, createMemo, createSignal, type Accessor, type Setter } from 'solid-js';
import type { ChartData, ChartPatch, ChartRun2D, Patch, PinView, RunSummary, Shared, SweepGrid } from '../../session/contract';
import type { ContourResult, Path2DResult, RateMapRequest, RateMapResult, Vec2 } from '../../core/runTypes';
import type { ChartBinding } from '../../sheet/types';
import type { Region } from '../../charts/geometry';
import type { ColorScheme } from '../../charts/option';
import type { TrajectoryRun } from '../../charts/trajectoryChart';
import type { LossRun } from '../../charts/lossAxes';
import type { EwmaCurve } from '../../charts/ewmaChart';
import type { EigenRun } from '../../charts/eigenChart';
import { paletteRepeat, seriesColor } from '../../charts/palette';
import { tp } from '../../i18n/localeStore';
import type { SessionClient } from '../client/sessionClient';
import type { SheetStore } from './sheetStore';
import { createColorScheme } from './colorScheme';
import { compareRuns, type Comparison } from './comparison';
import { cellsInRange } from './addresses';
import { keepSameResults } from './sameResults';
import { byReadingOrder, withArrowsFor, withRunShown } from './runPicker';

export interface TrajectoryData {
  readonly runs: readonly TrajectoryRun[];
  readonly contours: ContourResult | null;
  readonly region: Region;
  readonly start: Vec2 | null;
  /** Labels of the runs whose gradient is not ∇f. */
  readonly notGradient: readonly string[];
}

export interface RateMapData {
  readonly eigenvalues: readonly number[];
  readonly request: RateMapRequest;
  readonly result: RateMapResult;
  readonly current: { lr: number; momentum: number } | null;
  readonly currentRate: number | null;
}

export interface RunCandidate {
  readonly address: string;
  readonly label: string;
}

export interface ChartsStore {
  readonly scheme: Accessor<ColorScheme>;
  readonly bindings: Accessor<readonly ChartBinding[]>;
  readonly pins: Accessor<readonly PinView[]>;
  colorOf(address: string): string | undefined;
  trajectory(id: string): Accessor<TrajectoryData | null>;
  loss(id: string): Accessor<readonly LossRun[]>;
  ewma(id: string): Accessor<readonly EwmaCurve[]>;
  rateMap(id: string): Accessor<RateMapData | null>;
  eigen(id: string): Accessor<{ readonly runs: readonly EigenRun[]; readonly withoutTheory: number }>;
  /** A sweep heatmap's grid (null: no sweep cell in its source yet). */
  sweep(id: string): Accessor<SweepGrid | null>;
  /** A click on a sweep heatmap: the config's values into the cells the sweep's rule names. */
  pickSweepConfig(sweep: SweepGrid['kind'], lr: number, momentum: number): void;
  /** True while a run the chart shows is computing (it shows the previous data meanwhile). */
  pending(id: string): boolean;
  /** The session version of the data a chart shows now (for the repaint measurement). */
  dataVersion(id: string): number;
  /** Two or more run cells selected: their inputs and outcomes side by side. */
  readonly comparison: Accessor<Comparison | null>;
  /** Every run cell of the sheet a chart of this kind can show, in reading order, with its label. */
  runCandidates(kind: RunSummary['kind']): readonly RunCandidate[];
  /** The run cells a chart shows now (pins aside). */
  shownRuns(id: string): readonly string[];
  setRunShown(bindingId: string, address: string, shown: boolean): void;
  setArrowsFor(bindingId: string, address: string | null): void;
  readonly canPin: Accessor<boolean>;
  pinSelection(): void;
  unpin(id: string): void;
  setArrows(bindingId: string, arrows: boolean): void;
  moveStart(point: Vec2): void;
  setLearningRateAndMomentum(lr: number, momentum: number): void;
}

export function createChartsStore(client: SessionClient, sheet: SheetStore): ChartsStore {
  const scheme = createColorScheme();
  const charts = new Map<string, [Accessor<ChartPatch | undefined>, Setter<ChartPatch | undefined>]>();
  const shared = new Map<string, unknown>();
  // Every grid cell asks for its colour: a new but equal map must not repaint them all.
  const [colorIndices, setColorIndices] = createSignal<ReadonlyMap<string, number>>(new Map(), { equals: sameEntries });

  const signalFor = (id: string) => {
    let signal = charts.get(id);
    if (signal === undefined) {
      signal = createSignal<ChartPatch | undefined>(undefined);
      charts.set(id, signal);
    }
    return signal;
  };

  /** Large results named by key only are looked up in what earlier patches brought. */
  function resolve<R>(value: Shared<R> | null): R | null {
    if (value === null) return null;
    if (value.result !== undefined) {
      shared.set(value.key, value.result);
      // Old keys are dropped once there are many: the session resends a key after a reconnect only.
      if (shared.size > 64) shared.delete(shared.keys().next().value as string);
      return value.result;
    }
    return (shared.get(value.key) as R | undefined) ?? null;
  }

  const resolved = (chart: ChartPatch): ChartPatch => {
    const data = chart.data;
    if (data.kind === 'trajectories') return { ...chart, data: { ...data, contours: withResult(data.contours, resolve(data.contours)) } };
    if (data.kind === 'rateMap') return { ...chart, data: { ...data, result: withResult(data.result, resolve(data.result)) } };
    return chart;
  };

  client.subscribe((patch: Patch) => {
    if (!patch.charts && !patch.removedCharts && !patch.full) return;
    batch(() => {
      if (patch.full) for (const [, [, set]] of charts) set(undefined);
      for (const id of patch.removedCharts ?? []) signalFor(id)[1](undefined);
      for (const chart of patch.charts ?? []) signalFor(chart.id)[1](resolved(chart));
      setColorIndices(colorIndexOf([...charts.values()].map(([get]) => get())));
    });
  });

  const chart = (id: string) => signalFor(id)[0]();
  const bindings = createMemo(() => sheet.meta()?.charts ?? [], [], { equals: sameJson });
  const pins = createMemo(() => sheet.meta()?.pins ?? [], [], { equals: sameJson });
  const colorOf = (address: string) => {
    const index = colorIndices().get(address);
    return index === undefined ? undefined : seriesColor(index, scheme());
  };
  const color = (index: number) => seriesColor(index, scheme());
  const editBinding = (bindingId: string, edit: (binding: ChartBinding) => ChartBinding) =>
    void client.send({ kind: 'setCharts', charts: bindings().map((binding) => (binding.id === bindingId ? edit(binding) : binding)) });
  const label = (run: { label: ChartRun2D['label']; pinned: boolean }) => tp(run.label);

  return {
    scheme,
    bindings,
    pins,
    colorOf,
    trajectory: (id) => {
      const sameResults = keepSameResults<Path2DResult>();
      return createMemo(() => {
        const data = chart(id)?.data;
        if (data?.kind !== 'trajectories' || data.region === null) return null;
        const results = sameResults(data.runs);
        const runs = data.runs.map((run, i) => ({
          id: run.id,
          label: label(run),
          color: color(run.colorIndex),
          colorRepeat: paletteRepeat(run.colorIndex),
          pinned: run.pinned,
          gamma: run.request.method === 'gd' ? 0 : run.request.gamma,
          result: results[i],
        }));
        const notGradient = runs.filter((run) => data.notGradient.includes(run.id)).map((run) => run.label);
        return { runs, contours: data.contours?.result ?? null, region: data.region, start: data.start, notGradient };
      });
    },
    loss: (id) =>
      createMemo(() => {
        const data = chart(id)?.data;
        if (data?.kind !== 'loss') return [];
        return data.runs.map((run) => ({
          id: run.id,
          label: label(run),
          color: color(run.colorIndex),
          colorRepeat: paletteRepeat(run.colorIndex),
          pinned: run.pinned,
          config: run.config,
          losses: run.losses,
          stepsPerEpoch: run.stepsPerEpoch,
          lossStride: run.lossStride,
          totalSteps: run.totalSteps,
          divergedAt: run.divergedAt,
        }));
      }),
    ewma: (id) =>
      createMemo(() => {
        const data = chart(id)?.data;
        return data?.kind === 'ewma' ? data.gammas.map((gamma, index) => ({ gamma, color: color(index) })) : [];
      }),
    rateMap: (id) =>
      createMemo(() => {
        const data = chart(id)?.data;
        if (data?.kind !== 'rateMap' || data.request === null || data.result?.result === undefined) return null;
        return { eigenvalues: data.eigenvalues, request: data.request, result: data.result.result, current: data.current, currentRate: data.currentRate };
      }),
    eigen: (id) =>
      createMemo(() => {
        const data = chart(id)?.data;
        if (data?.kind !== 'eigen') return { runs: [], withoutTheory: 0 };
        return { runs: data.runs.map((run) => ({ id: run.id, label: tp(run.label), directions: run.directions })), withoutTheory: data.withoutTheory };
      }),
    sweep: (id) =>
      createMemo(() => {
        const data = chart(id)?.data;
        return data?.kind === 'sweep' ? data.sweep : null;
      }),
    pickSweepConfig: (sweep, lr, momentum) => void client.send({ kind: 'pickSweepConfig', sweep, lr, momentum }),
    pending: (id) => chart(id)?.pending === true,
    dataVersion: (id) => chart(id)?.version ?? -1,
    comparison: createMemo(() => {
      const { anchor, focus } = sheet.selection();
      if (anchor === focus) return null;
      // Only cells the page knows can be runs: a whole-column selection must not track every address.
      const known = new Set(sheet.addresses());
      const runs = cellsInRange(`${anchor}:${focus}`).filter((address) => known.has(address)).flatMap((address) => {
        const run = sheet.cell(address)?.run;
        return run === undefined ? [] : [[address, run] as const];
      });
      return compareRuns(runs);
    }),
    runCandidates: (kind) =>
      byReadingOrder(sheet.addresses()).flatMap((address) => {
        const run = sheet.cell(address)?.run;
        return run?.kind === kind ? [{ address, label: `${address} · ${tp(run.label)}` }] : [];
      }),
    shownRuns: (id) => {
      const data = chart(id)?.data;
      return data?.kind === 'trajectories' || data?.kind === 'loss' ? data.runs.filter((run) => !run.pinned).map((run) => run.id) : data?.kind === 'eigen' ? data.runs.map((run) => run.id) : [];
    },
    setRunShown: (bindingId, address, shown) => editBinding(bindingId, (binding) => withRunShown(binding, address, shown)),
    setArrowsFor: (bindingId, address) => editBinding(bindingId, (binding) => withArrowsFor(binding, address)),
    canPin: () => sheet.cell(sheet.selection().anchor)?.run !== undefined,
    pinSelection: () => void client.send({ kind: 'pin', address: sheet.selection().anchor }),
    unpin: (id) => void client.send({ kind: 'unpin', id }),
    setArrows: (bindingId, arrows) => editBinding(bindingId, (binding) => ({ ...binding, arrows })),
    moveStart: (point) => void client.send({ kind: 'moveStart', point }),
    setLearningRateAndMomentum: (lr, momentum) => void client.send({ kind: 'setLrMomentum', lr, momentum }),
  };
}

function withResult<R>(value: Shared<R> | null, result: R | null): Shared<R> | null {
  return value === null ? null : result === null ? { key: value.key } : { key: value.key, result };
}

/** Colour index of every run cell a chart shows: its position among that chart's runs (first chart wins). */
function colorIndexOf(patches: readonly (ChartPatch | undefined)[]): Map<string, number> {
  const indices = new Map<string, number>();
  for (const patch of patches) {
    const data: ChartData | undefined = patch?.data;
    if (data?.kind !== 'trajectories' && data?.kind !== 'loss') continue;
    for (const run of data.runs) if (!run.pinned && !indices.has(run.id)) indices.set(run.id, run.colorIndex);
  }
  return indices;
}

function sameEntries<K, V>(a: ReadonlyMap<K, V>, b: ReadonlyMap<K, V>): boolean {
  if (a.size !== b.size) return false;
  for (const [key, value] of a) if (b.get(key) !== value) return false;
  return true;
}

function sameJson(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
