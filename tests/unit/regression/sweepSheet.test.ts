/**
 * Sweeps and data ranges in the sheet: what SWEEP, REGRESSION_SWEEP, LINSPACE and REGRESSION with
 * a data range ask the worker for, what their parts read, and which inputs are errors. Runs are
 * settled with the plain float64 references, as the CLI would with the worker.
 */
import { describe, expect, test } from 'vitest';
import { runPath2D } from '../../../src/core/optimize2d';
import { createEngine, type SheetEngine } from '../../../src/sheet/engine';
import type { CellValue, SheetState } from '../../../src/sheet/types';
import type { RegressionRequest, RegressionSweepRequest, Sweep2DRequest } from '../../../src/core/runTypes';
import { requestKey } from '../../../src/sheet/runKey';
import { formatShort } from '../../../src/sheet/format';
import { describeValue } from '../../../src/session/describe';
import { translateParts } from '../../../src/i18n/i18n';
import { valueToJson } from '../../../src/cli/serialize';
import { runRegressionReference } from '../../reference/regressionReference';
import { linspace, regressionSweepReference, sweep2DReference } from '../../reference/sweeps';
import { linearTable } from '../../reference/dataTables';

function sheet(cells: Record<string, string>, rows = 60): SheetEngine {
  const state: SheetState = { rows, cols: 12, cells, names: {}, colWidths: {}, charts: [], pins: [] };
  return createEngine(state);
}

/** Supply every run the sheet waits for from the references; the requests asked for. */
function settle(engine: SheetEngine): unknown[] {
  const asked: unknown[] = [];
  for (let round = 0; round < 4; round += 1) {
    for (const need of engine.runNeeds()) {
      asked.push(need.request);
      const { request } = need;
      if (request.kind === 'sweep2d') engine.supplyRunResult(need.key, sweep2DReference(request));
      else if (request.kind === 'regressionSweep') engine.supplyRunResult(need.key, regressionSweepReference(request));
      else if (request.kind === 'regression') engine.supplyRunResult(need.key, runRegressionReference(request));
      else if (request.kind === 'path2d') {
        const result = runPath2D(request);
        if (result.kind !== 'failure') engine.supplyRunResult(need.key, result);
      }
    }
  }
  return asked;
}

const value = (engine: SheetEngine, address: string): CellValue => engine.value(address);
const num = (engine: SheetEngine, address: string): number => {
  const v = value(engine, address);
  if (v.kind !== 'number') expect.fail(`${address} holds ${JSON.stringify(v)}`);
  return v.value;
};
const errorOf = (engine: SheetEngine, address: string) => {
  const v = value(engine, address);
  return v.kind === 'error' ? { code: v.code, reason: v.reason, args: v.args } : { code: v.kind };
};

describe('LINSPACE', () => {
  test('gives n evenly spaced numbers with both ends exact', () => {
    const e = sheet({ A1: '=LINSPACE(0, 1, 5)', A2: '=LINSPACE(0.1, 0.7, 3)', A3: '=LINSPACE(2, 3, 1)', A4: '=LINSPACE(0, 1, 0)' });
    expect(value(e, 'A1')).toEqual({ kind: 'array', rows: 1, cols: 5, items: [0, 0.25, 0.5, 0.75, 1].map((v) => ({ kind: 'number', value: v })) });
    const second = value(e, 'A2');
    expect(second.kind === 'array' && second.items.map((i) => (i.kind === 'number' ? i.value : NaN))).toEqual([0.1, 0.4, 0.7]);
    expect(errorOf(e, 'A4').code).toBe('#NUM!');
  });
});

