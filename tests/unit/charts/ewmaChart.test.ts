import { describe, expect, test } from 'vitest';
import { buildEwmaOption, ewmaInverseELag, type EwmaViewModel } from '../../../src/charts/ewmaChart';
import { seriesColor } from '../../../src/charts/palette';
import { themeColors } from '../../../src/charts/theme';
import { ewma, ewmaWeights, ewmaWindow } from '../../../src/core/ewma';
import { allSeries, callFormatter, component, seriesById } from './optionAccess';

const model = (gammas: readonly number[], overrides: Partial<EwmaViewModel> = {}): EwmaViewModel => ({
  scheme: 'light',
  width: 900,
  curves: gammas.map((gamma, i) => ({ gamma, color: seriesColor(i, 'light') })),
  ...overrides,
});

describe('EWMA weights chart', () => {
  const option = buildEwmaOption(model([0.95, 0.9]));

  test('one curve per γ, weights (1−γ)γ^i as core computes them, lag on x', () => {
    expect(allSeries(option).map((s) => s.name)).toEqual(['γ = 0.95', 'γ = 0.9']);
    const data = seriesById(option, 'ewma:0').data as number[][];
    const weights = ewmaWeights(0.95, data.length);
    data.forEach(([lag, weight], i) => {
      expect(lag).toBe(i);
      expect(weight).toBeCloseTo(weights[i], 14);
    });
  });

  test('the weights are those that reproduce the moving average (a unit impulse i steps back)', () => {
    const data = seriesById(option, 'ewma:1').data as number[][];
    const impulse = new Array(12).fill(0);
    impulse[0] = 1;
    const response = ewma(impulse, 0.9);
    for (let i = 0; i < 12; i++) expect(data[i][1]).toBeCloseTo(response[i], 14);
  });

  test('the window 1/(1−γ) is marked: 20 for γ = 0.95, 10 for γ = 0.9', () => {
    expect(seriesById(option, 'ewma:0').markLine.data).toEqual([{ xAxis: ewmaWindow(0.95) }]);
    expect(seriesById(option, 'ewma:0').markLine.data[0].xAxis).toBeCloseTo(20, 12);
    expect(seriesById(option, 'ewma:1').markLine.data[0].xAxis).toBeCloseTo(10, 12);
  });

  test('the dot sits where γ^i = e⁻¹, at height (1−γ)e⁻¹, just before the window', () => {
    const [point] = seriesById(option, 'ewma:0').markPoint.data;
    const [lag, weight] = point.coord;
    expect(0.95 ** lag).toBeCloseTo(Math.exp(-1), 12);
    expect(weight).toBeCloseTo(0.05 * Math.exp(-1), 14);
    expect(lag).toBeCloseTo(ewmaInverseELag(0.95), 14);
    expect(lag).toBeGreaterThan(19);
    expect(lag).toBeLessThan(20);
  });

  test('x axis spans 2.5 windows of the largest γ', () => {
    expect(component(option, 'xAxis').max).toBe(50);
  });

  test('γ = 0 has no e⁻¹ dot; γ ≥ 1 or < 0 has no finite window and is left out', () => {
    const edge = buildEwmaOption(model([0, 1, -0.5, 1.2]));
    expect(allSeries(edge)).toHaveLength(1);
    expect(allSeries(edge)[0].markPoint.data).toEqual([]);
    expect(allSeries(edge)[0].markLine.data).toEqual([{ xAxis: 1 }]);
  });

  test('a window beyond the plotted lags is not marked', () => {
    const short = buildEwmaOption(model([0.99], { maxLag: 30 }));
    expect(allSeries(short)[0].markLine.data).toEqual([]);
    expect(allSeries(short)[0].markPoint.data).toEqual([]);
  });

  test('narrow: legend below; dark: dark background', () => {
    expect(component(buildEwmaOption(model([0.9], { width: 360 })), 'legend').bottom).toBeDefined();
    expect(buildEwmaOption(model([0.9], { scheme: 'dark' })).backgroundColor).toBe(themeColors('dark').background);
  });

  test('tooltip lists every curve at the hovered lag and escapes labels', () => {
    const labelled = buildEwmaOption({ ...model([0.9]), curves: [{ gamma: 0.9, color: '#000000', label: '<b>x</b>' }] });
    const html = callFormatter(labelled, [{ seriesIndex: 0, seriesName: '<b>x</b>', value: [3, 0.0729] }]);
    expect(html).toContain('i = 3');
    expect(html).toContain('&lt;b&gt;x&lt;/b&gt;: 0.0729');
  });
});
