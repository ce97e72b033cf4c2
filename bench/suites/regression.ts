/**
 * The regression experiment: the batched tfjs (wasm) engine against the plain float64
 * TypeScript reference, which trains one config after another. Two cases: the chapter's three
 * runs (K = 3), and a 16 × 16 (lr, momentum) sweep (K = 256).
 */
import * as tf from '@tensorflow/tfjs-core';
import { initTfBackend } from '../../src/compute/tfBackend';
import { trainRegressionBatch } from '../../src/compute/regressionEngine';
import { runRegressionReference } from '../../tests/reference/regressionReference';
import { chapterConfigs, chapterRequest, sweepConfigs } from '../../tests/reference/chapterRuns';
import type { RegressionRequest, RegressionResult } from '../../src/core/runTypes';
import { measure, type BenchRow, type BenchSuite } from '../harness';

async function engine(request: RegressionRequest): Promise<RegressionResult> {
  // No yields inside a run: the bench measures computation, not event-loop turns.
  const outcome = await trainRegressionBatch(request, { yieldEvery: Number.MAX_SAFE_INTEGER });
  if (outcome.status !== 'ok') throw new Error('bench run stopped');
  return outcome.result;
}

/** Largest relative loss difference before any divergence: a sanity check printed with the timing. */
function maxRelativeDifference(a: RegressionResult, b: RegressionResult): number {
  let worst = 0;
  a.losses.forEach((losses, k) => {
    const end = Math.min(a.divergedAt[k] ?? Infinity, b.divergedAt[k] ?? Infinity, losses.length);
    for (let t = 0; t < end; t += 1) worst = Math.max(worst, Math.abs(losses[t] - b.losses[k][t]) / b.losses[k][t]);
  });
  return worst;
}

export const regressionSuite: BenchSuite = {
  name: 'regression',
  description:
    'minibatch SGD with momentum, 1000 examples, batch 10, 3 epochs (301 losses per config): ' +
    'tfjs-wasm engine (all configs as one program) vs plain float64 TS reference (configs one after another)',
  async run(): Promise<BenchRow[]> {
    const initStarted = performance.now();
    await initTfBackend();
    const initMs = performance.now() - initStarted;
    const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');

    const chapter = chapterRequest(1);
    const chapterSingles = chapterConfigs().map((config) => chapterRequest(1, [config]));
    const sweep = chapterRequest(1, sweepConfigs(16, 16));
    const firstRunStarted = performance.now();
    await engine(chapter);
    const firstRunMs = performance.now() - firstRunStarted;

    const agreement = async (request: RegressionRequest) =>
      `max rel. loss diff ${maxRelativeDifference(await engine(request), runRegressionReference(request)).toExponential(1)}`;
    const rows: BenchRow[] = [
      { case: 'chapter K=3', implementation: 'TS reference ×3 configs', isBaseline: true, measurement: await measure(() => runRegressionReference(chapter)) },
      { case: 'chapter K=3', implementation: 'tfjs batched (1 program)', measurement: await measure(() => engine(chapter)), note: await agreement(chapter) },
      { case: 'chapter K=3', implementation: 'tfjs unbatched (3 programs)', measurement: await measure(async () => { for (const single of chapterSingles) await engine(single); }) },
      { case: 'sweep K=256', implementation: 'TS reference ×256 configs', isBaseline: true, measurement: await measure(() => runRegressionReference(sweep)) },
      { case: 'sweep K=256', implementation: 'tfjs batched (1 program)', measurement: await measure(() => engine(sweep)), note: await agreement(sweep) },
    ];
    rows.push({
      case: 'tfjs cold start',
      implementation: `backend init (SIMD ${simd ? 'on' : 'off'}) + first K=3 run`,
      measurement: { medianMs: initMs + firstRunMs, minMs: initMs + firstRunMs, maxMs: initMs + firstRunMs, runs: 1 },
      note: `init ${initMs.toFixed(0)} ms, first run ${firstRunMs.toFixed(0)} ms`,
    });
    return rows;
  },
};
