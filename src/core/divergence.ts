/**
 * When a run diverges, and from which step that is evident: one rule for 2-D runs and
 * regression loss histories alike.
 *
 * 1. Theory, where it applies. When the gradient a 2-D run follows is affine with a symmetric,
 *    invertible Jacobian J (every quadratic objective, and linear gradients typed by hand such as
 *    the chapter's printed (0.2·x1, 2·x2)), the run is a linear iteration. Along each eigenvector
 *    u_i of J its error e_i,t = u_iᵀ(x_t − x*) follows the method's own 2×2 recurrence, whose
 *    spectral radius ρ_i is known in closed form (quadratic.ts). The run diverges exactly when
 *    ρ_i > 1 along a direction the run excites (e_i not identically zero); with every ρ_i ≤ 1 it
 *    is never called diverged, however far a transient swings.
 * 2. Escape, for everything else (other objectives, regression losses). Let q_t = v_t − floor,
 *    where v is f along the run (floor: the lowest f the run reached) or the loss (floor 0). The
 *    run diverges when it ends more than ESCAPE_FACTOR = 1000 times above its start level
 *    S = max(q_0, |v_0|). A run that swings up and settles, or oscillates while it slowly
 *    converges, stays far below that; one that is still climbing by three orders of magnitude
 *    has left.
 * 3. Always: a value that is not finite, or beyond the caller's hard bound (where the run also
 *    stops), is divergence at that step.
 *
 * The step reported is where divergence becomes evident: the start of the final excursion above
 * the starting size, i.e. the step from which the error (rule 1) or q (rules 2, 3) never again
 * comes back down to where it started; at most the last step computed.
 */

/** How many times above its start level a run must end for the escape rule to call it diverged. */
export const ESCAPE_FACTOR = 1e3;

/**
 * ρ within this of 1 counts as neutral (neither growing nor shrinking): a rate computed as
 * 1 + 1e-15 is rounding, and would need about 10¹⁵ steps to show anything.
 */
export const RATE_TOLERANCE = 1e-9;

/**
 * The step from which `size` stays above `size[0]`, looking at steps 0…end:
 * 1 + the last s ≤ end with size[s] ≤ size[0], capped at `end`.
 * `excursionStart(Float64Array.of(2, 1, 3, 4), 3)` → 2
 */
export function excursionStart(size: ArrayLike<number>, end: number): number {
  let last = 0;
  for (let s = 1; s <= end; s += 1) if (size[s] <= size[0]) last = s;
  return Math.min(last + 1, end);
}

/**
 * Rule 1: the divergence step of a linear iteration, from its per-direction errors and rates.
 * `theoryDivergence([Float64Array.of(-5, -4.1), Float64Array.of(-2, 2.4)], [0.82, 1.2], 1)` → 1
 */
export function theoryDivergence(errors: readonly ArrayLike<number>[], rates: readonly number[], end: number): number | null {
  let step: number | null = null;
  errors.forEach((error, i) => {
    if (!(rates[i] > 1 + RATE_TOLERANCE)) return;
    const size = Array.from({ length: end + 1 }, (_, t) => Math.abs(error[t]));
    if (!size.some((value) => value > 0)) return;
    const at = excursionStart(size, end);
    step = step === null ? at : Math.min(step, at);
  });
  return step;
}

/**
 * Rules 2 and 3 over a series v_0…v_T. `blowUp` is the first step the caller found non-finite or
 * beyond its hard bound (the series is meaningless after it), or null.
 * `escapeDivergence(Float64Array.of(10, 5, 2e4), 0, null)` → 2; `escapeDivergence(Float64Array.of(10, 500, 50), 0, null)` → null
 */
export function escapeDivergence(values: ArrayLike<number>, floor: number, blowUp: number | null): number | null {
  const end = blowUp ?? values.length - 1;
  if (end < 0) return null;
  const q = Array.from({ length: end + 1 }, (_, t) => values[t] - floor);
  if (blowUp !== null) return excursionStart(q, blowUp);
  const start = Math.max(q[0], Math.abs(values[0]));
  return q[end] > ESCAPE_FACTOR * start ? excursionStart(q, end) : null;
}

/** The earlier of two divergence steps. `earliest(3, null)` → 3 */
export function earliest(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  return b === null ? a : Math.min(a, b);
}
