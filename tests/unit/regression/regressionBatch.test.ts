import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import {
  groupRegressionRequests,
  regressionGroupKey,
  selectRegressionConfigs,
  splitRegressionResult,
} from '../../../src/core/regressionBatch';
import { runRegressionReference } from '../../reference/regressionReference';
import { chapterRequest, type GeneratedRegressionRequest } from '../../reference/chapterRuns';
import type { RegressionConfig, RegressionRequest } from '../../../src/core/runTypes';

const cell = (seed: number, config: RegressionConfig, overrides: Partial<GeneratedRegressionRequest> = {}) =>
  chapterRequest(seed, [config], { epochs: 1, ...overrides });
const mxnet = (lr: number, momentum: number): RegressionConfig => ({ lr, momentum, convention: 'mxnet' });

describe('regressionGroupKey', () => {
  test('ignores configs and property order, and sees every other setting', () => {
    const base = cell(1, mxnet(0.2, 0.9));
    const reordered: RegressionRequest = {
      configs: [mxnet(0.1, 0.5)],
      initScale: base.initScale,
      trainSeed: base.trainSeed,
      decayFactor: base.decayFactor,
      decayEpoch: base.decayEpoch,
      epochs: base.epochs,
      batchSize: base.batchSize,
      data: { seed: 1, noise: 0.01, trueB: 4.2, trueW: [2, -3.4], n: 1000 },
      kind: 'regression',
    };
    expect(regressionGroupKey(reordered)).toBe(regressionGroupKey(base));
    const changes: Partial<RegressionRequest>[] = [
      { batchSize: 20 },
      { epochs: 2 },
      { decayEpoch: null },
      { decayFactor: 0.5 },
      { trainSeed: 7 },
      { initScale: 0.1 },
      { data: { ...base.data, seed: 2 } },
      { data: { ...base.data, n: 999 } },
      { data: { ...base.data, noise: 0.1 } },
      { data: { ...base.data, trueW: [2, -3.3] } },
      { data: { ...base.data, trueB: 4 } },
    ];
    for (const change of changes) expect(regressionGroupKey({ ...base, ...change })).not.toBe(regressionGroupKey(base));
  });
});

describe('groupRegressionRequests', () => {
  test('cells that differ only in configs become one batched request, in order of appearance', () => {
    const cells = [cell(1, mxnet(0.2, 0.99)), cell(2, mxnet(0.2, 0.9)), cell(1, mxnet(0.2, 0.5)), cell(1, mxnet(0.1, 0.5))];
    const groups = groupRegressionRequests(cells);
    expect(groups).toHaveLength(2);
    expect(groups[0].request.configs).toEqual([mxnet(0.2, 0.99), mxnet(0.2, 0.5), mxnet(0.1, 0.5)]);
    expect(groups[0].members).toEqual([
      { requestIndex: 0, configIndices: [0] },
      { requestIndex: 2, configIndices: [1] },
      { requestIndex: 3, configIndices: [2] },
    ]);
    expect(groups[1].members).toEqual([{ requestIndex: 1, configIndices: [0] }]);
  });

  test('identical configs are trained once and shared', () => {
    const groups = groupRegressionRequests([cell(1, mxnet(0.2, 0.9)), cell(1, mxnet(0.2, 0.9))]);
    expect(groups[0].request.configs).toHaveLength(1);
    expect(groups[0].members.map((m) => m.configIndices)).toEqual([[0], [0]]);
  });

  test('any list of requests: every member finds its own configs in its group', () => {
    const config = fc.record({
      lr: fc.constantFrom(0.1, 0.2),
      momentum: fc.constantFrom(0, 0.5, 0.9),
      convention: fc.constantFrom<RegressionConfig['convention']>('mxnet', 'pytorch'),
    });
    const request = fc
      .record({ seed: fc.integer({ min: 1, max: 3 }), epochs: fc.integer({ min: 1, max: 2 }), configs: fc.array(config, { minLength: 1, maxLength: 3 }) })
      .map(({ seed, epochs, configs }) => chapterRequest(seed, configs, { epochs }));
    fc.assert(
      fc.property(fc.array(request, { maxLength: 12 }), (requests) => {
        const groups = groupRegressionRequests(requests);
        const seen = groups.flatMap((g) => g.members.map((m) => m.requestIndex)).sort((a, b) => a - b);
        expect(seen).toEqual(requests.map((_, i) => i));
        for (const group of groups) {
          for (const member of group.members) {
            const own = requests[member.requestIndex];
            expect(regressionGroupKey(own)).toBe(group.key);
            expect(member.configIndices.map((i) => group.request.configs[i])).toEqual(own.configs);
          }
        }
      }),
    );
  });
});

describe('splitting a batched result', () => {
  test('each cell gets exactly the result it would have had when run alone', () => {
    const cells = [cell(3, mxnet(0.2, 0.99)), cell(3, { lr: 0.2, momentum: 0.9, convention: 'pytorch' }), cell(3, mxnet(0.05, 0.5))];
    const [group] = groupRegressionRequests(cells);
    const batched = runRegressionReference(group.request);
    group.members.forEach((member) => {
      const own = runRegressionReference(cells[member.requestIndex]);
      expect(selectRegressionConfigs(batched, member.configIndices)).toEqual(own);
      expect(splitRegressionResult(batched, member.configIndices[0])).toEqual(own);
    });
  });
});
