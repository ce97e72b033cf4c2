/**
 * One rule for what a job's outcome does to the sheet, shared by the browser and the CLI: a
 * result fills the waiting cells, a failure or cancellation becomes #N/A with its reason (no
 * cell waits forever, and the run is no longer asked for), a superseded job changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../../src/sheet/engine';
import { planJobs } from '../../../../src/sheet/jobs/planJobs';
import { applyOutcome } from '../../../../src/sheet/jobs/applyOutcome';
import { runPath2D } from '../../../../src/core/optimize2d';
import type { Path2DRequest } from '../../../../src/core/runTypes';

const sheet = () =>
  createEngine({
    rows: 5,
    cols: 3,
    cells: { A1: '=GD(x1^2 + x2^2, 1, 1, 0.25, 3)', B1: '=A1.f' },
    names: {},
    colWidths: {},
    charts: [],
    pins: [],
  });

describe('applyOutcome', () => {
  it('a result fills the waiting cell and its dependents', () => {
    const engine = sheet();
    const [job] = planJobs(engine.runNeeds());
    const result = runPath2D(job.request as Path2DRequest);
    if (!('kind' in result) || result.kind !== 'path2d') throw new Error('the run failed');
    const applied = applyOutcome(engine, job, { status: 'ok', result, elapsedMs: 1 });
    expect(applied.failure).toBeNull();
    expect([...applied.changed]).toEqual(expect.arrayContaining(['A1', 'B1']));
    expect(engine.value('B1')).toEqual({ kind: 'number', value: 2 / 64 });
  });

  it('a failed or cancelled run shows #N/A with its reason and is not asked for again', () => {
    for (const [outcome, reason] of [
      [{ status: 'failed', message: 'out of memory' }, 'out of memory'],
      [{ status: 'cancelled' }, 'cancelled'],
    ] as const) {
      const engine = sheet();
      const [job] = planJobs(engine.runNeeds());
      expect(applyOutcome(engine, job, outcome).failure).toBe(reason);
      expect(engine.value('A1')).toMatchObject({ kind: 'error', code: '#N/A' });
      expect(engine.runNeeds()).toEqual([]);
    }
  });

  it('a superseded job changes nothing: the cell still waits for the newer one', () => {
    const engine = sheet();
    const [job] = planJobs(engine.runNeeds());
    expect(applyOutcome(engine, job, { status: 'superseded' })).toEqual({ changed: new Set(), failure: null });
    expect(engine.value('A1').kind).toBe('pending');
    expect(engine.runNeeds()).toHaveLength(1);
  });
});
