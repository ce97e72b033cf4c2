import { describe, expect, it } from 'vitest';
import { computeRateMap, gridValue } from '../../../src/core/rateMap';
import { overallRate, polyakOptimum } from '../../../src/core/quadratic';
import type { RateMapRequest } from '../../../src/core/runTypes';

const CHAPTER_MAP: RateMapRequest = {
  kind: 'rateMap',
  eigenvalues: [0.2, 4],
  lrRange: [0, 1.2],
  momentumRange: [0, 0.95],
  width: 400,
  height: 200,
};

describe('computeRateMap', () => {
  it('every cell equals the per-point heavy-ball rate, row = momentum, column = learning rate', () => {
    const map = computeRateMap(CHAPTER_MAP);
    expect(map.rates.length).toBe(400 * 200);
    for (let r = 0; r < 200; r += 7) {
      for (let c = 0; c < 400; c += 13) {
        const expected = overallRate('momentum', gridValue(CHAPTER_MAP.lrRange, 400, c), gridValue(CHAPTER_MAP.momentumRange, 200, r), [0.2, 4]);
        expect(map.rates[r * 400 + c]).toBe(Math.fround(expected));
      }
    }
  });

  it('grid points include both ends of each range', () => {
    expect(gridValue([0, 1.2], 400, 0)).toBe(0);
    expect(gridValue([0, 1.2], 400, 399)).toBe(1.2);
    const map = computeRateMap(CHAPTER_MAP);
    expect(map.rates[map.rates.length - 1]).toBe(Math.fround(overallRate('momentum', 1.2, 0.95, [0.2, 4])));
  });

  it("Polyak's optimum is the lowest rate in its neighbourhood", () => {
    const { eta, gamma, rate } = polyakOptimum(0.2, 4);
    const map = computeRateMap({ ...CHAPTER_MAP, lrRange: [eta * 0.7, eta * 1.3], momentumRange: [gamma - 0.15, gamma + 0.1], width: 121, height: 101 });
    const lowest = map.rates.reduce((a, b) => Math.min(a, b), Infinity);
    expect(lowest).toBeGreaterThanOrEqual(Math.fround(rate) - 1e-6);
    // …and the map does come close to it, so the comparison is not vacuous.
    expect(lowest).toBeLessThan(rate + 0.01);
  });

  it('an empty size gives an empty map', () => {
    expect(computeRateMap({ ...CHAPTER_MAP, width: 0 }).rates.length).toBe(0);
  });
});
