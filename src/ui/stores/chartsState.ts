/**
 * The charts' side of the store: for each chart binding, the data it shows (runs from its cell
 * range plus pinned runs), the contour lines and the rate map from the worker, the colours shared
 * with the grid, and the intents charts send back (drag the start, click the map, pin a run).
 */
import { createEffect, createMemo, createSignal, on, type Accessor } from 'solid-js';
import type { ChartBinding, CellAddress, Pin } from '../../sheet/types';
import type { ComputeResult, ContourResult, RateMapResult, RegressionRequest, RegressionResult, Vec2 } from '../../core/runTypes';
import type { ComputeService } from '../../compute/computeService';
import type { SheetStore } from './sheetStore';
import type { ColorScheme } from '../../charts/option';
import type { TrajectoryRun } from '../../charts/trajectoryChart';
import type { LossRun } from '../../charts/lossAxes';
import type { EwmaCurve } from '../../charts/ewmaChart';
import { regionOfInterest, type Region } from '../../charts/geometry';
import { seriesColor } from '../../charts/palette';
import { formatNumber } from '../../charts/format';
import { overallRate } from '../../core/quadratic';
import { createColorScheme } from './colorScheme';
import { createWorkerResource } from './workerResource';
import { eigenvaluesIn, gammasIn, pathRuns, rateMapRequest, regressionRuns, runColorIndex, requestDifferences, type InputDifference } from './chartSources';

export interface TrajectoryData {
  readonly runs: readonly TrajectoryRun[];
  readonly contours: ContourResult | null;
  readonly region: Region;
  readonly start: Vec2 | null;
}

export interface RateMapData {
  readonly eigenvalues: readonly number[];
  readonly request: NonNullable<ReturnType<typeof rateMapRequest>>;
  readonly result: RateMapResult;
  readonly current: { lr: number; momentum: number } | null;
  /** Exact heavy-ball rate at the current (η, γ), not the map's nearest sample. */
  readonly currentRate: number | null;
}

export interface ChartsState {
  readonly scheme: Accessor<ColorScheme>;
  readonly bindings: Accessor<readonly ChartBinding[]>;
  readonly pins: Accessor<readonly Pin[]>;
  colorOf(address: CellAddress): string | undefined;
  trajectory(binding: Accessor<ChartBinding>): Accessor<TrajectoryData | null>;
  loss(binding: Accessor<ChartBinding>): Accessor<readonly LossRun[]>;
  ewma(binding: Accessor<ChartBinding>): Accessor<readonly EwmaCurve[]>;
  rateMap(binding: Accessor<ChartBinding>): Accessor<RateMapData | null>;
  /** Two run cells selected: the inputs in which they differ. */
  readonly comparison: Accessor<{ a: CellAddress; b: CellAddress; differences: InputDifference[] } | null>;
  /** Does the active cell hold a run that can be pinned? */
  readonly canPin: Accessor<boolean>;
  /** Pin the run in the active cell (no-op when it holds no run). */
  pinSelection(): void;
  unpin(id: string): void;
  setArrows(bindingId: string, arrows: boolean): void;
  /** Dragging the start handle writes the cells named x1_0 and x2_0. */
  moveStart(point: Vec2): void;
  /** Clicking the rate map writes the cells named eta and gamma. */
  setLearningRateAndMomentum(lr: number, momentum: number): void;
}

const CONTOUR_LEVELS = 14;
const CONTOUR_RESOLUTION = 160;
const round = (value: number, digits = 4) => Number(value.toPrecision(digits));

