/**
 * Contour lines as line series. ECharts has no contour series; core/contours.ts gives polylines
 * and we draw them as straight (never smoothed) segments without symbols in one muted colour.
 *
 * Representation: one series holding every polyline, separated by '-' items that break the line.
 * Measured in headless Chromium (scripts/measure-chart-render.ts, canvas 900×520, median setOption
 * on this shared 2-core machine), one series with breaks vs a series per level vs per polyline:
 *   200² grid, 13 levels (4.5k points, 21 polylines): first render 25–42 / 23–32 / 24–28 ms;
 *   400² grid, 30 levels (20k points, 47 polylines):  first render 62–79 / 55–79 / 52–65 ms.
 * The differences stay inside the run-to-run noise, so the simplest form wins: one stable series
 * id, which also lets the update planner (optionUpdate.ts) skip the contours on live edits.
 */
import type { ContourResult } from '../core/runTypes';
import type { LineSeriesOption } from './option';
import type { ThemeColors } from './theme';

export const CONTOUR_SERIES_ID = 'contours';

type ContourPoint = [number, number];
type ContourData = (ContourPoint | '-')[];

// The polylines of one objective do not change while runs are edited; converting them once per
// ContourResult keeps live edits cheap and gives the component a stable `data` reference.
const dataCache = new WeakMap<ContourResult, ContourData>();

/** All polylines of all levels in one data array, '-' between polylines. */
export function contourData(contours: ContourResult): ContourData {
  const cached = dataCache.get(contours);
  if (cached) return cached;
  const data: ContourData = [];
  for (const level of contours.contours) {
    for (const line of level.lines) {
      if (data.length > 0) data.push('-');
      for (let i = 0; i + 1 < line.length; i += 2) data.push([line[i], line[i + 1]]);
    }
  }
  dataCache.set(contours, data);
  return data;
}

/** Shared style of contour series: straight, no symbols, behind everything, not interactive. */
export function contourStyle(theme: ThemeColors): LineSeriesOption {
  return {
    type: 'line',
    smooth: false,
    symbol: 'none',
    showSymbol: false,
    connectNulls: false,
    silent: true,
    legendHoverLink: false,
    tooltip: { show: false },
    emphasis: { disabled: true },
    lineStyle: { color: theme.contour, width: 1 },
    z: 1,
    animation: false,
  };
}

export function contourSeries(contours: ContourResult, theme: ThemeColors): LineSeriesOption {
  return { ...contourStyle(theme), id: CONTOUR_SERIES_ID, name: CONTOUR_SERIES_ID, data: contourData(contours) };
}
