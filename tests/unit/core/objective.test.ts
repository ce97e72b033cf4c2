import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { prepareObjective } from '../../../src/core/objective';
import { expectClose, PROPERTY_TIMEOUT_MS } from './closeTo';

const CHAPTER = '0.1*x1^2 + 2*x2^2';

describe('prepareObjective', { timeout: PROPERTY_TIMEOUT_MS }, () => {
  it("derives the chapter's true gradient and prints it readably", () => {
    const prepared = prepareObjective(CHAPTER, null);
    if (!prepared.ok) throw new Error(prepared.reason);
    expect(prepared.derivedText).toEqual(['0.2 * x1', '4 * x2']);
    expect(prepared.grad[1](0, 1)).toBe(4);
    expect(prepared.handGrad).toBeNull();
  });

  it('runs on the hand-typed gradient when one is given, and still derives the true one', () => {
    const prepared = prepareObjective(CHAPTER, ['0.2*x1', '2*x2']);
    if (!prepared.ok) throw new Error(prepared.reason);
    expect(prepared.grad[1](0, 1)).toBe(2);
    expect(prepared.derivedGrad[1](0, 1)).toBe(4);
  });

  it('derives gradients that agree with central finite differences, through every differentiable function', () => {
    const objective = 'exp(0.1*x1*x2) + sin(x1) + log(2 + x2^2) + tanh(x1 - x2) + tan(x1/4) + atan(x2) + sqrt(3 + x1) + cosh(x2/3)';
    const prepared = prepareObjective(objective, null);
    if (!prepared.ok) throw new Error(`${prepared.reason}: ${prepared.subject}`);
    const h = 1e-5;
    const coordinate = fc.double({ min: -2, max: 2, noNaN: true });
    fc.assert(
      fc.property(coordinate, coordinate, (x1, x2) => {
        const d1 = (prepared.f(x1 + h, x2) - prepared.f(x1 - h, x2)) / (2 * h);
        const d2 = (prepared.f(x1, x2 + h) - prepared.f(x1, x2 - h)) / (2 * h);
        expectClose(prepared.derivedGrad[0](x1, x2), d1, 1e-7);
        expectClose(prepared.derivedGrad[1](x1, x2), d2, 1e-7);
      }),
      { numRuns: 100 },
    );
  });

  it('says which formula failed', () => {
    expect(prepareObjective('x1 + y', null)).toMatchObject({ ok: false, reason: 'unknownSymbol', subject: 'y', where: 'objective' });
    expect(prepareObjective(CHAPTER, ['0.2*x1', '2*'])).toMatchObject({ ok: false, reason: 'parse', where: 'gradient2' });
    expect(prepareObjective(CHAPTER, ['bar(x1)', '2*x2'])).toMatchObject({ ok: false, reason: 'unknownFunction', where: 'gradient1' });
  });

  it('turns a function mathjs cannot differentiate into a failure value instead of an exception', () => {
    expect(prepareObjective('max(x1, x2)^2', null)).toMatchObject({ ok: false, reason: 'derivative', where: 'objective' });
  });
});
