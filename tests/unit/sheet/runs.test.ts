import { describe, expect, it } from 'vitest';
import { runPath2D } from '../../../src/core/optimize2d';
import type { Path2DRequest, Path2DResult, RegressionRequest } from '../../../src/core/runTypes';
import { requestKey } from '../../../src/sheet/runKey';
import { sameValue } from '../../../src/sheet/values';
import { runRegressionReference } from '../../reference/regressionReference';
import { code, num, settle, sheet } from './helpers';

const CHAPTER = '=0.1*x1^2 + 2*x2^2';

function pathResult(request: Path2DRequest): Path2DResult {
  const result = runPath2D(request);
  if (result.kind === 'failure') throw new Error(result.message);
  return result;
}

describe('run cells: pending → runNeeds → supplyRunResult → run value', () => {
  it('a run cell is pending until its result lands, then dependents update', () => {
    const e = sheet({ A1: CHAPTER, B1: '=GD(A1, -5, -2, 0.9, 15, [0.2*x1, 2*x2])', C1: '=B1.x1', C2: '=B1.x2', C3: '=B1.f', C4: '=B1.steps' });
    expect(e.value('B1').kind).toBe('pending');
    expect(e.value('C1').kind).toBe('pending');
    const needs = e.runNeeds();
    expect(needs).toHaveLength(1);
    const [need] = needs;
    expect(need.cells).toEqual(['B1']);
    expect(need.key).toBe(requestKey(need.request));
    expect(need.request).toEqual({
      kind: 'path2d',
      method: 'gd',
      objective: '0.1 * x1 ^ 2 + 2 * x2 ^ 2',
      gradient: ['0.2 * x1', '2 * x2'],
      start: [-5, -2],
      eta: 0.9,
      gamma: 0,
      steps: 15,
    });
    if (need.request.kind !== 'path2d') throw new Error('expected a 2-D run');
    const changed = e.supplyRunResult(need.key, pathResult(need.request));
    expect([...changed].sort()).toEqual(['B1', 'C1', 'C2', 'C3', 'C4']);
    expect(e.value('B1').kind).toBe('run');
    expect(e.runNeeds()).toHaveLength(0);
    // With the printed gradient GD is x_i ← (1 − η·h_i)·x_i, h = (0.2, 2): closed form after 15 steps.
    const x1 = -5 * (1 - 0.9 * 0.2) ** 15;
    const x2 = -2 * (1 - 0.9 * 2) ** 15;
    expect(num(e, 'C1')).toBeCloseTo(x1, 12);
    expect(num(e, 'C2')).toBeCloseTo(x2, 12);
    expect(num(e, 'C3')).toBeCloseTo(0.1 * x1 ** 2 + 2 * x2 ** 2, 12);
    expect(num(e, 'C4')).toBe(15);
  });

  it('cells asking for the same run share one need, whatever way the objective was written', () => {
    const e = sheet({ A1: CHAPTER, B1: '=MOMENTUM(A1, -5, -2, 0.9, 0.2, 15)', B2: '=momentum((0.1*x1^2)+(2*x2^2), -5, -2, 0.9, 0.2, 15)' });
    const needs = e.runNeeds();
    expect(needs).toHaveLength(1);
    expect(needs[0].cells).toEqual(['B1', 'B2']);
  });

  it('GRAD() as the gradient argument lets the run derive it (request gradient null)', () => {
    const e = sheet({ A1: CHAPTER, B1: '=GD(A1, -5, -2, 0.4, 15, GRAD(A1))', B2: '=GD(A1, -5, -2, 0.4, 15)' });
    const needs = e.runNeeds();
    expect(needs).toHaveLength(1);
    expect(needs[0].request).toMatchObject({ gradient: null });
  });

  it('"nesterov" and NESTEROV() ask for the same look-ahead run', () => {
    const e = sheet({ A1: CHAPTER, B1: '=MOMENTUM(A1, -5, -2, 0.4, 0.5, 15, "nesterov")', B2: '=NESTEROV(A1, -5, -2, 0.4, 0.5, 15)' });
    const needs = e.runNeeds();
    expect(needs).toHaveLength(1);
    expect(needs[0].request).toMatchObject({ method: 'nesterov', gamma: 0.5 });
    expect(code(sheet({ A1: CHAPTER, B1: '=MOMENTUM(A1, -5, -2, 0.4, 0.5, 15, "heavy")' }), 'B1')).toBe('#VALUE!');
  });

  it('momentum with γ = 0 reduces to plain gradient descent, seen through the sheet', () => {
    const e = sheet({ A1: CHAPTER, B1: '=GD(A1, -5, -2, 0.4, 15)', B2: '=MOMENTUM(A1, -5, -2, 0.4, 0, 15)', C1: '=B1.x1 - B2.x1', C2: '=B1.x2 - B2.x2' });
    settle(e);
    expect(num(e, 'C1')).toBe(0);
    expect(num(e, 'C2')).toBe(0);
  });

  it('a known result is reused: editing an input away and back asks for nothing new', () => {
    const e = sheet({ A1: CHAPTER, B2: '0.4', B1: '=GD(A1, -5, -2, B2, 15)' });
    settle(e);
    e.setCell('B2', '0.3');
    expect(e.runNeeds()).toHaveLength(1);
    e.undo();
    expect(e.runNeeds()).toHaveLength(0);
    expect(e.value('B1').kind).toBe('run');
  });

  it('a typed gradient is checked against the true one: the printed (0.2·x1, 2·x2) does not agree', () => {
    const e = sheet({ A1: CHAPTER, B1: '=GD(A1, -5, -2, 0.4, 15, [0.2*x1, 2*x2])', B2: '=GD(A1, -5, -2, 0.4, 15, [0.2*x1, 4*x2])', C1: '=B1.grad_ok', C2: '=B2.grad_ok', C3: '=B2.grad_error' });
    settle(e);
    expect(e.value('C1')).toEqual({ kind: 'boolean', value: false });
    expect(e.value('C2')).toEqual({ kind: 'boolean', value: true });
    expect(num(e, 'C3')).toBeLessThan(1e-9);
  });

  it('series parts are rows as long as the run', () => {
    const e = sheet({ A1: CHAPTER, B1: '=GD(A1, -5, -2, 0.4, 15)', C1: '=B1.fs', C2: '=COUNT(B1.x1s)', C3: '=B1.x2s[1]' });
    settle(e);
    expect(e.value('C1')).toMatchObject({ kind: 'array', rows: 1, cols: 16 });
    expect(num(e, 'C2')).toBe(16);
    expect(num(e, 'C3')).toBe(-2);
  });
});

