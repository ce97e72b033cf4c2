/**
 * Where grid samples sit along an axis. Shared by the rate map and the contour sampler so both
 * read "index 0 is the range's start" the same way.
 */
import type { Vec2 } from './runTypes';

/**
 * The value of grid index `index` of `count` along `range`. Grid points sit on the range's ends
 * (index 0 is range[0], index count−1 is range[1]), not at cell centres, so a map can be read at
 * exactly the values a user typed as bounds. `gridValue([0, 1], 5, 2)` → `0.5`.
 */
export function gridValue(range: Vec2, count: number, index: number): number {
  if (count <= 1) return range[0];
  if (index === count - 1) return range[1];
  return range[0] + ((range[1] - range[0]) * index) / (count - 1);
}
