/**
 * The grid's geometry as pure functions: which rows and columns a scroll position shows, which
 * of them to render, and where to scroll so a cell is in view. Rows all have one height; columns
 * have their own widths, summed into offsets. No DOM here, so all of it is testable in Node.
 */

/** Height of every row, the header row included, in CSS pixels (grid.css reads --mp-row-height). */
export const ROW_HEIGHT = 26;
/** Width of the sticky row-number column (--mp-row-header-width). */
export const ROW_HEADER_WIDTH = 44;

/**
 * Rows and columns rendered beyond the visible ones on each side. Generous on purpose: the
 * chapter's 50 × 8 sheet renders whole on common screens, so finding a cell by its name works
 * without scrolling, and a scroll of a few rows re-renders nothing.
 */
export const ROW_OVERSCAN = 30;
export const COL_OVERSCAN = 4;
/** The rendered span snaps to blocks, so it changes only when a scroll crosses a block edge. */
export const ROW_BLOCK = 10;
export const COL_BLOCK = 4;

/** Half-open index range [start, end). */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * The indexes to render for visible indexes first..last: widened by `overscan`, snapped outward
 * to multiples of `block`, clamped to [0, count). E.g. windowSpan(40, 60, 1000, 30, 10) = [10, 90).
 */
export function windowSpan(first: number, last: number, count: number, overscan: number, block: number): Span {
  if (count <= 0) return { start: 0, end: 0 };
  const start = Math.max(0, Math.floor((first - overscan) / block) * block);
  const end = Math.min(count, Math.ceil((last + 1 + overscan) / block) * block);
  return { start: Math.min(start, end), end };
}

/**
 * Running sums of widths: offsets[i] is where column i starts, offsets[n] the total width.
 * E.g. offsetsOf([10, 20]) = [0, 10, 30].
 */
export function offsetsOf(widths: readonly number[]): Float64Array {
  const offsets = new Float64Array(widths.length + 1);
  for (let index = 0; index < widths.length; index += 1) offsets[index + 1] = offsets[index] + widths[index];
  return offsets;
}

/**
 * The column under position x (binary search), clamped to the existing columns.
 * E.g. indexAt([0, 10, 30], 12) = 1.
 */
export function indexAt(offsets: ArrayLike<number>, x: number): number {
  const count = offsets.length - 1;
  if (count <= 0) return 0;
  let low = 0;
  let high = count - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (offsets[middle] <= x) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** The visible part of the body (below the header row, right of the row headers). */
export interface Viewport {
  readonly scrollTop: number;
  readonly scrollLeft: number;
  /** The scroll container's inner size, headers included. */
  readonly width: number;
  readonly height: number;
}

/** First and last visible row (0-based) for a viewport, in a sheet of `rows` rows. */
export function visibleRows(view: Viewport, rows: number): { first: number; last: number } {
  const bodyHeight = Math.max(0, view.height - ROW_HEIGHT);
  const first = Math.min(Math.max(0, Math.floor(view.scrollTop / ROW_HEIGHT)), Math.max(0, rows - 1));
  const last = Math.min(rows - 1, Math.floor((view.scrollTop + bodyHeight) / ROW_HEIGHT));
  return { first, last: Math.max(first, last) };
}

/** First and last visible column for a viewport and column offsets. */
export function visibleCols(view: Viewport, offsets: ArrayLike<number>): { first: number; last: number } {
  const bodyWidth = Math.max(0, view.width - ROW_HEADER_WIDTH);
  const first = indexAt(offsets, view.scrollLeft);
  return { first, last: Math.max(first, indexAt(offsets, view.scrollLeft + bodyWidth)) };
}

/**
 * The scroll position that shows [start, start + size) inside a view of `extent` pixels that
 * starts at `scroll`, moving as little as possible (unchanged when it is already in view; the
 * start wins when the item is larger than the view). E.g. revealScroll(0, 100, 250, 26) = 176.
 */
export function revealScroll(scroll: number, extent: number, start: number, size: number): number {
  if (start < scroll) return start;
  if (start + size > scroll + extent) return Math.max(0, Math.min(start, start + size - extent));
  return scroll;
}

/** The span's indexes plus `pinned` (the active cell's row or column), sorted, without repeats. */
export function withPinned(span: Span, pinned: number, count: number): number[] {
  const indexes: number[] = [];
  const extra = pinned >= 0 && pinned < count && (pinned < span.start || pinned >= span.end);
  if (extra && pinned < span.start) indexes.push(pinned);
  for (let index = span.start; index < span.end; index += 1) indexes.push(index);
  if (extra && pinned >= span.end) indexes.push(pinned);
  return indexes;
}

/**
 * For sorted rendered indexes, the empty space before each one in pixels (what the skipped
 * indexes would take): the spacers that keep scroll positions and scrollbars right.
 * E.g. gapsBefore([3, 4, 9], (i) => i * 10) = Map {3 → 30, 9 → 40}.
 */
export function gapsBefore(indexes: readonly number[], offsetOf: (index: number) => number): Map<number, number> {
  const gaps = new Map<number, number>();
  let previousEnd = 0;
  let previous = -1;
  for (const index of indexes) {
    if (index !== previous + 1) gaps.set(index, offsetOf(index) - previousEnd);
    previous = index;
    previousEnd = offsetOf(index + 1);
  }
  return gaps;
}

export function sameIndexes(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}
