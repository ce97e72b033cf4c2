import { describe, expect, test } from 'vitest';
import { paletteRepeat, runLineDash, seriesColor, SERIES_PALETTE } from '../../../src/charts/palette';
import { themeColors } from '../../../src/charts/theme';
import type { ColorScheme } from '../../../src/charts/option';
import { contrastRatio, deltaE, DICHROMACY, linearRgb, simulate } from './colorVision';

const SCHEMES: readonly ColorScheme[] = ['light', 'dark'];

describe('series palette', () => {
  test.each(SCHEMES)('every %s colour has at least 3:1 contrast on its background (WCAG non-text)', (scheme) => {
    const background = themeColors(scheme).background;
    for (const entry of SERIES_PALETTE) expect(contrastRatio(entry[scheme], background)).toBeGreaterThanOrEqual(3);
  });

  test.each(SCHEMES)('%s colours stay apart for normal vision and under simulated dichromacy', (scheme) => {
    const colors = SERIES_PALETTE.map((entry) => linearRgb(entry[scheme]));
    for (const matrix of [null, ...Object.values(DICHROMACY)]) {
      const seen = colors.map((c) => (matrix ? simulate(c, matrix) : c));
      for (let i = 0; i < seen.length; i++) {
        for (let j = i + 1; j < seen.length; j++) expect(deltaE(seen[i], seen[j])).toBeGreaterThanOrEqual(10);
      }
    }
  });

  test('indices cycle through the palette, negative ones too', () => {
    const size = SERIES_PALETTE.length;
    expect(seriesColor(size + 2, 'light')).toBe(seriesColor(2, 'light'));
    expect(seriesColor(-1, 'dark')).toBe(seriesColor(size - 1, 'dark'));
    expect(new Set(SERIES_PALETTE.map((e) => e.light)).size).toBe(size);
  });

  test('a scheme switch changes the colour of an index but keeps it in the same slot', () => {
    expect(seriesColor(0, 'light')).toBe(SERIES_PALETTE[0].light);
    expect(seriesColor(0, 'dark')).toBe(SERIES_PALETTE[0].dark);
  });

  test('pinned runs are dashed, live runs solid', () => {
    expect(runLineDash(true)).toBe('dashed');
    expect(runLineDash(false)).toBe('solid');
  });

  test('past the six colours a colour comes back on a dotted line: the seventh run is told from the first', () => {
    expect([0, 5, 6, 11, 12].map(paletteRepeat)).toEqual([0, 0, 1, 1, 2]);
    expect(seriesColor(6, 'light')).toBe(seriesColor(0, 'light'));
    expect(runLineDash(false, paletteRepeat(6))).toBe('dotted');
    expect(runLineDash(false, paletteRepeat(5))).toBe('solid');
    expect(runLineDash(true, paletteRepeat(6))).toBe('dashed');
  });
});

describe('colour-vision helpers (sanity against known values)', () => {
  test('black on white is 21:1 and white on white 1:1', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 6);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 6);
  });

  test('red and green, far apart normally, collapse under deuteranopia', () => {
    const red = linearRgb('#d62728');
    const green = linearRgb('#2ca02c');
    expect(deltaE(red, green)).toBeGreaterThan(50);
    expect(deltaE(simulate(red, DICHROMACY.deuteranopia), simulate(green, DICHROMACY.deuteranopia))).toBeLessThan(deltaE(red, green) / 3);
  });
});
