/**
 * Realistic chart inputs built with the real core functions (2-D runs, contours, rate map) and the
 * plain-TS regression reference: the chapter's experiments, so tests and the render script see
 * exactly what the app shows.
 */
import { computeContours } from '../../../src/core/contours';
import { runPath2D } from '../../../src/core/optimize2d';
import { computeRateMap } from '../../../src/core/rateMap';
import type { ContourResult, Path2DRequest, Path2DResult, RateMapRequest, RateMapResult, Vec2 } from '../../../src/core/runTypes';
import { regionOfInterest, type Region } from '../../../src/core/region';
import type { LossRun } from '../../../src/charts/lossAxes';
import { lossRunsOf } from '../../../src/charts/lossAxes';
import { seriesColor } from '../../../src/charts/palette';
import type { ColorScheme } from '../../../src/charts/option';
import type { TrajectoryRun } from '../../../src/charts/trajectoryChart';
import { chapterRequest } from '../../reference/chapterRuns';
import { runRegressionReference } from '../../reference/regressionReference';

export const OBJECTIVE = '0.1*x1^2 + 2*x2^2';
/** The chapter's printed gradient (an erratum: the true ∂/∂x2 is 4·x2). */
export const PRINTED_GRADIENT = ['0.2*x1', '2*x2'] as const;
export const START: Vec2 = [-5, -2];

export function path(method: Path2DRequest['method'], eta: number, gamma: number, options: Partial<Path2DRequest> = {}): Path2DResult {
  const result = runPath2D({
    kind: 'path2d',
    method,
    objective: OBJECTIVE,
    gradient: PRINTED_GRADIENT,
    start: START,
    eta,
    gamma,
    steps: 15,
    ...options,
  });
  if (result.kind !== 'path2d') throw new Error(`fixture run failed: ${result.message}`);
  return result;
}

export interface ChapterRunSpec {
  readonly id: string;
  readonly label: string;
  readonly method: Path2DRequest['method'];
  readonly eta: number;
  readonly gamma: number;
}

/** The chapter's four printed runs: GD η 0.9 (converges), GD η 1.1 (diverges), momentum (0.9, 0.2) and (1.1, 0.2). */
export const CHAPTER_RUNS: readonly ChapterRunSpec[] = [
  { id: 'B10', label: 'GD η=0.9', method: 'gd', eta: 0.9, gamma: 0 },
  { id: 'B11', label: 'GD η=1.1', method: 'gd', eta: 1.1, gamma: 0 },
  { id: 'B12', label: 'momentum η=0.9 γ=0.2', method: 'momentum', eta: 0.9, gamma: 0.2 },
  { id: 'B13', label: 'momentum η=1.1 γ=0.2', method: 'momentum', eta: 1.1, gamma: 0.2 },
];

export function trajectoryRuns(scheme: ColorScheme, specs: readonly ChapterRunSpec[] = CHAPTER_RUNS, pinnedIds: readonly string[] = []): TrajectoryRun[] {
  return specs.map((spec, i) => ({
    id: spec.id,
    label: spec.label,
    color: seriesColor(i, scheme),
    pinned: pinnedIds.includes(spec.id),
    gamma: spec.gamma,
    result: path(spec.method, spec.eta, spec.gamma),
  }));
}

export function contoursOver(region: Region, resolution = 100, levels = 10): ContourResult {
  const result = computeContours({ kind: 'contours', objective: OBJECTIVE, x1Range: region.x1, x2Range: region.x2, levels, resolution });
  if (result.kind !== 'contours') throw new Error(`fixture contours failed: ${result.message}`);
  return result;
}

export interface TrajectoryScene {
  readonly runs: TrajectoryRun[];
  readonly region: Region;
  readonly contours: ContourResult;
}

export function chapterScene(scheme: ColorScheme, resolution = 100, levels = 10): TrajectoryScene {
  const runs = trajectoryRuns(scheme);
  const region = regionOfInterest(runs.map((run) => run.result), START);
  return { runs, region, contours: contoursOver(region, resolution, levels) };
}

/** The Hessian of the chapter's objective is diag(0.2, 4). */
export const EIGENVALUES = [0.2, 4] as const;

export function rateMapRequest(width = 400, height = 200): RateMapRequest {
  return { kind: 'rateMap', eigenvalues: EIGENVALUES, lrRange: [0.01, 1.2], momentumRange: [0, 0.99], width, height };
}

export function rateMap(width = 400, height = 200): { request: RateMapRequest; result: RateMapResult } {
  const request = rateMapRequest(width, height);
  return { request, result: computeRateMap(request) };
}

/** The chapter's regression runs (lr 0.2; mom 0.99, 0.9, 0.5), computed by the float64 reference. */
export function chapterLossRuns(scheme: ColorScheme, seed = 1, pinned: readonly number[] = []): LossRun[] {
  const request = chapterRequest(seed);
  const result = runRegressionReference(request);
  return lossRunsOf(request, result, (i) => ({
    id: `C${20 + i}`,
    label: `mom ${request.configs[i].momentum}`,
    color: seriesColor(i, scheme),
    pinned: pinned.includes(i),
  }));
}

/** A run that blows up (lr 3 with mom 0.9 on the chapter's data), for clipping and markers. */
export function divergingLossRun(scheme: ColorScheme, seed = 1): LossRun {
  const request = chapterRequest(seed, [{ lr: 3, momentum: 0.9, convention: 'mxnet' }]);
  const result = runRegressionReference(request);
  return lossRunsOf(request, result, () => ({ id: 'C30', label: 'lr 3, mom 0.9', color: seriesColor(3, scheme), pinned: false }))[0];
}
