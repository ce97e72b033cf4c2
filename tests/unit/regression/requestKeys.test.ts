/**
 * Request keys and the worker's checks for data tables, sweeps and large runs: keys stay short
 * however large the data, and see every bit of it; limits are refused before anything runs.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { requestKey } from '../../../src/sheet/runKey';
import { fingerprintArray } from '../../../src/core/syntheticData';
import { regressionGroupKey } from '../../../src/core/regressionBatch';
import { regressionRequestProblem, regressionSweepProblem } from '../../../src/compute/validateRegression';
import { REGRESSION_LIMITS, type RegressionSweepRequest } from '../../../src/core/runTypes';
import { linearTable, tableRequest } from '../../reference/dataTables';
import { chapterRequest } from '../../reference/chapterRuns';
import { linspace } from '../../reference/sweeps';

const mxnet = { lr: 0.1, momentum: 0.5, convention: 'mxnet' } as const;

describe('fingerprintArray', () => {
  test('equal contents give equal fingerprints; any changed element changes it', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true }), { minLength: 1, maxLength: 50 }), fc.nat(), fc.double({ noNaN: true }), (values, at, replacement) => {
        const a = Float64Array.from(values);
        expect(fingerprintArray(Float64Array.from(values))).toBe(fingerprintArray(a));
        const b = Float64Array.from(values);
        b[at % b.length] = replacement;
        if (!Object.is(b[at % b.length], a[at % a.length])) expect(fingerprintArray(b)).not.toBe(fingerprintArray(a));
      }),
    );
  });

  test('the type and the length are part of it, also for the same bytes', () => {
    const bytes = new Float64Array([1, 2]);
    expect(fingerprintArray(bytes)).not.toBe(fingerprintArray(new Int32Array(bytes.buffer)));
    expect(fingerprintArray(new Float64Array(2))).not.toBe(fingerprintArray(new Float64Array(3)));
    expect(fingerprintArray(Float64Array.of(0))).not.toBe(fingerprintArray(Float64Array.of(-0)));
  });

  test('a view reads its own bytes, not its whole buffer', () => {
    const whole = Float64Array.of(9, 1, 2, 9);
    expect(fingerprintArray(whole.subarray(1, 3))).toBe(fingerprintArray(Float64Array.of(1, 2)));
  });
});

describe('request keys of large data', () => {
  const table = linearTable(100_000, [1, 2, 3], 4);

  test('the key of a 10⁵-row table request stays short and follows every value', () => {
    const request = tableRequest(table, [mxnet]);
    const key = requestKey(request);
    expect(key.length).toBeLessThan(600);
    const edited = { ...table, labels: Float64Array.from(table.labels) };
    edited.labels[77_777] += 1e-12;
    expect(requestKey(tableRequest(edited, [mxnet]))).not.toBe(key);
    expect(requestKey(tableRequest({ ...table, features: Float64Array.from(table.features) }, [mxnet]))).toBe(key);
    expect(regressionGroupKey(tableRequest(edited, [mxnet]))).not.toBe(regressionGroupKey(request));
  });

  test('a typed array and a string that spells its fingerprint get different keys', () => {
    const axis = Float64Array.of(0.1, 0.2);
    const { kind: _k, configs: _c, ...settings } = chapterRequest(1);
    const sweep: RegressionSweepRequest = { ...settings, kind: 'regressionSweep', convention: 'mxnet', lrs: axis, momenta: axis };
    const spoof = { ...sweep, lrs: fingerprintArray(axis) } as unknown as RegressionSweepRequest;
    expect(requestKey(spoof)).not.toBe(requestKey(sweep));
  });
});

describe('the worker refuses what is over the limits', () => {
  const generated = (n: number) => ({ n, trueW: [2, -3.4] as const, trueB: 4.2, noise: 0.01, seed: 1 });

  test('10⁶ generated examples are accepted, one more is not', () => {
    expect(regressionRequestProblem(chapterRequest(1, [mxnet], { data: generated(1_000_000), epochs: 1 }))).toBeNull();
    expect(regressionRequestProblem(chapterRequest(1, [mxnet], { data: generated(1_000_001), epochs: 1 }))).toContain('data.n');
  });

  test('configs × steps, steps and epochs × n are bounded', () => {
    expect(regressionRequestProblem(chapterRequest(1, Array(1024).fill(mxnet), { data: generated(1_000_000), epochs: 1 }))).toContain('configs × training steps');
    expect(regressionRequestProblem(chapterRequest(1, [mxnet], { data: generated(1_000_000), epochs: 21, batchSize: 1000 }))).toContain('epochs × n');
    expect(regressionRequestProblem(chapterRequest(1, [mxnet], { data: generated(1_000_000), epochs: 2, batchSize: 1 }))).toContain('training steps');
  });

  test('a table must be what it says: finite, of the stated shape', () => {
    const table = linearTable(10, [1, 2], 0);
    expect(regressionRequestProblem(tableRequest(table, [mxnet]))).toBeNull();
    const broken = { ...table, labels: Float64Array.from(table.labels) };
    broken.labels[3] = Number.NaN;
    expect(regressionRequestProblem(tableRequest(broken, [mxnet]))).toContain('finite');
    expect(regressionRequestProblem(tableRequest({ ...table, n: 11 }, [mxnet]))).toContain('labels');
    expect(regressionRequestProblem(tableRequest({ ...table, featureCount: REGRESSION_LIMITS.maxFeatures + 1 }, [mxnet]))).toContain('featureCount');
  });

  test('a sweep of more than 1,024 configurations, or with an empty axis, is refused', () => {
    const { kind: _k, configs: _c, ...settings } = chapterRequest(1);
    const sweep = (lrs: Float64Array, momenta: Float64Array): RegressionSweepRequest => ({ ...settings, kind: 'regressionSweep', convention: 'mxnet', lrs, momenta });
    expect(regressionSweepProblem(sweep(linspace(0, 1, 32), linspace(0, 1, 32)))).toBeNull();
    expect(regressionSweepProblem(sweep(linspace(0, 1, 33), linspace(0, 1, 32)))).toContain('1024');
    expect(regressionSweepProblem(sweep(new Float64Array(0), linspace(0, 1, 3)))).not.toBeNull();
    expect(regressionSweepProblem(sweep(Float64Array.of(Number.NaN), linspace(0, 1, 3)))).toContain('finite');
  });
});
