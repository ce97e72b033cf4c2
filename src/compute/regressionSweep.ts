/**
 * A regression over a grid of (lr, momentum): the grid's configs in one batched request to the
 * engine, summarised per config (final loss, divergence step, final parameters; see
 * summariseSweep in core/regressionBatch.ts) so that a 32 × 32 sweep answers with a few
 * kilobytes instead of 1,024 loss histories.
 */
import type { RegressionSweepRequest, RegressionSweepResult } from '../core/runTypes';
import { sweepAsRegression, summariseSweep } from '../core/regressionBatch';
import { trainRegressionBatch, type RegressionEngineOptions } from './regressionEngine';

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
