import { describe, expect, test } from 'vitest';
import { escapeHtml, formatNumber, uniqueLabels, withoutSharedWords } from '../../../src/charts/format';
import { layoutFor, legendOption, legendRows, NARROW_WIDTH, valueAxis } from '../../../src/charts/layout';

describe('text helpers', () => {
  test('escapeHtml neutralises every character that could open markup or an attribute', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  test('formatNumber: four significant digits, exponents outside 0.001 … 100000', () => {
    expect([0.123456, 2, 1234.5678, 2e-7, 3.5e8, -0.00049, 0].map(formatNumber)).toEqual(['0.1235', '2', '1235', '2e-7', '3.5e8', '-4.9e-4', '0']);
    expect(formatNumber(NaN)).toBe('NaN');
  });

  test('withoutSharedWords drops the words every label has, never the cell, and leaves a single label whole', () => {
    expect(withoutSharedWords(['B31 lr=0.2 mom=0.99', 'B41 lr=0.2 mom=0.99 (pytorch)', 'B48 sgd lr=0.2'])).toEqual(['B31 mom=0.99', 'B41 mom=0.99 (pytorch)', 'B48 sgd']);
    expect(withoutSharedWords(['B31 lr=0.2', 'B31 lr=0.2'])).toEqual(['B31', 'B31']);
    expect(withoutSharedWords(['B31 lr=0.2 mom=0.9'])).toEqual(['B31 lr=0.2 mom=0.9']);
    expect(withoutSharedWords(['D13 gd η=0.9', 'D16 momentum η=0.9 γ=0.2'])).toEqual(['D13 gd', 'D16 momentum γ=0.2']);
  });

  test('uniqueLabels keeps the first and numbers the repeats', () => {
    expect(uniqueLabels(['a', 'b', 'a', 'a'])).toEqual(['a', 'b', 'a (2)', 'a (3)']);
  });
});

describe('layout', () => {
  test(`narrow below ${NARROW_WIDTH}px`, () => {
    expect(layoutFor({ scheme: 'light', width: NARROW_WIDTH - 1 }).narrow).toBe(true);
    expect(layoutFor({ scheme: 'light', width: NARROW_WIDTH }).narrow).toBe(false);
  });

  test('legend rows: one when the labels fit, more when they wrap, scrolling beyond three', () => {
    const narrow = layoutFor({ scheme: 'light', width: 360 });
    const wide = layoutFor({ scheme: 'light', width: 900 });
    const four = ['GD η=0.9', 'GD η=1.1', 'momentum η=0.9 γ=0.2', 'momentum η=1.1 γ=0.2'];
    expect(legendRows(wide, four)).toBe(1);
    expect(legendRows(narrow, four)).toBe(2);
    expect(legendRows(narrow, [])).toBe(0);
    const many = Array.from({ length: 20 }, (_, i) => `run number ${i}`);
    expect(legendRows(narrow, many)).toBe(1);
    expect(legendOption(narrow, many).type).toBe('scroll');
    expect(legendOption(narrow, four).type).toBe('plain');
  });

  test('a range end between ticks gets no label; one on a tick keeps it', () => {
    const layout = layoutFor({ scheme: 'light', width: 900 });
    const axis = valueAxis(layout, { name: 'x', min: -5.5, max: 4 }) as { axisLabel: { showMinLabel: boolean; showMaxLabel: boolean } };
    expect(axis.axisLabel.showMinLabel).toBe(false);
    expect(axis.axisLabel.showMaxLabel).toBe(true);
  });
});
