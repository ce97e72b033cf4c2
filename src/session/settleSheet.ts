/**
 * Evaluates a sheet to completion without a UI: asks the compute service for every run the
 * sheet waits for, supplies the results, and repeats while new runs appear (a run may depend on
 * another run's result). The CLI and the tests use this; the browser store does the same
 * incrementally.
 */
import type { SheetEngineApi } from '../sheet/types';
import type { ComputeService } from '../compute/computeService';
import { planJobs } from '../sheet/jobs/planJobs';
import { applyOutcome } from '../sheet/jobs/applyOutcome';

export interface SettleReport {
  readonly rounds: number;
  readonly jobs: number;
  /** Jobs that failed, with the worker's message. */
  readonly failures: readonly string[];
}

/** Bounds the rounds so a sheet whose runs keep spawning runs cannot loop forever. */
const MAX_ROUNDS = 32;

export async function settleSheet(engine: SheetEngineApi, compute: ComputeService): Promise<SettleReport> {
  let jobsRun = 0;
  const failures: string[] = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    // A failed run is recorded in the engine (its cells show #N/A), so it is no longer a need.
    const needs = engine.runNeeds();
    if (needs.length === 0) return { rounds: round, jobs: jobsRun, failures };
    const jobs = planJobs(needs);
    const outcomes = await Promise.all(jobs.map((job) => compute.compute(job.workerKey, job.request)));
    jobs.forEach((job, index) => {
      jobsRun++;
      const { failure } = applyOutcome(engine, job, outcomes[index]);
      if (failure !== null) failures.push(failure);
    });
  }
  return { rounds: MAX_ROUNDS, jobs: jobsRun, failures: [...failures, 'run rounds exhausted'] };
}
