/**
 * The compute API as the sheet session calls it (in-process, inside the worker or the CLI):
 * every kind of run, superseding, cancelling, progress, and no tensor left behind.
 */
import { describe, expect, test, vi } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { createComputeApi } from '../../src/compute/computeApi';
import { initTfBackend } from '../../src/compute/tfBackend';
import { runPath2D } from '../../src/core/optimize2d';
import { computeContours } from '../../src/core/contours';
import { computeRateMap } from '../../src/core/rateMap';
import type { ComputeService } from '../../src/compute/computeService';
import type {
  ComputeOutcome,
  ComputeProgress,
  ComputeRequest,
  ContourRequest,
  Path2DRequest,
  RateMapRequest,
} from '../../src/core/runTypes';
import { runRegressionReference } from '../reference/regressionReference';
import { chapterRequest, sweepConfigs } from '../reference/chapterRuns';
import { expectMatchesReference } from './engineHelpers';
import { runSweep2D } from '../../src/compute/sweep2d';
import { linspace } from '../reference/sweeps';
import type { RegressionSweepRequest, Sweep2DRequest } from '../../src/core/runTypes';

// The session programs against ComputeService; the compute API must be one.
const service: ComputeService = createComputeApi({ initTfBackend });

const chapterPath: Path2DRequest = {
  kind: 'path2d',
  method: 'momentum',
  objective: '0.1*x1^2 + 2*x2^2',
  gradient: ['0.2*x1', '2*x2'],
  start: [-5, -2],
  eta: 0.9,
  gamma: 0.2,
  steps: 15,
};
const contours: ContourRequest = { kind: 'contours', objective: '0.1*x1^2 + 2*x2^2', x1Range: [-5.5, 1], x2Range: [-3, 1], levels: 8, resolution: 60 };
const rateMap: RateMapRequest = { kind: 'rateMap', eigenvalues: [0.2, 4], lrRange: [0, 1], momentumRange: [0, 0.9], width: 20, height: 10 };
/** Long enough that a newer request arrives while it trains. */
const slowRegression = chapterRequest(2, sweepConfigs(16, 16), { epochs: 30 });

