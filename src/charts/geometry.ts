/**
 * Plane geometry for the trajectory chart: which rectangle is worth showing, and how a path is
 * cut where it leaves that rectangle. Pure functions on plain numbers.
 */
import type { Path2DResult, Vec2 } from '../core/runTypes';

/** An axis-aligned rectangle: x1 range by x2 range. */
export interface Region {
  readonly x1: Vec2;
  readonly x2: Vec2;
}

export type RegionRun = Pick<Path2DResult, 'x1' | 'x2' | 'f'>;

/**
 * An iterate belongs to the region of interest while its height stays within this multiple of
 * its run's starting height: converging parts (and momentum's modest overshoot) qualify, an
 * escaping run's tail does not. Heights are measured from the best f seen; when no run gets below
 * its start (a lone escaping run), from min(best, 0) instead, so its first steps still show.
 */
const HEIGHT_ALLOWANCE = 2;
const PADDING = 0.08;

/**
 * The rectangle to plot (and to compute contours over): it covers `start` and every iterate whose
 * f stays near the start's level, padded and rounded outward to tidy numbers. An escaping run
 * does not blow it up.
 * e.g. regionOfInterest([gdRun], [-5, -2]) → { x1: [-5.5, 1], x2: [-2.5, 2.5] }
 */
export function regionOfInterest(runs: readonly RegionRun[], start: Vec2): Region {
  const xs: number[] = [start[0]];
  const ys: number[] = [start[1]];
  let best = Infinity;
  let descends = false;
  for (const run of runs) {
    for (const value of run.f) {
      if (!Number.isFinite(value)) continue;
      best = Math.min(best, value);
      descends ||= value < run.f[0];
    }
  }
  const floor = descends ? best : Math.min(best, 0);
  for (const run of runs) {
    const startHeight = run.f[0] - floor;
    for (let t = 0; t < run.x1.length; t++) {
      const height = run.f[t] - floor;
      const x = run.x1[t];
      const y = run.x2[t];
      if (Number.isFinite(x) && Number.isFinite(y) && height <= HEIGHT_ALLOWANCE * startHeight) {
        xs.push(x);
        ys.push(y);
      }
    }
  }
  const x1 = [Math.min(...xs), Math.max(...xs)] as const;
  const x2 = [Math.min(...ys), Math.max(...ys)] as const;
  // A flat extent (every point on one line) borrows the other axis' span, or a unit span.
  const fallback = Math.max(x1[1] - x1[0], x2[1] - x2[0]) || Math.max(Math.abs(start[0]), Math.abs(start[1]), 1);
  return { x1: paddedNiceRange(x1, fallback), x2: paddedNiceRange(x2, fallback) };
}

function paddedNiceRange([lo, hi]: Vec2, fallbackSpan: number): Vec2 {
  const span = hi - lo || fallbackSpan;
  const step = niceStep(span / 20);
  return [floorTo(lo - PADDING * span, step), ceilTo(hi + PADDING * span, step)];
}

/** 1, 2 or 5 times a power of ten, at least `rough`: niceStep(0.37) === 0.5. */
export function niceStep(rough: number): number {
  const power = 10 ** Math.floor(Math.log10(rough));
  const mantissa = rough / power;
  const nice = mantissa <= 1 ? 1 : mantissa <= 2 ? 2 : mantissa <= 5 ? 5 : 10;
  return nice * power;
}

function floorTo(value: number, step: number): number {
  return tidy(Math.floor(value / step) * step, step);
}
function ceilTo(value: number, step: number): number {
  return tidy(Math.ceil(value / step) * step, step);
}
/**
 * The tick interval ECharts picks for a value axis of this span and splitNumber (its
 * IntervalScale rounds span/count to 1, 2, 3, 5 or 10 × 10^k): tickStep(6, 5) === 1.
 */
export function tickStep(span: number, count: number): number {
  const rough = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(rough));
  const mantissa = rough / power;
  const nice = mantissa < 1.5 ? 1 : mantissa < 2.5 ? 2 : mantissa < 4 ? 3 : mantissa < 7 ? 5 : 10;
  return nice * power;
}

/** Whether `value` is a whole multiple of `step` (up to rounding): isMultipleOf(-3.5, 0.5) === true. */
export function isMultipleOf(value: number, step: number): boolean {
  const ratio = value / step;
  return Math.abs(ratio - Math.round(ratio)) < 1e-9 * Math.max(1, Math.abs(ratio));
}

// Multiples of 0.1 are not exact in binary: 25 * 0.1 = 2.5000000000000004; round to the step's decimals.
function tidy(value: number, step: number): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  return Number(value.toFixed(Math.min(decimals, 20)));
}

export function contains(region: Region, x: number, y: number): boolean {
  return x >= region.x1[0] && x <= region.x1[1] && y >= region.x2[0] && y <= region.x2[1];
}

/**
 * The part of segment a→b inside the region as parameters [t0, t1] on it (Liang–Barsky), or null
 * when the segment misses the region. clipSegment(r, [0,0], [2,0]) with r.x1 = [-1, 1] → [0, 0.5].
 */
export function clipSegment(region: Region, a: Vec2, b: Vec2): Vec2 | null {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  let t0 = 0;
  let t1 = 1;
  const edges: readonly (readonly [number, number])[] = [
    [-dx, a[0] - region.x1[0]],
    [dx, region.x1[1] - a[0]],
    [-dy, a[1] - region.x2[0]],
    [dy, region.x2[1] - a[1]],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return null;
      continue;
    }
    const r = q / p;
    if (p < 0) t0 = Math.max(t0, r);
    else t1 = Math.min(t1, r);
    if (t0 > t1) return null;
  }
  return [t0, t1];
}

export function lerp(a: Vec2, b: Vec2, t: number): Vec2 {
  return [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
}
