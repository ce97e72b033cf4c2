/**
 * How EChart.tsx hands a new option to ECharts. Pure, so the policy is tested in Node.
 *
 * - First option, or a different kind of chart (other axis types or counts): notMerge, a clean
 *   slate.
 * - Otherwise (a live edit): replaceMerge on the listed components. Components without an id
 *   (axes, grids, legend, title, visual map, tooltip) are rebuilt from the new option, so no
 *   stale property survives; series are matched by id, so a removed run disappears and the others
 *   update in place. A series whose data array is the very same as last time and whose other
 *   properties are equal is sent as a bare { id, type }: ECharts keeps it as it is and the big
 *   contour data is not copied again. Measured (scripts/measure-chart-render.ts, a dragged start
 *   recomputing four runs over 20k contour points): 22–26 ms per edit, against 34–58 ms with
 *   notMerge and 47–55 ms with replaceMerge of the full series; with 4.5k points all three are
 *   15–25 ms, inside the noise.
 * Builders emit the same keys for a series id every time (e.g. an empty markLine rather than
 * none), so merging a series never keeps an old marker.
 */
import type { SetOptionOpts } from 'echarts/core';
import type { ChartOption } from './option';

export const REPLACED_COMPONENTS = ['series', 'xAxis', 'yAxis', 'grid', 'title', 'legend', 'visualMap', 'tooltip'] as const;

export interface OptionUpdate {
  readonly option: ChartOption;
  readonly opts: SetOptionOpts;
}

type SeriesItem = Record<string, unknown> & { id?: unknown; type?: unknown; data?: unknown };

function asArray(value: unknown): readonly unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** Axis types per component, e.g. "value,value|value,log": a change means another kind of chart. */
function shapeOf(option: ChartOption): string {
  const types = (key: 'xAxis' | 'yAxis') => asArray(option[key]).map((axis) => String((axis as { type?: unknown }).type)).join(',');
  return `${types('xAxis')}|${types('yAxis')}|${asArray(option.visualMap).length}`;
}

/** JSON of a series without its data (functions drop out, which is fine: tooltips live at top level). */
function styleKey(series: SeriesItem): string {
  const { data: _data, ...rest } = series;
  return JSON.stringify(rest);
}

export function planOptionUpdate(previous: ChartOption | null, next: ChartOption): OptionUpdate {
  if (previous === null || shapeOf(previous) !== shapeOf(next)) return { option: next, opts: { notMerge: true } };
  const before = new Map<unknown, SeriesItem>();
  for (const series of asArray(previous.series) as SeriesItem[]) if (series.id !== undefined) before.set(series.id, series);
  const series = (asArray(next.series) as SeriesItem[]).map((item) => {
    const old = item.id === undefined ? undefined : before.get(item.id);
    const unchanged = old !== undefined && old.data !== undefined && old.data === item.data && styleKey(old) === styleKey(item);
    return unchanged ? { id: item.id, type: item.type } : item;
  });
  return { option: { ...next, series } as ChartOption, opts: { replaceMerge: [...REPLACED_COMPONENTS] } };
}
