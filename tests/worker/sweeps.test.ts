/**
 * Sweeps as one batched program: the 2-D grid against runPath2D config by config (float32 against
 * float64) and against the heavy ball's theory; the regression grid against the float64 reference.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { initTfBackend } from '../../src/compute/tfBackend';
import { runSweep2D } from '../../src/compute/sweep2d';
import { trainRegressionSweep } from '../../src/compute/regressionSweep';
import { runPath2D } from '../../src/core/optimize2d';
import { overallRate } from '../../src/core/quadratic';
import type { ComputeProgress, Path2DRequest, RegressionSweepRequest, Sweep2DRequest, Sweep2DResult } from '../../src/core/runTypes';
import { chapterRequest } from '../reference/chapterRuns';
import { linspace, regressionSweepReference } from '../reference/sweeps';

beforeAll(initTfBackend);

const CHAPTER_F = '0.1*x1^2 + 2*x2^2';
const sweep = (overrides: Partial<Sweep2DRequest> = {}): Sweep2DRequest => ({
  kind: 'sweep2d',
  method: 'momentum',
  objective: CHAPTER_F,
  gradient: null,
  start: [-5, -2],
  etas: linspace(0.05, 1.2, 12),
  gammas: linspace(0, 0.9, 10),
  steps: 40,
  ...overrides,
});

async function sweep2d(request: Sweep2DRequest): Promise<Sweep2DResult> {
  const result = await runSweep2D(request);
  if (result === 'stopped' || result.kind === 'failure') throw new Error(`sweep failed: ${JSON.stringify(result)}`);
  return result;
}

/** Every config of the grid against its own runPath2D: same divergence step, final values to float32 rounding. */
function expectMatchesSingleRuns(request: Sweep2DRequest, result: Sweep2DResult): { diverged: number } {
  let diverged = 0;
  request.gammas.forEach((gamma, r) => {
    request.etas.forEach((eta, c) => {
      const i = r * request.etas.length + c;
      const single: Path2DRequest = { kind: 'path2d', method: request.method, objective: request.objective, gradient: request.gradient, start: request.start, eta, gamma: request.method === 'gd' ? 0 : gamma, steps: request.steps };
      const run = runPath2D(single);
      if (run.kind === 'failure') throw new Error(run.message);
      const label = `η ${eta}, γ ${gamma}`;
      expect(result.divergedAt[i], label).toBe(run.divergedAt ?? -1);
      if (run.divergedAt !== null) {
        diverged += 1;
        return;
      }
      // Float32 rounding, amplified as much as the run itself grows: relative to the largest
      // value along the single run, so that a run oscillating up to 10³ before settling is judged
      // by its own scale.
      const close = (actual: number, series: Float64Array) => {
        const scale = series.reduce((largest, value) => Math.max(largest, Math.abs(value)), 0);
        expect(Math.abs(actual - series[series.length - 1]), label).toBeLessThanOrEqual(2e-5 * scale + 1e-7);
      };
      close(result.finalF[i], run.f);
      close(result.finalX1[i], run.x1);
      close(result.finalX2[i], run.x2);
    });
  });
  return { diverged };
}

