/**
 * Series colours. The hues are Okabe & Ito's colour-blind-safe set; each has a light-scheme
 * variant (darkened until it reaches 3:1 contrast on white, the WCAG minimum for graphics) and a
 * dark-scheme variant (lightened for the dark background). The grid uses the same function, so a
 * run's cell and its line always share a colour. Pinned runs are told apart by a dashed line,
 * not by a colour, so pinning a run never repaints it.
 */
import type { ColorScheme } from './option';

interface SchemeColors {
  readonly light: string;
  readonly dark: string;
}

/** Order chosen so that neighbouring indices (the runs most often compared) differ most. */
export const SERIES_PALETTE: readonly SchemeColors[] = [
  { light: '#0072B2', dark: '#56B4E9' }, // blue
  { light: '#D55E00', dark: '#F0783C' }, // vermillion
  { light: '#009E73', dark: '#2ECC9A' }, // bluish green
  { light: '#B65C96', dark: '#E89AC6' }, // reddish purple
  { light: '#B07800', dark: '#E69F00' }, // orange
  { light: '#3D8FCC', dark: '#F0E442' }, // sky blue on white, yellow on dark
];

/** Colour of the series at `index` (cycles after the palette's length), e.g. seriesColor(0, 'light') === '#0072B2'. */
export function seriesColor(index: number, scheme: ColorScheme): string {
  const size = SERIES_PALETTE.length;
  const entry = SERIES_PALETTE[((Math.trunc(index) % size) + size) % size];
  return entry[scheme];
}

export type LineDash = 'solid' | 'dashed';

/** Pinned runs are dashed so that a live run and its pinned twin stay distinguishable. */
export function runLineDash(pinned: boolean): LineDash {
  return pinned ? 'dashed' : 'solid';
}