export function createChartsState(sheet: SheetStore, compute: ComputeService): ChartsState {
  const scheme = createColorScheme();
  const valueOf = (address: CellAddress) => sheet.settledValue(address);
  const runOf = (address: CellAddress) => sheet.settledRun(address);
  const bindings = createMemo(() => sheet.state().charts, undefined, { equals: sameJson });
  const pins = createMemo(() => sheet.state().pins, undefined, { equals: sameJson });
  // Every grid cell asks for its colour: a new but equal map must not repaint them all.
  const colorIndex = createMemo(() => runColorIndex(bindings(), runOf), undefined, { equals: sameEntries });
  const pinResults = createPinResults(compute, pins);
  const addressOfName = (name: string): CellAddress | undefined => sheet.state().names[name];

  const colorOf = (address: CellAddress) => {
    const index = colorIndex().get(address);
    return index === undefined ? undefined : seriesColor(index, scheme());
  };
  const pinnedColor = (pin: Pin) => colorOf(pin.cell) ?? seriesColor(pins().indexOf(pin) + 3, scheme());

  return {
    scheme,
    bindings,
    pins,
    colorOf,
    trajectory(binding) {
      const runs = createMemo((): TrajectoryRun[] => {
        const fromCells = pathRuns(binding(), runOf).map((run, index) => ({
          id: run.address,
          label: `${run.address} ${describeRequest(run.request)}`,
          color: seriesColor(index, scheme()),
          pinned: false,
          gamma: run.request.method === 'gd' ? 0 : run.request.gamma,
          result: run.result,
        }));
        const pinned = pins().flatMap((pin) => {
          const result = pinResults().get(pin.id);
          if (pin.request.kind !== 'path2d' || result?.kind !== 'path2d') return [];
          return [{ id: pin.id, label: pin.label, color: pinnedColor(pin), pinned: true, gamma: pin.request.method === 'gd' ? 0 : pin.request.gamma, result }];
        });
        return [...fromCells, ...pinned];
      });
      const firstRequest = createMemo(() => pathRuns(binding(), runOf)[0]?.request ?? null, undefined, { equals: sameJson });
      const region = createMemo(() => {
        const request = firstRequest();
        return request ? regionOfInterest(runs().map((run) => run.result), request.start) : null;
      }, undefined, { equals: sameJson });
      const contourRequest = createMemo(() => {
        const request = firstRequest();
        const area = region();
        if (!request || !area) return null;
        // Regions are rounded to tidy numbers, so most edits reuse the cached contours.
        return { kind: 'contours' as const, objective: request.objective, x1Range: area.x1, x2Range: area.x2, levels: CONTOUR_LEVELS, resolution: CONTOUR_RESOLUTION };
      }, undefined, { equals: sameJson });
      const contours = createWorkerResource<ContourResult>(compute, `contours:${binding().id}`, contourRequest);
      return createMemo(() => {
        const area = region();
        const request = firstRequest();
        if (!area || !request) return null;
        return { runs: runs(), contours: contours(), region: area, start: request.start };
      });
    },
    loss(binding) {
      return createMemo(() => {
        const fromCells = regressionRuns(binding(), runOf).map((run, index) => lossRun(run.address, `${run.address} ${describeRequest(run.request)}`, seriesColor(index, scheme()), false, run.request, run.result));
        const pinned = pins().flatMap((pin) => {
          const result = pinResults().get(pin.id);
          return pin.request.kind === 'regression' && result?.kind === 'regression' ? [lossRun(pin.id, pin.label, pinnedColor(pin), true, pin.request, result)] : [];
        });
        return [...fromCells, ...pinned];
      });
    },
    ewma(binding) {
      return createMemo(() => gammasIn(binding(), valueOf).map((gamma, index) => ({ gamma, color: seriesColor(index, scheme()) })));
    },
    rateMap(binding) {
      const eigenvalues = createMemo(() => eigenvaluesIn(binding(), valueOf), undefined, { equals: sameJson });
      const request = createMemo(() => rateMapRequest(eigenvalues()), undefined, { equals: sameJson });
      const result = createWorkerResource<RateMapResult>(compute, `rateMap:${binding().id}`, request);
      return createMemo(() => {
        const req = request();
        const map = result();
        if (!req || !map) return null;
        const eta = numberAt(addressOfName('eta'));
        const gamma = numberAt(addressOfName('gamma'));
        const current = eta !== null && gamma !== null ? { lr: eta, momentum: gamma } : null;
        const currentRate = current ? overallRate('momentum', current.lr, current.momentum, eigenvalues()) : null;
        return { eigenvalues: eigenvalues(), request: req, result: map, current, currentRate };
      });
    },
    comparison: createMemo(() => {
      const { anchor, focus } = sheet.selection();
      if (anchor === focus) return null;
      const a = valueOf(anchor);
      const b = valueOf(focus);
      if (a.kind !== 'run' || b.kind !== 'run') return null;
      return { a: anchor, b: focus, differences: requestDifferences(a.request, b.request) };
    }),
    canPin: () => runOf(sheet.selection().anchor) !== undefined,
    pinSelection() {
      const address = sheet.selection().anchor;
      const value = runOf(address);
      if (!value) return;
      const id = `p${Date.now().toString(36)}`;
      const label = `${address} · ${describeRequest(value.request)}`;
      sheet.setPins([...pins(), { id, label, cell: address, request: value.request }]);
    },
    unpin: (id) => sheet.setPins(pins().filter((pin) => pin.id !== id)),
    setArrows: (bindingId, arrows) => sheet.setCharts(bindings().map((b) => (b.id === bindingId ? { ...b, arrows } : b))),
    moveStart(point) {
      const x1 = addressOfName('x1_0');
      const x2 = addressOfName('x2_0');
      if (!x1 || !x2) return;
      sheet.commitMany([
        [x1, String(round(point[0]))],
        [x2, String(round(point[1]))],
      ]);
    },
    setLearningRateAndMomentum(lr, momentum) {
      const eta = addressOfName('eta');
      const gamma = addressOfName('gamma');
      if (!eta || !gamma) return;
      sheet.commitMany([
        [eta, String(round(lr, 3))],
        [gamma, String(round(momentum, 3))],
      ]);
    },
  };

  function numberAt(address: CellAddress | undefined): number | null {
    if (!address) return null;
    const value = valueOf(address);
    return value.kind === 'number' ? value.value : null;
  }
}

