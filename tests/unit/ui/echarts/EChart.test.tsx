// @vitest-environment happy-dom
import { createSignal } from 'solid-js';
import { render } from 'solid-js/web';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { EChart, type EChartProps } from '../../../../src/ui/echarts/EChart';
import type { EChartsType } from '../../../../src/ui/echarts/echartsSetup';
import { chartSvgString } from '../../../../src/ui/echarts/exportImage';
import type { ChartOption } from '../../../../src/charts/option';
import { buildRateMapOption } from '../../../../src/charts/rateMapChart';
import { buildTrajectoryOption, START_HANDLE_SERIES_ID, type TrajectoryViewModel } from '../../../../src/charts/trajectoryChart';
import { chapterScene, rateMap, START } from '../../charts/chartFixtures';

const scene = chapterScene('light', 40, 5);
const model: TrajectoryViewModel = { scheme: 'light', width: 600, ...scene, start: START, arrows: [] };

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

interface Mounted {
  host: HTMLElement;
  chart: EChartsType;
  /** Hands the component a new option and waits for the frame in which it draws it. */
  setOption: (option: ChartOption) => Promise<void>;
  unmount: () => void;
}

function mount(initial: ChartOption, props: Partial<EChartProps> = {}): Mounted {
  const host = document.createElement('div');
  host.style.width = '600px';
  document.body.append(host);
  const [option, setOption] = createSignal(initial);
  let chart: EChartsType | undefined;
  const dispose = render(
    () => (
      <EChart
        option={option()}
        aria-label="test chart"
        renderer="svg"
        height="400px"
        {...props}
        ref={(instance) => {
          chart = instance;
          // happy-dom lays nothing out: give the chart a size explicitly.
          instance.resize({ width: 600, height: 400 });
          props.ref?.(instance);
        }}
      />
    ),
    host,
  );
  const unmount = () => {
    dispose();
    host.remove();
  };
  cleanups.push(unmount);
  if (!chart) throw new Error('EChart did not hand out its instance');
  const setAndDraw = async (next: ChartOption) => {
    setOption(() => next);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  };
  return { host, chart, setOption: setAndDraw, unmount };
}

// After a replaceMerge, getOption() keeps removed series as null slots.
const seriesIds = (chart: EChartsType) => (chart.getOption().series as ({ id: string } | null)[]).filter((s) => s !== null).map((s) => s.id);

