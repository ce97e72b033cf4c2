import { describe, expect, test } from 'vitest';
import { contains, type Region } from '../../../src/charts/geometry';
import { clipPath } from '../../../src/charts/trajectoryPath';
import { path } from './chartFixtures';

const region: Region = { x1: [-5.5, 0.5], x2: [-3.5, 3] };
const onEdge = (p: readonly number[]) =>
  [Math.abs(p[0] - region.x1[0]), Math.abs(p[0] - region.x1[1]), Math.abs(p[1] - region.x2[0]), Math.abs(p[1] - region.x2[1])].some((d) => d < 1e-9);

describe('clipPath', () => {
  test('a path inside the region comes back unchanged, one item per iterate, and no exit', () => {
    const run = path('momentum', 0.9, 0.2);
    const { items, exit } = clipPath(region, run.x1, run.x2);
    expect(items.map((item) => item?.step)).toEqual(Array.from({ length: run.x1.length }, (_, t) => t));
    expect(items.map((item) => item?.point)).toEqual(Array.from(run.x1, (x, t) => [x, run.x2[t]]));
    expect(exit).toBeNull();
  });

  test('GD η=1.1 (x2 ← −1.2·x2) is drawn up to the edge it leaves through, then stops', () => {
    const run = path('gd', 1.1, 0);
    const { items, exit } = clipPath(region, run.x1, run.x2);
    // Closed form with the printed gradient: x2_t = −2·(−1.2)^t; x2_3 = 3.456 is the first outside.
    expect(items.filter((item) => item?.step !== null).map((item) => item?.step)).toEqual([0, 1, 2]);
    const last = items[items.length - 1];
    expect(last?.step).toBeNull();
    expect(last && onEdge(last.point)).toBe(true);
    expect(last?.point[1]).toBeCloseTo(region.x2[1], 12);
    expect(exit?.to).toEqual(last?.point);
    expect(exit?.from).toEqual([run.x1[2], run.x2[2]]);
    for (const item of items) if (item) expect(contains(region, item.point[0], item.point[1])).toBe(true);
  });

  test('a path that leaves and comes back gets a gap and edge points, and no exit marker', () => {
    const x1 = [0, 0, 0];
    const x2 = [0, 5, 1];
    const { items, exit } = clipPath(region, x1, x2);
    expect(items).toEqual([{ point: [0, 0], step: 0 }, { point: [0, 3], step: null }, null, { point: [0, 3], step: null }, { point: [0, 1], step: 2 }]);
    expect(exit).toBeNull();
  });

  test('overflowing iterates (1e300, Infinity, NaN) end the path without breaking it', () => {
    for (const bad of [1e300, Infinity, NaN]) {
      const { items, exit } = clipPath(region, [-5, -4, bad], [-2, 1, 0]);
      expect(items.map((item) => item?.step)).toEqual([0, 1]);
      expect(exit).toEqual({ from: [-5, -2], to: [-4, 1] });
    }
  });

  test('a path entirely outside draws nothing', () => {
    expect(clipPath(region, [10, 11], [10, 11])).toEqual({ items: [], exit: null });
  });
});
