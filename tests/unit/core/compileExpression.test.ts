import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluate } from 'mathjs';
import { compileExpression, compileFormula } from '../../../src/core/compileExpression';
import { parseMath } from '../../../src/core/mathParser';
import { expectClose, PROPERTY_TIMEOUT_MS } from './closeTo';

/** Formulas covering every supported construct; full mathjs evaluates them as the reference. */
const FORMULAS = [
  '0.1*x1^2 + 2*x2^2',
  '2x1 x2 - (x1 - x2) / 3',
  '-x1 + +x2 - -3',
  'exp(x1) * log(x2) + log(x1 + x2, 2)',
  'sqrt(x1) + abs(x1 - x2) + sin(x1) * cos(x2) + tan(x1 / 4)',
  'tanh(x1) + sinh(x2) - cosh(x1 / 2) + atan(x1 * x2)',
  'min(x1, x2) + max(x1, x2, 1.5) + min(x2)',
  'pow(x1, x2) + square(x1 - 1) + cube(x2) + sign(x1 - 1)',
  'pi * x1 + e^x2',
  '2^-x1 + x1^x2^0.5',
];

describe('compileExpression', { timeout: PROPERTY_TIMEOUT_MS }, () => {
  it('evaluates every supported construct like mathjs itself', () => {
    // Positive arguments keep mathjs in the reals (it answers sqrt(-1) with a complex number).
    const point = fc.tuple(fc.double({ min: 0.1, max: 3, noNaN: true }), fc.double({ min: 0.1, max: 3, noNaN: true }));
    for (const text of FORMULAS) {
      const compiled = compileFormula(text);
      if (!compiled.ok) throw new Error(`${text}: ${compiled.reason} ${compiled.subject}`);
      fc.assert(
        fc.property(point, ([x1, x2]) => {
          expectClose(compiled.fn(x1, x2), evaluate(text, { x1, x2 }) as number, 1e-13);
        }),
        { numRuns: 50 },
      );
    }
  });

  it('reads log with one argument as the natural logarithm and with two as log to a base', () => {
    const natural = compileFormula('log(x1)');
    const base = compileFormula('log(x1, x2)');
    expect(natural.ok && natural.fn(Math.E ** 3, 0)).toBeCloseTo(3, 14);
    expect(base.ok && base.fn(1024, 2)).toBeCloseTo(10, 13);
  });

  it('compiles over other variable names when asked', () => {
    const parsed = parseMath('a - 2*b');
    if (!parsed.ok) throw new Error(parsed.message);
    const compiled = compileExpression(parsed.node, ['a', 'b']);
    expect(compiled.ok && compiled.fn(5, 1)).toBe(3);
    expect(compileExpression(parsed.node)).toEqual({ ok: false, reason: 'unknownSymbol', subject: 'a' });
  });

  it.each([
    ['y + x1', 'unknownSymbol', 'y'],
    ['foo(x1)', 'unknownFunction', 'foo'],
    ['x1(2)', 'unknownFunction', 'x1'],
    ['"abc"', 'unsupported', 'string'],
    ['true + x1', 'unsupported', 'boolean'],
    ['a = 2', 'unsupported', 'AssignmentNode'],
    ['x1[1]', 'unsupported', 'AccessorNode'],
    ['1:3', 'unsupported', 'RangeNode'],
    ['[x1, x2]', 'unsupported', 'ArrayNode'],
    ['x1 > 0 ? x1 : x2', 'unsupported', 'ConditionalNode'],
    ['x1 mod 2', 'unsupported', 'operator mod'],
    ['sqrt(x1, 2)', 'unsupported', 'sqrt with 2 arguments'],
    ['pow(x1)', 'unsupported', 'pow with 1 argument'],
  ])('turns %s into a typed failure (%s)', (text, reason, subject) => {
    expect(compileFormula(text)).toEqual({ ok: false, reason, subject });
  });

  it('reports a syntax error as a parse failure value', () => {
    const outcome = compileFormula('x1 +* 2');
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.reason).toBe('parse');
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (text) => {
        const outcome = compileFormula(text);
        expect(typeof outcome.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });
});