describe('theory beside simulation: parts per eigendirection', () => {
  it('GD with the printed gradient: |e_i| is the closed form |x0_i|·|1 − ηλ_i|ᵗ, the envelope the same, rates and ρ agree', () => {
    const e = sheet({
      A1: CHAPTER,
      B1: '=GD(A1, -5, -2, 1.1, 15, [0.2*x1, 2*x2])',
      C1: '=B1.err1s', C2: '=B1.err2s', C3: '=B1.env2s', C4: '=B1.rate1', C5: '=B1.rho1', C6: '=B1.rate2', C7: '=B1.rho2',
    });
    settle(e);
    const row = (address: string) => {
      const value = e.value(address);
      if (value.kind !== 'array') throw new Error(`${address} is ${value.kind}`);
      return value.items.map((item) => (item.kind === 'number' ? item.value : NaN));
    };
    row('C1').forEach((v, t) => expect(v).toBeCloseTo(5 * 0.78 ** t, 10));
    row('C2').forEach((v, t) => expect(v).toBeCloseTo(2 * 1.2 ** t, 8));
    row('C3').forEach((v, t) => expect(v).toBeCloseTo(2 * 1.2 ** t, 8));
    expect(row('C2')).toHaveLength(16);
    expect(num(e, 'C4')).toBeCloseTo(0.78, 12);
    expect(num(e, 'C5')).toBeCloseTo(0.78, 12);
    expect(num(e, 'C6')).toBeCloseTo(1.2, 12);
    expect(num(e, 'C7')).toBeCloseTo(1.2, 12);
  });

  it('a run whose gradient is not linear has no eigendirections (#N/A), a regression run no such parts (#VALUE!)', () => {
    const e = sheet({ B1: '=GD(x1^4 + x2^2, 1, 1, 0.1, 5)', C1: '=B1.err1s', C2: '=B1.rho2', B2: '=REGRESSION(0.2, 0.5)', C3: '=B2.rate1' });
    settle(e);
    expect(e.value('C1')).toMatchObject({ code: '#N/A', reason: 'error.noTheory' });
    expect(e.value('C2')).toMatchObject({ code: '#N/A', reason: 'error.noTheory' });
    expect(e.value('C3')).toMatchObject({ code: '#VALUE!', reason: 'error.unknownField', args: { kind: 'regression', field: 'rate1' } });
  });
});

