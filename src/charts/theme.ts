/**
 * Light and dark schemes as explicit colours in the option (rather than a registered ECharts
 * theme), so switching scheme is an ordinary option update and needs no new instance.
 */
import type { ColorScheme } from './option';

export interface ThemeColors {
  readonly background: string;
  readonly text: string;
  readonly mutedText: string;
  readonly axisLine: string;
  readonly splitLine: string;
  /** Contour lines: one muted colour that stays behind the runs. */
  readonly contour: string;
  readonly tooltipBackground: string;
  readonly tooltipBorder: string;
  /** Marks that belong to no run (start handle ring, optimum marker). */
  readonly ink: string;
  /** Rate-map cells whose rate is ≥ 1 (no convergence). */
  readonly diverging: string;
}

const LIGHT: ThemeColors = {
  background: '#ffffff',
  text: '#1f2328',
  mutedText: '#57606a',
  axisLine: '#8c959f',
  splitLine: '#e8eaed',
  contour: '#b4bcc6',
  tooltipBackground: '#ffffff',
  tooltipBorder: '#d0d7de',
  ink: '#1f2328',
  diverging: '#d9d9d9',
};

const DARK: ThemeColors = {
  background: '#16181d',
  text: '#e6edf3',
  mutedText: '#9ea7b3',
  axisLine: '#6e7681',
  splitLine: '#2b3038',
  contour: '#4f5863',
  tooltipBackground: '#22262d',
  tooltipBorder: '#3d444d',
  ink: '#f0f3f6',
  diverging: '#3a3a3a',
};

/** Colours of a scheme, e.g. themeColors('dark').background === '#16181d'. */
export function themeColors(scheme: ColorScheme): ThemeColors {
  return scheme === 'dark' ? DARK : LIGHT;
}
