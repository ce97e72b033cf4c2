/**
 * The regression experiment and the sweeps: the batched tfjs (wasm) engine against the plain
 * float64 TypeScript references, which run one config after another (tests/reference). Cases:
 * the chapter's three runs (K = 3); (lr, momentum) sweeps of 16 × 16 and 32 × 32 configs;
 * N = 10⁶ examples for one epoch; a 32 × 32 (η, γ) sweep of 2-D runs.
 */
import * as tf from '@tensorflow/tfjs-core';
import { initTfBackend } from '../../src/compute/tfBackend';
import { chooseProgram, trainRegressionBatch } from '../../src/compute/regressionEngine';
import { trainRegressionSweep } from '../../src/compute/regressionSweep';
import { runSweep2D } from '../../src/compute/sweep2d';
import { lossRecordStride } from '../../src/core/regressionPlan';
import { runRegressionReference } from '../../tests/reference/regressionReference';
import { chapterConfigs, chapterRequest, sweepConfigs } from '../../tests/reference/chapterRuns';
import { linspace, regressionSweepReference, sweep2DCompiledOnce, sweep2DReference } from '../../tests/reference/sweeps';
import type { RegressionRequest, RegressionResult, RegressionSweepRequest, RegressionSweepResult, Sweep2DRequest, Sweep2DResult } from '../../src/core/runTypes';
import { measure, type BenchSuite, type Measurement } from '../harness';
import type { BenchRow } from '../table';

/** No yields inside a run: the bench measures computation, not event-loop turns. */
const NO_YIELDS = { yieldEvery: Number.MAX_SAFE_INTEGER, chunkSteps: Number.MAX_SAFE_INTEGER } as const;

async function engine(request: RegressionRequest): Promise<RegressionResult> {
  const outcome = await trainRegressionBatch(request, NO_YIELDS);
  if (outcome.status !== 'ok') throw new Error('bench run stopped');
  return outcome.result;
}

async function engineSweep(request: RegressionSweepRequest): Promise<RegressionSweepResult> {
  const outcome = await trainRegressionSweep(request, NO_YIELDS);
  if (outcome.status !== 'ok') throw new Error('bench run stopped');
  return outcome.result;
}

async function engineSweep2D(request: Sweep2DRequest): Promise<Sweep2DResult> {
  const result = await runSweep2D(request, { chunkSteps: 64 });
  if (result === 'stopped' || result.kind === 'failure') throw new Error('bench sweep failed');
  return result;
}

const relative = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

/** Largest relative loss difference before any divergence: a sanity check printed with the timing. */
function maxRelativeDifference(a: RegressionResult, b: RegressionResult): number {
  let worst = 0;
  const stride = b.lossStride ?? 1;
  a.losses.forEach((losses, k) => {
    const end = Math.min(Math.ceil((a.divergedAt[k] ?? Infinity) / stride), Math.ceil((b.divergedAt[k] ?? Infinity) / stride), losses.length);
    for (let t = 0; t < end; t += 1) worst = Math.max(worst, relative(losses[t], b.losses[k][t]));
  });
  return worst;
}

/**
 * The same for grids: final values of configs that did not diverge in either, relative to the
 * expected value but at least to `floor` (f of a fast run ends near 0, where float32 and float64
 * part completely), and how many divergence steps differ.
 */
function gridAgreement(final: Float64Array, expected: Float64Array, divergedAt: Int32Array, expectedDivergedAt: Int32Array, floor = 0): string {
  let worst = 0;
  let differing = 0;
  final.forEach((value, i) => {
    if (divergedAt[i] !== expectedDivergedAt[i]) differing += 1;
    else if (divergedAt[i] < 0) worst = Math.max(worst, Math.abs(value - expected[i]) / Math.max(Math.abs(expected[i]), floor));
  });
  return `max rel. diff ${worst.toExponential(1)}${floor > 0 ? ` (floor ${floor})` : ''}, ${differing} divergence steps differ`;
}