describe('diverged and failed runs', () => {
  it('a diverged run is a run that knows it: steady parts read normally, final values are #DIVERGED with the step', () => {
    const e = sheet({ A1: '=x1^2 + x2^2', B1: '=GD(A1, 1, 1, 1.5, 100)', C1: '=B1.diverged_at', C2: '=B1.steps', C3: '=B1.f', C4: '=B1.x1', C5: '=COUNT(B1.fs)' });
    settle(e);
    const run = e.value('B1');
    // Along λ = 2 each step multiplies the error by 1 − 1.5·2 = −2: evident from step 1.
    expect(run).toMatchObject({ kind: 'run', divergedAt: 1 });
    expect(num(e, 'C1')).toBe(1);
    // The run itself goes on until f leaves the core's hard bound (f·4 per step: 10⁶ at step 10).
    expect(num(e, 'C2')).toBe(Math.ceil(Math.log(1e6) / Math.log(4)));
    expect(num(e, 'C5')).toBe(num(e, 'C2') + 1);
    expect(e.value('C3')).toEqual({ kind: 'error', code: '#DIVERGED', reason: 'error.diverged', args: { step: 1 } });
    expect(code(e, 'C4')).toBe('#DIVERGED');
    expect(e.runAt('B1')).toBe(run);
  });

  it('undo from η = 1.1001 back to η = 1.1 gives the cell its own diverged run back, and says it changed', () => {
    const e = sheet({ A1: CHAPTER, B2: '1.1', B1: '=GD(A1, -5, -2, B2, 15, [0.2*x1, 2*x2])' });
    settle(e);
    const first = e.runAt('B1');
    expect(first?.divergedAt).toBe(1);
    e.setCell('B2', '1.1001');
    settle(e);
    const second = e.runAt('B1');
    expect(second?.divergedAt).toBe(1);
    expect(second?.result).not.toBe(first?.result);
    const changed = e.undo();
    expect(changed.has('B1')).toBe(true);
    expect(e.runAt('B1')?.result).toBe(first?.result);
    expect(e.runAt('B1')?.request.kind === 'path2d' && e.runAt('B1')?.request).toMatchObject({ eta: 1.1 });
  });

  it('two runs compare by request, result and divergedAt', () => {
    const request: Path2DRequest = { kind: 'path2d', method: 'gd', objective: 'x1^2', gradient: null, start: [1, 1], eta: 0.1, gamma: 0, steps: 2 };
    const result = pathResult(request);
    const run = { kind: 'run', request, result, divergedAt: null } as const;
    expect(sameValue(run, { ...run, request: { ...request } })).toBe(true);
    expect(sameValue(run, { ...run, divergedAt: 2 })).toBe(false);
    expect(sameValue(run, { ...run, result: pathResult(request) })).toBe(false);
    expect(sameValue(run, { ...run, request: { ...request, eta: 0.2 } })).toBe(false);
  });

  it('a failed run shows #N/A with the message and is no longer needed', () => {
    const e = sheet({ A1: CHAPTER, B1: '=GD(A1, -5, -2, 0.9, 15)' });
    const [need] = e.runNeeds();
    e.supplyRunFailure(need.key, 'worker crashed');
    expect(e.value('B1')).toMatchObject({ code: '#N/A', reason: 'error.runFailed', args: { message: 'worker crashed' } });
    expect(e.runNeeds()).toHaveLength(0);
  });

  it('a result of the wrong kind is refused as #N/A, never shown as a run', () => {
    const e = sheet({ A1: CHAPTER, B1: '=GD(A1, -5, -2, 0.9, 15)' });
    const [need] = e.runNeeds();
    e.supplyRunResult(need.key, { kind: 'rateMap', width: 0, height: 0, rates: new Float32Array() });
    expect(code(e, 'B1')).toBe('#N/A');
  });

  it('a result nobody waits for changes nothing', () => {
    const e = sheet({ A1: '1' });
    expect(e.supplyRunResult('no such key', { kind: 'rateMap', width: 0, height: 0, rates: new Float32Array() }).size).toBe(0);
  });
});

