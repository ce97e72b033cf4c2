/**
 * Divergence, defined honestly (src/core/divergence.ts): on quadratics the spectral radius
 * decides, elsewhere the escape rule; the step reported is where divergence becomes evident.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { escapeDivergence, excursionStart, ESCAPE_FACTOR, theoryDivergence } from '../../../src/core/divergence';
import { runPath2D } from '../../../src/core/optimize2d';
import { directionErrors } from '../../../src/core/pathTheory';
import { methodRate } from '../../../src/core/quadratic';
import { truncateAtDivergence } from '../../../src/core/regressionPlan';
import type { Path2DRequest, Path2DResult } from '../../../src/core/runTypes';
import { runRegressionReference } from '../../reference/regressionReference';
import { chapterRequest } from '../../reference/chapterRuns';
import { PROPERTY_TIMEOUT_MS } from './closeTo';

const CHAPTER = '0.1*x1^2 + 2*x2^2';
const PRINTED = ['0.2*x1', '2*x2'] as const;

function run(overrides: Partial<Path2DRequest>): Path2DResult {
  const result = runPath2D({ kind: 'path2d', method: 'gd', objective: CHAPTER, gradient: null, start: [-5, -2], eta: 0.4, gamma: 0, steps: 15, ...overrides });
  if (result.kind === 'failure') throw new Error(result.message);
  return result;
}

const uniform = (min: number, max: number) => fc.integer({ min: 0, max: 10_000 }).map((k) => min + ((max - min) * k) / 10_000);

describe("the chapter's examples", () => {
  it('GD with η = 1.1 and the printed gradient diverges from step 1 (f 10.5 → 1,899)', () => {
    const gd = run({ eta: 1.1, gradient: PRINTED });
    expect(gd.f[0]).toBe(10.5);
    expect(Math.round(gd.f[15])).toBe(1899);
    expect(gd.divergedAt).toBe(1);
    // Nothing was cut: the whole run is there to draw.
    expect(gd.x1).toHaveLength(16);
  });

  it('momentum (0.6, 0) with the true gradient diverges from step 1 (f₁₅ ≈ 1.9e5)', () => {
    const momentum = run({ method: 'momentum', eta: 0.6, gamma: 0 });
    expect(momentum.f[15]).toBeGreaterThan(1.9e5);
    expect(momentum.f[15]).toBeLessThan(2e5);
    expect(momentum.divergedAt).toBe(1);
  });

  it.each([
    ['gd', 0.9, 0],
    ['momentum', 0.9, 0.2],
    ['momentum', 1.1, 0.2],
  ] as const)('the printed %s run with η = %s, γ = %s converges and is not flagged', (method, eta, gamma) => {
    expect(run({ method, eta, gamma, gradient: PRINTED }).divergedAt).toBeNull();
  });

  it('a slowly converging, oscillating run is not flagged, although f swings 98× above its start', () => {
    const swing = run({ method: 'momentum', eta: 1.95, gamma: 0.96, gradient: PRINTED });
    expect(Math.max(...swing.f)).toBeGreaterThan(90 * swing.f[0]);
    expect(Math.max(methodRate('momentum', 1.95, 0.96, 0.2), methodRate('momentum', 1.95, 0.96, 2))).toBeLessThan(1);
    expect(swing.divergedAt).toBeNull();
  });
});

describe('theory decides on quadratics', { timeout: PROPERTY_TIMEOUT_MS }, () => {
  it("every (η, γ) with spectral radius > 1 on the chapter's quadratic is flagged within the run; < 1 never", () => {
    const seen = { flagged: 0, clean: 0 };
    fc.assert(
      fc.property(
        fc.constantFrom('gd', 'momentum', 'nesterov' as const),
        uniform(0.01, 3),
        uniform(0, 0.99),
        fc.boolean(),
        fc.integer({ min: 1, max: 40 }),
        (method, eta, gamma, printed, steps) => {
          const eigenvalues = printed ? [0.2, 2] : [0.2, 4];
          const rho = Math.max(...eigenvalues.map((lambda) => methodRate(method, eta, gamma, lambda)));
          fc.pre(Math.abs(rho - 1) > 1e-6);
          const result = run({ method, eta, gamma, steps, gradient: printed ? PRINTED : null });
          if (rho > 1) {
            expect(result.divergedAt).not.toBeNull();
            expect(result.divergedAt).toBeGreaterThanOrEqual(1);
            expect(result.divergedAt).toBeLessThanOrEqual(result.x1.length - 1);
            seen.flagged += 1;
          } else {
            expect(result.divergedAt).toBeNull();
            seen.clean += 1;
          }
        },
      ),
      { numRuns: 400 },
    );
    expect(seen.flagged).toBeGreaterThan(50);
    expect(seen.clean).toBeGreaterThan(50);
  });

  it('from the step reported on, the error along a growing direction stays above its starting size', () => {
    fc.assert(
      fc.property(uniform(0.55, 2), uniform(0, 0.9), (eta, gamma) => {
        const result = run({ method: 'momentum', eta, gamma, steps: 30 });
        const theory = result.theory!;
        const growing = ([0, 1] as const).filter((i) => theory.rates[i] > 1);
        fc.pre(growing.length > 0 && result.divergedAt !== null && result.x1.length === 31);
        const at = result.divergedAt;
        const stays = growing.some((i) => {
          const errors = directionErrors(theory, i, result.x1, result.x2).map(Math.abs);
          return errors.subarray(at).every((e) => e > errors[0]) && (at === 1 || errors[at - 1] <= errors[0]);
        });
        expect(stays).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('a direction the start does not excite cannot diverge: on the x1 axis GD with η = 1.1 converges', () => {
    expect(run({ eta: 1.1, gradient: PRINTED, start: [-5, 0] }).divergedAt).toBeNull();
  });
});

describe('the rules on series', () => {
  it('excursionStart finds the step from which a series stays above its start', () => {
    expect(excursionStart(Float64Array.of(2, 1, 3, 4), 3)).toBe(2);
    expect(excursionStart(Float64Array.of(2, 3, 4), 2)).toBe(1);
    expect(excursionStart(Float64Array.of(2, 3, 1), 2)).toBe(2);
  });

  it('theory ignores rates at or below 1 and directions that are identically zero', () => {
    expect(theoryDivergence([Float64Array.of(1, 2, 4)], [1], 2)).toBeNull();
    expect(theoryDivergence([Float64Array.of(0, 0, 0)], [3], 2)).toBeNull();
    expect(theoryDivergence([Float64Array.of(1, 0.5, 2), Float64Array.of(1, 3, 9)], [2, 3], 2)).toBe(1);
  });

  it(`escape: a history that ends more than ${ESCAPE_FACTOR}× above its start diverges from where its last rise began`, () => {
    const rising = Float64Array.from({ length: 20 }, (_, t) => (t < 5 ? 16 / (t + 1) : 16 * 2 ** (t - 5)));
    expect(rising[19]).toBeGreaterThan(ESCAPE_FACTOR * 16);
    expect(escapeDivergence(rising, 0, null)).toBe(6);
  });

  it('escape: a bounce of 100× that settles, and a slow oscillating decay, do not diverge', () => {
    const bounce = Float64Array.from({ length: 60 }, (_, t) => 16 * (1 + 100 * Math.exp(-((t - 10) ** 2) / 20)));
    const oscillating = Float64Array.from({ length: 300 }, (_, t) => 16 * 0.99 ** t * (1.5 + Math.cos(t)));
    expect(escapeDivergence(bounce, 0, null)).toBeNull();
    expect(escapeDivergence(oscillating, 0, null)).toBeNull();
  });

  it('a blow-up counts wherever the history ends', () => {
    expect(escapeDivergence(Float64Array.of(1, 0.5, 3, Infinity), 0, 3)).toBe(2);
    const losses = Float64Array.of(10, 5, 2e12, 7);
    expect(truncateAtDivergence(losses)).toEqual({ divergedAt: 2 });
    expect(Number.isNaN(losses[3])).toBe(true);
  });
});

describe('regression loss histories', () => {
  it("the chapter's three runs at lr 0.2 are not flagged, though mom 0.99 ends far above its start", () => {
    const result = runRegressionReference(chapterRequest(1));
    expect(result.divergedAt).toEqual([null, null, null]);
  });

  it('mom 0.99 at lr 0.6 climbs more than a millionfold and is flagged long before it ends', () => {
    const result = runRegressionReference(chapterRequest(1, [{ lr: 0.6, momentum: 0.99, convention: 'mxnet' }]));
    const losses = result.losses[0];
    expect(losses[losses.length - 1]).toBeGreaterThan(1e6 * losses[0]);
    expect(result.divergedAt[0]).not.toBeNull();
    expect(result.divergedAt[0]).toBeLessThan(100);
  });
});
