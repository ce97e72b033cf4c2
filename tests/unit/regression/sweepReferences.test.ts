/** The plain sweeps used as baselines agree with the single runs they stand for. */
import { describe, expect, test } from 'vitest';
import { linspace, sweep2DCompiledOnce, sweep2DReference } from '../../reference/sweeps';
import type { Sweep2DRequest } from '../../../src/core/runTypes';

describe('sweep2DCompiledOnce', () => {
  test.each(['gd', 'momentum', 'nesterov'] as const)('is runPath2D config by config, bit for bit (%s)', (method) => {
    const request: Sweep2DRequest = {
      kind: 'sweep2d',
      method,
      objective: '0.1*x1^2 + 2*x2^2',
      gradient: ['0.2*x1', '2*x2'],
      start: [-5, -2],
      etas: linspace(0.1, 1.3, 7),
      gammas: linspace(0, 0.9, 4),
      steps: 30,
    };
    const once = sweep2DCompiledOnce(request);
    const single = sweep2DReference(request);
    expect(once.divergedAt).toEqual(single.divergedAt);
    expect(once.finalF).toEqual(single.finalF);
    expect(once.finalX1).toEqual(single.finalX1);
    expect(Array.from(once.divergedAt).some((step) => step >= 0)).toBe(true);
  });
});
