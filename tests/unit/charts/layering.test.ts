/**
 * Chart builders are pure data → option functions: they take only types from core and sheet, and
 * know nothing of Solid or the DOM. Only the modules that drive a live ECharts instance (the
 * component, dragging, export, registration) are exempt from the ECharts-runtime rule.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const CHARTS = join(__dirname, '../../../src/charts');
const RUNTIME_MODULES = new Set(['EChart.tsx', 'draggablePoint.ts', 'exportImage.ts', 'echartsSetup.ts']);
const builders = readdirSync(CHARTS).filter((name) => /\.tsx?$/.test(name) && !RUNTIME_MODULES.has(name));

describe('src/charts builders', () => {
  test('there are builders to check', () => {
    expect(builders).toEqual(expect.arrayContaining(['trajectoryChart.ts', 'ewmaChart.ts', 'lossChart.ts', 'rateMapChart.ts']));
  });

  test.each(builders)('%s imports only types from core/sheet, no Solid, no ECharts runtime, no DOM', (name) => {
    const source = readFileSync(join(CHARTS, name), 'utf8');
    const imports = [...source.matchAll(/^(import|export)\s+(type\s+)?[^;]*?from\s+['"]([^'"]+)['"]/gm)];
    for (const [, , typeOnly, from] of imports) {
      if (/\/(core|sheet)\//.test(from) || from.startsWith('echarts')) expect({ from, typeOnly: Boolean(typeOnly) }).toEqual({ from, typeOnly: true });
      expect(from).not.toMatch(/^solid-js/);
    }
    expect(source).not.toMatch(/\b(document|window|localStorage)\.|\beval\s*\(|new\s+Function\s*\(|innerHTML/);
  });
});
