/**
 * 2-D runs over a grid of (η, γ) as one batched tensor program: the K = |etas|·|gammas| iterates
 * are tensors of K points, so a step of GD, heavy ball or Nesterov costs its formula's ops once,
 * not K times. The iterates come back every few dozen steps and are judged in JS by the very
 * rules a single run follows: a config stops where runPath2D would (divergenceTest, the hard
 * bound, in src/core/optimize2d.ts), and whether and from which step it diverges is divergence.ts's
 * rule (theory for affine gradients, else the escape rule), applied as the iterates go by
 * (src/core/onlineDivergence.ts) since the sweep keeps no trace. Arithmetic is float32 (the
 * backend's), so final values agree with runPath2D to float32 rounding.
 */
import * as tf from '@tensorflow/tfjs-core';
import { divergenceTest } from '../core/optimize2d';
import { RunDivergence, type DirectionTheory } from '../core/onlineDivergence';
import { pathTheory } from '../core/pathTheory';
import { methodRate } from '../core/quadratic';
import { prepareObjective, safeDerivative } from '../core/objective';
import { parseMath, type MathNode } from '../core/mathParser';
import { fromObjectiveFailure, invalidRequest, type CoreFailure } from '../core/coreFailure';
import { SWEEP_LIMITS, type ComputeProgress, type Sweep2DRequest, type Sweep2DResult } from '../core/runTypes';
import { asPoints, compileTensorFormula, type TensorFn } from './tensorFormula';
import { yieldToEventLoop } from './yieldToEventLoop';

export interface SweepOptions {
  readonly shouldStop?: () => boolean;
  readonly onProgress?: (progress: ComputeProgress) => void;
  /** Steps between read-backs and yields. */
  readonly chunkSteps?: number;
}

const DEFAULT_CHUNK_STEPS = 32;

function allFinite(values: Float64Array): boolean {
  return values.every(Number.isFinite);
}

/** Why the sweep cannot run, or null. */
function sweepProblem(request: Sweep2DRequest): CoreFailure | null {
  const { etas, gammas, steps } = request;
  if (!['gd', 'momentum', 'nesterov'].includes(request.method)) return invalidRequest('method', `Unknown method ${String(request.method)}`);
  if (!(etas instanceof Float64Array) || !(gammas instanceof Float64Array)) return invalidRequest('axes', 'etas and gammas must be Float64Arrays');
  const k = etas.length * gammas.length;
  if (k < 1 || k > SWEEP_LIMITS.maxConfigs) return invalidRequest('axes', `between 1 and ${SWEEP_LIMITS.maxConfigs} configurations are needed, not ${k}`);
  if (!allFinite(etas) || !allFinite(gammas)) return invalidRequest('axes', 'every η and γ must be a finite number');
  if (!Number.isInteger(steps) || steps < 0 || steps > SWEEP_LIMITS.maxSteps) {
    return invalidRequest('steps', `Steps must be a whole number from 0 to ${SWEEP_LIMITS.maxSteps}`);
  }
  if (k * steps > SWEEP_LIMITS.maxConfigSteps) return invalidRequest('steps', `configurations × steps must not exceed ${SWEEP_LIMITS.maxConfigSteps}`);
  if (!Number.isFinite(request.start[0]) || !Number.isFinite(request.start[1])) return invalidRequest('start', 'The start must be finite');
  return null;
}

interface Formulas {
  readonly f: TensorFn;
  readonly g1: TensorFn;
  readonly g2: TensorFn;
  /** f at the start, in float64 as runPath2D computes it: the divergence rule's reference. */
  readonly f0: number;
  /** The theory of the gradient the runs follow, or null when it is not affine (pathTheory). */
  readonly theory: ((eta: number, gamma: number) => DirectionTheory) | null;
}

