/**
 * Windowed rendering: the grid renders only the rows and columns in view (plus an overscan,
 * see gridGeometry.ts) and the active cell's row and column, so a 10,000 × 100 sheet is a few
 * thousand elements, and the focused cell is never unmounted while the user scrolls away from
 * it. Margins before the first rendered row and column stand in for the skipped ones, so
 * scrollbars and scroll positions are those of the whole sheet.
 *
 * Create it inside the grid component; `attach` it to the scroll container once mounted.
 */
import { createMemo, createSignal, onCleanup, type Accessor } from 'solid-js';
import type { GridModel } from '../../stores/gridModel';
import { columnLetters, formatAddress, type CellPosition } from './cellAddress';
import {
  COL_BLOCK,
  COL_OVERSCAN,
  gapsBefore,
  offsetsOf,
  revealScroll,
  ROW_BLOCK,
  ROW_HEADER_WIDTH,
  ROW_HEIGHT,
  ROW_OVERSCAN,
  sameIndexes,
  visibleCols,
  visibleRows,
  windowSpan,
  withPinned,
  type Span,
  type Viewport,
} from './gridGeometry';

export interface ColumnResize {
  readonly column: string;
  readonly width: number;
}

export type GridWindow = ReturnType<typeof createGridWindow>;

/** Text flows over at most this many empty cells to its right (it is cut with an ellipsis there). */
export const MAX_OVERFLOW_CELLS = 8;

const sameSpan = (a: Span, b: Span) => a.start === b.start && a.end === b.end;
const sameView = (a: Viewport, b: Viewport) =>
  a.scrollTop === b.scrollTop && a.scrollLeft === b.scrollLeft && a.width === b.width && a.height === b.height;

export function createGridWindow(model: GridModel, active: Accessor<CellPosition>) {
  let scroller: HTMLElement | undefined;
  const [view, setView] = createSignal<Viewport>({ scrollTop: 0, scrollLeft: 0, width: 0, height: 0 }, { equals: sameView });
  const [resize, setResize] = createSignal<ColumnResize | null>(null);

  // Before layout (or without one, as in a DOM emulation) the container reports 0 × 0: assume
  // it is as large as the window, so the first render already fills the screen.
  const viewport = createMemo(() => {
    const current = view();
    return { ...current, width: current.width || window.innerWidth, height: current.height || window.innerHeight };
  });

  const liveWidth = (col: number): number => {
    const column = columnLetters(col);
    const live = resize();
    return live?.column === column ? live.width : model.colWidth(column);
  };
  const offsets = createMemo(() => offsetsOf(Array.from({ length: model.cols() }, (_, col) => liveWidth(col))));

  const rowSpan = createMemo(() => {
    const { first, last } = visibleRows(viewport(), model.rows());
    return windowSpan(first, last, model.rows(), ROW_OVERSCAN, ROW_BLOCK);
  }, undefined, { equals: sameSpan });
  const colSpan = createMemo(() => {
    const { first, last } = visibleCols(viewport(), offsets());
    return windowSpan(first, last, model.cols(), COL_OVERSCAN, COL_BLOCK);
  }, undefined, { equals: sameSpan });

  const rows = createMemo(() => withPinned(rowSpan(), active().row, model.rows()), undefined, { equals: sameIndexes });
  const cols = createMemo(() => withPinned(colSpan(), active().col, model.cols()), undefined, { equals: sameIndexes });
  const rowGaps = createMemo(() => gapsBefore(rows(), (row) => row * ROW_HEIGHT));
  const colGaps = createMemo(() => gapsBefore(cols(), (col) => offsets()[col]));

  // Widths live in CSS variables on the grid, so resizing a column restyles one element, not
  // every cell of the column; only rendered columns need one.
  const widthVariables = createMemo(() => {
    const variables: Record<string, string> = {};
    const edges = offsets();
    for (const col of cols()) variables[`--mp-col-${columnLetters(col)}`] = `${edges[col + 1] - edges[col]}px`;
    return variables;
  });

  const widthOf = (col: number) => (col >= 0 && col < model.cols() ? offsets()[col + 1] - offsets()[col] : 0);

  /**
   * How far text in an overflowing cell may reach: its own width plus the run of empty cells
   * after it. The model vouches for the first neighbour (CellView.overflows); the others are
   * checked here, so the text stops before the first non-empty cell, rendered or not.
   */
  function overflowRoom(row: number, col: number): number {
    let room = widthOf(col) + widthOf(col + 1);
    const last = Math.min(model.cols() - 1, col + MAX_OVERFLOW_CELLS);
    for (let next = col + 2; next <= last; next += 1) {
      if (model.cellView(formatAddress({ row, col: next })).kind !== 'empty') break;
      room += widthOf(next);
    }
    return room;
  }

  function measure(): void {
    if (!scroller) return;
    setView({
      scrollTop: scroller.scrollTop,
      scrollLeft: scroller.scrollLeft,
      width: scroller.clientWidth,
      height: scroller.clientHeight,
    });
  }

  /** Listens to the scroll container's scrolling and resizing while the grid is mounted. */
  function attach(element: HTMLElement): void {
    scroller = element;
    measure();
    element.addEventListener('scroll', measure, { passive: true });
    // When the pane shrinks (a notice above it, an on-screen keyboard), the cell being worked on
    // stays in view.
    const resized = () => {
      measure();
      if (element.contains(document.activeElement)) reveal(active());
    };
    const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(resized);
    observer?.observe(element);
    onCleanup(() => {
      element.removeEventListener('scroll', measure);
      observer?.disconnect();
    });
  }

  /**
   * Scrolls as little as needed to show a cell whole (not under the sticky headers) and updates
   * the window at once, without waiting for the scroll event, so the cell can be focused next.
   */
  function reveal(position: CellPosition): void {
    if (!scroller) return;
    const current = viewport();
    const edges = offsets();
    const col = Math.min(position.col, edges.length - 2);
    const top = revealScroll(current.scrollTop, current.height - ROW_HEIGHT, position.row * ROW_HEIGHT, ROW_HEIGHT);
    const left = revealScroll(current.scrollLeft, current.width - ROW_HEADER_WIDTH, edges[col], edges[col + 1] - edges[col]);
    if (top === current.scrollTop && left === current.scrollLeft) return;
    scroller.scrollTop = top;
    scroller.scrollLeft = left;
    // The browser clamps at the far edges; a layout-free DOM keeps what it was given.
    setView({ ...view(), scrollTop: scroller.scrollTop, scrollLeft: scroller.scrollLeft });
  }

  return {
    attach,
    reveal,
    rows,
    cols,
    /** Empty space before a rendered row or column (the skipped ones), 0 when none. */
    rowGap: (row: number) => rowGaps().get(row) ?? 0,
    colGap: (col: number) => colGaps().get(col) ?? 0,
    /** Current width of a column in pixels, the live resize preview included. */
    widthOf,
    overflowRoom,
    /** The whole sheet's size in pixels, headers included. */
    totalWidth: () => ROW_HEADER_WIDTH + offsets()[offsets().length - 1],
    totalHeight: () => (model.rows() + 1) * ROW_HEIGHT,
    widthVariables,
    setResizePreview: setResize,
    /** Scroll position, as a dependency for popups that stay beside a cell. */
    scrollPosition: () => ({ top: view().scrollTop, left: view().scrollLeft }),
  };
}
