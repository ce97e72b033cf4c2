/**
 * The batched tfjs engine against the float64 reference: same plan, same data, so the only
 * difference allowed is float32 rounding.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { initTfBackend } from '../../src/compute/tfBackend';
import { trainRegressionBatch, type RegressionEngineOutcome } from '../../src/compute/regressionEngine';
import { runRegressionReference } from '../reference/regressionReference';
import { chapterConfigs, chapterRequest, sweepConfigs } from '../reference/chapterRuns';
import type { ComputeProgress, RegressionConfig, RegressionRequest, RegressionResult } from '../../src/core/runTypes';
import { expectMatchesReference } from './engineHelpers';

beforeAll(initTfBackend);

async function train(request: RegressionRequest): Promise<RegressionResult> {
  const outcome: RegressionEngineOutcome = await trainRegressionBatch(request);
  if (outcome.status !== 'ok') throw new Error('the run stopped unexpectedly');
  return outcome.result;
}

describe('the tfjs engine matches the float64 reference', () => {
  test.each([1, 2, 3])('the chapter’s three runs, batched as one program (seed %i)', async (seed) => {
    const request = chapterRequest(seed);
    expectMatchesReference(await train(request), runRegressionReference(request));
  });

  test('mixed conventions, momenta and learning rates in one program', async () => {
    const configs: RegressionConfig[] = [
      { lr: 0.2, momentum: 0.9, convention: 'mxnet' },
      { lr: 0.2, momentum: 0.9, convention: 'pytorch' },
      { lr: 0.05, momentum: 0.99, convention: 'pytorch' },
      { lr: 0.2, momentum: 0, convention: 'mxnet' },
      { lr: 0.3, momentum: 0.5, convention: 'pytorch' },
    ];
    const request = chapterRequest(4, configs, { epochs: 4 });
    expectMatchesReference(await train(request), runRegressionReference(request));
  });

  test('a short last minibatch and no decay (n = 1005, batch 16)', async () => {
    const request = chapterRequest(5, chapterConfigs('pytorch'), {
      data: { n: 1005, trueW: [1, 2], trueB: -1, noise: 0.1, seed: 5 },
      batchSize: 16,
      decayEpoch: null,
    });
    const result = await train(request);
    expect(result.stepsPerEpoch).toBe(63);
    expectMatchesReference(result, runRegressionReference(request));
  });

  test('a diverging config is flagged at the same step and does not disturb its neighbours', async () => {
    const request = chapterRequest(6, [
      { lr: 0.2, momentum: 0.5, convention: 'mxnet' },
      { lr: 5, momentum: 0.9, convention: 'mxnet' },
      { lr: 0.2, momentum: 0.9, convention: 'pytorch' },
    ]);
    const result = await train(request);
    const divergedAt = result.divergedAt[1];
    expect(divergedAt).not.toBeNull();
    // Losses are blanked after the first one beyond the hard bound, which comes after divergence was evident.
    const bound = result.losses[1].findIndex((loss) => !(loss <= 1e12));
    expect(bound).toBeGreaterThanOrEqual(divergedAt ?? Infinity);
    expect(result.losses[1].subarray(bound + 1).every(Number.isNaN)).toBe(true);
    expectMatchesReference(result, runRegressionReference(request), 1);
  });

  test('plain SGD, its own program with no velocity, matches the reference and momentum 0 loss for loss', async () => {
    const request = chapterRequest(1, [
      { lr: 0.2, momentum: 0.9, convention: 'mxnet' },
      { lr: 0.2, momentum: 0, convention: 'mxnet', optimizer: 'sgd' },
      { lr: 0.2, momentum: 0, convention: 'mxnet' },
    ]);
    const result = await train(request);
    expectMatchesReference(result, runRegressionReference(request));
    // Exercise 2: momentum 0 is plain minibatch SGD; two different update rules, the same numbers.
    expect(result.losses[1]).toEqual(result.losses[2]);
    expect(result.finalParams[1]).toEqual(result.finalParams[2]);
    // And the momentum run in the same request is not disturbed by the split.
    expectMatchesReference({ ...result, losses: [result.losses[0]], finalParams: [result.finalParams[0]], divergedAt: [result.divergedAt[0]] }, runRegressionReference({ ...request, configs: [request.configs[0]] }));
  });

  test('a 256-config (lr, momentum) sweep in one program, some of it diverging', async () => {
    const request = chapterRequest(7, sweepConfigs(16, 16));
    const expected = runRegressionReference(request);
    expect(expected.divergedAt.filter((step) => step !== null).length).toBeGreaterThan(5);
    expectMatchesReference(await train(request), expected, 1);
  });
});

describe('tensor hygiene and control', () => {
  test('a finished run leaves no tensor behind', async () => {
    const before = tf.memory().numTensors;
    await train(chapterRequest(1));
    expect(tf.memory().numTensors).toBe(before);
  });

  test('a run told to stop resolves "stopped", leaves no tensor behind, and stopped early', async () => {
    const before = tf.memory().numTensors;
    const progress: ComputeProgress[] = [];
    const outcome = await trainRegressionBatch(chapterRequest(1), {
      yieldEvery: 10,
      onProgress: (p) => progress.push(p),
      shouldStop: () => progress.length >= 3,
    });
    expect(outcome.status).toBe('stopped');
    expect(tf.memory().numTensors).toBe(before);
    expect(progress.map((p) => p.done)).toEqual([10, 20, 30]);
  });

  test('a long run holds a bounded number of tensors, not a few per step', async () => {
    const counts: number[] = [];
    const request = chapterRequest(1, chapterConfigs(), { epochs: 30 }); // 3000 steps
    await trainRegressionBatch(request, { yieldEvery: 100, onProgress: () => counts.push(tf.memory().numTensors) });
    // Minibatches are built 256 steps at a time (2 tensors each) and the parameter history is
    // merged every 32 steps: about 600 tensors here, against ~9000 if kept per step.
    expect(Math.max(...counts)).toBeLessThan(1000);
  });

  test('progress counts training steps up to the total', async () => {
    const progress: ComputeProgress[] = [];
    await trainRegressionBatch(chapterRequest(1), { yieldEvery: 32, onProgress: (p) => progress.push(p) });
    expect(progress.every((p) => p.total === 300)).toBe(true);
    expect(progress.map((p) => p.done)).toEqual([32, 64, 96, 128, 160, 192, 224, 256, 288, 300]);
  });
});
