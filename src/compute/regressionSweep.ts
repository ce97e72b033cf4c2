/**
 * A regression over a grid of (lr, momentum): the grid's configs in one batched request to the
 * engine, summarised per config (final loss, divergence step, final parameters) so that a
 * 32 × 32 sweep answers with a few kilobytes instead of 1,024 loss histories.
 */
import type { RegressionConfig, RegressionRequest, RegressionResult, RegressionSweepRequest, RegressionSweepResult } from '../core/runTypes';
import { trainRegressionBatch, type RegressionEngineOptions } from './regressionEngine';

/** The configs of the grid, row-major: row r is momenta[r], column c is lrs[c]. */
export function sweepConfigs(request: RegressionSweepRequest): RegressionConfig[] {
  const configs: RegressionConfig[] = [];
  for (const momentum of request.momenta) for (const lr of request.lrs) configs.push({ lr, momentum, convention: request.convention });
  return configs;
}

/** The batched request a sweep trains. `sweepAsRegression(sweep).configs.length === lrs.length · momenta.length` */
export function sweepAsRegression(request: RegressionSweepRequest): RegressionRequest {
  const { kind: _kind, convention: _convention, lrs: _lrs, momenta: _momenta, ...settings } = request;
  return { ...settings, kind: 'regression', configs: sweepConfigs(request) };
}

/** Reduce a batched result over the grid's configs to the sweep's summary. */
export function summariseSweep(request: RegressionSweepRequest, result: RegressionResult): RegressionSweepResult {
  const k = result.losses.length;
  const stride = result.lossStride ?? 1;
  const paramCount = result.finalParams[0]?.length ?? 0;
  const finalLoss = new Float64Array(k);
  const divergedAt = new Int32Array(k).fill(-1);
  const finalParams = new Float64Array(k * paramCount);
  result.losses.forEach((losses, i) => {
    const step = result.divergedAt[i];
    // A diverged config ends at its divergence point (the losses after it are blank).
    finalLoss[i] = step === null ? losses[losses.length - 1] : losses[Math.ceil(step / stride)];
    if (step !== null) divergedAt[i] = step;
    finalParams.set(result.finalParams[i], i * paramCount);
  });
  return {
    kind: 'regressionSweep',
    stepsPerEpoch: result.stepsPerEpoch,
    lrs: Float64Array.from(request.lrs),
    momenta: Float64Array.from(request.momenta),
    finalLoss,
    divergedAt,
    finalParams,
  };
}

/**
 * Train the whole grid as one program. `await trainRegressionSweep(sweep)` →
 * { status: 'ok', result: { finalLoss, divergedAt, … } } or { status: 'stopped' }.
 */
export async function trainRegressionSweep(
  request: RegressionSweepRequest,
  options: RegressionEngineOptions = {},
): Promise<{ readonly status: 'ok'; readonly result: RegressionSweepResult } | { readonly status: 'stopped' }> {
  const outcome = await trainRegressionBatch(sweepAsRegression(request), options);
  return outcome.status === 'ok' ? { status: 'ok', result: summariseSweep(request, outcome.result) } : outcome;
}
