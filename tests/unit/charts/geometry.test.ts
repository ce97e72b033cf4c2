import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { clipSegment, contains, isMultipleOf, lerp, tickStep, type Region } from '../../../src/charts/geometry';
import { niceStep, regionOfInterest } from '../../../src/core/region';
import { CHAPTER_RUNS, path, START } from './chartFixtures';

const runsOf = (...labels: string[]) =>
  CHAPTER_RUNS.filter((spec) => labels.includes(spec.label)).map((spec) => path(spec.method, spec.eta, spec.gamma));

function covers(region: Region, x1: ArrayLike<number>, x2: ArrayLike<number>): boolean {
  return Array.from(x1).every((x, t) => contains(region, x, x2[t]));
}

describe('regionOfInterest', () => {
  test('covers the start and every iterate of converging runs', () => {
    const runs = runsOf('GD η=0.9', 'momentum η=0.9 γ=0.2', 'momentum η=1.1 γ=0.2');
    const region = regionOfInterest(runs, START);
    expect(contains(region, START[0], START[1])).toBe(true);
    for (const run of runs) expect(covers(region, run.x1, run.x2)).toBe(true);
  });

  test('an escaping run does not blow it up: GD η=1.1 (|x2| grows as 1.2^t to 30) leaves x2 within ±4', () => {
    const [escaping] = runsOf('GD η=1.1');
    expect(Math.max(...Array.from(escaping.x2).map(Math.abs))).toBeGreaterThan(30);
    const region = regionOfInterest([escaping], START);
    expect(region.x2[0]).toBeGreaterThanOrEqual(-4);
    expect(region.x2[1]).toBeLessThanOrEqual(4);
    // Its first overshoots (f within twice the start's height) are kept: x2 = 2.4 and −2.88.
    expect(region.x2[1]).toBeGreaterThanOrEqual(2.4);
    expect(region.x2[0]).toBeLessThanOrEqual(-2.88);
  });

  test('adding an escaping run to converging ones changes the region little', () => {
    const converging = runsOf('GD η=0.9', 'momentum η=0.9 γ=0.2');
    const alone = regionOfInterest(converging, START);
    const withEscaping = regionOfInterest([...converging, ...runsOf('GD η=1.1')], START);
    const span = (r: Region) => (r.x1[1] - r.x1[0]) * (r.x2[1] - r.x2[0]);
    expect(span(withEscaping) / span(alone)).toBeLessThan(1.5);
  });

  test('is padded beyond the data and its bounds are tidy numbers', () => {
    const runs = runsOf('GD η=0.9');
    const region = regionOfInterest(runs, START);
    expect(region.x1[0]).toBeLessThan(-5);
    for (const bound of [...region.x1, ...region.x2]) expect(String(bound).length).toBeLessThanOrEqual(5);
  });

  test('without runs, or with a run standing still, it is a non-empty box around the start', () => {
    for (const region of [regionOfInterest([], [3, 0]), regionOfInterest([path('gd', 0, 0, { start: [3, 0] })], [3, 0])]) {
      expect(region.x1[1]).toBeGreaterThan(region.x1[0]);
      expect(region.x2[1]).toBeGreaterThan(region.x2[0]);
      expect(contains(region, 3, 0)).toBe(true);
    }
  });

  test('adding a constant to the objective does not move the region (heights count from the best f)', () => {
    const specs = CHAPTER_RUNS.slice(0, 3);
    const plain = specs.map((s) => path(s.method, s.eta, s.gamma));
    const lifted = specs.map((s) => path(s.method, s.eta, s.gamma, { objective: '0.1*x1^2 + 2*x2^2 + 1000' }));
    expect(lifted[0].f[0]).toBeCloseTo(1010.5, 9);
    expect(regionOfInterest(lifted, START)).toEqual(regionOfInterest(plain, START));
  });

  test('non-finite iterates are ignored', () => {
    const nan = { x1: Float64Array.of(-5, NaN, Infinity), x2: Float64Array.of(-2, 1, 2), f: Float64Array.of(10.5, NaN, Infinity) };
    const region = regionOfInterest([nan], START);
    expect(Number.isFinite(region.x1[0] + region.x1[1] + region.x2[0] + region.x2[1])).toBe(true);
  });
});

describe('axis numbers', () => {
  test('niceStep rounds up to 1, 2 or 5 times a power of ten', () => {
    expect([0.37, 0.12, 3, 7, 1000].map(niceStep)).toEqual([0.5, 0.2, 5, 10, 1000]);
  });

  test('tickStep mirrors ECharts (1, 2, 3, 5, 10 × 10^k rounded to nearest)', () => {
    expect(tickStep(6, 5)).toBe(1);
    expect(tickStep(6, 3)).toBe(2);
    expect(tickStep(3, 5)).toBe(0.5);
    expect(tickStep(0.99, 5)).toBe(0.2);
  });

  test('isMultipleOf tolerates binary rounding', () => {
    expect(isMultipleOf(-3.5, 0.5)).toBe(true);
    expect(isMultipleOf(0.3, 0.1)).toBe(true);
    expect(isMultipleOf(-5.5, 1)).toBe(false);
  });
});

describe('clipSegment (Liang–Barsky)', () => {
  const region: Region = { x1: [-1, 1], x2: [-2, 2] };
  const coordinate = fc.double({ min: -10, max: 10, noNaN: true });
  const point = fc.tuple(coordinate, coordinate);

  test('a segment inside is kept whole; one crossing the edge is cut on it', () => {
    expect(clipSegment(region, [0, 0], [0.5, 1])).toEqual([0, 1]);
    expect(clipSegment(region, [0, 0], [2, 0])).toEqual([0, 0.5]);
    expect(clipSegment(region, [5, 5], [6, 6])).toBeNull();
  });

  test('the clipped part lies in the region and its ends are inside or on the edge', () => {
    fc.assert(
      fc.property(point, point, (a, b) => {
        const span = clipSegment(region, a, b);
        if (span === null) {
          // Then no sampled point of the segment is inside (up to a sliver at a corner).
          for (let k = 1; k < 20; k++) {
            const p = lerp(a, b, k / 20);
            if (contains({ x1: [-0.999, 0.999], x2: [-1.999, 1.999] }, p[0], p[1])) return false;
          }
          return true;
        }
        const grown: Region = { x1: [-1 - 1e-9, 1 + 1e-9], x2: [-2 - 1e-9, 2 + 1e-9] };
        return [span[0], (span[0] + span[1]) / 2, span[1]].every((t) => {
          const p = lerp(a, b, t);
          return contains(grown, p[0], p[1]);
        });
      }),
    );
  });
});
