/**
 * What each chart binding shows, decided next to the engine: the runs in its cell range (the
 * previous run of a cell while its new one computes) and the pinned runs, the region of interest
 * and its contour lines, the EWMA momenta, the rate map and the current (η, γ). The page receives
 * this as ChartData and only turns it into EChartsOption.
 */
import type { ContourRequest, ContourResult, Path2DRequest, RateMapRequest, RateMapResult, RegressionRequest, RegressionResult } from '../core/runTypes';
import { overallRate } from '../core/quadratic';
import { regionOfInterest } from '../core/region';
import type { CellAddress, CellValue, ChartBinding, Pin, RunValue } from '../sheet/types';
import { bindingAddresses, eigenvaluesIn, gammasIn, pathRuns, rateMapRequest, regressionRuns } from './chartSources';
import type { ChartData, ChartRun2D, ChartRunEigen, ChartRunLoss, DisplayText, EigenSeries, Shared } from './contract';
import { directionErrors, measuredRate, predictedEnvelope } from '../core/pathTheory';
import { requestLabel } from './runSummary';
import { sweepGrid } from './sweepChart';

const CONTOUR_LEVELS = 14;
const CONTOUR_RESOLUTION = 160;

/** What building chart data needs from the session. */
export interface ChartSourceView {
  /** The cell's settled value (its previous one while a run is pending). */
  readonly valueOf: (address: CellAddress) => CellValue;
  /** The cell's run, or its previous run while a new one is pending. */
  readonly runOf: (address: CellAddress) => RunValue | undefined;
  readonly isPending: (address: CellAddress) => boolean;
  /** The address bound to a name, if any. */
  readonly addressOfName: (name: string) => CellAddress | undefined;
  readonly pins: readonly Pin[];
  readonly pinRun: (id: string) => RunValue | undefined;
  /**
   * A large result by request (contours, rate map): the cached one with its key, or undefined
   * while it computes (the session asks for it and rebuilds the chart when it lands).
   */
  shared<R extends ContourResult | RateMapResult>(slot: string, request: ContourRequest | RateMapRequest): Shared<R> | undefined;
}

export interface BuiltChart {
  readonly data: ChartData;
  readonly pending: boolean;
  /** Cells whose change can change this chart's data. */
  readonly reads: ReadonlySet<CellAddress>;
}

function runLabel(address: string, request: Path2DRequest | RegressionRequest): DisplayText {
  return [`${address} ${requestLabel(request)}`];
}

function pinLabel(pin: Pin): DisplayText {
  return [pin.label];
}

export function buildChart(binding: ChartBinding, view: ChartSourceView): BuiltChart {
  const addresses = bindingAddresses(binding);
  const reads = new Set<CellAddress>(addresses);
  const pending = addresses.some((address) => view.isPending(address));
  switch (binding.kind) {
    case 'trajectories':
      return { data: trajectories(binding, view), pending, reads };
    case 'loss':
      return { data: loss(binding, view), pending, reads };
    case 'ewma':
      return { data: { kind: 'ewma', gammas: gammasIn(binding, view.valueOf) }, pending, reads };
    case 'eigen':
      return { data: eigen(binding, view), pending, reads };
    case 'sweep':
      return { data: { kind: 'sweep', sweep: sweepGrid(addresses, view) }, pending, reads };
    case 'rateMap': {
      for (const name of ['eta', 'gamma']) {
        const address = view.addressOfName(name);
        if (address !== undefined) reads.add(address);
      }
      return { data: rateMap(binding, view), pending, reads };
    }
  }
}

