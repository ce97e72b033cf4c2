/**
 * Plain float64 sweeps, one configuration after another: what the batched sweeps are compared
 * with in tests and in the bench. They reuse the single-run code (runPath2D, the regression
 * reference), so each grid cell is exactly what a single cell of the sheet would compute.
 */
import { divergenceTest, runPath2D } from '../../src/core/optimize2d';
import { prepareObjective } from '../../src/core/objective';
import { RunDivergence } from '../../src/core/onlineDivergence';
import { pathTheory } from '../../src/core/pathTheory';
import type { RegressionSweepRequest, RegressionSweepResult, Sweep2DRequest, Sweep2DResult } from '../../src/core/runTypes';
import { runRegressionReference } from './regressionReference';
import { sweepAsRegression, summariseSweep } from '../../src/core/regressionBatch';

/** n evenly spaced values from a to b, both ends exact. `linspace(0, 1, 3)` → [0, 0.5, 1] */
export function linspace(a: number, b: number, n: number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => (i === n - 1 && n > 1 ? b : a + ((b - a) * i) / Math.max(1, n - 1)));
}

/** The grid of runPath2D runs, row-major gammas × etas. */
export function sweep2DReference(request: Sweep2DRequest): Sweep2DResult {
  const k = request.etas.length * request.gammas.length;
  const result = { finalF: new Float64Array(k), finalX1: new Float64Array(k), finalX2: new Float64Array(k), divergedAt: new Int32Array(k) };
  request.gammas.forEach((gamma, r) => {
    request.etas.forEach((eta, c) => {
      const i = r * request.etas.length + c;
      const run = runPath2D({ ...request, kind: 'path2d', eta, gamma: request.method === 'gd' ? 0 : gamma });
      if (run.kind === 'failure') throw new Error(run.message);
      result.finalF[i] = run.f[run.f.length - 1];
      result.finalX1[i] = run.x1[run.x1.length - 1];
      result.finalX2[i] = run.x2[run.x2.length - 1];
      result.divergedAt[i] = run.divergedAt ?? -1;
    });
  });
  return { kind: 'sweep2d', etas: request.etas, gammas: request.gammas, ...result };
}

/**
 * The same grid with the objective compiled once for all configs (runPath2D prepares it per run,
 * as a single cell does): plain float64 loops in the chapter's operation order, no trace kept,
 * so divergence is judged as the iterates go by, like the batched sweep does.
 */
export function sweep2DCompiledOnce(request: Sweep2DRequest): Sweep2DResult {
  const prepared = prepareObjective(request.objective, request.gradient);
  if (!prepared.ok) throw new Error(`objective: ${prepared.reason}`);
  const [g1, g2] = prepared.grad;
  const k = request.etas.length * request.gammas.length;
  const result = { finalF: new Float64Array(k), finalX1: new Float64Array(k), finalX2: new Float64Array(k), divergedAt: new Int32Array(k).fill(-1) };
  const f0 = prepared.f(request.start[0], request.start[1]);
  for (let i = 0; i < k; i += 1) {
    const eta = request.etas[i % request.etas.length];
    const gamma = request.method === 'gd' ? 0 : request.gammas[Math.floor(i / request.etas.length)];
    const stops = divergenceTest(f0);
    const theory = pathTheory(prepared.gradNodes, request.method, eta, gamma);
    const judge = new RunDivergence(f0, request.start[0], request.start[1], theory);
    let [x1, x2, v1, v2, f] = [request.start[0], request.start[1], 0, 0, f0];
    let stopped = false;
    let end = request.steps;
    for (let t = 0; t < request.steps; t += 1) {
      const y1 = request.method === 'nesterov' ? x1 - gamma * v1 : x1;
      const y2 = request.method === 'nesterov' ? x2 - gamma * v2 : x2;
      v1 = gamma * v1 + eta * g1(y1, y2);
      v2 = gamma * v2 + eta * g2(y1, y2);
      x1 = x1 - v1;
      x2 = x2 - v2;
      f = prepared.f(x1, x2);
      judge.observe(t + 1, x1, x2, f);
      if (stops(x1, x2, f)) {
        [stopped, end] = [true, t + 1];
        break;
      }
    }
    result.divergedAt[i] = judge.divergedAt(end, stopped) ?? -1;
    [result.finalF[i], result.finalX1[i], result.finalX2[i]] = [f, x1, x2];
  }
  return { kind: 'sweep2d', etas: request.etas, gammas: request.gammas, ...result };
}

/** The regression grid trained config by config in float64. */
export function regressionSweepReference(request: RegressionSweepRequest): RegressionSweepResult {
  return summariseSweep(request, runRegressionReference(sweepAsRegression(request)));
}
