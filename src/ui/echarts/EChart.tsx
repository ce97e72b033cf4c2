/**
 * The one component that owns an ECharts instance. It renders a div, creates the chart on mount
 * (canvas renderer; 'svg' for DOM tests), hands every new option to ECharts through
 * planOptionUpdate (clean slate for a new kind of chart, in-place series updates for live edits),
 * follows its container's size with a ResizeObserver and disposes the chart on cleanup.
 *
 * Builders already turn animation off: a live edit repaints many times a second and an animation
 * would only lag behind the numbers.
 *
 * Images: `ref` receives the instance; chartPngDataUrl(chart) and chartSvgString(chart) in
 * exportImage.ts export it.
 */
import { createEffect, onCleanup, onMount, type JSX } from 'solid-js';
import type { ECElementEvent } from 'echarts/core';
import type { Vec2 } from '../../core/runTypes';
import { placeDragHandle, type DraggablePoint } from './draggablePoint';
import { echarts, type EChartsType } from './echartsSetup';
import type { ChartOption } from '../../charts/option';
import { planOptionUpdate } from '../../charts/optionUpdate';
import { createStableTooltips } from '../../charts/stableTooltip';
import { watchNearness, type NearnessWatch } from './nearScrollport';

export type { DraggablePoint } from './draggablePoint';

/** Chart events forwarded to onEvent unless `events` says otherwise. */
export const DEFAULT_CHART_EVENTS = ['click'] as const;

export interface EChartProps {
  readonly option: ChartOption;
  /** Describes the chart for screen readers (the canvas itself says nothing). */
  readonly 'aria-label': string;
  /**
   * A chart event; `point` is where the pointer was in the data coordinates of the first grid
   * (x, y), or null off the plot: the rate map's click handler feeds it to rateMapPointToParams.
   */
  readonly onEvent?: (name: string, params: ECElementEvent, point: Vec2 | null) => void;
  /** ECharts event names to forward, e.g. ['click', 'legendselectchanged']. */
  readonly events?: readonly string[];
  /** Make the first point of a series draggable (the trajectory chart's start handle). */
  readonly draggable?: DraggablePoint;
  /** CSS height of the chart; width always follows the container. Default 360px. */
  readonly height?: string;
  readonly class?: string;
  readonly renderer?: 'canvas' | 'svg';
  /** Receives the instance once created (tests, screenshots, image export). */
  readonly ref?: (chart: EChartsType) => void;
  /** What the option shows, passed back to onPainted once it is on screen. */
  readonly version?: number;
  /** Called right after ECharts drew an option (inside the frame that shows it). */
  readonly onPainted?: (version: number, at: number) => void;
  /** Called when a new option waits because the chart is off screen (it is drawn as it comes near). */
  readonly onDeferred?: (version: number) => void;
}

/**
 * A chart farther than this from the visible part of what scrolls it keeps its newest option
 * and draws it as it comes near: drawing what nobody sees would only delay the frame that shows
 * the charts that are seen (a γ edit changes three charts, one of them on screen).
 */
const NEAR_MARGIN = '300px';

function pointerInGrid(chart: EChartsType, params: ECElementEvent): Vec2 | null {
  const pixel = params.event ? [params.event.offsetX, params.event.offsetY] : null;
  if (!pixel || !chart.containPixel({ gridIndex: 0 }, pixel)) return null;
  const [x, y] = chart.convertFromPixel({ gridIndex: 0 }, pixel);
  return [x, y];
}

export function EChart(props: EChartProps): JSX.Element {
  let host!: HTMLDivElement;
  let chart: EChartsType | undefined;
  let shown: ChartOption | null = null;
  let nearness: NearnessWatch | null = null;

  const placeHandle = () => {
    if (chart && shown) placeDragHandle(chart, props.draggable, shown);
  };

  onMount(() => {
    const instance = echarts.init(host, null, { renderer: props.renderer ?? 'canvas' });
    chart = instance;
    for (const name of props.events ?? DEFAULT_CHART_EVENTS) {
      // eslint-disable-next-line solid/reactivity -- an event handler: props are read when the event fires.
      instance.on(name, (params) => {
        const event = params as ECElementEvent;
        props.onEvent?.(name, event, pointerInGrid(instance, event));
      });
    }
    // A ResizeObserver reports once as soon as it observes, and again on layout changes that keep
    // the size; ECharts' resize() re-renders the whole chart each time, so only a real change counts.
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => {
      if (host.clientWidth === instance.getWidth() && host.clientHeight === instance.getHeight()) return;
      instance.resize();
      placeHandle();
    });
    observer?.observe(host);
    nearness = watchNearness(host, NEAR_MARGIN, (near) => {
      if (near && pending !== null && frame === 0) frame = requestAnimationFrame(draw);
    });
    props.ref?.(instance);
    onCleanup(() => {
      observer?.disconnect();
      nearness?.disconnect();
      chart = undefined;
      instance.dispose();
    });
  });

  // Options can change several times within a frame (runs land one by one); ECharts gets only
  // the latest, once per animation frame. The first option is drawn at once.
  let pending: ChartOption | null = null;
  const tooltips = createStableTooltips();
  let pendingVersion = -1;
  let frame = 0;
  const draw = () => {
    frame = 0;
    if (!chart || pending === null) return;
    const next = tooltips.stabilize(pending);
    pending = null;
    const { option, opts } = planOptionUpdate(shown, next);
    // The canvas renderer paints synchronously here, so the pixels are in this very frame.
    chart.setOption(option, opts);
    shown = next;
    placeHandle();
    host.setAttribute('data-version-shown', String(pendingVersion));
    props.onPainted?.(pendingVersion, performance.now());
  };
  createEffect(() => {
    pending = props.option;
    pendingVersion = props.version ?? -1;
    if (!chart) return;
    // The first option is drawn wherever the chart is: a page that has loaded shows every chart.
    if (shown === null || typeof requestAnimationFrame !== 'function') return draw();
    if (nearness !== null && !nearness.near()) return props.onDeferred?.(pendingVersion);
    if (frame === 0) frame = requestAnimationFrame(draw);
  });
  onCleanup(() => {
    if (frame !== 0 && typeof cancelAnimationFrame === 'function') cancelAnimationFrame(frame);
  });

  return (
    <div
      ref={host}
      role="img"
      aria-label={props['aria-label']}
      class={props.class}
      style={{ width: '100%', height: props.height ?? '360px' }}
    />
  );
}