describe('regression runs', () => {
  it('REGRESSION(lr, mom) asks for the chapter experiment with one config', () => {
    const e = sheet({ B1: '=REGRESSION(0.2, 0.9)' });
    const [need] = e.runNeeds();
    const expected: RegressionRequest = {
      kind: 'regression',
      data: { n: 1000, trueW: [2, -3.4], trueB: 4.2, noise: 0.01, seed: 1 },
      batchSize: 10,
      epochs: 3,
      decayEpoch: 2,
      decayFactor: 0.1,
      trainSeed: 1,
      initScale: 0.01,
      configs: [{ lr: 0.2, momentum: 0.9, convention: 'mxnet' }],
    };
    expect(need.request).toEqual(expected);
  });

  it('optional arguments set epochs, batch, decay, convention, seeds, n and noise', () => {
    const e = sheet({ B1: '=REGRESSION(0.1, 0.5, 4, 20, "none", "tf", 3, 4, 500, 0.1)' });
    expect(e.runNeeds()[0].request).toMatchObject({
      epochs: 4,
      batchSize: 20,
      decayEpoch: null,
      trainSeed: 4,
      data: { n: 500, noise: 0.1, seed: 3 },
      configs: [{ lr: 0.1, momentum: 0.5, convention: 'pytorch' }],
    });
    expect(code(sheet({ B1: '=REGRESSION(0.1, 0.5, 3, 10, 2, "adam")' }), 'B1')).toBe('#VALUE!');
    expect(code(sheet({ B1: '=REGRESSION(0.1, 0.5, 3, 2000)' }), 'B1')).toBe('#NUM!');
  });

  it('parts of a regression run are the final loss and parameters of the result', () => {
    const e = sheet({ B1: '=REGRESSION(0.2, 0.5)', C1: '=B1.loss', C2: '=B1.w1', C3: '=B1.w2', C4: '=B1.b', C5: '=B1.steps', C6: '=COUNT(B1.losses)' });
    const [need] = e.runNeeds();
    if (need.request.kind !== 'regression') throw new Error('expected a regression');
    const result = runRegressionReference(need.request);
    e.supplyRunResult(need.key, result);
    const losses = result.losses[0];
    expect(num(e, 'C1')).toBe(losses[losses.length - 1]);
    expect([num(e, 'C2'), num(e, 'C3'), num(e, 'C4')]).toEqual([...result.finalParams[0]]);
    expect(num(e, 'C5')).toBe(300);
    expect(num(e, 'C6')).toBe(301);
    // The chapter: with mom = 0.5 the parameters end close to the truth.
    expect(num(e, 'C2')).toBeCloseTo(2, 2);
    expect(num(e, 'C3')).toBeCloseTo(-3.4, 2);
    expect(num(e, 'C4')).toBeCloseTo(4.2, 2);
  });

  it('decay_epoch = 0 means no decay, as in the chapter’s `if decay_epoch and …`: the same run as "none"', () => {
    const e = sheet({ B1: '=REGRESSION(0.2, 0.5, 3, 10, 0)', B2: '=REGRESSION(0.2, 0.5, 3, 10, "none")', B3: '=REGRESSION(0.2, 0.5, 3, 10, 1)' });
    const needs = e.runNeeds();
    expect(needs).toHaveLength(2);
    expect(needs.find((n) => n.cells.includes('B1'))?.cells).toEqual(['B1', 'B2']);
    expect(needs.find((n) => n.cells.includes('B1'))?.request).toMatchObject({ decayEpoch: null });
    expect(code(sheet({ B1: '=REGRESSION(0.2, 0.5, 3, 10, -1)' }), 'B1')).toBe('#VALUE!');
  });

  it('SGD(lr) asks for plain minibatch SGD, a request of its own beside momentum 0', () => {
    const e = sheet({ B1: '=SGD(0.2)', B2: '=REGRESSION(0.2, 0)', C1: '=MAX_ABS_DIFF(B1.losses, B2.losses)', C2: '=B1.loss' });
    const needs = e.runNeeds();
    expect(needs).toHaveLength(2);
    expect(needs.find((n) => n.cells.includes('B1'))?.request).toMatchObject({ configs: [{ lr: 0.2, momentum: 0, optimizer: 'sgd' }] });
    settle(e);
    expect(num(e, 'C1')).toBe(0);
    expect(num(e, 'C2')).toBeLessThan(1e-4);
    expect(e.value('B1')).toMatchObject({ kind: 'run', divergedAt: null });
  });

  it('MAX_ABS_DIFF is the largest |a_i − b_i|, and refuses series of different lengths', () => {
    const e = sheet({ A1: '1', B1: '2', C1: '5', A2: '1.5', B2: '2', C2: '3', D1: '=MAX_ABS_DIFF(A1:C1, A2:C2)', D2: '=MAX_ABS_DIFF(A1:C1, A2:B2)', D3: '=MAX_ABS_DIFF(A1:C1, A1/0)' });
    expect(num(e, 'D1')).toBe(2);
    expect(e.value('D2')).toMatchObject({ code: '#VALUE!', reason: 'error.lengthMismatch' });
    expect(code(e, 'D3')).toBe('#DIV/0!');
  });
});
