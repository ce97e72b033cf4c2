/**
 * Where the loss chart writes "diverges" for each run that leaves it. Several runs of a sweep often
 * leave the top of the axis at almost the same epoch (six of them at lr = 3): written side by side
 * their labels would pile up into one unreadable smear. Labels are placed in rows instead, from
 * the top of the plot down, each in the first row where it clears the labels already there.
 */

export interface ExitMark {
  /** x of the mark in data units (epochs). */
  readonly x: number;
  readonly text: string;
}

export interface LabelPlacement {
  /** Rows below the top of the plot (0: at the mark). */
  readonly row: number;
  /** Label to the right of the mark, or to its left where the right edge is too close. */
  readonly side: 'right' | 'left';
}

export interface PlotSpan {
  readonly xMax: number;
  /** Width of the plot in pixels (an estimate is enough: labels keep a margin). */
  readonly widthPx: number;
  readonly fontSize: number;
}

/** Rough width of a label in pixels: average glyph ≈ 0.6 em (CJK ≈ 1 em), plus padding. */
export function labelWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const char of text) em += char.charCodeAt(0) > 0x2e80 ? 1 : 0.6;
  return em * fontSize + 12;
}

/**
 * A row and side for every mark, such that no two labels of one row overlap.
 * `placeExitLabels([{ x: 1, text: 'diverges' }, { x: 1.01, text: 'diverges' }], { xMax: 3, widthPx: 600, fontSize: 12 })`
 * → rows 0 and 1.
 */
export function placeExitLabels(marks: readonly ExitMark[], span: PlotSpan): LabelPlacement[] {
  const pxPerUnit = span.widthPx / Math.max(span.xMax, Number.EPSILON);
  const order = marks.map((_, i) => i).sort((a, b) => marks[a].x - marks[b].x);
  const rowsEnd: number[] = [];
  const rowsIntervals: [number, number][][] = [];
  const placements: LabelPlacement[] = new Array<LabelPlacement>(marks.length);
  for (const i of order) {
    const at = marks[i].x * pxPerUnit;
    const width = labelWidth(marks[i].text, span.fontSize);
    const side = at + 8 + width <= span.widthPx ? 'right' : 'left';
    const interval: [number, number] = side === 'right' ? [at, at + 8 + width] : [at - 8 - width, at];
    let row = rowsIntervals.findIndex((intervals) => intervals.every(([lo, hi]) => interval[1] <= lo || interval[0] >= hi));
    if (row < 0) {
      row = rowsIntervals.length;
      rowsIntervals.push([]);
      rowsEnd.push(0);
    }
    rowsIntervals[row].push(interval);
    placements[i] = { row, side };
  }
  return placements;
}
