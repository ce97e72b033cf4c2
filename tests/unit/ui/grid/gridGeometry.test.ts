import { describe, expect, test } from 'vitest';
import {
  gapsBefore,
  indexAt,
  offsetsOf,
  revealScroll,
  ROW_BLOCK,
  ROW_HEADER_WIDTH,
  ROW_HEIGHT,
  ROW_OVERSCAN,
  visibleCols,
  visibleRows,
  windowSpan,
  withPinned,
} from '../../../../src/ui/views/grid/gridGeometry';

describe('which indexes are rendered', () => {
  test('the span covers the visible indexes plus the overscan on both sides, within the sheet', () => {
    for (const [first, last] of [[0, 20], [37, 61], [9_970, 9_999]]) {
      const span = windowSpan(first, last, 10_000, ROW_OVERSCAN, ROW_BLOCK);
      expect(span.start).toBeLessThanOrEqual(Math.max(0, first - ROW_OVERSCAN));
      expect(span.end).toBeGreaterThanOrEqual(Math.min(10_000, last + 1 + ROW_OVERSCAN));
      expect(span.start).toBeGreaterThanOrEqual(0);
      expect(span.end).toBeLessThanOrEqual(10_000);
      // Never more than the overscan and one block beyond it on each side.
      expect(span.end - span.start).toBeLessThanOrEqual(last - first + 1 + 2 * (ROW_OVERSCAN + ROW_BLOCK));
    }
  });

  test('a scroll that stays inside a block renders the same span', () => {
    const spans = [40, 41, 42, 43, 44, 45, 46, 47, 48, 49].map((first) => windowSpan(first, first + 30, 10_000, 30, 10));
    expect(new Set(spans.map((span) => `${span.start}-${span.end}`)).size).toBe(1);
  });

  test('an empty sheet renders nothing', () => {
    expect(windowSpan(0, 0, 0, 30, 10)).toEqual({ start: 0, end: 0 });
  });

  test('the active index is added when it lies outside the span, in order', () => {
    expect(withPinned({ start: 10, end: 13 }, 11, 100)).toEqual([10, 11, 12]);
    expect(withPinned({ start: 10, end: 13 }, 2, 100)).toEqual([2, 10, 11, 12]);
    expect(withPinned({ start: 10, end: 13 }, 99, 100)).toEqual([10, 11, 12, 99]);
    expect(withPinned({ start: 10, end: 13 }, 100, 100)).toEqual([10, 11, 12]);
  });
});

describe('column positions', () => {
  test('offsets are running sums and the last one is the total width', () => {
    expect([...offsetsOf([130, 150, 96])]).toEqual([0, 130, 280, 376]);
  });

  test('indexAt finds the column under a position, clamped to the sheet', () => {
    const offsets = offsetsOf([130, 150, 96]);
    expect([-5, 0, 129, 130, 279, 280, 375, 10_000].map((x) => indexAt(offsets, x))).toEqual([0, 0, 0, 1, 1, 2, 2, 2]);
  });

  test('gaps stand in for exactly the skipped rows or columns', () => {
    const offsets = offsetsOf([10, 20, 30, 40, 50]);
    const gaps = gapsBefore([1, 2, 4], (index) => offsets[index]);
    expect([...gaps]).toEqual([
      [1, 10],
      [4, 40],
    ]);
    // Rendered sizes plus gaps add up to where the last rendered column ends.
    const rendered = [1, 2, 4].reduce((sum, index) => sum + offsets[index + 1] - offsets[index], 0);
    expect(rendered + [...gaps.values()].reduce((a, b) => a + b, 0)).toBe(offsets[5]);
  });
});

describe('what a viewport shows', () => {
  test('rows under the sticky header row are not counted as visible', () => {
    const view = { scrollTop: 0, scrollLeft: 0, width: 800, height: ROW_HEIGHT * 11 };
    expect(visibleRows(view, 10_000)).toEqual({ first: 0, last: 10 });
    expect(visibleRows({ ...view, scrollTop: 100 * ROW_HEIGHT }, 10_000)).toEqual({ first: 100, last: 110 });
    expect(visibleRows({ ...view, scrollTop: 100 * ROW_HEIGHT }, 50)).toEqual({ first: 49, last: 49 });
  });

  test('columns under the sticky row headers are not counted as visible', () => {
    const offsets = offsetsOf(Array.from({ length: 100 }, () => 100));
    const view = { scrollTop: 0, scrollLeft: 250, width: ROW_HEADER_WIDTH + 300, height: 600 };
    expect(visibleCols(view, offsets)).toEqual({ first: 2, last: 5 });
  });
});

describe('scrolling a cell into view', () => {
  test('a cell already in view does not scroll', () => {
    expect(revealScroll(100, 300, 150, 26)).toBe(100);
    expect(revealScroll(100, 300, 100, 26)).toBe(100);
    expect(revealScroll(100, 300, 374, 26)).toBe(100);
  });

  test('a cell before the view scrolls to its start, one after it to its end, as little as needed', () => {
    expect(revealScroll(100, 300, 40, 26)).toBe(40);
    expect(revealScroll(100, 300, 500, 26)).toBe(226);
  });

  test('a cell larger than the view shows its start', () => {
    expect(revealScroll(0, 100, 400, 250)).toBe(400);
  });
});
