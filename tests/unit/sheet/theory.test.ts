import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../src/sheet/types';
import { code, num, sheet } from './helpers';

const numbers = (value: CellValue): number[] =>
  value.kind === 'array' ? value.items.map((v) => (v.kind === 'number' ? v.value : NaN)) : [];

/** Spectral radius of the heavy-ball recurrence along λ, from the roots of z² − (1 + γ − ηλ)z + γ (the reference). */
function heavyBall(eta: number, gamma: number, lambda: number): number {
  const b = 1 + gamma - eta * lambda;
  const disc = b * b - 4 * gamma;
  if (disc < 0) return Math.sqrt(gamma);
  return Math.max(Math.abs((b + Math.sqrt(disc)) / 2), Math.abs((b - Math.sqrt(disc)) / 2));
}

describe('theory cells', () => {
  const cells = {
    A1: '=0.1*x1^2 + 2*x2^2',
    A2: '=[0.2*x1, 2*x2]',
    B1: '=EIGENVALUES(A1)',
    B2: '=EIGENVALUES(A2)',
  };

  it('the Hessian eigenvalues are (0.2, 4) for the objective and (0.2, 2) for the printed gradient', () => {
    const e = sheet(cells);
    expect(numbers(e.value('B1'))).toEqual([0.2, 4]);
    expect(numbers(e.value('B2'))).toEqual([0.2, 2]);
  });

  it('GD_RATE is the worst |1 − ηλ|: the printed gradient converges at η = 0.9, the true one does not', () => {
    const e = sheet({ ...cells, C1: '=GD_RATE(A2, 0.9)', C2: '=GD_RATE(A1, 0.9)', C3: '=GD_RATE(A2, 1.1)' });
    expect(num(e, 'C1')).toBeCloseTo(Math.max(Math.abs(1 - 0.9 * 0.2), Math.abs(1 - 0.9 * 2)), 14);
    expect(num(e, 'C2')).toBeCloseTo(Math.abs(1 - 0.9 * 4), 14);
    expect(num(e, 'C3')).toBeCloseTo(1.2, 14);
  });

  it('RATE is the heavy ball’s worst spectral radius', () => {
    const e = sheet({ ...cells, C1: '=RATE(A2, 0.9, 0.2)', C2: '=RATE(A2, 1.1, 0.2)', C3: '=RATE(A1, 0.6, 0.5)' });
    expect(num(e, 'C1')).toBeCloseTo(Math.max(heavyBall(0.9, 0.2, 0.2), heavyBall(0.9, 0.2, 2)), 12);
    expect(num(e, 'C2')).toBeCloseTo(Math.max(heavyBall(1.1, 0.2, 0.2), heavyBall(1.1, 0.2, 2)), 12);
    expect(num(e, 'C3')).toBeCloseTo(Math.max(heavyBall(0.6, 0.5, 0.2), heavyBall(0.6, 0.5, 4)), 12);
    expect(num(e, 'C2')).toBeLessThan(1);
  });

  it('Polyak’s η and γ give every direction the rate (√κ − 1)/(√κ + 1)', () => {
    const e = sheet({
      ...cells,
      C1: '=POLYAK_LR(A1)',
      C2: '=POLYAK_MOMENTUM(A1)',
      C3: '=POLYAK_RATE(A1)',
      C4: '=RATE(A1, C1, C2)',
    });
    const [sMu, sL] = [Math.sqrt(0.2), Math.sqrt(4)];
    expect(num(e, 'C1')).toBeCloseTo(4 / (sL + sMu) ** 2, 12);
    expect(num(e, 'C2')).toBeCloseTo(((sL - sMu) / (sL + sMu)) ** 2, 12);
    expect(num(e, 'C3')).toBeCloseTo((sL - sMu) / (sL + sMu), 12);
    expect(num(e, 'C4')).toBeCloseTo(num(e, 'C3'), 6);
  });

  it('refuses what is not quadratic, and gradients that belong to no function', () => {
    const e = sheet({ A1: '=x1^4 + x2^2', A2: '=[x1^3, x2]', A3: '=[x2, 2*x1]', B1: '=RATE(A1, 0.1, 0.5)', B2: '=EIGENVALUES(A2)', B3: '=EIGENVALUES(A3)', B4: '=POLYAK_LR(x1^2 - x2^2)' });
    for (const address of ['B1', 'B2', 'B3']) expect(e.value(address)).toMatchObject({ code: '#VALUE!', reason: 'error.notQuadratic' });
    expect(code(e, 'B4')).toBe('#NUM!');
  });
});

describe('EWMA cells', () => {
  it('WINDOW(γ) = 1/(1 − γ) for 0 ≤ γ < 1', () => {
    const e = sheet({ A1: '=WINDOW(0.95)', A2: '=WINDOW(0.9)', A3: '=WINDOW(0)' });
    expect(num(e, 'A1')).toBeCloseTo(20, 12);
    expect(num(e, 'A2')).toBeCloseTo(10, 12);
    expect(num(e, 'A3')).toBe(1);
  });

  it.each(['1', '1.5', '-0.1', '-1'])('WINDOW and EWMA_WEIGHTS with γ = %s outside [0, 1) are #NUM!', (gamma) => {
    const e = sheet({ A1: `=WINDOW(${gamma})`, A2: `=EWMA_WEIGHTS(${gamma}, 10)` });
    for (const address of ['A1', 'A2']) {
      expect(e.value(address)).toMatchObject({ kind: 'error', code: '#NUM!', reason: 'error.outOfHalfOpenRange', args: { min: 0, max: 1 } });
    }
  });

  it('EWMA_WEIGHTS(γ, n) are (1 − γ)·γ^i and sum to 1 − γ^n', () => {
    const e = sheet({ A1: '=EWMA_WEIGHTS(0.9, 50)', A2: '=SUM(A1)' });
    const weights = numbers(e.value('A1'));
    expect(weights).toHaveLength(50);
    weights.forEach((w, i) => expect(w).toBeCloseTo(0.1 * 0.9 ** i, 14));
    expect(num(e, 'A2')).toBeCloseTo(1 - 0.9 ** 50, 12);
  });

  it('γ^(1/(1−γ)) approaches e⁻¹ as γ → 1', () => {
    const e = sheet({ A1: '0.999', A2: '=A1^WINDOW(A1) - exp(-1)' });
    expect(Math.abs(num(e, 'A2'))).toBeLessThan(1e-3);
  });
});
