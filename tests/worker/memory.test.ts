/**
 * Memory stays flat under editing: a sheet whose regressions and sweep re-run on every edit, driven
 * through the same sheet session (engine, job planning, compute API) as the CLI and the worker, 1,000 times.
 * The tensor count and the wasm bytes must come back exactly; the JS heap, measured after a full
 * garbage collection, must not grow by more than a small fraction of what the edits allocated.
 */
import { expect, test } from 'vitest';
import v8 from 'node:v8';
import vm from 'node:vm';
import * as tf from '@tensorflow/tfjs-core';
import { createComputeApi } from '../../src/compute/computeApi';
import type { ComputeService } from '../../src/compute/computeService';
import { initTfBackend } from '../../src/compute/tfBackend';
import { createSheetSession } from '../../src/session/sheetSession';

v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

/** Heap and wasm memory after a full collection (twice: finalizers may free more on the second). */
function memory() {
  collectGarbage();
  collectGarbage();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  const { numTensors, numBytes } = tf.memory();
  return { heapUsed, arrayBuffers, numTensors, numBytes };
}

const EDITS = 1000;
const WARM_UP = 100;

test('1,000 edits that re-run regressions and a sweep leave tensors and heaps where they started', { timeout: 600_000 }, async () => {
  const momenta = [0, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 0.99];
  const cells: Record<string, string> = {
    A1: '0.1',
    B1: '=0.1*x1^2 + 2*x2^2',
    C1: '=SWEEP(B1, -5, -2, LINSPACE(A1/4, A1*4, 8), LINSPACE(0, 0.9, 8), 30)',
    C2: '=C1.best',
  };
  momenta.forEach((momentum, i) => (cells[`D${i + 1}`] = `=REGRESSION(A1, ${momentum}, 1)`));
  const api = createComputeApi({ initTfBackend });
  let jobs = 0;
  let failures = 0;
  // The real compute API, with the jobs the session sends it counted.
  const compute: ComputeService = {
    compute: async (key, request, onProgress) => {
      jobs += 1;
      const outcome = await api.compute(key, request, onProgress);
      if (outcome.status === 'failed') failures += 1;
      return outcome;
    },
    cancel: (key) => api.cancel(key),
  };
  const session = createSheetSession({ compute, initial: { rows: 20, cols: 8, cells, names: {}, colWidths: {}, charts: [], pins: [] } });
  const { engine } = session;
  let rev = 0;
  const edit = async (i: number) => {
    rev += 1;
    await session.apply(rev, { kind: 'setCells', entries: [['A1', String(0.05 + (i % 997) * 1e-4)]] });
    await session.settle();
  };

  for (let i = 0; i < WARM_UP; i += 1) await edit(i);
  const before = memory();
  jobs = 0;
  for (let i = WARM_UP; i < WARM_UP + EDITS; i += 1) await edit(i);
  const after = memory();

  // Every edit re-ran the batched regression (K = 8) and the sweep (64 configs).
  expect(failures).toBe(0);
  expect(jobs).toBe(2 * EDITS);
  expect(engine.value('D8').kind).toBe('run');
  expect(engine.value('C2').kind).toBe('number');
  expect(after.numTensors).toBe(before.numTensors);
  expect(after.numBytes).toBe(before.numBytes);
  // The edits allocated 1,000 × 8 histories of 101 losses (~6.5 MB) and as many sweep results;
  // keeping even a third of them would show. (The engine's result cache is full after the warm-up.)
  expect(after.heapUsed + after.arrayBuffers - (before.heapUsed + before.arrayBuffers)).toBeLessThan(2_000_000);
});
