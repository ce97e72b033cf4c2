/**
 * Plane geometry for the trajectory chart: how a path is cut where it leaves the plotted
 * rectangle (which rectangle is worth showing is src/core/region.ts), and tick arithmetic. Pure functions on plain numbers.
 */
import type { Vec2 } from '../core/runTypes';
import type { Region } from '../core/region';

export type { Region } from '../core/region';

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

/** A region as a cache key: equal regions, equal keys. */
export const regionKey = (region: Region): string => `${region.x1[0]},${region.x1[1]},${region.x2[0]},${region.x2[1]}`;

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
