/**
 * 2-D descent runs: plain gradient descent, the chapter's heavy ball, and Nesterov's look-ahead.
 *
 * The heavy ball is written in the exact float64 operation order of the chapter's Python
 * (`v = mom * v + eta * g; x = x - v`, coordinate by coordinate, v₀ = 0), so with the same
 * gradient formula a run here and the chapter's code agree bit for bit.
 */
import type { GradientCheck, Path2DRequest, Path2DResult } from './runTypes';
import { prepareObjective, type Grad2, type PreparedObjective } from './objective';
import { fromObjectiveFailure, invalidRequest, type CoreFailure } from './coreFailure';
import { earliest, escapeDivergence, theoryDivergence } from './divergence';
import { directionErrors, pathTheory } from './pathTheory';

/** Longest run accepted (7 Float64Arrays of this length are about 5.6 MB). */
export const MAX_PATH_STEPS = 100_000;

/**
 * A run stops when |f| exceeds this multiple of max(1, |f(x₀)|): a millionfold rise of f (a
 * thousandfold in distance on a quadratic) is far past the point of no return. Stopping there
 * keeps chart axes readable and avoids marching on to Infinity and NaN. The max(1, ·) keeps the
 * bound meaningful when the run starts at or near a minimum where f(x₀) ≈ 0. Whether and from
 * which step a run diverges is decided separately, and much earlier (src/core/divergence.ts).
 */
export const STOP_FACTOR = 1e6;

/**
 * The hard stop of a run that starts at f(x₀) = f0, as a test of each new iterate in turn (true:
 * the iterate is non-finite or |f| is beyond STOP_FACTOR·max(1, |f0|), and the run stops there).
 * runPath2D and the batched sweep (src/compute/sweep2d.ts) both call it, so a sweep's configs
 * stop where single runs would; whether a run diverges is decided by divergence.ts's rule.
 * `divergenceTest(10.5)(0, 0, 1e8)` → true; `divergenceTest(10.5)(1, 1, 3)` → false
 */
export function divergenceTest(f0: number): (x1: number, x2: number, fx: number) => boolean {
  const bound = STOP_FACTOR * Math.max(1, Math.abs(f0));
  return (x1, x2, fx) => !Number.isFinite(x1) || !Number.isFinite(x2) || !Number.isFinite(fx) || Math.abs(fx) > bound;
}

/** A hand gradient "agrees" with the derived one when the largest relative difference is below this. */
export const GRADIENT_AGREEMENT_TOLERANCE = 1e-9;

/**
 * Run GD, heavy ball or Nesterov from `req.start`. Example:
 * `runPath2D({kind:'path2d', method:'gd', objective:'x1^2+x2^2', gradient:null, start:[1,1], eta:0.25, gamma:0, steps:1}).x1`
 * → `[1, 0.5]`.
 */
export function runPath2D(req: Path2DRequest): Path2DResult | CoreFailure {
  const invalid = validate(req);
  if (invalid !== null) return invalid;
  const prepared = prepareObjective(req.objective, req.gradient);
  if (!prepared.ok) return fromObjectiveFailure(prepared);

  // `+ 0` turns a start of −0 into +0. Nothing else in a run can create −0 (x − y is −0 only
  // when x already is), so momentum with γ = 0 then matches GD even in the sign of zero.
  const start1 = req.start[0] + 0;
  const start2 = req.start[1] + 0;
  const f0 = prepared.f(start1, start2);
  if (!Number.isFinite(f0)) {
    return { kind: 'failure', reason: 'nonFiniteStart', where: 'objective', subject: String(f0), message: `f(x0) is ${f0}` };
  }

  const trace = newTrace(req.steps);
  trace.x1[0] = start1;
  trace.x2[0] = start2;
  trace.f[0] = f0;
  const stoppedAt = descend(req, prepared, trace, divergenceTest(f0));
  const last = stoppedAt ?? req.steps;
  const x1 = trace.x1.slice(0, last + 1);
  const x2 = trace.x2.slice(0, last + 1);
  const f = trace.f.slice(0, last + 1);
  const theory = pathTheory(prepared.gradNodes, req.method, req.eta, req.gamma);
  const divergedAt =
    theory === null
      ? escapeDivergence(f, lowestFinite(f), stoppedAt)
      : earliest(stoppedAt, theoryDivergence([directionErrors(theory, 0, x1, x2), directionErrors(theory, 1, x1, x2)], theory.rates, last));
  return {
    kind: 'path2d',
    x1,
    x2,
    f,
    step1: trace.step1.slice(0, last),
    step2: trace.step2.slice(0, last),
    velocity1: trace.velocity1.slice(0, last),
    velocity2: trace.velocity2.slice(0, last),
    divergedAt,
    gradientCheck:
      prepared.handGrad === null ? null : checkGradient(prepared.handGrad, prepared.derivedGrad, x1, x2, prepared.derivedText),
    theory,
  };
}

/** The lowest finite value of a series (the floor of the escape rule for f). */
function lowestFinite(values: Float64Array): number {
  let lowest = Infinity;
  for (const value of values) if (Number.isFinite(value) && value < lowest) lowest = value;
  return lowest;
}

