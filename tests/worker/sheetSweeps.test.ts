/**
 * Sweep cells and data-range regressions end to end, as the CLI and the worker run them: the
 * sheet session (engine → job planning → compute API on tfjs wasm) → cells, checked against the
 * float64 references.
 */
import { expect, test } from 'vitest';
import { SheetEngine } from '../../src/sheet/engine';
import { createInProcessSession } from '../../src/session/inProcess';
import type { RegressionRequest, RegressionSweepRequest, Sweep2DRequest } from '../../src/core/runTypes';
import { regressionSweepReference, sweep2DReference } from '../reference/sweeps';
import { runRegressionReference } from '../reference/regressionReference';
import { linearTable } from '../reference/dataTables';

test('SWEEP, REGRESSION_SWEEP and REGRESSION on a data range settle through the compute API', async () => {
  const table = linearTable(300, [2, -1], 0.5);
  const cells: Record<string, string> = {
    H1: '=0.1*x1^2 + 2*x2^2',
    H2: '=SWEEP(H1, -5, -2, LINSPACE(0.05, 1, 32), LINSPACE(0, 0.9, 32), 50)',
    H3: '=H2.best',
    H4: '=REGRESSION_SWEEP(LINSPACE(0.05, 1, 16), LINSPACE(0, 0.95, 16))',
    H5: '=H4.best',
    H6: '=REGRESSION(0.05, 0.9, 5, 10, 3, "mxnet", A1:C300)',
    H7: '=H6.b',
  };
  for (let i = 0; i < 300; i += 1) {
    cells[`A${i + 1}`] = String(table.features[2 * i]);
    cells[`B${i + 1}`] = String(table.features[2 * i + 1]);
    cells[`C${i + 1}`] = String(table.labels[i]);
  }
  const state = { rows: 320, cols: 10, cells, names: {}, colWidths: {}, charts: [], pins: [] };
  const requests = new Map(new SheetEngine(state).runNeeds().flatMap((need) => need.cells.map((cell) => [cell, need.request] as const)));
  const session = createInProcessSession(state);
  await session.settle();
  const { engine } = session;
  const number = (address: string) => {
    const value = engine.value(address);
    if (value.kind !== 'number') expect.fail(`${address} holds ${JSON.stringify(value)}`);
    return value.value;
  };
  const bestOf = (final: Float64Array, divergedAt: Int32Array) => Math.min(...Array.from(final).filter((_, i) => divergedAt[i] < 0));
  const sweep = sweep2DReference(requests.get('H2') as Sweep2DRequest);
  expect(number('H3')).toBeCloseTo(bestOf(sweep.finalF, sweep.divergedAt), 6);
  const regressionSweep = regressionSweepReference(requests.get('H4') as RegressionSweepRequest);
  const bestLoss = bestOf(regressionSweep.finalLoss, regressionSweep.divergedAt);
  expect(Math.abs(number('H5') - bestLoss)).toBeLessThan(2e-3 * bestLoss);
  const own = runRegressionReference(requests.get('H6') as RegressionRequest);
  expect(number('H7')).toBeCloseTo(own.finalParams[0][2], 3);
});
