/**
 * The real worker file (workers/compute.worker.ts, with the browser backend module) started by
 * the real client through `new Worker(new URL(...))`, emulated in-process by @vitest/web-worker.
 */
import '@vitest/web-worker';
import { afterAll, expect, test } from 'vitest';
import { createWorkerCompute } from '../../workers/client';
import { runRegressionReference } from '../reference/regressionReference';
import { chapterRequest } from '../reference/chapterRuns';
import type { ComputeProgress } from '../../src/core/runTypes';
import { expectMatchesReference } from './engineHelpers';

const compute = createWorkerCompute();
afterAll(() => compute.dispose());

test('the chapter’s three runs come back from the worker as the reference computes them', async () => {
  const request = chapterRequest(1);
  const progress: ComputeProgress[] = [];
  const outcome = await compute.compute('B3', request, (p) => progress.push(p));
  if (outcome.status !== 'ok' || outcome.result.kind !== 'regression') expect.fail(JSON.stringify(outcome));
  expectMatchesReference(outcome.result, runRegressionReference(request));
  expect(outcome.result.losses[0]).toBeInstanceOf(Float64Array);
  expect(progress.length).toBeGreaterThan(0);
});

test('superseding and failures work through the worker too', async () => {
  const [older, newer, broken] = await Promise.all([
    compute.compute('cell', chapterRequest(2)),
    compute.compute('cell', chapterRequest(3)),
    compute.compute('other', { ...chapterRequest(1), epochs: -1 }),
  ]);
  expect(older).toEqual({ status: 'superseded' });
  expect(newer.status).toBe('ok');
  expect(broken).toEqual({ status: 'failed', message: expect.stringContaining('epochs') });
});

test('after dispose, requests fail as values instead of hanging', async () => {
  const spare = createWorkerCompute();
  spare.dispose();
  expect(await spare.compute('x', chapterRequest(1))).toEqual({ status: 'failed', message: 'the compute worker was disposed' });
});
