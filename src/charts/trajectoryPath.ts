/**
 * A run's path cut to the plotted region. Iterates outside the region are dropped, segments that
 * cross the edge end (or start) exactly on it, and a gap separates the pieces, so an escaping run
 * is drawn up to the axis and no further, whatever its magnitude (even 1e300 or Infinity).
 * The path ends where it leaves the region for the last time: an oscillating divergence (x2 flips
 * sign and grows) would otherwise draw a long segment straight across the plot at every step.
 */
import type { Vec2 } from '../core/runTypes';
import { clipSegment, contains, lerp, type Region } from './geometry';

/** An iterate (step = its index t), a point where the path crosses the edge (step = null), or a gap. */
export type PathItem = { readonly point: Vec2; readonly step: number | null } | null;

export interface ClippedPath {
  readonly items: readonly PathItem[];
  /** The last stretch before the run left the region for good, ending on the edge; null if it stays. */
  readonly exit: { readonly from: Vec2; readonly to: Vec2 } | null;
}

// Beyond this magnitude differences overflow; such an iterate is treated like a non-finite one.
const MAX_MAGNITUDE = 1e150;

function usable(x: number, y: number): boolean {
  return Math.abs(x) <= MAX_MAGNITUDE && Math.abs(y) <= MAX_MAGNITUDE;
}

/** Clip the path (x1[t], x2[t]) to the region. */
export function clipPath(region: Region, x1: ArrayLike<number>, x2: ArrayLike<number>): ClippedPath {
  const items: PathItem[] = [];
  let exit: ClippedPath['exit'] = null;
  const last = (): PathItem | undefined => items[items.length - 1];
  const pushIterate = (t: number): void => {
    const previous = last();
    if (!(previous && previous.step === t)) items.push({ point: [x1[t], x2[t]], step: t });
  };
  const pushGap = (): void => {
    if (items.length > 0 && last() !== null) items.push(null);
  };

  let n = 0;
  for (let t = 0; t < x1.length; t++) if (usable(x1[t], x2[t]) && contains(region, x1[t], x2[t])) n = t + 1;
  // Keep the segment that leaves from the last iterate inside, to show where the run escapes.
  n = Math.min(x1.length, n + 1);
  if (n > 0 && usable(x1[0], x2[0]) && contains(region, x1[0], x2[0])) pushIterate(0);
  let t = 0;
  for (; t + 1 < n; t++) {
    const a: Vec2 = [x1[t], x2[t]];
    const b: Vec2 = [x1[t + 1], x2[t + 1]];
    if (!usable(a[0], a[1]) || !usable(b[0], b[1])) break;
    const span = clipSegment(region, a, b);
    if (span === null) continue;
    const [t0, t1] = span;
    const entry = t0 > 0 ? lerp(a, b, t0) : a;
    if (t0 > 0) {
      pushGap();
      items.push({ point: entry, step: null });
    } else {
      pushIterate(t);
    }
    if (t1 < 1) {
      const edge = lerp(a, b, t1);
      items.push({ point: edge, step: null });
      pushGap();
      exit = { from: entry, to: edge };
    } else {
      pushIterate(t + 1);
      exit = null;
    }
  }
  // The path stopped at an unusable iterate (overflow) while still inside: mark its last stretch.
  if (t + 1 < n && exit === null && t > 0 && contains(region, x1[t], x2[t])) {
    exit = { from: [x1[t - 1], x2[t - 1]], to: [x1[t], x2[t]] };
  }
  while (items.length > 0 && last() === null) items.pop();
  return { items, exit };
}
