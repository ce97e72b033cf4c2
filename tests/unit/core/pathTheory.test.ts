/**
 * Theory beside simulation: along each eigenvector of the Hessian a run's error follows its
 * method's scalar recurrence, checked on rotated quadratics against closed forms.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { affineGradientOf, linearModel, unitEigenvector } from '../../../src/core/linearModel';
import { runPath2D } from '../../../src/core/optimize2d';
import { directionErrors, measuredRate, predictedEnvelope } from '../../../src/core/pathTheory';
import { gdRate } from '../../../src/core/quadratic';
import type { Path2DRequest, Path2DResult } from '../../../src/core/runTypes';
import { expectClose, PROPERTY_TIMEOUT_MS } from './closeTo';

function run(request: Omit<Path2DRequest, 'kind'>): Path2DResult {
  const result = runPath2D({ kind: 'path2d', ...request });
  if (result.kind === 'failure') throw new Error(result.message);
  return result;
}

/**
 * ½·λ1·(u·(x − m))² + ½·λ2·(w·(x − m))² with u = (cos θ, sin θ), w = u turned by 90°, written
 * out as a polynomial: its Hessian has exactly these eigenvalues and eigenvectors.
 */
function rotatedQuadratic(l1: number, l2: number, theta: number, m: readonly [number, number]): string {
  const [c, s] = [Math.cos(theta), Math.sin(theta)];
  const u = `(${c}*(x1 - ${m[0]}) + ${s}*(x2 - ${m[1]}))`;
  const w = `(${-s}*(x1 - ${m[0]}) + ${c}*(x2 - ${m[1]}))`;
  return `${l1 / 2}*${u}^2 + ${l2 / 2}*${w}^2`;
}

const uniform = (min: number, max: number) => fc.integer({ min: 0, max: 10_000 }).map((k) => min + ((max - min) * k) / 10_000);
const eigenvalue = uniform(0.1, 3);
const angle = uniform(0.1, 1.4);
const centre = uniform(-3, 3);

/** |a − b| within `relative` of the largest error seen: the recurrence and the run round differently. */
function expectSeriesClose(actual: ArrayLike<number>, expected: ArrayLike<number>, relative = 1e-9): void {
  let scale = 1e-300;
  for (let t = 0; t < expected.length; t += 1) scale = Math.max(scale, Math.abs(expected[t]));
  for (let t = 0; t < expected.length; t += 1) {
    if (!(Math.abs(actual[t] - expected[t]) <= relative * scale)) expect.fail(`t = ${t}: ${actual[t]} vs ${expected[t]}`);
  }
}

describe('linear model of a gradient', () => {
  it("the chapter's printed gradient has J = diag(0.2, 2), axis eigenvectors and its zero at the origin", () => {
    const affine = affineGradientOf(['0.2*x1', '2*x2']);
    expect(affine).toEqual({ jacobian: [0.2, 0, 0, 2], offset: [0, 0] });
    expect(linearModel(affine as Exclude<typeof affine, string>)).toEqual({
      hessian: [0.2, 0, 2],
      eigenvalues: [0.2, 2],
      eigenvectors: [[1, 0], [-0, 1]],
      stationary: [0, 0],
    });
  });

  it('eigenvectors are unit, orthogonal and satisfy J·u = λ·u; the stationary point zeroes the gradient', () => {
    fc.assert(
      fc.property(uniform(-3, 3), uniform(-3, 3), uniform(-3, 3), centre, centre, (a, b, c, p, q) => {
        const affine = affineGradientOf([`${a}*x1 + ${b}*x2 + ${p}`, `${b}*x1 + ${c}*x2 + ${q}`]);
        if (typeof affine === 'string') throw new Error(affine);
        const model = linearModel(affine);
        if (typeof model === 'string') throw new Error(model);
        model.eigenvectors.forEach((u, i) => {
          const lambda = model.eigenvalues[i];
          expectClose(Math.hypot(u[0], u[1]), 1, 1e-12);
          expectClose(a * u[0] + b * u[1], lambda * u[0], 1e-9);
          expectClose(b * u[0] + c * u[1], lambda * u[1], 1e-9);
        });
        const [u, w] = model.eigenvectors;
        expectClose(u[0] * w[0] + u[1] * w[1], 0, 1e-12);
        if (model.stationary !== null) {
          const [x, y] = model.stationary;
          expectClose(a * x + b * y + p, 0, 1e-7);
          expectClose(b * x + c * y + q, 0, 1e-7);
        }
      }),
    );
  });

  it('refuses gradients that are not affine, or not the gradient of any function', () => {
    expect(affineGradientOf(['x1^3', 'x2'])).toBe('notLinear');
    const rotation = affineGradientOf(['x2', '-x1']);
    expect(linearModel(rotation as Exclude<typeof rotation, string>)).toBe('notSymmetric');
  });

  it('a unit eigenvector of [[2, 1], [1, 2]] for 3 is (1, 1)/√2', () => {
    const [x, y] = unitEigenvector(2, 1, 2, 3);
    expectClose(x, Math.SQRT1_2);
    expectClose(y, Math.SQRT1_2);
  });
});

