/**
 * The divergence rule judged as the iterates go by (src/core/onlineDivergence.ts, what a batched
 * sweep uses) gives runPath2D's verdict from the whole trace, step included.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { divergenceTest, runPath2D } from '../../../src/core/optimize2d';
import { RunDivergence } from '../../../src/core/onlineDivergence';
import type { Path2DRequest, Path2DResult } from '../../../src/core/runTypes';
import { PROPERTY_TIMEOUT_MS } from './closeTo';

function run(request: Path2DRequest): Path2DResult {
  const result = runPath2D(request);
  if (result.kind === 'failure') throw new Error(result.message);
  return result;
}

/** Feed a finished run's iterates to the online rule, one at a time, as a sweep sees them. */
function judgedOnline(request: Path2DRequest, result: Path2DResult): number | null {
  const judge = new RunDivergence(result.f[0], result.x1[0], result.x2[0], result.theory);
  const stops = divergenceTest(result.f[0]);
  const end = result.x1.length - 1;
  for (let t = 1; t <= end; t += 1) judge.observe(t, result.x1[t], result.x2[t], result.f[t]);
  // The run stopped early, or at its very last step, exactly when its last iterate fails the hard stop.
  const stopped = end >= 1 && stops(result.x1[end], result.x2[end], result.f[end]);
  if (end < request.steps) expect(stopped).toBe(true);
  return judge.divergedAt(end, stopped);
}

const uniform = (min: number, max: number) => fc.integer({ min: 0, max: 10_000 }).map((k) => min + ((max - min) * k) / 10_000);

describe('the online divergence rule is runPath2D’s', { timeout: PROPERTY_TIMEOUT_MS }, () => {
  it.each([
    ['a quadratic (theory decides)', '0.1*x1^2 + 2*x2^2', [-5, -2]],
    ['a non-quadratic objective (the escape rule decides)', 'log(1 + x1^2) + 0.5*x2^2 + x2^4/50', [2, -1]],
    ['runs that often leave the hard bound early', '0.1*x1^2 + 2*x2^2 + x1^4', [-5, -2]],
  ] as const)('on %s, for any method, η, γ and length', (_, objective, start) => {
    const seen = { diverged: 0, not: 0, stopped: 0 };
    fc.assert(
      fc.property(
        fc.constantFrom('gd', 'momentum', 'nesterov' as const),
        uniform(0.01, 2.5),
        uniform(0, 0.99),
        fc.integer({ min: 0, max: 120 }),
        (method, eta, gamma, steps) => {
          const request: Path2DRequest = { kind: 'path2d', method, objective, gradient: null, start, eta, gamma, steps };
          const result = run(request);
          expect(judgedOnline(request, result)).toBe(result.divergedAt);
          if (result.x1.length - 1 < steps) seen.stopped += 1;
          if (result.divergedAt === null) seen.not += 1;
          else seen.diverged += 1;
        },
      ),
      { numRuns: 300 },
    );
    expect(seen.diverged).toBeGreaterThan(20);
    expect(seen.not).toBeGreaterThan(20);
    if (objective.includes('x1^4')) expect(seen.stopped).toBeGreaterThan(20);
  });

  it('a diverging run that never stops is flagged from where its final excursion began', () => {
    const request: Path2DRequest = { kind: 'path2d', method: 'gd', objective: '0.1*x1^2 + 2*x2^2', gradient: ['0.2*x1', '2*x2'], start: [-5, -2], eta: 1.1, gamma: 0, steps: 15 };
    const result = run(request);
    expect(result.x1).toHaveLength(16);
    expect(judgedOnline(request, result)).toBe(1);
  });
});
