/**
 * The exported NumPy script reproduces what the app shows: the app's regression numbers come from
 * the tfjs engine (float32), the script computes in float64 from the same data, weights and
 * batches. Final losses agree within 1e-4 relative.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { trainRegressionBatch } from '../../src/compute/regressionEngine';
import { initTfBackend } from '../../src/compute/tfBackend';
import type { RegressionRequest } from '../../src/core/runTypes';
import { regressionRunsToPython } from '../../src/share/exportPython';
import { defaultSheet } from '../../src/sheet/defaultSheet';
import { createEngine } from '../../src/sheet/engine';
import { runPython } from '../unit/share/python';

beforeAll(initTfBackend);

/** The default sheet's regression runs, as the export menu hands them over (cell address as label). */
function sheetRegressions(): { label: string; request: RegressionRequest }[] {
  const engine = createEngine(defaultSheet());
  return engine.runNeeds().flatMap((need) => (need.request.kind === 'regression' ? [{ label: need.cells[0], request: need.request }] : []));
}

describe('the exported regression script', () => {
  it('ends every run of the default sheet within 1e-4 relative of the app’s tfjs engine (mom 0.99 included)', async () => {
    const runs = sheetRegressions();
    expect(runs.length).toBe(8);
    const script = JSON.parse(runPython(regressionRunsToPython(runs), ['--json'])) as { label: string; losses: number[]; w: number[]; b: number }[];
    for (const [i, { label, request }] of runs.entries()) {
      const outcome = await trainRegressionBatch(request);
      if (outcome.status !== 'ok') throw new Error('the engine stopped');
      const app = outcome.result.losses[0];
      const exported = script[i].losses;
      expect(script[i].label).toBe(label);
      expect(Math.abs(exported.at(-1)! - app.at(-1)!) / app.at(-1)!, label).toBeLessThan(1e-4);
      const [w1, w2, b] = outcome.result.finalParams[0];
      for (const [mine, theirs] of [[script[i].w[0], w1], [script[i].w[1], w2], [script[i].b, b]]) {
        expect(Math.abs(mine - theirs), label).toBeLessThan(1e-4 * Math.max(1, Math.abs(theirs)));
      }
    }
  }, 120_000);
});
