/**
 * Which rectangle of the (x1, x2) plane is worth showing for a set of 2-D runs: it is what the
 * trajectory chart plots and what contours are computed over, so it is decided where the runs
 * are (the sheet session), not by the chart. Pure functions on plain numbers.
 */
import type { Path2DResult, Vec2 } from './runTypes';

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

// Multiples of 0.1 are not exact in binary: 25 * 0.1 = 2.5000000000000004; round to the step's decimals.
function tidy(value: number, step: number): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  return Number(value.toFixed(Math.min(decimals, 20)));
}
