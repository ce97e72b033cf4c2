/**
 * Dragging one point of a series (the trajectory chart's start handle). An invisible, draggable
 * circle sits on the point; while it is dragged, its pixel position is converted back to data
 * coordinates, the point follows at once (as in ECharts' own "draggable points" example) and the
 * callbacks receive the new coordinates. Writing them to the start cell is the caller's job; when
 * the new option arrives, EChart places the circle again.
 *
 * The circle is a plain zrender element added to the chart's canvas, not an ECharts `graphic`
 * option: moving it is then an attribute change, whereas every setOption({ graphic }) would
 * re-render the whole chart once more after each live edit.
 */
import type { Vec2 } from '../../core/runTypes';
import { echarts, type EChartsType } from './echartsSetup';

export interface DraggablePoint {
  /** Series whose first data point is dragged, e.g. START_HANDLE_SERIES_ID. */
  readonly seriesId: string;
  readonly onDragStart?: (point: Vec2) => void;
  readonly onDrag: (point: Vec2) => void;
  readonly onDragEnd?: (point: Vec2) => void;
}

const HANDLE_RADIUS = 16;

interface SeriesLike {
  readonly id?: unknown;
  readonly data?: readonly unknown[];
}

/** The first data point of the series in an option, if any. */
export function firstPointOf(option: object, seriesId: string): Vec2 | null {
  const series = (option as { series?: unknown }).series;
  const list = (Array.isArray(series) ? series : []) as (SeriesLike | null)[];
  // After a replaceMerge, getOption() keeps removed series as null slots.
  const first = list.find((item) => item?.id === seriesId)?.data?.[0];
  const value = Array.isArray(first) ? first : (first as { value?: unknown } | undefined)?.value;
  if (!Array.isArray(value) || typeof value[0] !== 'number' || typeof value[1] !== 'number') return null;
  return [value[0], value[1]];
}

interface Handle {
  readonly circle: InstanceType<typeof echarts.graphic.Circle>;
  spec: DraggablePoint;
  dragging: boolean;
}

const handles = new WeakMap<EChartsType, Handle>();

function createHandle(chart: EChartsType, spec: DraggablePoint): Handle {
  const circle = new echarts.graphic.Circle({
    shape: { cx: 0, cy: 0, r: HANDLE_RADIUS },
    invisible: true,
    draggable: true,
    cursor: 'move',
    // On the runs' layer: moving the handle must not repaint the contour layer beneath.
    zlevel: 1,
    z: 100,
  });
  const handle: Handle = { circle, spec, dragging: false };
  const toData = (): Vec2 => {
    const [x1, x2] = chart.convertFromPixel({ seriesId: handle.spec.seriesId }, [circle.x, circle.y]);
    return [x1, x2];
  };
  circle.on('dragstart', () => {
    handle.dragging = true;
    handle.spec.onDragStart?.(toData());
  });
  circle.on('drag', () => {
    const moved = toData();
    chart.setOption({ series: [{ id: handle.spec.seriesId, data: [[moved[0], moved[1]]] }] });
    handle.spec.onDrag(moved);
  });
  circle.on('dragend', () => {
    handle.dragging = false;
    handle.spec.onDragEnd?.(toData());
  });
  chart.getZr().add(circle);
  return handle;
}

/**
 * Put (or move, or hide) the drag circle on the series' point, `option` being the option last
 * given to the chart (not chart.getOption(), which deep-copies every series, contours included).
 * Call after every setOption and resize; during a drag the circle follows the pointer instead.
 */
export function placeDragHandle(chart: EChartsType, spec: DraggablePoint | undefined, option: object): void {
  let handle = handles.get(chart);
  const point = spec ? firstPointOf(option, spec.seriesId) : null;
  if (!spec || !point) {
    if (handle) handle.circle.hide();
    return;
  }
  if (!handle) {
    handle = createHandle(chart, spec);
    handles.set(chart, handle);
  }
  handle.spec = spec;
  if (handle.dragging) return;
  const [x, y] = chart.convertToPixel({ seriesId: spec.seriesId }, [point[0], point[1]]);
  handle.circle.attr({ x, y });
  handle.circle.show();
}
