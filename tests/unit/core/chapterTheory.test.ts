/**
 * The chapter's four 2-D runs, with the gradient as printed (0.2·x1, 2·x2) and with the true
 * gradient (0.2·x1, 4·x2): whether a run grows or shrinks along x2 is what theory predicts for
 * the x2 eigenvalue of the gradient it actually follows.
 */
import { describe, expect, it } from 'vitest';
import { runPath2D } from '../../../src/core/optimize2d';
import { analyzeQuadratic, methodRate } from '../../../src/core/quadratic';
import type { Path2DResult } from '../../../src/core/runTypes';

const CHAPTER = '0.1*x1^2 + 2*x2^2';
/** The objective whose true gradient is the chapter's printed one. */
const PRINTED_GRADIENT_OBJECTIVE = '0.1*x1^2 + x2^2';

function x2Eigenvalue(objective: string): number {
  const analysis = analyzeQuadratic(objective);
  if (!analysis.ok) throw new Error(analysis.reason);
  return analysis.hessian[2];
}

const RUNS = [
  { method: 'gd', eta: 0.9, gamma: 0, printedShrinks: true },
  { method: 'gd', eta: 1.1, gamma: 0, printedShrinks: false },
  { method: 'momentum', eta: 0.9, gamma: 0.2, printedShrinks: true },
  { method: 'momentum', eta: 1.1, gamma: 0.2, printedShrinks: true },
] as const;

const VARIANTS = [
  { name: 'as printed', gradient: ['0.2*x1', '2*x2'] as const, lambda: () => x2Eigenvalue(PRINTED_GRADIENT_OBJECTIVE) },
  { name: 'true (derived)', gradient: null, lambda: () => x2Eigenvalue(CHAPTER) },
];

function chapterRun(method: 'gd' | 'momentum', eta: number, gamma: number, gradient: readonly [string, string] | null): Path2DResult {
  const result = runPath2D({ kind: 'path2d', method, objective: CHAPTER, gradient, start: [-5, -2], eta, gamma, steps: 15 });
  if (result.kind === 'failure') throw new Error(result.message);
  return result;
}

describe("the chapter's runs match theory along x2", () => {
  it('the printed gradient has x2 eigenvalue 2, the true one 4', () => {
    expect(VARIANTS.map((v) => v.lambda())).toEqual([2, 4]);
  });

  for (const variant of VARIANTS) {
    it.each(RUNS)(`gradient ${variant.name}: $method η = $eta γ = $gamma grows along x2 iff its rate exceeds 1`, ({ method, eta, gamma }) => {
      const result = chapterRun(method, eta, gamma, variant.gradient);
      const rate = methodRate(method, eta, gamma, variant.lambda());
      const grows = Math.abs(result.x2[result.x2.length - 1]) > Math.abs(result.x2[0]);
      expect(grows).toBe(rate > 1);
    });
  }

  it('as printed: GD η = 0.9 converges, η = 1.1 diverges, momentum converges at both (the chapter\'s figures)', () => {
    for (const { method, eta, gamma, printedShrinks } of RUNS) {
      expect(methodRate(method, eta, gamma, 2) < 1).toBe(printedShrinks);
    }
  });

  it('with the true gradient all four runs diverge along x2 (the erratum)', () => {
    for (const { method, eta, gamma } of RUNS) {
      expect(methodRate(method, eta, gamma, 4)).toBeGreaterThan(1);
      const result = chapterRun(method, eta, gamma, null);
      expect(Math.abs(result.x2[result.x2.length - 1])).toBeGreaterThan(2);
    }
  });
});