/** A promise resolved from outside (Promise.withResolvers needs Node 22). */
function signal(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

function expectOk(outcome: ComputeOutcome): Extract<ComputeOutcome, { status: 'ok' }> {
  if (outcome.status !== 'ok') expect.fail(`expected ok, got ${JSON.stringify(outcome)}`);
  expect(outcome.elapsedMs).toBeGreaterThanOrEqual(0);
  return outcome;
}

describe('one endpoint for every kind of run', () => {
  test('a regression comes back as the batched engine computed it', async () => {
    const request = chapterRequest(1);
    const { result } = expectOk(await service.compute('regression', request));
    if (result.kind !== 'regression') expect.fail('wrong kind');
    expectMatchesReference(result, runRegressionReference(request));
  });

  test.each<[string, ComputeRequest, (r: never) => unknown]>([
    ['path2d', chapterPath, runPath2D],
    ['contours', contours, computeContours],
    ['rateMap', rateMap, computeRateMap],
  ])('a %s request is answered by its core function, typed arrays intact', async (_, request, compute) => {
    const { result } = expectOk(await service.compute(`run-${request.kind}`, request));
    expect(result).toEqual(compute(request as never));
  });

  test('failures are values: a formula error, a bad regression, an unknown kind', async () => {
    const badFormula = await service.compute('f', { ...chapterPath, objective: '0.1*x1^2 +' });
    expect(badFormula.status).toBe('failed');
    const badBatch = await service.compute('r', { ...chapterRequest(1), batchSize: 0 });
    expect(badBatch).toEqual({ status: 'failed', message: expect.stringContaining('batchSize') });
    const unknown = await service.compute('u', { kind: 'nonsense' } as unknown as ComputeRequest);
    expect(unknown).toEqual({ status: 'failed', message: expect.stringContaining('nonsense') });
  });
});

describe('superseding and cancelling', () => {
  test('a newer request with the same key supersedes the running one, which resolves first', async () => {
    const settled: string[] = [];
    const training = signal();
    const older = service.compute('cell', slowRegression, () => training.resolve()).then((o) => (settled.push('older'), o));
    await training.promise; // the older run is mid-training when the newer request arrives
    const newer = service.compute('cell', chapterRequest(3)).then((o) => (settled.push('newer'), o));
    expect(await older).toEqual({ status: 'superseded' });
    expectOk(await newer);
    expect(settled).toEqual(['older', 'newer']);
  });

  test('in a burst of requests for one key only the last one runs', async () => {
    const outcomes = await Promise.all([1, 2, 3].map((seed) => service.compute('burst', chapterRequest(seed))));
    expect(outcomes.map((o) => o.status)).toEqual(['superseded', 'superseded', 'ok']);
  });

  test('different keys do not disturb each other', async () => {
    const [a, b] = await Promise.all([service.compute('A', chapterRequest(1)), service.compute('B', chapterRequest(2))]);
    expectOk(a);
    expectOk(b);
  });

  test('cancel stops a run, which resolves "cancelled"; cancelling an idle key is harmless', async () => {
    const training = signal();
    const running = service.compute('to-cancel', slowRegression, () => training.resolve());
    await training.promise;
    service.cancel('to-cancel');
    service.cancel('never-used');
    expect(await running).toEqual({ status: 'cancelled' });
  });

  test('stopped runs free their tensors', async () => {
    // Wait until every run started above has noticed it was stopped and cleaned up.
    await vi.waitFor(() => expect(tf.memory().numTensors).toBe(0), { timeout: 10_000 });
  });
});

describe('progress', () => {
  test('is reported through the callback, counting up to the total', async () => {
    const reports: ComputeProgress[] = [];
    expectOk(await service.compute('progress', chapterRequest(1), (p) => reports.push(p)));
    await vi.waitFor(() => expect(reports.at(-1)).toEqual({ done: 300, total: 300 }));
    const done = reports.map((p) => p.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(done.length).toBeGreaterThan(2);
  });
});

describe('sweeps', () => {
  const sweep2d: Sweep2DRequest = { ...chapterPath, kind: 'sweep2d', etas: linspace(0.1, 1.2, 32), gammas: linspace(0, 0.9, 32) };
  const { kind: _kind, configs: _configs, ...settings } = chapterRequest(1);
  const regressionSweep: RegressionSweepRequest = { ...settings, kind: 'regressionSweep', convention: 'mxnet', lrs: linspace(0.05, 1, 32), momenta: linspace(0, 0.99, 32) };

  test('a 32 × 32 2-D sweep crosses the boundary with its typed arrays intact', async () => {
    const { result } = expectOk(await service.compute('sweep2d', sweep2d));
    expect(result).toEqual(await runSweep2D(sweep2d));
    if (result.kind !== 'sweep2d') expect.fail('wrong kind');
    expect(result.divergedAt).toBeInstanceOf(Int32Array);
  });

  test('a 1,024-config regression sweep reports progress and can be cancelled', async () => {
    const training = signal();
    const running = service.compute('sweep', { ...regressionSweep, epochs: 30 }, () => training.resolve());
    await training.promise;
    service.cancel('sweep');
    expect(await running).toEqual({ status: 'cancelled' });
    const reports: ComputeProgress[] = [];
    const { result } = expectOk(await service.compute('sweep', regressionSweep, (p) => reports.push(p)));
    if (result.kind !== 'regressionSweep') expect.fail('wrong kind');
    expect(result.finalLoss).toHaveLength(1024);
    await vi.waitFor(() => expect(reports.at(-1)).toEqual({ done: 300, total: 300 }));
  });

  test('a sweep with too many configurations fails as a value', async () => {
    const outcome = await service.compute('big', { ...regressionSweep, lrs: linspace(0, 1, 33) });
    expect(outcome).toEqual({ status: 'failed', message: expect.stringContaining('1024') });
  });
});
