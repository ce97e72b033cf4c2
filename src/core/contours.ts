/**
 * Contour lines of an objective over a rectangle, as polylines in data coordinates.
 *
 * d3-contour (marching squares) returns filled polygons of {f ≥ level}; it closes every ring by
 * walking along the outside of the sample grid, as if the world beyond it were below every level.
 * Those border walks are not contour lines, so they are cut out here and a ring is split where
 * one is removed. Samples where f is not finite are handled the same way: lines next to them are cut.
 */
import { contours as d3Contours } from 'd3-contour';
import type { ContourLine, ContourRequest, ContourResult, Vec2 } from './runTypes';
import { compileFormula } from './compileExpression';
import { fromObjectiveFailure, invalidRequest, type CoreFailure } from './coreFailure';
import { gridValue } from './gridAxis';

export const MAX_CONTOUR_RESOLUTION = 1000;
export const MAX_CONTOUR_LEVELS = 100;

/**
 * Sample the objective on a resolution × resolution grid whose points include the range ends,
 * and trace `levels` contour levels. `computeContours({kind:'contours', objective:'x1^2+x2^2',
 * x1Range:[-1,1], x2Range:[-1,1], levels:5, resolution:101})` → five rings of circles.
 */
export function computeContours(req: ContourRequest): ContourResult | CoreFailure {
  const invalid = validate(req);
  if (invalid !== null) return invalid;
  const compiled = compileFormula(req.objective);
  if (!compiled.ok) return fromObjectiveFailure({ ...compiled, where: 'objective' });

  const n = req.resolution;
  const x1s = Array.from({ length: n }, (_, i) => gridValue(req.x1Range, n, i));
  const values: number[] = [];
  const nonFinite = new Uint8Array(n * n);
  for (let j = 0; j < n; j++) {
    const x2 = gridValue(req.x2Range, n, j);
    for (let i = 0; i < n; i++) {
      const value = compiled.fn(x1s[i], x2);
      const finite = Number.isFinite(value);
      // d3 treats NaN as "below every level"; ±Infinity would skew its interpolation instead.
      values.push(finite ? value : NaN);
      nonFinite[j * n + i] = finite ? 0 : 1;
    }
  }
  const levels = contourLevels(values, req.levels);
  const grid: GridFrame = { n, x1Range: req.x1Range, x2Range: req.x2Range, nonFinite };
  const polygons = d3Contours().size([n, n]).thresholds(levels)(values);
  const contours: ContourLine[] = polygons.map((polygon) => ({
    level: polygon.value,
    lines: polygon.coordinates.flatMap((rings) => rings.flatMap((ring) => ringToPolylines(ring, grid))),
  }));
  return { kind: 'contours', contours };
}

function validate(req: ContourRequest): CoreFailure | null {
  const rangeOk = (r: Vec2) => Number.isFinite(r[0]) && Number.isFinite(r[1]) && r[0] < r[1];
  if (!rangeOk(req.x1Range)) return invalidRequest('x1Range', 'The x1 range must be finite and increasing');
  if (!rangeOk(req.x2Range)) return invalidRequest('x2Range', 'The x2 range must be finite and increasing');
  if (!Number.isInteger(req.resolution) || req.resolution < 2 || req.resolution > MAX_CONTOUR_RESOLUTION) {
    return invalidRequest('resolution', `The resolution must be a whole number from 2 to ${MAX_CONTOUR_RESOLUTION}`);
  }
  if (!Number.isInteger(req.levels) || req.levels < 1 || req.levels > MAX_CONTOUR_LEVELS) {
    return invalidRequest('levels', `The number of levels must be a whole number from 1 to ${MAX_CONTOUR_LEVELS}`);
  }
  return null;
}

/**
 * `count` increasing levels between the smallest and largest finite sample, evenly spaced in
 * √(f − fmin): level_k = fmin + (fmax − fmin)·(k/(count+1))². For a quadratic, √(f − fmin) is
 * proportional to the distance from the minimum along any ray, so the levels draw evenly spaced
 * nested ellipses; even spacing in f would crowd them at the rim and leave the ill-conditioned
 * valley near the minimum, where the runs end, almost empty. Returns [] for a flat or empty grid.
 * `contourLevels([0, 16], 3)` → `[1, 4, 9]`.
 */
