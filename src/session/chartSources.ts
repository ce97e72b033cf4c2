/**
 * What a chart binding shows, read from the sheet: pure functions over a value getter, so they
 * are tested without Solid and the same rules decide colours in the grid and in the charts.
 */
import type { ChartBinding, CellAddress, CellValue, Pin, RunValue } from '../sheet/types';
import type { Path2DRequest, Path2DResult, RateMapRequest, RegressionRequest, RegressionResult } from '../core/runTypes';
import { parseRange, rangeAddresses } from '../sheet/address';

export type ValueOf = (address: CellAddress) => CellValue;
/** The run held by a cell, also when the cell shows #DIVERGED (so escaping runs are still drawn). */
export type RunOf = (address: CellAddress) => RunValue | undefined;

export interface PathRunSource {
  readonly address: CellAddress;
  readonly request: Path2DRequest;
  readonly result: Path2DResult;
}

export interface RegressionRunSource {
  readonly address: CellAddress;
  readonly request: RegressionRequest;
  readonly result: RegressionResult;
}

export function addressesOf(source: string): CellAddress[] {
  const range = parseRange(source);
  return range ? rangeAddresses(range) : [];
}

/**
 * The cells a binding shows: its range in reading order without the excluded cells, then the
 * included ones. `bindingAddresses({ source: 'D1:D3', exclude: ['D2'], include: ['F9'] })` → D1, D3, F9.
 */
export function bindingAddresses(binding: Pick<ChartBinding, 'source' | 'include' | 'exclude'>): CellAddress[] {
  const excluded = new Set(binding.exclude ?? []);
  const shown = addressesOf(binding.source).filter((address) => !excluded.has(address));
  const inRange = new Set(shown);
  for (const address of binding.include ?? []) {
    if (!inRange.has(address) && !excluded.has(address)) {
      inRange.add(address);
      shown.push(address);
    }
  }
  return shown;
}

/** 2-D runs a binding shows, in its order. */
export function pathRuns(binding: ChartBinding, runOf: RunOf): PathRunSource[] {
  return bindingAddresses(binding).flatMap((address) => {
    const value = runOf(address);
    return value !== undefined && value.request.kind === 'path2d' && value.result.kind === 'path2d'
      ? [{ address, request: value.request, result: value.result }]
      : [];
  });
}

/** Regression runs a binding shows, in its order. */
export function regressionRuns(binding: ChartBinding, runOf: RunOf): RegressionRunSource[] {
  return bindingAddresses(binding).flatMap((address) => {
    const value = runOf(address);
    return value !== undefined && value.request.kind === 'regression' && value.result.kind === 'regression'
      ? [{ address, request: value.request, result: value.result }]
      : [];
  });
}

/** Momentum values (0 ≤ γ < 1) found in a binding's range, for the EWMA chart. */
export function gammasIn(binding: ChartBinding, valueOf: ValueOf): number[] {
  return addressesOf(binding.source).flatMap((address) => {
    const value = valueOf(address);
    return value.kind === 'number' && value.value >= 0 && value.value < 1 ? [value.value] : [];
  });
}

/** Hessian eigenvalues in the rate map's source cell (an EIGENVALUES() array or a single number). */
export function eigenvaluesIn(binding: ChartBinding, valueOf: ValueOf): number[] {
  const value = valueOf(addressesOf(binding.source)[0] ?? '');
  const numbers = value.kind === 'array' ? value.items : [value];
  return numbers.flatMap((item) => (item.kind === 'number' && Number.isFinite(item.value) && item.value > 0 ? [item.value] : []));
}

/**
 * The (η, γ) plane shown by the rate map: heavy ball converges only while ηλ < 2(1 + γ) < 4, so
 * η up to a little beyond 4/λmax covers the whole convergent region; γ in [0, 1).
 */
export function rateMapRequest(eigenvalues: readonly number[]): RateMapRequest | null {
  if (eigenvalues.length === 0) return null;
  const largest = Math.max(...eigenvalues);
  return { kind: 'rateMap', eigenvalues, lrRange: [0, 4.2 / largest], momentumRange: [0, 0.99], width: 400, height: 200 };
}

/**
 * Colour index of every run cell shown by a chart: its position among that chart's runs, so the
 * cell's chip and the line share a colour. Pins follow the cells.
 */
export function runColorIndex(bindings: readonly ChartBinding[], runOf: RunOf): Map<CellAddress, number> {
  const indices = new Map<CellAddress, number>();
  for (const binding of bindings) {
    const runs =
      binding.kind === 'trajectories' ? pathRuns(binding, runOf) : binding.kind === 'loss' ? regressionRuns(binding, runOf) : [];
    runs.forEach((run, index) => {
      if (!indices.has(run.address)) indices.set(run.address, index);
    });
  }
  return indices;
}

/** Pins whose request is of the given kind. */
export function pinsOfKind<K extends 'path2d' | 'regression'>(pins: readonly Pin[], kind: K): Pin[] {
  return pins.filter((pin) => pin.request.kind === kind);
}