/** The objective and the gradient the runs follow, as tensor formulas; failures as runPath2D reports them. */
function formulas(request: Sweep2DRequest): Formulas | CoreFailure {
  const prepared = prepareObjective(request.objective, request.gradient);
  if (!prepared.ok) return fromObjectiveFailure(prepared);
  const f0 = prepared.f(request.start[0] + 0, request.start[1] + 0);
  if (!Number.isFinite(f0)) return { kind: 'failure', reason: 'nonFiniteStart', where: 'objective', subject: String(f0), message: `f(x0) is ${f0}` };
  // prepareObjective has parsed, differentiated and compiled all of these already, so none fails here.
  const parse = (text: string): MathNode => (parseMath(text) as { node: MathNode }).node;
  const objective = parse(request.objective);
  const gradientNodes =
    request.gradient === null
      ? (['x1', 'x2'] as const).map((variable) => (safeDerivative(objective, variable) as { node: MathNode }).node)
      : request.gradient.map(parse);
  const compiled = [objective, ...gradientNodes].map(compileTensorFormula);
  const failure = compiled.find((c) => !c.ok);
  if (failure !== undefined && !failure.ok) return invalidRequest('objective', `cannot batch ${failure.subject}`);
  const [f, g1, g2] = compiled.map((c) => (c.ok ? c.fn : () => 0));
  // Eigen-directions are the gradient's; only the rates depend on (η, γ), as in pathTheory.
  const base = pathTheory(prepared.gradNodes, request.method, 0, 0);
  const rate = (eta: number, gamma: number, lambda: number) => methodRate(request.method, eta, request.method === 'gd' ? 0 : gamma, lambda);
  const theory =
    base === null
      ? null
      : (eta: number, gamma: number): DirectionTheory => ({ ...base, rates: [rate(eta, gamma, base.eigenvalues[0]), rate(eta, gamma, base.eigenvalues[1])] });
  return { f, g1, g2, f0, theory };
}

type State = { x1: tf.Tensor1D; x2: tf.Tensor1D; v1: tf.Tensor1D; v2: tf.Tensor1D };

/** One step of every config; the new state and f at the new iterates. Disposes nothing. */
function step(method: Sweep2DRequest['method'], state: State, eta: tf.Tensor1D, gamma: tf.Tensor1D, fx: Formulas): { state: State; f: tf.Tensor1D } {
  return tf.tidy(() => {
    const k = eta.shape[0];
    const { x1, x2, v1, v2 } = state;
    // Nesterov evaluates the gradient at the look-ahead point x − γv; GD and the heavy ball at x.
    const y1: tf.Tensor1D = method === 'nesterov' ? tf.sub(x1, tf.mul(gamma, v1)) : x1;
    const y2: tf.Tensor1D = method === 'nesterov' ? tf.sub(x2, tf.mul(gamma, v2)) : x2;
    const s1: tf.Tensor1D = tf.mul(eta, asPoints(fx.g1(y1, y2), k));
    const s2: tf.Tensor1D = tf.mul(eta, asPoints(fx.g2(y1, y2), k));
    // The chapter's order: v = γ·v + η·g, then x = x − v; plain GD steps by η·g.
    const nextV1: tf.Tensor1D = method === 'gd' ? s1 : tf.add<tf.Tensor1D>(tf.mul(gamma, v1), s1);
    const nextV2: tf.Tensor1D = method === 'gd' ? s2 : tf.add<tf.Tensor1D>(tf.mul(gamma, v2), s2);
    const nextX1: tf.Tensor1D = tf.sub(x1, nextV1);
    const nextX2: tf.Tensor1D = tf.sub(x2, nextV2);
    return { state: { x1: nextX1, x2: nextX2, v1: nextV1, v2: nextV2 }, f: asPoints(fx.f(nextX1, nextX2), k) };
  });
}

/**
 * Run every (η, γ) of the grid; the result, why there is none, or 'stopped'.
 * `await runSweep2D({ kind: 'sweep2d', method: 'momentum', objective: '0.1*x1^2+2*x2^2', gradient: null,
 *   start: [-5, -2], etas: Float64Array.of(0.1, 0.4), gammas: Float64Array.of(0, 0.5), steps: 15 })` → 4 final f.
 */
