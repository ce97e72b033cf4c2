import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  analyzeQuadratic,
  gdRate,
  heavyBallConverges,
  heavyBallRate,
  methodRate,
  nesterovRate,
  overallRate,
  polyakOptimum,
  spectralRadius2,
  symmetricEigenvalues,
} from '../../../src/core/quadratic';
import { prepareObjective } from '../../../src/core/objective';
import { expectClose, PROPERTY_TIMEOUT_MS } from './closeTo';

type Matrix = readonly [number, number, number, number];

/** Spectral radius by Gelfand's formula ‖M^t‖^(1/t), renormalising to avoid over/underflow: an independent reference. */
function gelfandRadius(m: Matrix, t = 4000): number {
  let p: [number, number, number, number] = [1, 0, 0, 1];
  let logScale = 0;
  for (let k = 0; k < t; k++) {
    p = [p[0] * m[0] + p[1] * m[2], p[0] * m[1] + p[1] * m[3], p[2] * m[0] + p[3] * m[2], p[2] * m[1] + p[3] * m[3]];
    const norm = Math.max(...p.map(Math.abs));
    if (norm === 0) return 0;
    p = p.map((v) => v / norm) as typeof p;
    logScale += Math.log(norm);
  }
  return Math.exp(logScale / t);
}

describe('analyzeQuadratic', { timeout: PROPERTY_TIMEOUT_MS }, () => {
  it("finds the chapter objective's Hessian diag(0.2, 4) and its minimum at the origin", () => {
    expect(analyzeQuadratic('0.1*x1^2 + 2*x2^2')).toEqual({ ok: true, hessian: [0.2, 0, 4], eigenvalues: [0.2, 4], minimiser: [0, 0] });
  });

  it('eigenvalues satisfy the characteristic equation, and the gradient vanishes at the minimiser', () => {
    const coefficient = fc.double({ min: -3, max: 3, noNaN: true });
    fc.assert(
      fc.property(fc.double({ min: 0.1, max: 5, noNaN: true }), coefficient, fc.double({ min: 0.1, max: 5, noNaN: true }), coefficient, coefficient, (a, b, c, d, e) => {
        const objective = `${a}*x1^2 + ${b}*x1*x2 + ${c}*x2^2 + ${d}*x1 + ${e}*x2 + 7`;
        const analysis = analyzeQuadratic(objective);
        if (!analysis.ok) throw new Error(analysis.reason);
        const [h11, h12, h22] = analysis.hessian;
        expectClose(h11, 2 * a);
        expectClose(h12, b);
        expectClose(h22, 2 * c);
        for (const lambda of analysis.eigenvalues) expectClose((h11 - lambda) * (h22 - lambda) - h12 * h12, 0, 1e-10 * (1 + lambda * lambda));
        expect(analysis.eigenvalues[0]).toBeLessThanOrEqual(analysis.eigenvalues[1]);
        const prepared = prepareObjective(objective, null);
        if (!prepared.ok) throw new Error(prepared.reason);
        if (analysis.minimiser === null) {
          expect(analysis.eigenvalues[0]).toBeLessThanOrEqual(0);
        } else {
          const [m1, m2] = analysis.minimiser;
          expectClose(prepared.derivedGrad[0](m1, m2), 0, 1e-8 * (1 + Math.abs(m1) + Math.abs(m2)));
          expectClose(prepared.derivedGrad[1](m1, m2), 0, 1e-8 * (1 + Math.abs(m1) + Math.abs(m2)));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('keeps the small eigenvalue of an ill-conditioned Hessian accurate', () => {
    // [[1e8, 9999], [9999, 1]]: trace 1e8 + 1 and det 19999 are exact in float64, and the small
    // eigenvalue (≈ 2e-4) is 12 orders below the large one, where mean − radius would cancel.
    const [small, big] = symmetricEigenvalues(1e8, 9999, 1);
    const trace = 1e8 + 1;
    const det = 19999;
    expectClose(small * big, det, 1e-13 * det);
    expectClose(small + big, trace, 1e-15);
    expectClose(small, (2 * det) / (trace + Math.sqrt(trace * trace - 4 * det)), 1e-13 * small);
  });

  it.each([
    ['x1^3 + x2^2', 'notQuadratic'],
    ['exp(x1)', 'notQuadratic'],
    ['max(x1, x2)', 'derivative'],
    ['x1 + y', 'unknownSymbol'],
  ])('rejects %s (%s)', (objective, reason) => {
    expect(analyzeQuadratic(objective)).toMatchObject({ ok: false, reason });
  });

  it('recognises a quadratic whose second derivative only looks variable before full simplification', () => {
    expect(analyzeQuadratic('x1*x2*x1 - x1^2*x2 + x2^2')).toMatchObject({ ok: true, hessian: [0, 0, 2], minimiser: null });
  });
});

describe('convergence factors', { timeout: PROPERTY_TIMEOUT_MS }, () => {
  const eta = fc.double({ min: 0, max: 2, noNaN: true });
  const gamma = fc.double({ min: 0, max: 0.98, noNaN: true });
  const lambda = fc.double({ min: 0.01, max: 5, noNaN: true });

  it("the heavy ball's factor is the spectral radius of [[1+γ−ηλ, −γ], [1, 0]]", () => {
    fc.assert(
      fc.property(eta, gamma, lambda, (e, g, l) => {
        expectClose(heavyBallRate(e, g, l), gelfandRadius([1 + g - e * l, -g, 1, 0]), 0.01);
      }),
      { numRuns: 40 },
    );
  });

  it("Nesterov's factor is the spectral radius of its look-ahead iteration matrix", () => {
    fc.assert(
      fc.property(eta, gamma, lambda, (e, g, l) => {
        const h = 1 - e * l;
        expectClose(nesterovRate(e, g, l), gelfandRadius([h, -g * h, e * l, g * h]), 0.01);
      }),
      { numRuns: 40 },
    );
  });

  it('complex roots have modulus √γ; γ = 0 gives back |1 − ηλ|', () => {
    expectClose(heavyBallRate(0.9, 0.2, 2), Math.sqrt(0.2), 1e-15);
    expect(spectralRadius2(0, 0.25)).toBe(0.5);
    fc.assert(fc.property(eta, lambda, (e, l) => expectClose(heavyBallRate(e, 0, l), gdRate(e, l), 1e-15)));
  });

  it('the overall rate is the worst factor over the eigenvalues', () => {
    expect(overallRate('gd', 0.9, 0, [0.2, 4])).toBeCloseTo(2.6, 14);
    expect(overallRate('momentum', 0.4, 0.5, [0.2, 4])).toBe(Math.max(heavyBallRate(0.4, 0.5, 0.2), heavyBallRate(0.4, 0.5, 4)));
    expect(methodRate('nesterov', 0.4, 0.5, 4)).toBe(nesterovRate(0.4, 0.5, 4));
  });

  it('the heavy ball converges exactly when 0 < ηλ < 2(1 + γ)', () => {
    fc.assert(
      fc.property(fc.double({ min: -0.5, max: 3, noNaN: true }), fc.double({ min: 0, max: 0.999, noNaN: true }), lambda, (e, g, l) => {
        const rate = heavyBallRate(e, g, l);
        fc.pre(Math.abs(rate - 1) > 1e-9);
        expect(heavyBallConverges(e, g, l)).toBe(rate < 1);
      }),
      { numRuns: 500 },
    );
  });
});

describe('polyakOptimum', () => {
  it('gives η* = 4/(√L+√μ)², γ* = ((√L−√μ)/(√L+√μ))² and rate (√κ−1)/(√κ+1)', () => {
    expect(polyakOptimum(1, 9)).toEqual({ eta: 0.25, gamma: 0.25, rate: 0.5 });
    const { rate } = polyakOptimum(0.2, 4);
    const kappa = 4 / 0.2;
    expectClose(rate, (Math.sqrt(kappa) - 1) / (Math.sqrt(kappa) + 1), 1e-15);
  });

  it('contracts every eigenvalue in [μ, L] at exactly its rate', () => {
    const { eta, gamma, rate } = polyakOptimum(0.2, 4);
    for (let k = 0; k <= 20; k++) expectClose(heavyBallRate(eta, gamma, 0.2 + (3.8 * k) / 20), rate, 1e-7);
  });
});
