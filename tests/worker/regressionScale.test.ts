/**
 * Long runs and the user's own data: bounded loss histories, the interval program against the
 * stepwise one and the float64 reference, and tables of 1 to 3 features against least squares.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { initTfBackend } from '../../src/compute/tfBackend';
import { chooseProgram, trainRegressionBatch, type TrainingProgram } from '../../src/compute/regressionEngine';
import { MAX_LOSS_POINTS, recordedSteps } from '../../src/core/regressionPlan';
import type { ComputeProgress, RegressionConfig, RegressionRequest, RegressionResult } from '../../src/core/runTypes';
import { runRegressionReference, meanSquaredLoss } from '../reference/regressionReference';
import { chapterRequest, TRUE_B, TRUE_W } from '../reference/chapterRuns';
import { leastSquaresTable, linearTable, tableRequest } from '../reference/dataTables';
import { regressionData } from '../../src/core/syntheticData';
import { expectMatchesReference } from './engineHelpers';

beforeAll(initTfBackend);

async function train(request: RegressionRequest, program?: TrainingProgram): Promise<RegressionResult> {
  const outcome = await trainRegressionBatch(request, { program });
  if (outcome.status !== 'ok') throw new Error('the run stopped unexpectedly');
  return outcome.result;
}

const PROGRAMS: readonly TrainingProgram[] = ['intervals', 'stepwise'];
const mixed: RegressionConfig[] = [
  { lr: 0.2, momentum: 0.9, convention: 'mxnet' },
  { lr: 0.1, momentum: 0.5, convention: 'pytorch' },
  { lr: 0.05, momentum: 0, convention: 'mxnet' },
];
/** n examples of the chapter's data set (seed 3). */
const generated = (n: number) => ({ n, trueW: TRUE_W, trueB: TRUE_B, noise: 0.01, seed: 3 });

describe('long runs record a bounded loss history', () => {
  test('4,000 steps record every 4th loss and the last: 1,001 points, as the reference does', async () => {
    const request = chapterRequest(3, mixed, { data: generated(40_000), epochs: 1, decayEpoch: null });
    const result = await train(request);
    expect(result.lossStride).toBe(4);
    expect(result.losses.every((losses) => losses.length === MAX_LOSS_POINTS)).toBe(true);
    expectMatchesReference(result, runRegressionReference(request));
  });

  test.each(PROGRAMS)('the %s program matches the reference across an lr decay, with a short last interval', async (program) => {
    // 2 epochs of 1,001 steps: stride 4, and 2,002 steps leave a last interval of 2 steps.
    const request = chapterRequest(4, mixed, { data: generated(10_005), epochs: 2, decayEpoch: 1 });
    const result = await train(request, program);
    expect(result.lossStride).toBe(4);
    expect(result.losses[0]).toHaveLength(Array.from(recordedSteps(2002, 4)).length);
    expectMatchesReference(result, runRegressionReference(request));
  });

  test('both programs flag a diverging config at a recorded step, as the reference does', async () => {
    const configs: RegressionConfig[] = [mixed[0], { lr: 3, momentum: 0.9, convention: 'mxnet' }];
    const request = chapterRequest(5, configs, { data: generated(20_000), epochs: 1, decayEpoch: null });
    const reference = runRegressionReference(request);
    expect(reference.divergedAt[1]).not.toBeNull();
    for (const program of PROGRAMS) {
      const result = await train(request, program);
      expect(result.divergedAt[0]).toBeNull();
      // A recorded step, so a multiple of the stride; float32 may cross the bound one record apart.
      expect((result.divergedAt[1] ?? -1) % 2).toBe(0);
      expectMatchesReference(result, reference, 2);
    }
  });

  test('a long run of few configs trains by intervals, a sweep or a short run step by step', () => {
    expect(chooseProgram(1, 128)).toBe('intervals');
    expect(chooseProgram(3, 1)).toBe('stepwise');
    expect(chooseProgram(1024, 1)).toBe('stepwise');
    expect(chooseProgram(1024, 128)).toBe('stepwise');
  });
});

