import { describe, expect, it } from 'vitest';
import { panelGrid, panelGridHeight, type PanelSizes } from '../../../src/charts/panelGrid';

const SIZES: PanelSizes = { margin: { top: 4, right: 12, bottom: 40, left: 44 }, titleHeight: 18, plotHeight: 130, rowGap: 22, columnGap: 12 };
const num = (value: unknown): number => value as number;

describe('small-multiple panel grid', () => {
  it('fills rows left to right with equal plots that tile the width without overlapping', () => {
    const width = 700;
    const panels = panelGrid(7, 3, width, SIZES);
    expect(panels.map((p) => [p.row, p.column])).toEqual([[0, 0], [0, 1], [0, 2], [1, 0], [1, 1], [1, 2], [2, 0]]);
    const plotWidth = num(panels[0].grid.width);
    for (const panel of panels) {
      expect(panel.grid.width).toBe(plotWidth);
      expect(panel.grid.height).toBe(SIZES.plotHeight);
      expect(panel.grid.top).toBe(panel.top + SIZES.titleHeight);
    }
    // Three plots and two gaps span exactly the width inside the margins.
    expect(num(panels[2].grid.left) + plotWidth).toBeCloseTo(width - SIZES.margin.right, 9);
    expect(num(panels[1].grid.left) - (num(panels[0].grid.left) + plotWidth)).toBeCloseTo(SIZES.columnGap, 9);
    // A row's title starts a row gap below the plot above it.
    expect(panels[3].top - (num(panels[0].grid.top) + SIZES.plotHeight)).toBe(SIZES.rowGap);
  });

  it('marks the bottom row, and every panel with nothing below it, for the x labels', () => {
    const panels = panelGrid(5, 3, 600, SIZES);
    expect(panels.map((p) => p.lastRow)).toEqual([false, false, false, true, true]);
    // The third panel of the first row has no panel under it in a ragged last row.
    expect(panels.map((p) => p.nothingBelow)).toEqual([false, false, true, true, true]);
  });

  it('the container height ends one bottom margin under the last plot, and holds one row when empty', () => {
    for (const [count, columns] of [[1, 1], [5, 2], [6, 3], [7, 3]] as const) {
      const last = panelGrid(count, columns, 800, SIZES)[count - 1];
      expect(panelGridHeight(count, columns, SIZES)).toBe(num(last.grid.top) + SIZES.plotHeight + SIZES.margin.bottom);
    }
    expect(panelGridHeight(0, 2, SIZES)).toBe(panelGridHeight(1, 1, SIZES));
    expect(panelGrid(0, 2, 800, SIZES)).toEqual([]);
  });
});
