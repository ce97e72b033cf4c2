import fc from 'fast-check';
import { decodePngDataUrl } from './decodePng';
import { describe, expect, test } from 'vitest';
import {
  bandAlignedRange,
  buildRateMapOption,
  polyakPoint,
  RATE_BIN_COLORS,
  RATE_SERIES_ID,
  rateAt,
  rateColor,
  rateMapImage,
  rateMapPointToParams,
  type RateMapViewModel,
} from '../../../src/charts/rateMapChart';
import { themeColors } from '../../../src/charts/theme';
import { gridValue } from '../../../src/core/gridAxis';
import { heavyBallRate, polyakOptimum } from '../../../src/core/quadratic';
import { EIGENVALUES, rateMap } from './chartFixtures';
import { component, seriesById } from './optionAccess';

const { request, result } = rateMap(400, 200);
const model = (overrides: Partial<RateMapViewModel> = {}): RateMapViewModel => ({
  scheme: 'light',
  width: 900,
  request,
  result,
  current: { lr: 0.9, momentum: 0.2 },
  ...overrides,
});

const decodePng = decodePngDataUrl;

const rgb = (hex: string) => [1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16));

describe('rate map: the picture', () => {
  test('a 400 × 200 map becomes one 400 × 200 image, top row = largest momentum', () => {
    const image = decodePng(rateMapImage(result, themeColors('light').diverging));
    expect([image.width, image.height]).toEqual([400, 200]);
    for (const [column, row] of [[0, 0], [399, 199], [123, 45], [200, 100]]) {
      const rate = result.rates[row * 400 + column];
      const expected = rateColor(rate, themeColors('light').diverging);
      expect(image.pixel(column, 199 - row)).toEqual([...rgb(expected!), 255]);
    }
  });

  test('rate ≥ 1 (diverging) gets the scheme\'s neutral colour, distinct from every bin', () => {
    for (const scheme of ['light', 'dark'] as const) {
      const diverging = themeColors(scheme).diverging;
      expect(rateColor(1, diverging)).toBe(diverging);
      expect(rateColor(3.2, diverging)).toBe(diverging);
      expect(RATE_BIN_COLORS).not.toContain(diverging);
    }
    expect(rateColor(0.999, '#000000')).toBe(RATE_BIN_COLORS[RATE_BIN_COLORS.length - 1]);
    expect(rateColor(0.2, '#000000')).toBe(RATE_BIN_COLORS[0]);
    expect(rateColor(NaN, '#000000')).toBeNull();
  });

  test('the image cells agree with the heavy-ball theory: ηλ_max > 2(1+γ) diverges', () => {
    const image = decodePng(rateMapImage(result, themeColors('light').diverging));
    const grey = [...rgb(themeColors('light').diverging), 255];
    for (let row = 0; row < 200; row += 17) {
      for (let column = 0; column < 400; column += 13) {
        const eta = gridValue(request.lrRange, 400, column);
        const gamma = gridValue(request.momentumRange, 200, row);
        const margin = eta * 4 - 2 * (1 + gamma);
        if (Math.abs(margin) < 0.02) continue; // the boundary itself is a matter of rounding
        expect(image.pixel(column, 199 - row)).toEqual(margin > 0 ? grey : expect.not.arrayContaining([217]));
        expect(margin > 0).toBe(heavyBallRate(eta, gamma, 4) >= 1);
      }
    }
  });

  test('the same result and scheme give the same image string (cached); another scheme another', () => {
    expect(rateMapImage(result, '#d9d9d9')).toBe(rateMapImage(result, '#d9d9d9'));
    expect(rateMapImage(result, '#d9d9d9')).not.toBe(rateMapImage(result, '#3a3a3a'));
  });
});

