import { describe, expect, it } from 'vitest';
import { PROPERTY_TIMEOUT_MS } from './closeTo';
import { computeContours, contourLevels } from '../../../src/core/contours';
import type { ContourRequest, ContourResult } from '../../../src/core/runTypes';

const CHAPTER_VIEW: ContourRequest = {
  kind: 'contours',
  objective: '0.1*x1^2 + 2*x2^2',
  x1Range: [-5.5, 1],
  x2Range: [-3, 3],
  levels: 13,
  resolution: 120,
};

function contoursOf(overrides: Partial<ContourRequest>): ContourResult {
  const result = computeContours({ ...CHAPTER_VIEW, ...overrides });
  if (result.kind === 'failure') throw new Error(result.message);
  return result;
}

function* points(result: ContourResult): Generator<[number, number]> {
  for (const contour of result.contours) {
    for (const line of contour.lines) for (let i = 0; i < line.length; i += 2) yield [line[i], line[i + 1]];
  }
}

const VIEWS: Partial<ContourRequest>[] = [
  {},
  { objective: 'x1^2 + x2^2', x1Range: [-1, 1], x2Range: [-1, 1] },
  { objective: '(x1 - 0.3)^2 + 0.5*sin(3*x2) + x1*x2', x1Range: [-2, 2], x2Range: [-1, 3], levels: 9, resolution: 77 },
];

describe('computeContours', { timeout: PROPERTY_TIMEOUT_MS }, () => {
  it.each(VIEWS)('every point lies inside the requested rectangle (%o)', (view) => {
    const result = contoursOf(view);
    const { x1Range, x2Range } = { ...CHAPTER_VIEW, ...view };
    let count = 0;
    for (const [x1, x2] of points(result)) {
      count += 1;
      expect(x1).toBeGreaterThanOrEqual(x1Range[0]);
      expect(x1).toBeLessThanOrEqual(x1Range[1]);
      expect(x2).toBeGreaterThanOrEqual(x2Range[0]);
      expect(x2).toBeLessThanOrEqual(x2Range[1]);
    }
    expect(count).toBeGreaterThan(100);
  });

  it.each(VIEWS)('no segment runs along the border of the rectangle (%o)', (view) => {
    const result = contoursOf(view);
    const { x1Range, x2Range } = { ...CHAPTER_VIEW, ...view };
    const eps = 1e-9 * Math.max(x1Range[1] - x1Range[0], x2Range[1] - x2Range[0]);
    const onEdge = (u: number, v: number, edge: number) => Math.abs(u - edge) < eps && Math.abs(v - edge) < eps;
    for (const contour of result.contours) {
      for (const line of contour.lines) {
        expect(line.length).toBeGreaterThanOrEqual(4);
        for (let i = 0; i + 3 < line.length; i += 2) {
          const [a1, a2, b1, b2] = [line[i], line[i + 1], line[i + 2], line[i + 3]];
          const alongBorder = onEdge(a1, b1, x1Range[0]) || onEdge(a1, b1, x1Range[1]) || onEdge(a2, b2, x2Range[0]) || onEdge(a2, b2, x2Range[1]);
          expect(alongBorder).toBe(false);
        }
      }
    }
  });

  it('levels are strictly increasing and one line set is returned per level', () => {
    const result = contoursOf({});
    expect(result.contours.length).toBe(13);
    for (let k = 1; k < result.contours.length; k++) expect(result.contours[k].level).toBeGreaterThan(result.contours[k - 1].level);
  });

  it("a circle objective's contour points keep a near-constant radius √level", () => {
    const result = contoursOf({ objective: 'x1^2 + x2^2', x1Range: [-1, 1], x2Range: [-1, 1], levels: 6, resolution: 101 });
    for (const contour of result.contours) {
      for (const line of contour.lines) {
        for (let i = 0; i < line.length; i += 2) {
          // Linear interpolation of r² along a grid edge of length 0.02 errs by well under 1e-3.
          expect(Math.abs(Math.hypot(line[i], line[i + 1]) - Math.sqrt(contour.level))).toBeLessThan(1e-3);
        }
      }
    }
  });

  it('a contour wholly inside the rectangle comes back as one closed loop', () => {
    const result = contoursOf({ objective: 'x1^2 + x2^2', x1Range: [-1, 1], x2Range: [-1, 1], levels: 3, resolution: 51 });
    const innermost = result.contours[0];
    expect(innermost.lines.length).toBe(1);
    const line = innermost.lines[0];
    expect([line[0], line[1]]).toEqual([line[line.length - 2], line[line.length - 1]]);
  });

  it('survives non-finite samples and draws nothing next to them', () => {
    const log = contoursOf({ objective: 'log(x1) + x2^2', x1Range: [-1, 2], x2Range: [-1, 1], levels: 8, resolution: 61 });
    const step = 3 / 60;
    let count = 0;
    for (const [x1, x2] of points(log)) {
      count += 1;
      expect(Number.isFinite(x1) && Number.isFinite(x2)).toBe(true);
      expect(x1).toBeGreaterThan(step / 2); // the first finite column is x1 = 0.05, and lines touching x1 ≤ 0 are cut
    }
    expect(count).toBeGreaterThan(50);
    // 1/0 = Infinity at the origin, which lies on the 61-point grid.
    const pole = contoursOf({ objective: '1 / (x1^2 + x2^2)', x1Range: [-1, 1], x2Range: [-1, 1], levels: 5, resolution: 61 });
    for (const [x1, x2] of points(pole)) expect(Number.isFinite(x1) && Number.isFinite(x2)).toBe(true);
  });

  it('returns failures as values', () => {
    expect(computeContours({ ...CHAPTER_VIEW, objective: 'x1 + z' })).toMatchObject({ kind: 'failure', reason: 'unknownSymbol', subject: 'z' });
    expect(computeContours({ ...CHAPTER_VIEW, resolution: 1 })).toMatchObject({ kind: 'failure', reason: 'invalidRequest', subject: 'resolution' });
    expect(computeContours({ ...CHAPTER_VIEW, x1Range: [1, -1] })).toMatchObject({ kind: 'failure', reason: 'invalidRequest', subject: 'x1Range' });
  });
});

describe('contourLevels', () => {
  it('spaces levels evenly in √(f − fmin), so a quadratic shows evenly spaced nested ellipses', () => {
    const levels = contourLevels([2, 5, 102], 9);
    const roots = levels.map((level) => Math.sqrt(level - 2));
    for (let k = 0; k < roots.length; k++) expect(roots[k]).toBeCloseTo((10 * (k + 1)) / 10, 12);
  });

  it('gives no levels for a flat or entirely non-finite grid', () => {
    expect(contourLevels([3, 3, 3], 5)).toEqual([]);
    expect(contourLevels([Number.NaN, Infinity], 5)).toEqual([]);
  });
});