export function contourLevels(values: ArrayLike<number>, count: number): number[] {
  let low = Infinity;
  let high = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    if (v < low) low = v;
    if (v > high) high = v;
  }
  if (!(high > low)) return [];
  const levels: number[] = [];
  for (let k = 1; k <= count; k++) {
    const level = low + (high - low) * ((k / (count + 1)) * (k / (count + 1)));
    if (levels.length === 0 || level > levels[levels.length - 1]) levels.push(level);
  }
  return levels;
}

interface GridFrame {
  readonly n: number;
  readonly x1Range: Vec2;
  readonly x2Range: Vec2;
  readonly nonFinite: Uint8Array;
}

/**
 * d3 grid coordinate → data coordinate. Sample i sits at grid coordinate i + 0.5. Interpolating
 * from the nearer end keeps every t in [0, 1] inside [range[0], range[1]] without clamping
 * (lo + 1·(hi − lo) can round past hi), so a point outside the range would still show up as a bug.
 */
function toData(c: number, range: Vec2, n: number): number {
  const t = (c - 0.5) / (n - 1);
  const span = range[1] - range[0];
  return t <= 0.5 ? range[0] + t * span : range[1] - (1 - t) * span;
}

const clampIndex = (k: number, n: number): number => (k < 0 ? 0 : k >= n ? n - 1 : k);
const onSameEdge = (u: number, v: number, edge: number): boolean => u === edge && v === edge;

/** Points d3 invented on the outside of the grid, or next to a sample where f is not finite. */
function isArtificial(point: readonly number[], grid: GridFrame): boolean {
  const cx = point[0];
  const cy = point[1];
  const { n, nonFinite } = grid;
  if (!Number.isFinite(cx) || !Number.isFinite(cy)) return true;
  if (cx <= 0 || cx >= n || cy <= 0 || cy >= n) return true;
  // The samples around the point: the (up to) four corners of the grid cell it lies in.
  const i0 = clampIndex(Math.floor(cx - 0.5), n);
  const i1 = clampIndex(Math.ceil(cx - 0.5), n);
  const j0 = clampIndex(Math.floor(cy - 0.5), n) * n;
  const j1 = clampIndex(Math.ceil(cy - 0.5), n) * n;
  return nonFinite[j0 + i0] + nonFinite[j0 + i1] + nonFinite[j1 + i0] + nonFinite[j1 + i1] > 0;
}

/** Both ends on the same edge of the data rectangle: a segment that traces the frame, not f. */
function runsAlongFrame(a: Vec2, b: Vec2, grid: GridFrame): boolean {
  return (
    onSameEdge(a[0], b[0], grid.x1Range[0]) ||
    onSameEdge(a[0], b[0], grid.x1Range[1]) ||
    onSameEdge(a[1], b[1], grid.x2Range[0]) ||
    onSameEdge(a[1], b[1], grid.x2Range[1])
  );
}

/** Cut one closed d3 ring into the polylines that are real contour, as flat [x1, x2, …] arrays. */
function ringToPolylines(ring: readonly (readonly number[])[], grid: GridFrame): Float64Array[] {
  const closed = ring.length > 1 && ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1];
  const m = closed ? ring.length - 1 : ring.length;
  if (m < 2) return [];
  const kept = ring.slice(0, m).map((p) => !isArtificial(p, grid));
  const data: Vec2[] = ring.slice(0, m).map((p) => [toData(p[0], grid.x1Range, grid.n), toData(p[1], grid.x2Range, grid.n)]);
  // Segment k joins point k to point k+1; an open ring has no segment from its last point back.
  const segmentKept = (k: number): boolean => {
    const next = (k + 1) % m;
    if (!closed && next === 0) return false;
    return kept[k] && kept[next] && !runsAlongFrame(data[k], data[next], grid);
  };
  let firstDropped = -1;
  for (let k = 0; k < m && firstDropped < 0; k++) if (!segmentKept(k)) firstDropped = k;
  if (firstDropped < 0) return [flatten([...data, data[0]])];

  // Walk once round the ring starting after a dropped segment, so no chain wraps the seam.
  const lines: Float64Array[] = [];
  let chain: Vec2[] = [];
  for (let step = 1; step <= m; step++) {
    const k = (firstDropped + step) % m;
    if (segmentKept(k)) {
      if (chain.length === 0) chain.push(data[k]);
      chain.push(data[(k + 1) % m]);
    } else if (chain.length > 0) {
      lines.push(flatten(chain));
      chain = [];
    }
  }
  return lines;
}

function flatten(points: readonly Vec2[]): Float64Array {
  const out = new Float64Array(points.length * 2);
  points.forEach((p, i) => {
    out[2 * i] = p[0];
    out[2 * i + 1] = p[1];
  });
  return out;
}
