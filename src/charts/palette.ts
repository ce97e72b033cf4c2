/**
 * Series colours, after Okabe & Ito's colour-blind-safe set (plus two of Paul Tol's where theirs
 * fail on white). Each index has a light-scheme variant (at least 3:1 contrast on white, the WCAG
 * minimum for graphics) and a dark-scheme variant (lighter, for the dark background). Within a
 * scheme every pair stays apart (CIELAB ΔE ≥ 10) for normal vision and under simulated
 * protanopia, deuteranopia and tritanopia (tests/unit/charts/palette.test.ts checks both). The
 * grid uses the same function, so a run's cell and its line always share a colour. Pinned runs
 * are told apart by a dashed line, not by a colour, so pinning a run never repaints it; runs
 * beyond the palette's length reuse its colours with a dotted line (runLineDash).
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
  // Orange and yellow are too light on white, and a darkened orange is read as vermillion by
  // deuteranopes, so the light scheme takes Tol's wine and indigo at these two indices.
  { light: '#882255', dark: '#E69F00' }, // wine / orange
  { light: '#332288', dark: '#F0E442' }, // indigo / yellow
];

/** Colour of the series at `index` (cycles after the palette's length), e.g. seriesColor(0, 'light') === '#0072B2'. */
export function seriesColor(index: number, scheme: ColorScheme): string {
  const size = SERIES_PALETTE.length;
  const entry = SERIES_PALETTE[((Math.trunc(index) % size) + size) % size];
  return entry[scheme];
}

export type LineDash = 'solid' | 'dashed' | 'dotted';

/** How many times the palette was used up before `index`: 0 for the first six runs, 1 for the next six… */
export function paletteRepeat(index: number): number {
  return Math.max(0, Math.floor(Math.trunc(index) / SERIES_PALETTE.length));
}

/**
 * Pinned runs are dashed so that a live run and its pinned twin stay distinguishable. Past the
 * palette's six colours a colour comes back: those runs are dotted, so two runs of one colour
 * (B31 and B41 of the chapter's sheet) are never mistaken for each other.
 */
export function runLineDash(pinned: boolean, repeat = 0): LineDash {
  if (pinned) return 'dashed';
  return repeat > 0 ? 'dotted' : 'solid';
}
