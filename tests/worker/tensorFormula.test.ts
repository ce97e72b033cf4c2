/** The tensor compiler against the float64 compiler every single run uses, formula by formula. */
import { beforeAll, describe, expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { initTfBackend } from '../../src/compute/tfBackend';
import { asPoints, compileTensorFormula } from '../../src/compute/tensorFormula';
import { compileFormula } from '../../src/core/compileExpression';
import { parseMath } from '../../src/core/mathParser';
import { seededUniform } from '../../src/core/syntheticData';

beforeAll(initTfBackend);

const FORMULAS = [
  '0.1*x1^2 + 2*x2^2',
  '-x1^3 + x2^5 - 2^3',
  '(x1 - 1)^2 + 100*(x2 - x1^2)^2',
  'exp(x1/4) + sqrt(x2^2 + 1) + abs(x1 - x2)',
  'sin(x1) * cos(x2) + tan(x1/5) + tanh(x2)',
  'sinh(x1/3) + cosh(x2/3) + atan(x1*x2) + sign(x1)',
  'square(x1) + cube(x2/2) + sec(x1/4) + sech(x2)',
  'log(x1^2 + 1) + log(x2^2 + 2, 3) + pow(x1^2 + 1, 0.5)',
  'min(x1, x2, 0.5) + max(x1^2, 1) - pi*e',
  '+x1 - -x2',
  '3',
];

describe('compileTensorFormula', () => {
  test.each(FORMULAS)('%s agrees with compileFormula to float32 rounding at 200 points', (text) => {
    const node = parseMath(text);
    const reference = compileFormula(text);
    if (!node.ok || !reference.ok) throw new Error('test formula does not compile');
    const compiled = compileTensorFormula(node.node);
    if (!compiled.ok) expect.fail(`cannot compile ${compiled.subject}`);
    const uniform = seededUniform(7);
    const a = Float32Array.from({ length: 200 }, () => 6 * uniform() - 3);
    const b = Float32Array.from({ length: 200 }, () => 6 * uniform() - 3);
    const before = tf.memory().numTensors;
    const values = tf.tidy(() => asPoints(compiled.fn(tf.tensor1d(a), tf.tensor1d(b)), 200).dataSync());
    expect(tf.memory().numTensors).toBe(before);
    a.forEach((x1, i) => {
      const expected = reference.fn(x1, b[i]);
      expect(Math.abs(values[i] - expected), `at (${x1}, ${b[i]})`).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(expected)));
    });
  });

  test('constant subtrees fold to a number: no op is issued for them', () => {
    const node = parseMath('2^10 * pi - log(e)');
    if (!node.ok) throw new Error('parse');
    const compiled = compileTensorFormula(node.node);
    if (!compiled.ok) throw new Error('compile');
    expect(tf.tidy(() => compiled.fn(tf.zeros([1]), tf.zeros([1])))).toBeCloseTo(1024 * Math.PI - 1, 12);
  });

  test('what the float64 compiler refuses is refused here too', () => {
    for (const text of ['y + x1', 'foo(x1)', 'x1 == 2']) {
      const node = parseMath(text);
      if (!node.ok) continue;
      expect(compileFormula(text).ok).toBe(false);
      expect(compileTensorFormula(node.node).ok).toBe(false);
    }
  });
});
