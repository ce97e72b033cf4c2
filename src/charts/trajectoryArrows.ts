/**
 * Per-iterate arrows on the trajectory chart. Every arrow starts at an iterate x_t and points the
 * way that quantity moves the iterate (the update subtracts it): the gradient step η∇f(x_t), the
 * velocity v_{t+1} (the step actually taken, so it runs along the path), and the "special
 * gradient" η∇f/(1−γ) whose EWMA the velocity is (D2L's rewriting of momentum).
 */
import type { Path2DResult, Vec2 } from '../core/runTypes';
import { clipSegment, contains, lerp, regionKey, type Region } from './geometry';
import type { LinesSeriesOption } from './option';
import { perResult } from './perResult';

type LinesDataItem = Extract<NonNullable<LinesSeriesOption['data']>, readonly unknown[]>[number];

export type ArrowKind = 'step' | 'velocity' | 'special';
export const ALL_ARROWS: readonly ArrowKind[] = ['step', 'velocity', 'special'];

export interface ArrowRun {
  readonly id: string;
  readonly color: string;
  readonly gamma: number;
  readonly result: Path2DResult;
}

interface ArrowStyle {
  readonly width: number;
  readonly type: 'solid' | 'dashed' | 'dotted';
  readonly opacity: number;
}

// Told apart by stroke rather than colour: the colour already says which run an arrow belongs to.
const ARROW_STYLE: Readonly<Record<ArrowKind, ArrowStyle>> = {
  step: { width: 1.5, type: 'solid', opacity: 1 },
  velocity: { width: 5, type: 'solid', opacity: 0.35 },
  special: { width: 1.5, type: 'dotted', opacity: 1 },
};

/** Arrows shorter than this fraction of the region's diagonal are dropped (just an arrowhead). */
const MIN_LENGTH = 0.004;

/**
 * With γ = 0 the velocity and the special gradient equal the gradient step, so only the step is
 * drawn (three identical arrows would hide each other); γ ≥ 1 has no special gradient.
 */
export function arrowKindsFor(gamma: number, wanted: readonly ArrowKind[]): ArrowKind[] {
  return wanted.filter((kind) => kind === 'step' || (gamma > 0 && (kind === 'velocity' || gamma < 1)));
}

function arrowVector(result: Path2DResult, kind: ArrowKind, gamma: number, t: number): Vec2 {
  if (kind === 'velocity') return [result.velocity1[t], result.velocity2[t]];
  const scale = kind === 'special' ? 1 / (1 - gamma) : 1;
  return [result.step1[t] * scale, result.step2[t] * scale];
}

const arrowsPerResult = perResult<Path2DResult, LinesDataItem[]>();

/** One arrow per iterate inside the region, cut at its edge; too short ones are left out. */
function arrowData(result: Path2DResult, kind: ArrowKind, gamma: number, kindText: string, region: Region): LinesDataItem[] {
  const diagonal = Math.hypot(region.x1[1] - region.x1[0], region.x2[1] - region.x2[0]);
  const data: LinesDataItem[] = [];
  const count = Math.min(result.step1.length, result.x1.length);
  for (let t = 0; t < count; t++) {
    const from: Vec2 = [result.x1[t], result.x2[t]];
    if (!contains(region, from[0], from[1])) continue;
    const [d1, d2] = arrowVector(result, kind, gamma, t);
    const to: Vec2 = [from[0] - d1, from[1] - d2];
    const span = clipSegment(region, from, to);
    if (span === null || !Number.isFinite(d1) || !Number.isFinite(d2)) continue;
    const end = lerp(from, to, span[1]);
    if (Math.hypot(end[0] - from[0], end[1] - from[1]) < MIN_LENGTH * diagonal) continue;
    data.push({ name: `${kindText} (t = ${t})`, coords: [[from[0], from[1]], [end[0], end[1]]] });
  }
  return data;
}

export function arrowSeries(
  run: ArrowRun,
  legendName: string,
  kind: ArrowKind,
  kindText: string,
  region: Region,
): LinesSeriesOption {
  const { result } = run;
  const key = `${kind},${run.gamma},${kindText},${regionKey(region)}`;
  const data = arrowsPerResult(result, key, () => arrowData(result, kind, run.gamma, kindText, region));
  const style = ARROW_STYLE[kind];
  return {
    type: 'lines',
    id: `arrows:${kind}:${run.id}`,
    name: legendName,
    coordinateSystem: 'cartesian2d',
    data,
    symbol: ['none', 'arrow'],
    symbolSize: kind === 'velocity' ? 10 : 7,
    lineStyle: { color: run.color, width: style.width, type: style.type, opacity: style.opacity, curveness: 0 },
    // The runs' layer (see LIVE_LAYER in trajectoryChart.ts).
    zlevel: 1,
    z: kind === 'velocity' ? 2 : 4,
    animation: false,
  };
}