export async function runSweep2D(request: Sweep2DRequest, options: SweepOptions = {}): Promise<Sweep2DResult | CoreFailure | 'stopped'> {
  const problem = sweepProblem(request);
  if (problem !== null) return problem;
  const fx = formulas(request);
  if ('kind' in fx) return fx;
  const { etas, gammas, steps } = request;
  const columns = etas.length;
  const k = columns * gammas.length;
  const start1 = request.start[0] + 0;
  const start2 = request.start[1] + 0;
  const finalX1 = new Float64Array(k).fill(start1);
  const finalX2 = new Float64Array(k).fill(start2);
  const finalF = new Float64Array(k).fill(fx.f0);
  const stops = divergenceTest(fx.f0);
  /** Per config: the step where it left the hard bound and stopped, −1 while it runs. */
  const stoppedAt = new Int32Array(k).fill(-1);
  const judges = Array.from({ length: k }, (_, i) => {
    const eta = etas[i % columns];
    const gamma = gammas[Math.floor(i / columns)];
    return new RunDivergence(fx.f0, start1, start2, fx.theory === null ? null : fx.theory(eta, gamma));
  });
  const chunkSteps = options.chunkSteps ?? DEFAULT_CHUNK_STEPS;

  const etaValues = new Float32Array(k);
  const gammaValues = new Float32Array(k);
  for (let i = 0; i < k; i += 1) {
    etaValues[i] = etas[i % columns];
    gammaValues[i] = request.method === 'gd' ? 0 : gammas[Math.floor(i / columns)];
  }
  const eta = tf.tensor1d(etaValues);
  const gamma = tf.tensor1d(gammaValues);
  let state: State = { x1: tf.fill([k], start1), x2: tf.fill([k], start2), v1: tf.zeros([k]), v2: tf.zeros([k]) };
  let pending: tf.Tensor1D[] = [];
  /** Read the iterates of steps [first, first + pending/3) back and judge each config that has not stopped yet. */
  const judge = (first: number): void => {
    if (pending.length === 0) return;
    const stacked = tf.stack(pending);
    const values = stacked.dataSync();
    stacked.dispose();
    tf.dispose(pending);
    const count = pending.length / 3;
    pending = [];
    for (let t = 0; t < count; t += 1) {
      const base = 3 * t * k;
      for (let i = 0; i < k; i += 1) {
        if (stoppedAt[i] >= 0) continue;
        finalX1[i] = values[base + i];
        finalX2[i] = values[base + k + i];
        finalF[i] = values[base + 2 * k + i];
        judges[i].observe(first + t + 1, finalX1[i], finalX2[i], finalF[i]);
        if (stops(finalX1[i], finalX2[i], finalF[i])) stoppedAt[i] = first + t + 1;
      }
    }
  };
  try {
    let judged = 0;
    for (let t = 0; t < steps; t += 1) {
      const next = step(request.method, state, eta, gamma, fx);
      tf.dispose([state.x1, state.x2, state.v1, state.v2]);
      state = next.state;
      // Clones share the data: the chunk keeps the iterates until it is read back.
      pending.push(tf.clone(state.x1), tf.clone(state.x2), next.f);
      if ((t + 1) % chunkSteps === 0 || t + 1 === steps) {
        judge(judged);
        judged = t + 1;
        options.onProgress?.({ done: t + 1, total: steps });
        await yieldToEventLoop();
        if (options.shouldStop?.()) return 'stopped';
      }
    }
    const divergedAt = Int32Array.from(judges, (judge, i) => judge.divergedAt(stoppedAt[i] >= 0 ? stoppedAt[i] : steps, stoppedAt[i] >= 0) ?? -1);
    return { kind: 'sweep2d', etas: Float64Array.from(etas), gammas: Float64Array.from(gammas), finalF, finalX1, finalX2, divergedAt };
  } finally {
    tf.dispose(pending);
    tf.dispose([eta, gamma, state.x1, state.x2, state.v1, state.v2]);
  }
}