describe('SWEEP', () => {
  const cells = {
    A1: '=0.1*x1^2 + 2*x2^2',
    B1: '=LINSPACE(0.1, 0.9, 5)',
    B2: '=LINSPACE(0, 0.8, 3)',
    C1: '=SWEEP(A1, -5, -2, B1, B2, 15)',
    D1: '=C1.best',
    D2: '=C1.best_eta',
    D3: '=C1.best_gamma',
    D4: '=C1.diverged_count',
    D5: '=C1.configs',
    D6: '=C1.grid',
    D7: '=C1.best_lr',
  };

  test('asks for one batched 2-D request with the axes as typed arrays', () => {
    const e = sheet(cells);
    const [need] = e.runNeeds();
    expect(e.runNeeds()).toHaveLength(1);
    const request = need.request as Sweep2DRequest;
    expect(request).toMatchObject({ kind: 'sweep2d', method: 'momentum', gradient: null, start: [-5, -2], steps: 15 });
    expect(request.etas).toEqual(linspace(0.1, 0.9, 5));
    expect(request.gammas).toEqual(linspace(0, 0.8, 3));
    expect(need.key).toBe(requestKey({ ...request, etas: Float64Array.from(request.etas) }));
  });

  test('its parts: the best final f, where it is, how many diverged, the grid', () => {
    const e = sheet(cells);
    const request = e.runNeeds()[0].request as Sweep2DRequest;
    settle(e);
    const result = sweep2DReference(request);
    const finals = Array.from(result.finalF).filter((_, i) => result.divergedAt[i] < 0);
    expect(num(e, 'D1')).toBe(Math.min(...finals));
    const best = Array.from(result.finalF).indexOf(num(e, 'D1'));
    expect(num(e, 'D2')).toBe(result.etas[best % 5]);
    expect(num(e, 'D7')).toBe(num(e, 'D2'));
    expect(num(e, 'D3')).toBe(result.gammas[Math.floor(best / 5)]);
    expect(num(e, 'D4')).toBe(Array.from(result.divergedAt).filter((s) => s >= 0).length);
    expect(num(e, 'D5')).toBe(15);
    const grid = value(e, 'D6');
    expect(grid.kind === 'array' && [grid.rows, grid.cols]).toEqual([3, 5]);
    const display = describeValue(value(e, 'C1'));
    expect(translateParts('en', display.text)).toBe(`sweep · 3×5 · best f = ${formatShort(num(e, 'D1'))}`);
    expect(translateParts('zh', display.text)).toBe(`扫描 · 3×5 · 最佳 f = ${formatShort(num(e, 'D1'))}`);
    expect(translateParts('en', display.title ?? [])).toContain(`${num(e, 'D4')} of 15 configurations diverge`);
    expect(display.error).toBeUndefined();
  });

  test('the CLI writes the grid as JSON: axes, final f row-major, divergence steps (null where none)', () => {
    const e = sheet(cells);
    settle(e);
    const run = value(e, 'C1');
    if (run.kind !== 'run' || run.result.kind !== 'sweep2d') expect.fail('expected a sweep run');
    const { result } = run;
    expect(run.divergedAt).toBeNull();
    expect(valueToJson(run)).toEqual({
      run: 'sweep2d',
      etas: Array.from(result.etas),
      gammas: Array.from(result.gammas),
      final: Array.from(result.finalF),
      divergedAt: Array.from(result.divergedAt, (step) => (step < 0 ? null : step)),
    });
  });

  test('a diverged config is #DIVERGED inside the grid, while the sweep cell itself stays a run', () => {
    const e = sheet({ A1: '=0.1*x1^2 + 2*x2^2', C1: '=SWEEP(A1, -5, -2, [0.1, 1.5], 0, 30)', D1: '=C1.grid', D2: '=C1.diverged_count', D3: '=C1.diverged_at' });
    settle(e);
    expect(value(e, 'C1').kind).toBe('run');
    expect(num(e, 'D2')).toBe(1);
    const grid = value(e, 'D1');
    if (grid.kind !== 'array') expect.fail('grid is not an array');
    expect(grid.items[0].kind).toBe('number');
    expect(grid.items[1]).toMatchObject({ kind: 'error', code: '#DIVERGED' });
    const steps = value(e, 'D3');
    expect(steps.kind === 'array' && steps.items.map((i) => i.kind)).toEqual(['error', 'number']);
  });

  test('method and gradient options, as for MOMENTUM', () => {
    const e = sheet({ A1: '=0.1*x1^2 + 2*x2^2', C1: '=SWEEP(A1, -5, -2, 0.4, 0.5, 10, [0.2*x1, 2*x2], "nesterov")', C2: '=SWEEP(A1, -5, -2, 0.4, 0.5, 10, "gd")' });
    const requests = e.runNeeds().map((need) => need.request as Sweep2DRequest);
    expect(requests.map((r) => [r.method, r.gradient]).sort()).toEqual([
      ['gd', null],
      ['nesterov', ['0.2 * x1', '2 * x2']],
    ]);
  });

  test.each([
    ['=SWEEP(A1, -5, -2, LINSPACE(0, 1, 33), LINSPACE(0, 1, 32), 10)', '#NUM!', 'error.runTooLarge'],
    ['=SWEEP(A1, -5, -2, [0.1, "a"], 0.5, 10)', '#VALUE!', 'error.badAxis'],
    ['=SWEEP(A1, -5, -2, B5:B6, 0.5, 10)', '#VALUE!', 'error.badAxis'],
    ['=SWEEP(A1, -5, -2, 0.1, 0.5, 10, "heavy")', '#VALUE!', 'error.badOption'],
    ['=SWEEP(A1, -5, -2, 0.1, 0.5, 20000)', '#NUM!', 'error.outOfRange'],
    ['=SWEEP(A1, -5, -2, 1/0, 0.5, 10)', '#DIV/0!', 'error.divideByZero'],
  ])('%s is %s', (formula, code, reason) => {
    const e = sheet({ A1: '=0.1*x1^2 + 2*x2^2', C1: formula });
    expect(errorOf(e, 'C1')).toMatchObject({ code, reason });
    expect(e.runNeeds()).toHaveLength(0);
  });

  test('every config diverging leaves .best #N/A', () => {
    const e = sheet({ A1: '=0.1*x1^2 + 2*x2^2', C1: '=SWEEP(A1, -5, -2, [1.5, 2], 0, 40)', D1: '=C1.best' });
    settle(e);
    expect(errorOf(e, 'D1')).toMatchObject({ code: '#N/A', reason: 'error.allDiverged' });
  });
});

