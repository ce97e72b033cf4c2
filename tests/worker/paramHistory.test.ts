import { beforeAll, expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { initTfBackend } from '../../src/compute/tfBackend';
import { ParamHistory } from '../../src/compute/paramHistory';

beforeAll(initTfBackend);

const rows = (value: number) => tf.fill<tf.Rank.R2>([2, 4], value);

test('reads back every recorded row in order, however the records were consolidated', () => {
  const before = tf.memory().numTensors;
  const history = new ParamHistory();
  history.record(rows(0));
  history.record(rows(1));
  history.consolidate();
  expect(history.latest().dataSync()[0]).toBe(1);
  history.consolidate(); // nothing new: no effect
  history.record(rows(2));
  history.record(rows(3));
  history.record(rows(4));
  history.consolidate();
  history.record(rows(5));
  expect(history.latest().dataSync()[0]).toBe(5);
  expect(Array.from(history.read())).toEqual([0, 1, 2, 3, 4, 5].flatMap((v) => Array(8).fill(v)));
  history.dispose();
  expect(tf.memory().numTensors).toBe(before);
});

test('consolidating keeps the tensor count flat: one chunk plus the latest record', () => {
  const history = new ParamHistory();
  history.record(rows(0));
  const counts: number[] = [];
  for (let step = 1; step <= 90; step += 1) {
    history.record(rows(step));
    if (step % 30 === 0) {
      history.consolidate();
      counts.push(tf.memory().numTensors);
    }
  }
  // Each consolidation adds one chunk and leaves no pending records.
  expect(counts[1] - counts[0]).toBe(1);
  expect(counts[2] - counts[1]).toBe(1);
  history.dispose();
});