describe('rate map: axes and markers', () => {
  const option = buildRateMapOption(model());

  test('value axes are widened by half a cell, so grid value i sits at the centre of cell i', () => {
    const x = component(option, 'xAxis');
    const [min, max] = [x.min as number, x.max as number];
    for (const i of [0, 1, 200, 399]) {
      const centre = (gridValue(request.lrRange, 400, i) - min) / (max - min);
      expect(centre).toBeCloseTo((i + 0.5) / 400, 12);
    }
    expect([x.min, x.max]).toEqual([...bandAlignedRange(request.lrRange, 400)]);
  });

  test('the image fills exactly the axes\' box', () => {
    const series = seriesById(option, RATE_SERIES_ID);
    const x = component(option, 'xAxis');
    const y = component(option, 'yAxis');
    expect(series.data).toEqual([[x.min, y.min, x.max, y.max]]);
    const coord = ([a, b]: number[]) => [a, -b]; // a stand-in coordinate system: x right, y down
    const element = series.renderItem({}, { coord });
    expect(element.style).toMatchObject({ x: x.min, y: -y.max, width: x.max - x.min, height: y.max - y.min });
  });

  test('Polyak\'s optimum is marked where core puts it, and it is the map\'s fastest point', () => {
    const optimum = polyakOptimum(Math.min(...EIGENVALUES), Math.max(...EIGENVALUES));
    const marker = seriesById(option, 'marker:optimum');
    expect(marker.data[0][0]).toBeCloseTo(optimum.eta, 14);
    expect(marker.data[0][1]).toBeCloseTo(optimum.gamma, 14);
    // The map's fastest cell lies next to the marker (within 2% of each axis; the valley is a narrow
    // ridge, so the nearest grid point to the optimum itself can be much slower).
    let best = 0;
    for (let i = 1; i < result.rates.length; i++) if (result.rates[i] < result.rates[best]) best = i;
    const [column, row] = [best % 400, Math.floor(best / 400)];
    expect(result.rates[best]).toBeGreaterThanOrEqual(optimum.rate - 1e-6);
    expect(result.rates[best] - optimum.rate).toBeLessThan(0.01);
    const cellWidth = (request.lrRange[1] - request.lrRange[0]) / 399;
    const cellHeight = (request.momentumRange[1] - request.momentumRange[0]) / 199;
    expect(Math.abs(gridValue(request.lrRange, 400, column) - optimum.eta) / cellWidth).toBeLessThan(8);
    expect(Math.abs(gridValue(request.momentumRange, 200, row) - optimum.gamma) / cellHeight).toBeLessThan(4);
  });

  test('polyakPoint([1, 9]) is η = γ = 1/4; no positive eigenvalues, no optimum', () => {
    expect(polyakPoint([1, 9])).toEqual({ lr: 0.25, momentum: 0.25 });
    expect(polyakPoint([0, 4])).toBeNull();
    expect(polyakPoint([])).toBeNull();
  });

  test('the current run is marked at its (η, γ); none when there is no current run', () => {
    expect(seriesById(option, 'marker:current').data).toEqual([[0.9, 0.2]]);
    expect(seriesById(buildRateMapOption(model({ current: null })), 'marker:current').data).toEqual([]);
  });

  test('the visual map has a distinct "≥ 1 diverges" piece in the scheme\'s neutral colour', () => {
    for (const scheme of ['light', 'dark'] as const) {
      const visualMap = component(buildRateMapOption(model({ scheme })), 'visualMap');
      const last = visualMap.pieces[visualMap.pieces.length - 1];
      expect(last).toMatchObject({ gte: 1, color: themeColors(scheme).diverging, label: '≥ 1 diverges' });
      expect(visualMap.pieces.slice(0, -1).map((p: { color: string }) => p.color)).toEqual(RATE_BIN_COLORS);
    }
  });

  test('wide: legend on the right with every bin labelled; narrow: a row below naming the ends', () => {
    expect(component(option, 'visualMap')).toMatchObject({ orient: 'vertical', showLabel: true });
    expect(component(buildRateMapOption(model({ width: 360 })), 'visualMap')).toMatchObject({ orient: 'horizontal', showLabel: false });
  });
});

describe('rateMapPointToParams', () => {
  const geometry = { ...request, width: 400, height: 200 };

  test('a click on a grid value gives that value back, as core\'s gridValue defines it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 399 }), fc.integer({ min: 0, max: 199 }), (column, row) => {
        const lr = gridValue(request.lrRange, 400, column);
        const momentum = gridValue(request.momentumRange, 200, row);
        const params = rateMapPointToParams(lr, momentum, geometry);
        return Math.abs(params.lr - lr) < 1e-12 && Math.abs(params.momentum - momentum) < 1e-12;
      }),
    );
  });

  test('a click anywhere snaps to the nearest grid value, clamped to the ranges', () => {
    const step = (request.lrRange[1] - request.lrRange[0]) / 399;
    const near = rateMapPointToParams(request.lrRange[0] + 10.4 * step, 0.5, geometry);
    expect(near.lr).toBeCloseTo(request.lrRange[0] + 10 * step, 12);
    expect(rateMapPointToParams(-5, 7, geometry)).toEqual({ lr: request.lrRange[0], momentum: request.momentumRange[1] });
  });

  test('rateAt reads the map at the snapped point and is null outside', () => {
    const { lr, momentum } = rateMapPointToParams(0.5, 0.5, geometry);
    expect(rateAt(result, geometry, lr, momentum)).toBeCloseTo(Math.max(...EIGENVALUES.map((l) => heavyBallRate(lr, momentum, l))), 6);
    expect(rateAt(result, geometry, 5, 0.5)).toBeNull();
  });
});
