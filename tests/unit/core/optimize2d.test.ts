import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { STOP_FACTOR, runPath2D } from '../../../src/core/optimize2d';
import type { Path2DRequest, Path2DResult } from '../../../src/core/runTypes';
import { expectClose, PROPERTY_TIMEOUT_MS } from './closeTo';

const CHAPTER = '0.1*x1^2 + 2*x2^2';
const PRINTED_GRADIENT = ['0.2*x1', '2*x2'] as const;

function run(overrides: Partial<Path2DRequest>): Path2DResult {
  const result = runPath2D({
    kind: 'path2d',
    method: 'gd',
    objective: CHAPTER,
    gradient: null,
    start: [-5, -2],
    eta: 0.4,
    gamma: 0,
    steps: 15,
    ...overrides,
  });
  if (result.kind === 'failure') throw new Error(result.message);
  return result;
}

/** `c*x1^2 + d*x2^2` with Hessian eigenvalues λ1 = 2c, λ2 = 2d (halving and doubling are exact). */
const diagonalQuadratic = (l1: number, l2: number) => `${l1 / 2}*x1^2 + ${l2 / 2}*x2^2`;

/** 2×2 matrix power applied to a vector, by repeated multiplication (the reference, not the code under test). */
function applyPower(m: readonly [number, number, number, number], t: number, v: readonly [number, number]): [number, number] {
  let [a, b] = v;
  for (let k = 0; k < t; k++) [a, b] = [m[0] * a + m[1] * b, m[2] * a + m[3] * b];
  return [a, b];
}

const eigenvalue = fc.double({ min: 0.05, max: 5, noNaN: true });
const start = fc.double({ min: -10, max: 10, noNaN: true });