function validate(req: Path2DRequest): CoreFailure | null {
  if (!['gd', 'momentum', 'nesterov'].includes(req.method)) return invalidRequest('method', `Unknown method ${String(req.method)}`);
  if (!Number.isFinite(req.eta)) return invalidRequest('eta', 'The learning rate must be a finite number');
  if (!Number.isFinite(req.gamma)) return invalidRequest('gamma', 'The momentum must be a finite number');
  if (!Number.isInteger(req.steps) || req.steps < 0 || req.steps > MAX_PATH_STEPS) {
    return invalidRequest('steps', `Steps must be a whole number from 0 to ${MAX_PATH_STEPS}`);
  }
  if (!Number.isFinite(req.start[0]) || !Number.isFinite(req.start[1])) return invalidRequest('start', 'The start must be finite');
  return null;
}

/** The result's arrays, filled in place while descending. */
type Trace = Pick<Path2DResult, 'x1' | 'x2' | 'f' | 'step1' | 'step2' | 'velocity1' | 'velocity2'>;

function newTrace(steps: number): Trace {
  const iterates = () => new Float64Array(steps + 1);
  const perStep = () => new Float64Array(steps);
  return { x1: iterates(), x2: iterates(), f: iterates(), step1: perStep(), step2: perStep(), velocity1: perStep(), velocity2: perStep() };
}

/** Fill the trace; return the step where the run left the hard bound (and stopped), or null. */
function descend(req: Path2DRequest, objective: PreparedObjective, trace: Trace, stops: (x1: number, x2: number, fx: number) => boolean): number | null {
  const { method, eta, gamma, steps } = req;
  const [g1, g2] = objective.grad;
  const f = objective.f;
  let x1 = trace.x1[0];
  let x2 = trace.x2[0];
  let v1 = 0;
  let v2 = 0;
  for (let t = 0; t < steps; t++) {
    let s1: number;
    let s2: number;
    if (method === 'gd') {
      // The chapter's gd(): x1 = x1 - eta * gx1. The velocity of plain GD is its step.
      s1 = eta * g1(x1, x2);
      s2 = eta * g2(x1, x2);
      v1 = s1;
      v2 = s2;
    } else {
      // Nesterov evaluates the gradient at the look-ahead point x − γv; the heavy ball at x.
      const y1 = method === 'nesterov' ? x1 - gamma * v1 : x1;
      const y2 = method === 'nesterov' ? x2 - gamma * v2 : x2;
      const gx1 = g1(y1, y2);
      const gx2 = g2(y1, y2);
      s1 = eta * gx1;
      s2 = eta * gx2;
      // The chapter's momentum(): v_x1 = mom * v_x1 + eta * gx1, then x1 = x1 - v_x1.
      v1 = gamma * v1 + s1;
      v2 = gamma * v2 + s2;
    }
    x1 = x1 - v1;
    x2 = x2 - v2;
    const fx = f(x1, x2);
    trace.step1[t] = s1;
    trace.step2[t] = s2;
    trace.velocity1[t] = v1;
    trace.velocity2[t] = v2;
    trace.x1[t + 1] = x1;
    trace.x2[t + 1] = x2;
    trace.f[t + 1] = fx;
    if (stops(x1, x2, fx)) return t + 1;
  }
  return null;
}

/**
 * Compare the hand-typed and derived gradients at every finite iterate, as vectors:
 * |h − d| / max(|h|, |d|, floor). The floor is a millionth of the largest gradient seen on the
 * run: near a minimiser away from the origin a gradient is a difference of large terms (2·x1 − 6
 * at x1 ≈ 3), so rounding alone would make a correct formula look relatively wrong there.
 */
function checkGradient(
  hand: Grad2,
  derived: Grad2,
  x1: Float64Array,
  x2: Float64Array,
  derivedText: readonly [string, string],
): GradientCheck {
  const differences: number[] = [];
  const magnitudes: number[] = [];
  let largest = 0;
  for (let t = 0; t < x1.length; t++) {
    if (!Number.isFinite(x1[t]) || !Number.isFinite(x2[t])) continue;
    const h1 = hand[0](x1[t], x2[t]);
    const h2 = hand[1](x1[t], x2[t]);
    const d1 = derived[0](x1[t], x2[t]);
    const d2 = derived[1](x1[t], x2[t]);
    if (![h1, h2, d1, d2].every(Number.isFinite)) {
      // Both undefined in the same way (e.g. both NaN at a singularity) is agreement; otherwise not.
      const same = Object.is(h1, d1) && Object.is(h2, d2);
      differences.push(same ? 0 : Infinity);
      magnitudes.push(0);
      continue;
    }
    const magnitude = Math.max(Math.hypot(h1, h2), Math.hypot(d1, d2));
    largest = Math.max(largest, magnitude);
    differences.push(Math.hypot(h1 - d1, h2 - d2));
    magnitudes.push(magnitude);
  }
  const floor = 1e-6 * largest;
  let maxRelativeDifference = 0;
  for (let i = 0; i < differences.length; i++) {
    const denominator = Math.max(magnitudes[i], floor);
    const relative = differences[i] === 0 ? 0 : denominator === 0 ? Infinity : differences[i] / denominator;
    maxRelativeDifference = Math.max(maxRelativeDifference, relative);
  }
  return { derived: derivedText, maxRelativeDifference, agrees: maxRelativeDifference < GRADIENT_AGREEMENT_TOLERANCE };
}