describe('REGRESSION_SWEEP', () => {
  test('one batched request over the grid with REGRESSION’s options; parts read the grid', () => {
    const e = sheet({ A1: '=REGRESSION_SWEEP(LINSPACE(0.05, 0.6, 4), [0, 0.5, 0.9], 2, 20, "none", "pytorch")', B1: '=A1.best', B2: '=A1.best_lr', B3: '=A1.best_momentum', B4: '=A1.configs', B5: '=A1.steps' });
    const [need] = e.runNeeds();
    const request = need.request as RegressionSweepRequest;
    expect(request).toMatchObject({ kind: 'regressionSweep', epochs: 2, batchSize: 20, decayEpoch: null, convention: 'pytorch' });
    expect(Array.from(request.momenta)).toEqual([0, 0.5, 0.9]);
    settle(e);
    const result = regressionSweepReference(request);
    const best = Array.from(result.finalLoss).reduce((b, loss, i) => (result.divergedAt[i] < 0 && loss < result.finalLoss[b] ? i : b), 0);
    expect(num(e, 'B1')).toBe(result.finalLoss[best]);
    expect(num(e, 'B2')).toBe(request.lrs[best % 4]);
    expect(num(e, 'B3')).toBe(request.momenta[Math.floor(best / 4)]);
    expect(num(e, 'B4')).toBe(12);
    expect(num(e, 'B5')).toBe(100);
  });

  test.each([
    ['=REGRESSION_SWEEP(LINSPACE(0.1, 1, 40), LINSPACE(0, 0.9, 30))', '#NUM!', 'error.runTooLarge'],
    ['=REGRESSION_SWEEP(LINSPACE(0.1, 1, 32), LINSPACE(0, 0.9, 32), 100, 1, 2, "mxnet", 1, 1, 100000)', '#NUM!', 'error.runTooLarge'],
    ['=REGRESSION_SWEEP(TRUE, 0.5)', '#VALUE!', 'error.badAxis'],
  ])('%s is %s', (formula, code, reason) => {
    expect(errorOf(sheet({ A1: formula }), 'A1')).toMatchObject({ code, reason });
  });
});

