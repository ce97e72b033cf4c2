/**
 * What a job's outcome does to the sheet, the same in the browser and the CLI: results go to the
 * cells that wait for them; a failed or cancelled run becomes #N/A with its reason, so no cell
 * waits forever; a superseded run changes nothing (a newer job serves the same cells).
 */
import type { ComputeOutcome } from '../../core/runTypes';
import type { CellAddress, SheetEngineApi } from '../types';
import type { Job } from './planJobs';

export type OutcomeHost = Pick<SheetEngineApi, 'supplyRunResult' | 'supplyRunFailure'>;

export interface AppliedOutcome {
  readonly changed: ReadonlySet<CellAddress>;
  /** Why the job gave no result (failed or cancelled); null otherwise. */
  readonly failure: string | null;
}

export function applyOutcome(engine: OutcomeHost, job: Job, outcome: ComputeOutcome): AppliedOutcome {
  const changed = new Set<CellAddress>();
  if (outcome.status === 'ok') {
    for (const [needKey, result] of job.deliver(outcome.result)) for (const address of engine.supplyRunResult(needKey, result)) changed.add(address);
    return { changed, failure: null };
  }
  if (outcome.status === 'superseded') return { changed, failure: null };
  const failure = outcome.status === 'failed' ? outcome.message : 'cancelled';
  for (const key of job.needKeys) for (const address of engine.supplyRunFailure(key, failure)) changed.add(address);
  return { changed, failure };
}
