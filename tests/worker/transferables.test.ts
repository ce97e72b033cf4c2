import { expect, test } from 'vitest';
import { transferablesOf } from '../../workers/transferables';

test('every typed array buffer is found once, however deeply nested or shared', () => {
  const shared = new ArrayBuffer(64);
  const a = new Float64Array(shared, 0, 4);
  const b = new Float64Array(shared, 32, 4);
  const c = new Float32Array(3);
  const outcome = { status: 'ok', result: { kind: 'x', losses: [a, b], nested: { rates: c }, n: 3, label: 'y' } };
  const buffers = transferablesOf(outcome);
  expect(buffers).toHaveLength(2);
  expect(new Set(buffers)).toEqual(new Set([shared, c.buffer]));
});

test('an outcome without arrays has nothing to transfer', () => {
  expect(transferablesOf({ status: 'failed', message: 'no' })).toEqual([]);
});
