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

/**
 * Components left out of a live edit when they did not change, so ECharts keeps them and does
 * not mark their canvas layer dirty (the trajectory chart's contours share a layer with its axes).
 * A tooltip is compared like the others: its formatter is the chart's stable one
 * (stableTooltip.ts), which reads the latest option's formatter.
 */
const KEPT_WHEN_EQUAL: ReadonlySet<string> = new Set(['xAxis', 'yAxis', 'grid', 'title', 'legend', 'visualMap', 'tooltip']);

/** JSON in which a function counts as present (and any two functions as equal), so adding or removing one is a change. */
const componentKey = (value: unknown): string => JSON.stringify(value, (_key, item: unknown) => (typeof item === 'function' ? '[function]' : item));

const idsOf = (option: ChartOption): string =>
  (asArray(option.series) as SeriesItem[]).map((series) => String(series.id)).join('\u0000');

export function planOptionUpdate(previous: ChartOption | null, next: ChartOption): OptionUpdate {
  if (previous === null || shapeOf(previous) !== shapeOf(next)) return { option: next, opts: { notMerge: true } };
  const option: Record<string, unknown> = { ...next };
  const changed: string[] = [];
  for (const key of REPLACED_COMPONENTS) {
    if (key === 'series') continue;
    if (KEPT_WHEN_EQUAL.has(key) && componentKey(previous[key]) === componentKey(next[key])) delete option[key];
    else changed.push(key);
  }
  const before = new Map<unknown, SeriesItem>();
  for (const series of asArray(previous.series) as SeriesItem[]) if (series.id !== undefined) before.set(series.id, series);
  const isUnchanged = (item: SeriesItem): boolean => {
    const old = item.id === undefined ? undefined : before.get(item.id);
    return old !== undefined && old.data !== undefined && old.data === item.data && styleKey(old) === styleKey(item);
  };
  const nextSeries = asArray(next.series) as SeriesItem[];
  if (idsOf(previous) === idsOf(next)) {
    // The same series in the same order: a plain merge of only those that changed. ECharts then
    // rebuilds nothing else (builders emit the same keys for an id every time, so nothing stale stays).
    option.series = nextSeries.filter((item) => !isUnchanged(item));
    return { option: option, opts: { replaceMerge: changed.filter((key) => !KEPT_WHEN_EQUAL.has(key) || key in option) } };
  }
  // Runs came or went: series are matched by id, the unchanged ones sent as a bare { id, type }.
  option.series = nextSeries.map((item) => (isUnchanged(item) ? { id: item.id, type: item.type } : item));
  return { option: option, opts: { replaceMerge: ['series', ...changed] } };
}
