/**
 * Dragging one point of a series (the trajectory chart's start handle), the way ECharts' own
 * "draggable points" example does it: an invisible, draggable circle (a graphic element) sits on
 * the point; while it is dragged, its pixel position is converted back to data coordinates, the
 * point follows at once, and the callbacks receive the new coordinates. Writing them to the start
 * cell is the caller's job; when the new option arrives, EChart places the circle again.
 */
import type { Vec2 } from '../core/runTypes';
import type { ElementEvent } from 'echarts/core';
import type { EChartsType } from './echartsSetup';

export interface DraggablePoint {
  /** Series whose first data point is dragged, e.g. START_HANDLE_SERIES_ID. */
  readonly seriesId: string;
  readonly onDragStart?: (point: Vec2) => void;
  readonly onDrag: (point: Vec2) => void;
  readonly onDragEnd?: (point: Vec2) => void;
}

const HANDLE_ID = 'drag-handle';
const HANDLE_RADIUS = 16;

interface SeriesLike {
  readonly id?: unknown;
  readonly data?: readonly unknown[];
}

/** The first data point of the series in the chart's current option, if it has one. */
export function firstPointOf(option: object, seriesId: string): Vec2 | null {
  const series = (option as { series?: unknown }).series;
  const list = (Array.isArray(series) ? series : []) as (SeriesLike | null)[];
  // After a replaceMerge, getOption() keeps removed series as null slots.
  const first = list.find((series) => series?.id === seriesId)?.data?.[0];
  const value = Array.isArray(first) ? first : (first as { value?: unknown } | undefined)?.value;
  if (!Array.isArray(value) || typeof value[0] !== 'number' || typeof value[1] !== 'number') return null;
  return [value[0], value[1]];
}

/**
 * Put (or move, or remove) the invisible drag circle on the series' point. Call after every
 * setOption and resize; it does nothing while a drag is in progress.
 */
export function placeDragHandle(chart: EChartsType, spec: DraggablePoint | undefined): void {
  if (dragging.has(chart)) return;
  const point = spec ? firstPointOf(chart.getOption(), spec.seriesId) : null;
  if (!spec || !point) {
    // ECharts throws when asked to remove a graphic element that does not exist.
    if (placed.has(chart)) chart.setOption({ graphic: { elements: [{ id: HANDLE_ID, $action: 'remove' }] } });
    placed.delete(chart);
    return;
  }
  placed.add(chart);
  const { seriesId } = spec;
  const [x, y] = chart.convertToPixel({ seriesId }, [point[0], point[1]]) as number[];
  const toData = (event: ElementEvent): Vec2 => {
    const [d1, d2] = chart.convertFromPixel({ seriesId }, [event.target.x, event.target.y]) as number[];
    return [d1, d2];
  };
  chart.setOption({
    graphic: {
      elements: [
        {
          id: HANDLE_ID,
          type: 'circle',
          x,
          y,
          shape: { cx: 0, cy: 0, r: HANDLE_RADIUS },
          invisible: true,
          draggable: true,
          cursor: 'move',
          z: 100,
          ondragstart: (event: ElementEvent) => {
            dragging.add(chart);
            spec.onDragStart?.(toData(event));
          },
          ondrag: (event: ElementEvent) => {
            const moved = toData(event);
            // Move the visible point now; the recomputed option follows when the runs land.
            chart.setOption({ series: [{ id: seriesId, data: [[moved[0], moved[1]]] }] });
            spec.onDrag(moved);
          },
          ondragend: (event: ElementEvent) => {
            dragging.delete(chart);
            spec.onDragEnd?.(toData(event));
          },
        },
      ],
    },
  });
}

/** Charts that currently carry a handle. */
const placed = new WeakSet<EChartsType>();
const dragging = new WeakSet<EChartsType>();