describe('a 2-D sweep is the grid of single runs', () => {
  test.each<[string, Partial<Sweep2DRequest>]>([
    ['heavy ball, true gradient', {}],
    ['heavy ball, the chapter’s printed gradient', { gradient: ['0.2*x1', '2*x2'], steps: 15 }],
    ['Nesterov', { method: 'nesterov' }],
    ['plain GD', { method: 'gd', gammas: Float64Array.of(0, 0.5) }],
    ['a non-quadratic objective', { objective: 'log(1 + x1^2) + 0.5*x2^2 + sin(x1)/10', start: [2, -1], etas: linspace(0.05, 0.8, 8), gammas: linspace(0, 0.8, 5), steps: 60 }],
  ])('%s: each config diverges where its single run does and ends where it ends', async (_, overrides) => {
    const request = sweep(overrides);
    const { diverged } = expectMatchesSingleRuns(request, await sweep2d(request));
    expect(diverged).toBeLessThan(request.etas.length * request.gammas.length);
  });

  test('γ = 0 in a momentum sweep is plain gradient descent, bit for bit', async () => {
    const momentum = await sweep2d(sweep({ gammas: Float64Array.of(0) }));
    const gd = await sweep2d(sweep({ method: 'gd', gammas: Float64Array.of(0.7) }));
    expect(momentum.finalF).toEqual(gd.finalF);
    expect(momentum.divergedAt).toEqual(gd.divergedAt);
  });

  test('on the quadratic, configs well outside the heavy ball’s region diverge and those well inside converge', async () => {
    const request = sweep({ etas: linspace(0.02, 1.0, 32), gammas: linspace(0, 0.95, 32), steps: 400 });
    const result = await sweep2d(request);
    const seen = { inside: 0, outside: 0 };
    request.gammas.forEach((gamma, r) => {
      request.etas.forEach((eta, c) => {
        const rate = overallRate('momentum', eta, gamma, [0.2, 4]);
        const i = r * request.etas.length + c;
        if (rate > 1.1) {
          seen.outside += 1;
          expect(result.divergedAt[i], `η ${eta}, γ ${gamma}`).toBeGreaterThan(0);
        } else if (rate < 0.97) {
          seen.inside += 1;
          expect(result.divergedAt[i]).toBe(-1);
          expect(result.finalF[i]).toBeLessThan(10.5 * (0.97 ** 400) * 100);
        }
      });
    });
    expect(seen.inside).toBeGreaterThan(100);
    expect(seen.outside).toBeGreaterThan(100);
  });

  test('failures are values: a bad formula, too many configs, a non-finite start', async () => {
    expect(await runSweep2D(sweep({ objective: '0.1*x1^2 +' }))).toMatchObject({ kind: 'failure', reason: 'parse' });
    expect(await runSweep2D(sweep({ etas: linspace(0, 1, 33), gammas: linspace(0, 1, 32) }))).toMatchObject({ kind: 'failure', subject: 'axes' });
    expect(await runSweep2D(sweep({ objective: 'log(x1)', start: [-1, 0] }))).toMatchObject({ kind: 'failure', reason: 'nonFiniteStart' });
  });

  test('reports progress, stops when told and leaves no tensor behind', async () => {
    const before = tf.memory().numTensors;
    await sweep2d(sweep());
    expect(tf.memory().numTensors).toBe(before);
    const progress: ComputeProgress[] = [];
    const outcome = await runSweep2D(sweep({ steps: 1000 }), { onProgress: (p) => progress.push(p), shouldStop: () => progress.length >= 2 });
    expect(outcome).toBe('stopped');
    expect(progress.map((p) => p.done)).toEqual([32, 64]);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('a regression sweep is the grid of the reference’s runs', () => {
  const regressionSweep = (lrs: Float64Array, momenta: Float64Array, seed = 2): RegressionSweepRequest => {
    const { kind: _kind, configs: _configs, ...settings } = chapterRequest(seed);
    return { ...settings, kind: 'regressionSweep', convention: 'mxnet', lrs, momenta };
  };

  test.each([
    ['4 × 4, some diverging', linspace(0.1, 3, 4), linspace(0, 0.99, 4)],
    ['32 × 32 = 1,024 configs in one program', linspace(0.02, 1.5, 32), linspace(0, 0.99, 32)],
  ])('%s: final loss and divergence step per config', async (_, lrs, momenta) => {
    const request = regressionSweep(lrs, momenta);
    const outcome = await trainRegressionSweep(request);
    if (outcome.status !== 'ok') throw new Error('stopped');
    const { result } = outcome;
    const reference = regressionSweepReference(request);
    expect(result.finalLoss).toHaveLength(lrs.length * momenta.length);
    let diverged = 0;
    reference.divergedAt.forEach((step, i) => {
      if (step >= 0) {
        diverged += 1;
        expect(Math.abs(result.divergedAt[i] - step)).toBeLessThanOrEqual(1);
        return;
      }
      expect(result.divergedAt[i]).toBe(-1);
      const loss = reference.finalLoss[i];
      expect(Math.abs(result.finalLoss[i] - loss)).toBeLessThanOrEqual(2e-3 * loss);
      for (let j = 0; j < 3; j += 1) {
        const expected = reference.finalParams[3 * i + j];
        expect(Math.abs(result.finalParams[3 * i + j] - expected), `config ${i} (lr ${lrs[i % lrs.length]}, mom ${momenta[Math.floor(i / lrs.length)]}), param ${j}`).toBeLessThan(2e-3 * Math.max(1, Math.abs(expected)));
      }
    });
    expect(diverged).toBeGreaterThan(0);
    expect(diverged).toBeLessThan(result.finalLoss.length);
  });
});