function trajectories(binding: ChartBinding, view: ChartSourceView): ChartData {
  const fromCells = pathRuns(binding, view.runOf);
  const colorOf = new Map(fromCells.map((run, index) => [run.address, index]));
  const runs: ChartRun2D[] = fromCells.map((run, index) => ({
    id: run.address,
    label: runLabel(run.address, run.request),
    colorIndex: index,
    pinned: false,
    request: run.request,
    result: run.result,
  }));
  view.pins.forEach((pin, index) => {
    const run = view.pinRun(pin.id);
    if (run === undefined || run.request.kind !== 'path2d' || run.result.kind !== 'path2d') return;
    runs.push({ id: pin.id, label: pinLabel(pin), colorIndex: colorOf.get(pin.cell) ?? fromCells.length + index, pinned: true, request: run.request, result: run.result });
  });
  const notGradient = runs.filter((run) => run.result.gradientCheck?.agrees === false).map((run) => run.id);
  const first = fromCells[0]?.request;
  if (first === undefined) return { kind: 'trajectories', runs, contours: null, region: null, start: null, notGradient };
  const region = regionOfInterest(runs.map((run) => run.result), first.start);
  // Regions are rounded to tidy numbers, so most edits reuse the cached contours.
  const contours = view.shared<ContourResult>(`${binding.id}:contours`, {
    kind: 'contours',
    objective: first.objective,
    x1Range: region.x1,
    x2Range: region.x2,
    levels: CONTOUR_LEVELS,
    resolution: CONTOUR_RESOLUTION,
  });
  return { kind: 'trajectories', runs, contours: contours ?? null, region, start: first.start, notGradient };
}

/** A one-config regression's loss series and where its points sit: loss i after step min(i·lossStride, totalSteps). */
function lossPoints(request: RegressionRequest, result: RegressionResult): Pick<ChartRunLoss, 'losses' | 'stepsPerEpoch' | 'lossStride' | 'totalSteps' | 'divergedAt'> {
  return {
    losses: result.losses[0],
    stepsPerEpoch: result.stepsPerEpoch,
    lossStride: result.lossStride ?? 1,
    totalSteps: request.epochs * result.stepsPerEpoch,
    divergedAt: result.divergedAt[0] ?? null,
  };
}

function loss(binding: ChartBinding, view: ChartSourceView): ChartData {
  const fromCells = regressionRuns(binding, view.runOf);
  const colorOf = new Map(fromCells.map((run, index) => [run.address, index]));
  const runs: ChartRunLoss[] = fromCells.map((run, index) => ({
    id: run.address,
    label: runLabel(run.address, run.request),
    colorIndex: index,
    pinned: false,
    config: run.request.configs[0],
    request: run.request,
    ...lossPoints(run.request, run.result),
  }));
  view.pins.forEach((pin, index) => {
    const run = view.pinRun(pin.id);
    if (run === undefined || run.request.kind !== 'regression' || run.result.kind !== 'regression') return;
    runs.push({
      id: pin.id,
      label: pinLabel(pin),
      colorIndex: colorOf.get(pin.cell) ?? fromCells.length + index,
      pinned: true,
      config: run.request.configs[0],
      request: run.request,
      ...lossPoints(run.request, run.result),
    });
  });
  return { kind: 'loss', runs };
}

function eigen(binding: ChartBinding, view: ChartSourceView): ChartData {
  const runs: ChartRunEigen[] = [];
  let withoutTheory = 0;
  for (const run of pathRuns(binding, view.runOf)) {
    const theory = run.result.theory;
    if (theory === null) {
      withoutTheory += 1;
      continue;
    }
    const direction = (i: 0 | 1): EigenSeries => {
      const errors = directionErrors(theory, i, run.result.x1, run.result.x2);
      const size = errors.map(Math.abs);
      return {
        lambda: theory.eigenvalues[i],
        rho: theory.rates[i],
        measured: measuredRate(errors),
        errors: size,
        envelope: predictedEnvelope(errors[0], theory.rates[i], errors.length - 1),
      };
    };
    runs.push({ id: run.address, label: runLabel(run.address, run.request), directions: [direction(0), direction(1)] });
  }
  return { kind: 'eigen', runs, withoutTheory };
}

function numberAt(view: ChartSourceView, name: string): number | null {
  const address = view.addressOfName(name);
  if (address === undefined) return null;
  const value = view.valueOf(address);
  return value.kind === 'number' ? value.value : null;
}

function rateMap(binding: ChartBinding, view: ChartSourceView): ChartData {
  const eigenvalues = eigenvaluesIn(binding, view.valueOf);
  const request = rateMapRequest(eigenvalues);
  const result = request === null ? undefined : view.shared<RateMapResult>(`${binding.id}:rateMap`, request);
  const eta = numberAt(view, 'eta');
  const gamma = numberAt(view, 'gamma');
  const current = eta !== null && gamma !== null ? { lr: eta, momentum: gamma } : null;
  const currentRate = current !== null && eigenvalues.length > 0 ? overallRate('momentum', current.lr, current.momentum, eigenvalues) : null;
  return { kind: 'rateMap', eigenvalues, request, result: result ?? null, current, currentRate };
}
