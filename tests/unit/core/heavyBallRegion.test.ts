/**
 * The heavy ball's region of convergence, checked three ways on sampled (η, γ, λ): the textbook
 * predicate 0 < ηλ < 2(1 + γ), the spectral radius, and what a long run actually does.
 */
import { describe, expect, it } from 'vitest';
import { PROPERTY_TIMEOUT_MS } from './closeTo';
import fc from 'fast-check';
import { heavyBallConverges, heavyBallRate } from '../../../src/core/quadratic';
import { runPath2D } from '../../../src/core/optimize2d';

const STEPS = 1500;

/** Evenly spread values (fast-check's doubles favour the ends of a range). */
const uniform = (min: number, max: number) => fc.integer({ min: 0, max: 10_000 }).map((k) => min + ((max - min) * k) / 10_000);

describe('heavy-ball region of convergence', { timeout: PROPERTY_TIMEOUT_MS }, () => {
  it('predicate, spectral radius and long runs agree away from the boundary', () => {
    const seen = { converging: 0, diverging: 0 };
    fc.assert(
      fc.property(
        uniform(0.01, 5),
        uniform(0, 0.95),
        uniform(0.1, 3),
        (etaLambda, gamma, lambda) => {
          const eta = etaLambda / lambda;
          const rate = heavyBallRate(eta, gamma, lambda);
          // Within 5% of the boundary a finite run cannot tell the two sides apart.
          fc.pre(Math.abs(rate - 1) > 0.05);
          expect(heavyBallConverges(eta, gamma, lambda)).toBe(rate < 1);
          const run = runPath2D({
            kind: 'path2d',
            method: 'momentum',
            objective: `${lambda / 2}*x1^2`,
            gradient: null,
            start: [1, 0],
            eta,
            gamma,
            steps: STEPS,
          });
          if (run.kind === 'failure') throw new Error(run.message);
          seen[rate < 1 ? 'converging' : 'diverging'] += 1;
          if (rate < 1) {
            expect(run.divergedAt).toBeNull();
            expect(Math.abs(run.x1[STEPS])).toBeLessThan(1e-6);
          } else {
            expect(run.divergedAt).not.toBeNull();
          }
        },
      ),
      { numRuns: 120 },
    );
    // Both sides of the boundary were exercised.
    expect(seen.converging).toBeGreaterThan(20);
    expect(seen.diverging).toBeGreaterThan(20);
  });
});
