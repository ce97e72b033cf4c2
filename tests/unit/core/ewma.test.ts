import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ewma, ewmaWeights, ewmaWindow, windowDecay } from '../../../src/core/ewma';
import { runPath2D } from '../../../src/core/optimize2d';
import { expectClose } from './closeTo';

describe('EWMA', () => {
  it('γ^(1/(1−γ)) ≈ e⁻¹: 0.95²⁰ is within 0.01 of 1/e', () => {
    expect(windowDecay(0.95)).toBeCloseTo(0.95 ** 20, 12);
    expect(Math.abs(windowDecay(0.95) - Math.exp(-1))).toBeLessThan(0.01);
    expect(Math.abs(windowDecay(0.999) - Math.exp(-1))).toBeLessThan(Math.abs(windowDecay(0.9) - Math.exp(-1)));
  });

  it('the window is 1/(1−γ): 10 for γ = 0.9, 20 for γ = 0.95', () => {
    expect(ewmaWindow(0.9)).toBeCloseTo(10, 12);
    expect(ewmaWindow(0.95)).toBeCloseTo(20, 12);
  });

  it('the first n weights (1−γ)γ^i sum to 1 − γ^n', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 0.999, noNaN: true }), fc.integer({ min: 0, max: 300 }), (gamma, n) => {
        const sum = ewmaWeights(gamma, n).reduce((a, b) => a + b, 0);
        expectClose(sum, 1 - gamma ** n, 1e-12);
      }),
    );
  });

  it('starting from y = 0, the average equals the unrolled weighted sum of the series', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 0.99, noNaN: true }), fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 1, maxLength: 60 }), (gamma, series) => {
        const averaged = ewma(series, gamma);
        const weights = ewmaWeights(gamma, series.length);
        for (let t = 0; t < series.length; t++) {
          let unrolled = 0;
          for (let i = 0; i <= t; i++) unrolled += weights[i] * series[t - i];
          expectClose(averaged[t], unrolled, 1e-10);
        }
      }),
    );
  });

  it('the average of a constant series converges to the constant', () => {
    const averaged = ewma(new Array<number>(400).fill(3.5), 0.95);
    expect(Math.abs(averaged[399] - 3.5)).toBeLessThan(1e-8);
    expect(averaged[0]).toBeCloseTo(3.5 * 0.05, 15);
  });

  it("the heavy ball's velocity is the EWMA of the special gradient η∇f/(1−γ)", () => {
    const gamma = 0.9;
    const run = runPath2D({ kind: 'path2d', method: 'momentum', objective: '0.1*x1^2 + 2*x2^2', gradient: null, start: [-5, -2], eta: 0.05, gamma, steps: 40 });
    if (run.kind === 'failure') throw new Error(run.message);
    const special = Array.from(run.step1, (s) => s / (1 - gamma));
    ewma(special, gamma).forEach((v, t) => expectClose(v, run.velocity1[t], 1e-12));
  });
});