describe('EChart', () => {
  test('renders a described image region with an ECharts instance inside', () => {
    const { host, chart } = mount(buildTrajectoryOption(model));
    const region = host.querySelector('[role="img"]');
    expect(region?.getAttribute('aria-label')).toBe('test chart');
    expect(region?.querySelector('svg')).not.toBeNull();
    expect(seriesIds(chart)).toContain('run:B11');
  });

  test('a new option updates the same instance; a removed run disappears', async () => {
    const { chart, setOption } = mount(buildTrajectoryOption(model));
    await setOption(buildTrajectoryOption({ ...model, runs: model.runs.slice(0, 1) }));
    expect(seriesIds(chart)).toEqual(['contours', 'run:B10', START_HANDLE_SERIES_ID]);
  });

  test('several options within one frame reach ECharts once, as the latest', async () => {
    const { chart, setOption } = mount(buildTrajectoryOption(model));
    const calls = vi.spyOn(chart, 'setOption');
    void setOption(buildTrajectoryOption({ ...model, runs: model.runs.slice(0, 2) }));
    await setOption(buildTrajectoryOption({ ...model, runs: model.runs.slice(0, 1) }));
    expect(calls).toHaveBeenCalledTimes(1);
    expect(seriesIds(chart)).toEqual(['contours', 'run:B10', START_HANDLE_SERIES_ID]);
  });

  test('a live edit leaves the tooltip component in place, and its formatter reads the new option', async () => {
    const { chart, setOption } = mount(buildTrajectoryOption(model));
    const calls = vi.spyOn(chart, 'setOption');
    const moved: [number, number] = [-2, 1];
    await setOption(buildTrajectoryOption({ ...model, start: moved }));
    const [sent] = calls.mock.calls[0] as [ChartOption, ...unknown[]];
    expect(sent).not.toHaveProperty('tooltip');
    const formatter = (chart.getOption().tooltip as { formatter: (params: object) => string }[])[0].formatter;
    expect(formatter({ seriesId: START_HANDLE_SERIES_ID, seriesName: 'start' })).toBe('start<br/>(-2, 1)');
  });

  test('switching to another kind of chart leaves nothing of the first behind', async () => {
    const { chart, setOption } = mount(buildTrajectoryOption(model));
    const { request, result } = rateMap(20, 10);
    await setOption(buildRateMapOption({ scheme: 'light', width: 600, request, result, current: null }));
    expect(seriesIds(chart)).toEqual(['rate', 'marker:current', 'marker:optimum']);
    expect((chart.getOption().legend as unknown[]).length).toBe(0);
  });

  test('SVG export of a live chart, after updates, draws its current runs under its title', async () => {
    const { chart, setOption } = mount(buildTrajectoryOption(model));
    await setOption(buildTrajectoryOption({ ...model, runs: model.runs.slice(2, 3) }));
    const svg = chartSvgString(chart, 'Iterates over <f>');
    expect(svg.startsWith('<svg')).toBe(true);
    // The title is the image's first text, escaped, and the chart sits below its band.
    expect(svg).toMatch(/<text[^>]*>Iterates over &lt;f&gt;<\/text><g transform="translate\(0 30\)">/);
    expect(Number(/height="(\d+)"/.exec(svg)?.[1])).toBe(chart.getHeight() + 30);
    expect(svg).toContain(`stroke="${model.runs[2].color}"`);
    expect(svg).not.toContain(`stroke="${model.runs[1].color}"`);
  });

  test('unmounting disposes the chart', () => {
    const { chart, unmount } = mount(buildTrajectoryOption(model));
    unmount();
    expect(chart.isDisposed()).toBe(true);
  });

  test('events reach onEvent with the pointer in data coordinates', () => {
    const onEvent = vi.fn();
    const { chart } = mount(buildTrajectoryOption(model), { onEvent });
    const [px, py] = chart.convertToPixel({ seriesId: START_HANDLE_SERIES_ID }, [START[0], START[1]]);
    const handler = chart.getZr().handler;
    // zrender reports a click only after a press and release on the same element.
    for (const name of ['mousedown', 'mouseup', 'click'] as const) handler.dispatch(name, { zrX: px, zrY: py, offsetX: px, offsetY: py });
    expect(onEvent).toHaveBeenCalledTimes(1);
    const [name, params, point] = onEvent.mock.calls[0];
    expect(name).toBe('click');
    expect(params.seriesId).toBe(START_HANDLE_SERIES_ID);
    expect(point[0]).toBeCloseTo(START[0], 1);
    expect(point[1]).toBeCloseTo(START[1], 1);
  });

  test('dragging the start handle reports data coordinates and moves the point at once', () => {
    const onDrag = vi.fn();
    const onDragEnd = vi.fn();
    const { chart } = mount(buildTrajectoryOption(model), { draggable: { seriesId: START_HANDLE_SERIES_ID, onDrag, onDragEnd } });
    const [px, py] = chart.convertToPixel({ seriesId: START_HANDLE_SERIES_ID }, [START[0], START[1]]);
    const target = chart.convertFromPixel({ seriesId: START_HANDLE_SERIES_ID }, [px + 40, py - 30]);
    const handler = chart.getZr().handler;
    // A browser paints a frame before anyone can press the mouse; without frames, flush by hand.
    chart.getZr().flush();
    handler.dispatch('mousedown', { zrX: px, zrY: py });
    handler.dispatch('mousemove', { zrX: px + 20, zrY: py - 15 });
    handler.dispatch('mousemove', { zrX: px + 40, zrY: py - 30 });
    handler.dispatch('mouseup', { zrX: px + 40, zrY: py - 30 });
    expect(onDrag).toHaveBeenCalled();
    const last = onDrag.mock.calls[onDrag.mock.calls.length - 1][0];
    expect(last[0]).toBeCloseTo(target[0], 6);
    expect(last[1]).toBeCloseTo(target[1], 6);
    expect(onDragEnd).toHaveBeenCalledWith(last);
    const handle = (chart.getOption().series as { id: string; data: number[][] }[]).find((s) => s?.id === START_HANDLE_SERIES_ID);
    expect(handle?.data[0][0]).toBeCloseTo(target[0], 6);
  });

  test('when a new option moves the start, the handle is grabbed at the new place, not the old', async () => {
    const onDrag = vi.fn();
    const { chart, setOption } = mount(buildTrajectoryOption(model), { draggable: { seriesId: START_HANDLE_SERIES_ID, onDrag } });
    const moved: [number, number] = [-2, 1];
    await setOption(buildTrajectoryOption({ ...model, start: moved }));
    chart.getZr().flush();
    const drag = (from: number[]) => {
      const handler = chart.getZr().handler;
      // A drag on the background pans the plot (dataZoom), which stops the native event.
      const event = (zrX: number, zrY: number) => ({ zrX, zrY, preventDefault: () => undefined, stopPropagation: () => undefined });
      handler.dispatch('mousedown', event(from[0], from[1]));
      handler.dispatch('mousemove', event(from[0] + 30, from[1]));
      handler.dispatch('mouseup', event(from[0] + 30, from[1]));
    };
    drag(chart.convertToPixel({ seriesId: START_HANDLE_SERIES_ID }, [START[0], START[1]]));
    expect(onDrag).not.toHaveBeenCalled();
    drag(chart.convertToPixel({ seriesId: START_HANDLE_SERIES_ID }, moved));
    expect(onDrag).toHaveBeenCalled();
  });
});