function lossRun(id: string, label: string, color: string, pinned: boolean, request: RegressionRequest, result: RegressionResult): LossRun {
  return { id, label, color, pinned, config: request.configs[0], losses: result.losses[0], stepsPerEpoch: result.stepsPerEpoch, divergedAt: result.divergedAt[0] };
}

function describeRequest(request: Pin['request']): string {
  switch (request.kind) {
    case 'path2d':
      return `${request.method} η=${formatNumber(request.eta)}${request.method === 'gd' ? '' : ` γ=${formatNumber(request.gamma)}`}`;
    case 'regression':
      return `lr=${formatNumber(request.configs[0]?.lr ?? NaN)} mom=${formatNumber(request.configs[0]?.momentum ?? NaN)}${request.configs[0]?.convention === 'pytorch' ? ' (pytorch)' : ''}`;
    default:
      return request.kind;
  }
}

/** Results of pinned runs, computed once per pin (a pin's request never changes). */
function createPinResults(compute: ComputeService, pins: Accessor<readonly Pin[]>): Accessor<ReadonlyMap<string, ComputeResult>> {
  const [results, setResults] = createSignal<ReadonlyMap<string, ComputeResult>>(new Map());
  const requested = new Set<string>();
  createEffect(
    on(pins, (current) => {
      for (const pin of current) {
        if (requested.has(pin.id)) continue;
        requested.add(pin.id);
        void compute.compute(`pin:${pin.id}`, pin.request).then((outcome) => {
          if (outcome.status === 'ok') setResults((map) => new Map(map).set(pin.id, outcome.result));
          else requested.delete(pin.id);
        });
      }
    }),
  );
  return results;
}

function sameEntries<K, V>(a: ReadonlyMap<K, V>, b: ReadonlyMap<K, V>): boolean {
  if (a.size !== b.size) return false;
  for (const [key, value] of a) if (b.get(key) !== value) return false;
  return true;
}

function sameJson(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

