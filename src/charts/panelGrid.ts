/**
 * Pixel layout of small multiples: panels of one size in a grid of `columns`, filled row by row,
 * each a title line above its plot. Shared by the loss and trajectory small multiples so their
 * panels are placed (and their container heights computed) the same way.
 */
import type { GridComponentOption } from 'echarts/types/dist/option';

export interface PanelSizes {
  /** Space around the whole grid; left and bottom leave room for the outer axis labels. */
  readonly margin: { readonly top: number; readonly right: number; readonly bottom: number; readonly left: number };
  readonly titleHeight: number;
  readonly plotHeight: number;
  /** Room under a plot for its tick labels when a panel sits below it. */
  readonly rowGap: number;
  readonly columnGap: number;
}

export interface Panel {
  readonly column: number;
  readonly row: number;
  /** The panel's left edge and its title's top, in pixels. */
  readonly left: number;
  readonly top: number;
  /** In the bottom row of the grid: where the x axis is named. */
  readonly lastRow: boolean;
  /** No panel below it (the last row, or a gap in it): where x tick labels are shown. */
  readonly nothingBelow: boolean;
  /** The plot's grid: every plot has the same pixel size; labels hang outside it. */
  readonly grid: GridComponentOption;
}

/** `panelGrid(5, 2, 450, sizes)[4]` → column 0, row 2, lastRow and nothingBelow true. */
export function panelGrid(count: number, columns: number, width: number, sizes: PanelSizes): Panel[] {
  const { margin } = sizes;
  const rows = Math.ceil(count / columns);
  const plotWidth = (width - margin.left - margin.right - (columns - 1) * sizes.columnGap) / columns;
  const panels: Panel[] = [];
  for (let i = 0; i < count; i += 1) {
    const column = i % columns;
    const row = Math.floor(i / columns);
    const left = margin.left + column * (plotWidth + sizes.columnGap);
    const top = margin.top + row * (sizes.titleHeight + sizes.plotHeight + sizes.rowGap);
    panels.push({
      column,
      row,
      left,
      top,
      lastRow: row === rows - 1,
      nothingBelow: i + columns >= count,
      grid: { left, top: top + sizes.titleHeight, width: plotWidth, height: sizes.plotHeight, outerBoundsMode: 'none' },
    });
  }
  return panels;
}

/** Container height for `count` panels (at least one row): 5 panels in 2 columns → 3 rows. */
export function panelGridHeight(count: number, columns: number, sizes: PanelSizes): number {
  const rows = Math.ceil(Math.max(1, count) / columns);
  return sizes.margin.top + rows * (sizes.titleHeight + sizes.plotHeight) + (rows - 1) * sizes.rowGap + sizes.margin.bottom;
}
