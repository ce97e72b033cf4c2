/**
 * Tooltip formatters close over the data of the option they came with, so a new formatter
 * arrives with every live edit, and sending the tooltip component again makes ECharts dispose
 * and rebuild its view. Instead, each chart gives ECharts one formatter per tooltip that never
 * changes and calls the latest option's formatter: the tooltip component is then equal from edit
 * to edit, and planOptionUpdate leaves it out unless something else in it changed.
 */
import type { ChartOption } from './option';

type Formatter = (...args: unknown[]) => unknown;
type TooltipLike = Record<string, unknown> & { formatter?: unknown };

export interface StableTooltips {
  /** The option with each tooltip's formatter function replaced by this chart's stable one. */
  stabilize(option: ChartOption): ChartOption;
}

export function createStableTooltips(): StableTooltips {
  const latest: Formatter[] = [];
  const stable: Formatter[] = [];
  const stableAt = (index: number): Formatter => (stable[index] ??= (...args: unknown[]) => latest[index](...args));

  return {
    stabilize(option) {
      const tooltip = option.tooltip as TooltipLike | TooltipLike[] | undefined;
      if (tooltip === undefined) return option;
      const list = Array.isArray(tooltip) ? tooltip : [tooltip];
      const replaced = list.map((item, index) => {
        if (typeof item.formatter !== 'function') return item;
        latest[index] = item.formatter as Formatter;
        return { ...item, formatter: stableAt(index) };
      });
      return { ...option, tooltip: (Array.isArray(tooltip) ? replaced : replaced[0]) as ChartOption['tooltip'] };
    },
  };
}
