/**
 * A long regression records its loss every lossStride-th step (and after the last), at most 1,001
 * points. Wherever the session hands the series on (chart data, the loss chart's x axis, the CSV
 * export, the comparison table), loss i sits at step min(i·lossStride, T), not at step i.
 * Runs are settled with the float64 reference, as the CLI would with the worker.
 */
import { describe, expect, test } from 'vitest';
import { buildChart, type ChartSourceView } from '../../../src/session/chartData';
import { exportText } from '../../../src/session/exports';
import { summarizeRun } from '../../../src/session/runSummary';
import { lossData, lossEpochs, type LossRun } from '../../../src/charts/lossAxes';
import { createEngine, type SheetEngine } from '../../../src/sheet/engine';
import type { RegressionRequest } from '../../../src/core/runTypes';
import { runRegressionReference } from '../../reference/regressionReference';

/** n = 20,001 at batch 10 is 2,001 steps in one epoch: recorded every 4th step, 502 losses, the last at step 2,001. */
const N = 20_001;
const T = 2_001;
const STRIDE = 4;

function settledSheet(): SheetEngine {
  const engine = createEngine({
    rows: 5,
    cols: 3,
    cells: { A1: `=REGRESSION(0.05, 0.9, 1, 10, "none", "mxnet", 1, 1, ${N})`, A2: '=A1.steps', A3: '=A1.losses' },
    names: {},
    colWidths: {},
    charts: [{ id: 'losses', kind: 'loss', source: 'A1' }],
    pins: [],
  });
  for (const need of engine.runNeeds()) engine.supplyRunResult(need.key, runRegressionReference(need.request as RegressionRequest));
  return engine;
}

function view(engine: SheetEngine): ChartSourceView {
  return {
    valueOf: (address) => engine.value(address),
    runOf: (address) => engine.runAt(address),
    isPending: () => false,
    addressOfName: () => undefined,
    pins: [],
    pinRun: () => undefined,
    shared: () => undefined,
  };
}

describe('a long run’s loss points sit at their steps', () => {
  const engine = settledSheet();

  test('the run records ⌈T / stride⌉ + 1 losses and says how many steps it trained', () => {
    const run = engine.runAt('A1');
    expect(run?.result.kind === 'regression' && run.result.lossStride).toBe(STRIDE);
    const steps = engine.value('A2');
    expect(steps.kind === 'number' && steps.value).toBe(T);
    const losses = engine.value('A3');
    expect(losses.kind === 'array' && losses.items.length).toBe(Math.ceil(T / STRIDE) + 1);
  });

  test('chart data carries the stride and the steps, and the loss chart draws point i at min(i·stride, T)', () => {
    const data = buildChart({ id: 'losses', kind: 'loss', source: 'A1' }, view(engine)).data;
    if (data.kind !== 'loss') throw new Error(`expected loss chart data, got ${data.kind}`);
    const [chartRun] = data.runs;
    expect([chartRun.lossStride, chartRun.totalSteps, chartRun.stepsPerEpoch]).toEqual([STRIDE, T, T]);
    // As the page turns chart data into the chart's view model.
    const lossRun: LossRun = { ...chartRun, label: 'A1', color: '#000' };
    const points = lossData(lossRun).filter((point): point is number[] => point !== '-');
    expect(points).toHaveLength(chartRun.losses.length);
    expect(points[1]).toEqual([STRIDE / T, chartRun.losses[1], STRIDE]);
    expect(points[250]).toEqual([(250 * STRIDE) / T, chartRun.losses[250], 250 * STRIDE]);
    expect(points.at(-1)).toEqual([1, chartRun.losses.at(-1), T]);
    expect(lossEpochs([lossRun])).toBe(1);
  });

  test('the CSV export writes each loss at its step', () => {
    const outcome = exportText(engine, 'csvLosses');
    if (!outcome.ok) throw new Error('export failed');
    const rows = outcome.text.trim().split('\r\n').map((line) => line.split(','));
    expect(rows[0]).toEqual(['step', 'epoch', 'A1']);
    expect(rows.slice(1).map((row) => Number(row[0]))).toEqual(Array.from({ length: Math.ceil(T / STRIDE) + 1 }, (_, i) => Math.min(i * STRIDE, T)));
    expect(Number(rows.at(-1)?.[1])).toBe(1);
  });

  test('the comparison table counts steps, not recorded points, to reach 10⁻³ of the start', () => {
    const run = engine.runAt('A1');
    const summary = run && summarizeRun(run);
    const reached = summary?.outcomes.stepsTo1e3;
    expect(typeof reached).toBe('number');
    expect((reached as number) % STRIDE === 0 || reached === T).toBe(true);
    const losses = run?.result.kind === 'regression' ? run.result.losses[0] : new Float64Array();
    const index = losses.findIndex((loss) => loss <= losses[0] * 1e-3);
    expect(reached).toBe(Math.min(index * STRIDE, T));
    expect(index).toBeGreaterThan(1);
  });
});