describe('plain SGD is its own program, at any scale', () => {
  const sgd: RegressionConfig = { lr: 0.05, momentum: 0, convention: 'mxnet', optimizer: 'sgd' };

  test.each(PROGRAMS)('the %s program trains plain SGD beside momentum configs over a long run with a decay, as the reference does', async (program) => {
    const request = chapterRequest(6, [mixed[0], sgd, mixed[1]], { data: generated(10_005), epochs: 2, decayEpoch: 1 });
    const result = await train(request, program);
    expect(result.lossStride).toBe(4);
    expect(result.finalParams.map((params) => params.length)).toEqual([3, 3, 3]);
    expectMatchesReference(result, runRegressionReference(request));
  });

  test.each(PROGRAMS)('the %s program trains plain SGD on a one-feature data table to its least-squares fit', async (program) => {
    const data = linearTable(12_000, [2.5], 1);
    const request = tableRequest(data, [{ ...sgd, lr: 0.1 }], { epochs: 1, decayEpoch: null });
    const result = await train(request, program);
    expect(result.lossStride).toBe(2);
    expectMatchesReference(result, runRegressionReference(request));
    const fit = leastSquaresTable(data);
    result.finalParams[0].forEach((value, j) => expect(Math.abs(value - fit[j])).toBeLessThan(0.01));
  });

  test('plain SGD and momentum 0 agree, by intervals as step by step', async () => {
    const request = chapterRequest(7, [sgd, { lr: 0.05, momentum: 0, convention: 'mxnet' }], { data: generated(20_000), epochs: 1, decayEpoch: null });
    for (const program of PROGRAMS) {
      const result = await train(request, program);
      expect(result.lossStride).toBe(2);
      result.losses[0].forEach((loss, i) => expect(Math.abs(loss - result.losses[1][i])).toBeLessThanOrEqual(1e-5 * loss));
    }
  });
});

describe('the interval program under control', () => {
  test('stops when told, frees its tensors, and reports progress in steps', async () => {
    const before = tf.memory().numTensors;
    const progress: ComputeProgress[] = [];
    const request = chapterRequest(1, mixed, { data: generated(100_000), epochs: 1, decayEpoch: null });
    const outcome = await trainRegressionBatch(request, { program: 'intervals', onProgress: (p) => progress.push(p), shouldStop: () => progress.length >= 2 });
    expect(outcome.status).toBe('stopped');
    expect(tf.memory().numTensors).toBe(before);
    expect(progress[0].total).toBe(10_000);
    expect(progress[1].done).toBeGreaterThan(progress[0].done);
  });

  test('a finished run leaves no tensor behind', async () => {
    const before = tf.memory().numTensors;
    await train(chapterRequest(1, mixed, { data: generated(30_000), epochs: 1 }), 'intervals');
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('the user’s own data', () => {
  test.each([
    [[2.5], 1],
    [[2, -3.4], 0.5],
    [[1.5, -2, 0.5], -3],
  ])('a table with weights %j and bias %d trains to its least-squares fit, as the reference does', async (w, b) => {
    const data = linearTable(2000, w, b);
    const request = tableRequest(data, [{ lr: 0.05, momentum: 0.9, convention: 'mxnet' }, { lr: 0.1, momentum: 0.5, convention: 'pytorch' }], { epochs: 6, decayEpoch: 4 });
    const result = await train(request);
    expectMatchesReference(result, runRegressionReference(request));
    const fit = leastSquaresTable(data);
    const optimum = meanSquaredLoss(regressionData(data), fit);
    for (const params of result.finalParams) {
      expect(params).toHaveLength(w.length + 1);
      params.forEach((value, j) => expect(Math.abs(value - fit[j])).toBeLessThan(0.01));
    }
    for (const losses of result.losses) expect(losses.at(-1)).toBeLessThan(optimum * 1.05 + 1e-6);
  });

  test('a table of 10⁵ rows (the most a sheet range may give) trains as the reference does', async () => {
    const request = tableRequest(linearTable(100_000, [0.5, 1, -1], 2, 0.1, 9), [{ lr: 0.1, momentum: 0.9, convention: 'mxnet' }], { epochs: 1, batchSize: 50, decayEpoch: null });
    const result = await train(request);
    expect(result.lossStride).toBe(2);
    expectMatchesReference(result, runRegressionReference(request));
  });

  test('a table holding exactly the generated data set gives the generated run', async () => {
    const request = chapterRequest(2);
    const generatedData = regressionData(request.data);
    const table = { kind: 'table', n: generatedData.n, featureCount: 2, features: generatedData.features, labels: generatedData.labels } as const;
    const fromTable = await train({ ...request, data: table });
    const fromSpec = await train(request);
    expect(fromTable.losses).toEqual(fromSpec.losses);
    expect(fromTable.finalParams).toEqual(fromSpec.finalParams);
  });
});