export const regressionSuite: BenchSuite = {
  name: 'regression',
  async run(): Promise<BenchRow[]> {
    const initStarted = performance.now();
    await initTfBackend();
    const initMs = performance.now() - initStarted;
    const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');

    const chapter = chapterRequest(1);
    const chapterSingles = chapterConfigs().map((config) => chapterRequest(1, [config]));
    const sweep256 = chapterRequest(1, sweepConfigs(16, 16));
    const { kind: _kind, configs: _configs, ...chapterSettings } = chapterRequest(1);
    const sweep1024: RegressionSweepRequest = { ...chapterSettings, kind: 'regressionSweep', convention: 'mxnet', lrs: linspace(0.02, 1.5, 32), momenta: linspace(0, 0.99, 32) };
    const million = chapterRequest(1, [{ lr: 0.2, momentum: 0.9, convention: 'mxnet' }], {
      data: { n: 1_000_000, trueW: [2, -3.4], trueB: 4.2, noise: 0.01, seed: 1 },
      epochs: 1,
      decayEpoch: null,
    });
    const sweep2d = (steps: number): Sweep2DRequest => ({
      kind: 'sweep2d',
      method: 'momentum',
      objective: '0.1*x1^2 + 2*x2^2',
      gradient: null,
      start: [-5, -2],
      etas: linspace(0.02, 1, 32),
      gammas: linspace(0, 0.95, 32),
      steps,
    });
    const firstRunStarted = performance.now();
    await engine(chapter);
    const firstRunMs = performance.now() - firstRunStarted;

    const agreement = async (request: RegressionRequest) =>
      `max rel. loss diff ${maxRelativeDifference(await engine(request), runRegressionReference(request)).toExponential(1)}`;
    const sweepAgreement = async () => {
      const [a, b] = [await engineSweep(sweep1024), regressionSweepReference(sweep1024)];
      return gridAgreement(a.finalLoss, b.finalLoss, a.divergedAt, b.divergedAt);
    };
    const sweep2dAgreement = async (request: Sweep2DRequest) => {
      const [a, b] = [await engineSweep2D(request), sweep2DReference(request)];
      return gridAgreement(a.finalF, b.finalF, a.divergedAt, b.divergedAt, 1e-6);
    };
    const millionStride = lossRecordStride(million.epochs * 100_000);
    const slow = { runs: 3, warmups: 1 } as const;

    const ms = (m: Measurement) => ({ value: m.medianMs, unit: 'ms' as const });
    const versus = (
      measure: string,
      baseline: { label: string; measurement: Measurement },
      measured: Measurement,
      extra: { target?: number; note?: string } = {},
    ): BenchRow => ({
      measure,
      measured: ms(measured),
      baseline: { label: baseline.label, quantity: ms(baseline.measurement) },
      ...(extra.target !== undefined ? { target: { kind: 'speedUp' as const, value: extra.target } } : {}),
      ...(extra.note !== undefined ? { note: extra.note } : {}),
    });

    const chapterReference = { label: 'TS reference, 3 configs in turn', measurement: await measure(() => runRegressionReference(chapter)) };
    const rows: BenchRow[] = [
      versus('regression, chapter K=3: tfjs batched (1 program)', chapterReference, await measure(() => engine(chapter)), { note: await agreement(chapter) }),
      versus('regression, chapter K=3: tfjs unbatched (3 programs)', chapterReference, await measure(async () => { for (const single of chapterSingles) await engine(single); })),
      versus(
        'sweep K=256 (16×16 lr, mom): one batched program',
        { label: 'TS reference, 256 configs in turn', measurement: await measure(() => runRegressionReference(sweep256)) },
        await measure(() => engine(sweep256)),
        { target: 13, note: await agreement(sweep256) },
      ),
      versus(
        'sweep K=1,024 (32×32 lr, mom): one batched program',
        { label: 'TS reference, 1,024 configs in turn', measurement: await measure(() => regressionSweepReference(sweep1024), { runs: 5 }) },
        await measure(() => engineSweep(sweep1024), { runs: 5 }),
        { target: 10, note: await sweepAgreement() },
      ),
      versus(
        `N=10⁶, 1 epoch: tfjs engine (${chooseProgram(1, millionStride)})`,
        { label: 'TS reference', measurement: await measure(() => runRegressionReference(million), slow) },
        await measure(() => engine(million), slow),
        { target: 2, note: `${await agreement(million)}; loss every ${millionStride} steps over all 10⁶ examples; data set and Gram matrices included` },
      ),
    ];
    for (const steps of [15, 200]) {
      const request = sweep2d(steps);
      const reference = { label: 'runPath2D, 1,024 runs in turn', measurement: await measure(() => sweep2DReference(request)) };
      rows.push(
        versus(`2-D sweep 32×32, ${steps} steps: plain TS, objective compiled once`, reference, await measure(() => sweep2DCompiledOnce(request))),
        versus(`2-D sweep 32×32, ${steps} steps: tfjs batched (1 program)`, reference, await measure(() => engineSweep2D(request)), { note: await sweep2dAgreement(request) }),
      );
    }
    rows.push({
      measure: `tfjs cold start: backend init (SIMD ${simd ? 'on' : 'off'}) + first K=3 run`,
      measured: { value: initMs + firstRunMs, unit: 'ms' },
      note: `init ${initMs.toFixed(0)} ms, first run ${firstRunMs.toFixed(0)} ms`,
    });
    return rows;
  },
};