describe('REGRESSION on a data range', () => {
  /** The table's rows as cells A1:…, feature columns then the label. */
  const tableCells = (rows: number, w: readonly number[], b: number): Record<string, string> => {
    const table = linearTable(rows, w, b);
    const cells: Record<string, string> = {};
    const letters = 'ABCDEFGH';
    for (let i = 0; i < rows; i += 1) {
      for (let j = 0; j < w.length; j += 1) cells[`${letters[j]}${i + 1}`] = String(table.features[i * w.length + j]);
      cells[`${letters[w.length]}${i + 1}`] = String(table.labels[i]);
    }
    return cells;
  };

  test('the range becomes the request’s data as typed arrays; the run fits it', () => {
    const e = sheet({ ...tableCells(200, [1.5, -2, 0.5], 3), J1: '=REGRESSION(0.05, 0.9, 20, 10, "none", "mxnet", A1:D200)', J2: '=J1.w1', J3: '=J1.b', J4: '=J1.weights' }, 220);
    const [need] = e.runNeeds();
    const request = need.request as RegressionRequest;
    if (request.data.kind !== 'table') expect.fail('expected a table');
    expect(request.data.n).toBe(200);
    expect(request.data.featureCount).toBe(3);
    expect(request.data.features).toBeInstanceOf(Float64Array);
    expect(request.data.labels[0]).toBe(Number(e.raw('D1')));
    settle(e);
    expect(num(e, 'J2')).toBeCloseTo(1.5, 1);
    expect(num(e, 'J3')).toBeCloseTo(3, 1);
    const weights = value(e, 'J4');
    expect(weights.kind === 'array' && weights.cols).toBe(3);
  });

  test('a missing or non-numeric cell makes the range #VALUE!, counting bad rows and naming the first', () => {
    const cells = { ...tableCells(50, [2], 1), B7: 'oops', A20: '', B30: 'TRUE', J1: '=REGRESSION(0.1, 0.5, 3, 10, 2, "mxnet", A1:B50)' };
    delete (cells as Record<string, string>).A20;
    const e = sheet(cells);
    expect(errorOf(e, 'J1')).toEqual({ code: '#VALUE!', reason: 'error.badDataRows', args: { count: 3, address: 'B7' } });
    expect(e.runNeeds()).toHaveLength(0);
  });

  test('an error inside the range propagates; n or noise beside a range is #VALUE!; one column is #VALUE!', () => {
    const e = sheet({ ...tableCells(20, [2], 1), A5: '=1/0', J1: '=REGRESSION(0.1, 0.5, 3, 10, 2, "mxnet", A1:B20)', J2: '=REGRESSION(0.1, 0.5, 3, 10, 2, "mxnet", A6:B20, 1, 100)', J3: '=REGRESSION(0.1, 0.5, 3, 10, 2, "mxnet", B1:B20)' });
    expect(errorOf(e, 'J1').code).toBe('#DIV/0!');
    expect(errorOf(e, 'J2')).toMatchObject({ code: '#VALUE!', reason: 'error.dataRangeOptions' });
    expect(errorOf(e, 'J3')).toMatchObject({ code: '#VALUE!', reason: 'error.badDataShape' });
  });

  test('SGD takes a data range where REGRESSION’s data_seed goes (its 5th argument), with the same checks', () => {
    const e = sheet({
      ...tableCells(200, [2, -1], 0.5),
      J1: '=SGD(0.05, 20, 10, "none", A1:C200)',
      J2: '=J1.b',
      J3: '=SGD(0.05, 20, 10, "none", A1:C200, 1, 100)',
      J4: '=SGD(0.05, 20, 10, 0, A1:C200)',
      J5: '=SGD(0.05, 2000)',
      J6: '=SGD(0.05, 3, 10, "none", 1.5)',
    }, 220);
    const [need] = e.runNeeds();
    const request = need.request as RegressionRequest;
    expect(request.configs).toEqual([{ lr: 0.05, momentum: 0, convention: 'mxnet', optimizer: 'sgd' }]);
    expect(request.data.kind).toBe('table');
    // decay_epoch 0 is no decay, the same request as "none".
    expect(requestKey((e.value('J4') as { request: RegressionRequest }).request)).toBe(need.key);
    settle(e);
    expect(num(e, 'J2')).toBeCloseTo(0.5, 1);
    expect(errorOf(e, 'J3')).toMatchObject({ code: '#VALUE!', reason: 'error.dataRangeOptions' });
    expect(errorOf(e, 'J5')).toMatchObject({ code: '#NUM!', reason: 'error.outOfRange', args: { name: 'SGD', position: 2 } });
    expect(errorOf(e, 'J6')).toMatchObject({ code: '#NUM!', reason: 'error.expectedInteger', args: { name: 'SGD', position: 5 } });
  });

  test('editing one data cell changes the request key; an unrelated edit keeps it', () => {
    const e = sheet({ ...tableCells(30, [2], 1), J1: '=REGRESSION(0.1, 0.5, 3, 10, 2, "mxnet", A1:B30)' });
    const first = e.runNeeds()[0].key;
    e.setCell('K1', '5');
    expect(e.runNeeds()[0].key).toBe(first);
    e.setCell('A3', String(Number(e.raw('A3')) + 1e-9));
    expect(e.runNeeds()[0].key).not.toBe(first);
  });
});

describe('scale limits are #NUM!, not a failed run', () => {
  test.each([
    ['=REGRESSION(0.1, 0.5, 1, 10, 2, "mxnet", 1, 1, 1000000)', 'ok'],
    ['=REGRESSION(0.1, 0.5, 1, 10, 2, "mxnet", 1, 1, 1000001)', 'error.outOfRange'],
    ['=REGRESSION(0.1, 0.5, 30, 10, 2, "mxnet", 1, 1, 1000000)', 'error.runTooLarge'],
  ])('%s', (formula, expected) => {
    const v = value(sheet({ A1: formula }), 'A1');
    if (expected === 'ok') expect(v.kind).toBe('pending');
    else expect(v).toMatchObject({ kind: 'error', code: '#NUM!', reason: expected });
  });
});