describe('per-direction error of a run', { timeout: PROPERTY_TIMEOUT_MS }, () => {
  it('heavy ball: e_{t+1} = (1 + γ − ηλ)·e_t − γ·e_{t−1} with e_{−1} = e_0, along each eigenvector of a rotated quadratic', () => {
    fc.assert(
      fc.property(eigenvalue, eigenvalue, angle, centre, centre, uniform(0.05, 0.6), uniform(0, 0.95), (l1, l2, theta, m1, m2, eta, gamma) => {
        const result = run({ method: 'momentum', objective: rotatedQuadratic(l1, l2, theta, [m1, m2]), gradient: null, start: [-5, -2], eta, gamma, steps: 40 });
        const theory = result.theory!;
        ([0, 1] as const).forEach((i) => {
          const lambda = theory.eigenvalues[i];
          const measured = directionErrors(theory, i, result.x1, result.x2);
          const expected = new Float64Array(measured.length);
          expected[0] = measured[0];
          let previous = measured[0];
          for (let t = 0; t + 1 < expected.length; t += 1) {
            expected[t + 1] = (1 + gamma - eta * lambda) * expected[t] - gamma * previous;
            previous = expected[t];
          }
          expectSeriesClose(measured, expected);
        });
      }),
      { numRuns: 120 },
    );
  });

  it("Nesterov: (e, v) ← (e − v', v' = γ·v + ηλ·(e − γ·v)) along each eigenvector", () => {
    fc.assert(
      fc.property(eigenvalue, eigenvalue, angle, uniform(0.05, 0.6), uniform(0, 0.95), (l1, l2, theta, eta, gamma) => {
        const result = run({ method: 'nesterov', objective: rotatedQuadratic(l1, l2, theta, [1, -1]), gradient: null, start: [-5, -2], eta, gamma, steps: 40 });
        const theory = result.theory!;
        ([0, 1] as const).forEach((i) => {
          const lambda = theory.eigenvalues[i];
          const measured = directionErrors(theory, i, result.x1, result.x2);
          const expected = new Float64Array(measured.length);
          let [e, v] = [measured[0], 0];
          for (let t = 0; t < expected.length; t += 1) {
            expected[t] = e;
            v = gamma * v + eta * lambda * (e - gamma * v);
            e -= v;
          }
          expectSeriesClose(measured, expected);
        });
      }),
      { numRuns: 80 },
    );
  });

  it('plain GD: the error is exactly the predicted envelope and the measured rate is |1 − ηλ|', () => {
    fc.assert(
      fc.property(eigenvalue, eigenvalue, angle, uniform(0.05, 0.6), (l1, l2, theta, eta) => {
        const result = run({ method: 'gd', objective: rotatedQuadratic(l1, l2, theta, [0.5, 2]), gradient: null, start: [-5, -2], eta, gamma: 0, steps: 25 });
        const theory = result.theory!;
        ([0, 1] as const).forEach((i) => {
          const errors = directionErrors(theory, i, result.x1, result.x2);
          const envelope = predictedEnvelope(errors[0], theory.rates[i], 25);
          expectSeriesClose(errors.map(Math.abs), envelope, 1e-8);
          expectClose(theory.rates[i], gdRate(eta, theory.eigenvalues[i]), 1e-12);
          // Once the error is down at rounding level (about 1e-15 of |x*|) it no longer measures anything.
          if (Math.abs(errors[25]) > 1e-6 * Math.abs(errors[0])) expectClose(measuredRate(errors), theory.rates[i], 1e-7);
        });
      }),
      { numRuns: 80 },
    );
  });

  it("the heavy ball's measured rate approaches ρ on a long run (real roots: the slow root dominates)", () => {
    const result = run({ method: 'momentum', objective: '0.1*x1^2 + 2*x2^2', gradient: null, start: [-5, -2], eta: 0.2, gamma: 0.1, steps: 400 });
    const theory = result.theory!;
    const errors = directionErrors(theory, 0, result.x1, result.x2);
    expect(Math.abs(measuredRate(errors) - theory.rates[0])).toBeLessThan(1e-3);
  });

  it('has no theory when the gradient is not affine, or singular', () => {
    expect(run({ method: 'gd', objective: 'x1^4 + x2^2', gradient: null, start: [1, 1], eta: 0.1, gamma: 0, steps: 3 }).theory).toBeNull();
    expect(run({ method: 'gd', objective: 'x1^2', gradient: null, start: [1, 1], eta: 0.1, gamma: 0, steps: 3 }).theory).toBeNull();
  });
});