describe('runPath2D: closed forms on diagonal quadratics', { timeout: PROPERTY_TIMEOUT_MS }, () => {
  it('gradient descent follows x_t = (1 − ηλ_i)^t · x0_i', () => {
    fc.assert(
      fc.property(eigenvalue, eigenvalue, fc.double({ min: 0.01, max: 0.6, noNaN: true }), start, start, (l1, l2, eta, a, b) => {
        const result = run({ objective: diagonalQuadratic(l1, l2), start: [a, b], eta, steps: 20 });
        // A run that leaves the divergence bound ends early; the closed form holds up to there.
        for (let t = 0; t < result.x1.length; t++) {
          for (const [x, lambda, x0] of [[result.x1, l1, a], [result.x2, l2, b]] as const) {
            const factor = Math.abs(1 - eta * lambda);
            // Rounding of step k is ε·|x_k|, carried forward by the factor: a few ε·t·|x0|·max(1, factor)^t.
            const tolerance = 8 * (t + 1) * Number.EPSILON * Math.abs(x0) * Math.max(1, factor) ** t + 1e-300; // subnormal starts round absolutely
            expect(Math.abs(x[t] - (1 - eta * lambda) ** t * x0)).toBeLessThanOrEqual(tolerance);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('the heavy ball follows (x_t, x_{t−1}) = [[1+γ−ηλ, −γ], [1, 0]]^t · (x0, x0)', () => {
    const gamma = fc.double({ min: 0, max: 0.95, noNaN: true });
    fc.assert(
      fc.property(eigenvalue, eigenvalue, fc.double({ min: 0.01, max: 0.6, noNaN: true }), gamma, start, start, (l1, l2, eta, g, a, b) => {
        const result = run({ method: 'momentum', objective: diagonalQuadratic(l1, l2), start: [a, b], eta, gamma: g, steps: 30 });
        for (const [x, lambda, x0] of [[result.x1, l1, a], [result.x2, l2, b]] as const) {
          const m = [1 + g - eta * lambda, -g, 1, 0] as const;
          // Rounding errors are amplified at most by the matrix's ∞-norm per step.
          const growth = Math.max(1, Math.abs(m[0]) + g);
          for (let t = 0; t < x.length; t++) {
            const tolerance = 16 * (t + 1) * Number.EPSILON * Math.abs(x0) * growth ** t + 1e-300; // subnormal starts round absolutely
            expect(Math.abs(x[t] - applyPower(m, t, [x0, x0])[0])).toBeLessThanOrEqual(tolerance);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it("Nesterov follows (x, v) ← [[h, −γh], [ηλ, γh]]·(x, v) with h = 1 − ηλ", () => {
    const result = run({ method: 'nesterov', objective: diagonalQuadratic(0.2, 4), eta: 0.4, gamma: 0.5, steps: 25 });
    for (const [x, lambda, x0] of [[result.x1, 0.2, -5], [result.x2, 4, -2]] as const) {
      const h = 1 - 0.4 * lambda;
      for (let t = 0; t <= 25; t++) expectClose(x[t], applyPower([h, -0.5 * h, 0.4 * lambda, 0.5 * h], t, [x0, 0])[0], 1e-12);
    }
  });
});

/** The chapter's Python gd() and momentum(), transcribed operation for operation. */
function chapterPython(eta: number, mom: number | null, grad: (x1: number, x2: number) => [number, number]): number[][] {
  let x1 = -5;
  let x2 = -2;
  let vx1 = 0;
  let vx2 = 0;
  const res = [[x1, x2]];
  for (let i = 0; i < 15; i++) {
    const [gx1, gx2] = grad(x1, x2);
    if (mom === null) {
      x1 = x1 - eta * gx1;
      x2 = x2 - eta * gx2;
    } else {
      vx1 = mom * vx1 + eta * gx1;
      vx2 = mom * vx2 + eta * gx2;
      x1 = x1 - vx1;
      x2 = x2 - vx2;
    }
    res.push([x1, x2]);
  }
  return res;
}

const CHAPTER_RUNS = [
  { method: 'gd', eta: 0.9, gamma: 0 },
  { method: 'gd', eta: 1.1, gamma: 0 },
  { method: 'momentum', eta: 0.9, gamma: 0.2 },
  { method: 'momentum', eta: 1.1, gamma: 0.2 },
] as const;

describe("runPath2D: the chapter's experiments", () => {
  it.each(CHAPTER_RUNS)("reproduces the chapter's Python bit for bit ($method, η = $eta, γ = $gamma)", ({ method, eta, gamma }) => {
    const result = run({ method, eta, gamma, gradient: PRINTED_GRADIENT });
    const python = chapterPython(eta, method === 'gd' ? null : gamma, (x1, x2) => [0.2 * x1, 2 * x2]);
    expect(Array.from(result.x1)).toEqual(python.map((p) => p[0]));
    expect(Array.from(result.x2)).toEqual(python.map((p) => p[1]));
  });

  it('the true gradient typed by hand agrees with the derived one and gives the same run bit for bit', () => {
    const typed = run({ method: 'momentum', eta: 0.3, gamma: 0.5, gradient: ['0.2*x1', '4*x2'] });
    const derived = run({ method: 'momentum', eta: 0.3, gamma: 0.5, gradient: null });
    expect(typed.gradientCheck?.agrees).toBe(true);
    expect(typed.x1).toEqual(derived.x1);
    expect(typed.x2).toEqual(derived.x2);
  });

  it.each(CHAPTER_RUNS)("flags the printed gradient as wrong ($method, η = $eta)", ({ method, eta, gamma }) => {
    const check = run({ method, eta, gamma, gradient: PRINTED_GRADIENT }).gradientCheck;
    expect(check?.agrees).toBe(false);
    expect(check?.derived[1]).toContain('4');
    expect(check?.maxRelativeDifference).toBeGreaterThan(0.1);
  });

  it('reports no gradient check when no gradient was typed', () => {
    expect(run({ gradient: null }).gradientCheck).toBeNull();
  });
});

describe('runPath2D: divergence', () => {
  it('stops at the first iterate beyond the hard bound; the arrays end there, well after divergence was evident', () => {
    const result = run({ eta: 1.1, gradient: null, steps: 40 });
    const bound = STOP_FACTOR * Math.max(1, Math.abs(result.f[0]));
    const at = result.x1.length - 1;
    expect(at).toBeLessThan(40);
    expect(result.divergedAt).not.toBeNull();
    expect(result.divergedAt).toBeLessThan(at);
    expect(result.f.length).toBe((at ?? 0) + 1);
    expect(result.step1.length).toBe(at);
    expect(result.velocity2.length).toBe(at);
    expect(Math.abs(result.f[at ?? 0])).toBeGreaterThan(bound);
    for (let t = 0; t < (at ?? 0); t++) expect(Math.abs(result.f[t])).toBeLessThanOrEqual(bound);
  });

  it('stops at a non-finite iterate', () => {
    const result = run({ objective: 'x1^2 + x2^2', start: [1, 1], eta: 1e200, steps: 10 });
    expect(result.divergedAt).toBe(1);
    expect(Number.isFinite(result.f[1])).toBe(false);
  });

  it('a converging run reports no divergence and has steps + 1 iterates', () => {
    const result = run({ method: 'momentum', eta: 0.4, gamma: 0.5, steps: 50 });
    expect(result.divergedAt).toBeNull();
    expect(result.x2.length).toBe(51);
  });
});

describe('runPath2D: records', () => {
  it('records η∇f as the step and, for plain GD, the step as the velocity', () => {
    const result = run({ steps: 5 });
    for (let t = 0; t < 5; t++) {
      expect(result.step1[t]).toBe(0.4 * (0.2 * result.x1[t]));
      expect(result.velocity1[t]).toBe(result.step1[t]);
      expect(result.x2[t + 1]).toBe(result.x2[t] - result.velocity2[t]);
    }
  });

  it('records f at every iterate', () => {
    const result = run({ method: 'momentum', gamma: 0.3 });
    result.f.forEach((value, t) => expectClose(value, 0.1 * result.x1[t] ** 2 + 2 * result.x2[t] ** 2, 1e-14));
  });
});

describe('runPath2D: γ = 0 reduces to plain gradient descent', { timeout: PROPERTY_TIMEOUT_MS }, () => {
  it('momentum and Nesterov with γ = 0 equal GD bit for bit', () => {
    const coefficient = fc.double({ min: -3, max: 3, noNaN: true });
    fc.assert(
      fc.property(coefficient, coefficient, coefficient, fc.double({ min: 0, max: 2, noNaN: true }), start, start, (a, b, c, eta, s1, s2) => {
        const objective = `${a}*x1^2 + ${b}*x1*x2 + ${c}*x2^2 + sin(x1)`;
        const common = { objective, eta, start: [s1, s2] as const, steps: 25 };
        const gd = run({ ...common, method: 'gd', gamma: 0.7 });
        for (const method of ['momentum', 'nesterov'] as const) {
          const other = run({ ...common, method, gamma: 0 });
          expect(other.x1).toEqual(gd.x1);
          expect(other.x2).toEqual(gd.x2);
          expect(other.f).toEqual(gd.f);
          expect(other.step1).toEqual(gd.step1);
          expect(other.divergedAt).toBe(gd.divergedAt);
          // 0·v may be −0, so only numeric (not signed-zero) equality is promised for velocities.
          other.velocity2.forEach((v, t) => expect(v === gd.velocity2[t]).toBe(true));
        }
      }),
      { numRuns: 80 },
    );
  });
});

describe('runPath2D: failures are values', () => {
  it.each([
    [{ objective: 'x1 + y' }, 'unknownSymbol', 'objective'],
    [{ gradient: ['0.2*x1', 'foo(x2)'] as const }, 'unknownFunction', 'gradient2'],
    [{ objective: 'max(x1, x2)^2' }, 'derivative', 'objective'],
    [{ eta: Number.NaN }, 'invalidRequest', null],
    [{ steps: -1 }, 'invalidRequest', null],
    [{ steps: 2.5 }, 'invalidRequest', null],
    [{ objective: 'log(x1)', start: [-1, 0] as const }, 'nonFiniteStart', 'objective'],
  ])('%o fails with %s', (overrides, reason, where) => {
    const result = runPath2D({ kind: 'path2d', method: 'gd', objective: CHAPTER, gradient: null, start: [-5, -2], eta: 0.4, gamma: 0, steps: 15, ...overrides });
    expect(result).toMatchObject({ kind: 'failure', reason, where });
  });
});

describe('runPath2D: gradient check', () => {
  it('a correct gradient agrees even near a minimiser away from the origin, where it is a difference of large terms', () => {
    const result = run({ objective: '(x1 - 3)^2 + (x2 + 1e3)^2', gradient: ['2*x1 - 6', '2*x2 + 2e3'], start: [0, 0], eta: 0.45, steps: 60 });
    expect(result.gradientCheck?.agrees).toBe(true);
  });
});
