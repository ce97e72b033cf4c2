/**
 * The divergence rule of divergence.ts for a 2-D run whose iterates are seen one at a time and
 * not kept (the batched sweep, src/compute/sweep2d.ts, holds only the last iterate per config).
 * The rule needs only a few numbers per run: the lowest f so far, and per series (f, and the
 * error along each eigendirection when theory applies) the last step at or below its start. So
 * the verdict, step included, is the one runPath2D gives from the whole trace. The one reading
 * made without the floor: q_s ≤ q_0 is judged as f_s ≤ f_0 (the floor is not known until the
 * end), which is the same comparison before a common amount is subtracted.
 */
import { ESCAPE_FACTOR, RATE_TOLERANCE } from './divergence';
import type { PathTheory } from './runTypes';

/** What the rule needs of a run's theory: its directions and, per direction, the method's ρ for this run's (η, γ). */
export type DirectionTheory = Pick<PathTheory, 'eigenvectors' | 'stationary' | 'rates'>;

/**
 * One run's divergence, judged as its iterates arrive.
 * `const d = new RunDivergence(10.5, -5, -2, null); d.observe(1, 0, 0, 2e4); d.divergedAt(1, false)` → 1
 */
export class RunDivergence {
  private readonly f0: number;
  private lowest: number;
  private lastF: number;
  /** Last step s ≥ 1 with f_s ≤ f_0 (0: none yet). */
  private lastFAtStart = 0;
  private readonly theory: DirectionTheory | null;
  private readonly startErrors: [number, number] = [0, 0];
  /** Per direction: last step s ≥ 1 with |e_s| ≤ |e_0|, and whether any |e_t| > 0 so far. */
  private readonly lastErrorAtStart: [number, number] = [0, 0];
  private readonly excited: [boolean, boolean] = [false, false];

  /** A run starting at (x1, x2) with f there = f0 (finite); `theory` null when the gradient is not affine. */
  constructor(f0: number, x1: number, x2: number, theory: DirectionTheory | null) {
    this.f0 = f0;
    this.lowest = f0;
    this.lastF = f0;
    this.theory = theory;
    if (theory !== null) {
      for (const direction of [0, 1] as const) {
        this.startErrors[direction] = Math.abs(directionError(theory, direction, x1, x2));
        this.excited[direction] = this.startErrors[direction] > 0;
      }
    }
  }

  /** The iterate after step t (t = 1, 2, … in order) and f there. */
  observe(t: number, x1: number, x2: number, f: number): void {
    this.lastF = f;
    if (Number.isFinite(f) && f < this.lowest) this.lowest = f;
    if (f <= this.f0) this.lastFAtStart = t;
    const theory = this.theory;
    if (theory === null) return;
    for (const direction of [0, 1] as const) {
      const size = Math.abs(directionError(theory, direction, x1, x2));
      if (size > 0) this.excited[direction] = true;
      if (size <= this.startErrors[direction]) this.lastErrorAtStart[direction] = t;
    }
  }

  /**
   * The step from which the run evidently diverges, or null, once `end` is the last step observed;
   * `stopped`: the run stopped there because it left the hard bound (or overflowed).
   */
  divergedAt(end: number, stopped: boolean): number | null {
    const fromF = Math.min(this.lastFAtStart + 1, end);
    if (this.theory === null) {
      if (stopped) return fromF;
      const start = Math.max(this.f0 - this.lowest, Math.abs(this.f0));
      return this.lastF - this.lowest > ESCAPE_FACTOR * start ? fromF : null;
    }
    let step: number | null = stopped ? end : null;
    for (const direction of [0, 1] as const) {
      if (!(this.theory.rates[direction] > 1 + RATE_TOLERANCE) || !this.excited[direction]) continue;
      const at = Math.min(this.lastErrorAtStart[direction] + 1, end);
      step = step === null ? at : Math.min(step, at);
    }
    return step;
  }
}

/** u_iᵀ(x − x*), in the operation order of pathTheory's directionErrors (so the comparisons agree). */
function directionError(theory: DirectionTheory, direction: 0 | 1, x1: number, x2: number): number {
  const [s1, s2] = theory.stationary;
  const [u1, u2] = theory.eigenvectors[direction];
  return u1 * (x1 - s1) + u2 * (x2 - s2);
}
