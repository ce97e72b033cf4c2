/** Loose, read-only access to built options in tests (ECharts' option types are unions of unions). */
import type { ChartOption } from '../../../src/charts/option';

export type Loose = Record<string, any>;

export function allSeries(option: ChartOption): Loose[] {
  const series = option.series;
  return Array.isArray(series) ? series : series ? [series] : [];
}

export function seriesById(option: ChartOption, id: string): Loose {
  const found = allSeries(option).find((s) => s.id === id);
  if (!found) throw new Error(`no series ${id}; have ${allSeries(option).map((s) => s.id).join(', ')}`);
  return found;
}

export function component(option: ChartOption, key: keyof ChartOption, index = 0): Loose {
  const value = option[key];
  return (Array.isArray(value) ? value[index] : value) as Loose;
}

/** The [x, y] points of a line series' data, without gaps ('-') and with edge points' values. */
export function points(series: Loose): number[][] {
  return (series.data as unknown[])
    .filter((item) => item !== '-')
    .map((item) => (Array.isArray(item) ? item : (item as Loose).value) as number[]);
}

/** Calls a tooltip formatter the way ECharts does, with hand-made params. */
export function callFormatter(option: ChartOption, params: Loose | Loose[]): string {
  const tooltip = component(option, 'tooltip');
  return (tooltip.formatter as (p: unknown) => string)(params);
}
