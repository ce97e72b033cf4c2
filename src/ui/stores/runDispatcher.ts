/**
 * Sends the runs the sheet waits for to the compute worker and feeds results back. Bursts of
 * edits are coalesced to one planning pass per animation frame; a job's worker key is the set of
 * cells it serves, so a newer job for the same cells supersedes the older one in the worker and
 * the older reply is dropped there. Results for keys no cell waits on any more are harmless: the
 * engine caches them.
 */
import { createSignal, type Accessor } from 'solid-js';
import type { ChangeSet, SheetEngineApi } from '../../sheet/types';
import type { ComputeService } from '../../compute/computeService';
import { planJobs } from '../../sheet/jobs/planJobs';
import { applyOutcome } from '../../sheet/jobs/applyOutcome';
import type { ComputeProgress } from '../../core/runTypes';

export interface RunStatus {
  /** Jobs in flight, by worker key. */
  readonly running: number;
  /** Kinds of the jobs in flight, for the status line. */
  readonly runningKinds: readonly string[];
  /** Last job failure, as the worker put it. */
  readonly lastFailure: string | null;
  /** Progress of the jobs in flight that report it (long regression runs), 0…1; null: none do. */
  readonly progress: number | null;
}

export interface RunDispatcher {
  readonly status: Accessor<RunStatus>;
  /** Plan and send what the sheet needs now (coalesced to the next frame). */
  schedule(): void;
  /** Resolves when nothing is in flight or scheduled. */
  idle(): Promise<void>;
  /** Stop every run in flight; their cells show #N/A ("cancelled") until an edit asks again. */
  cancelAll(): void;
}

const nextFrame = (callback: () => void): void => {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => callback());
  else setTimeout(callback, 0);
};

/** The part of the engine the dispatcher needs: what to run, and where results go. */
export type RunHost = Pick<SheetEngineApi, 'runNeeds' | 'supplyRunResult' | 'supplyRunFailure'>;

export function createRunDispatcher(
  engine: RunHost,
  compute: ComputeService,
  applyChanges: (changes: ChangeSet) => void,
): RunDispatcher {
  const inFlight = new Map<string, { needKeys: readonly string[]; kind: string; done: number; total: number }>();
  const [status, setStatus] = createSignal<RunStatus>({ running: 0, runningKinds: [], lastFailure: null, progress: null });
  let scheduled = false;
  let idleWaiters: Array<() => void> = [];

  const publish = (lastFailure: string | null = status().lastFailure) => {
    const jobs = [...inFlight.values()];
    const total = jobs.reduce((sum, job) => sum + job.total, 0);
    const progress = total > 0 ? jobs.reduce((sum, job) => sum + job.done, 0) / total : null;
    setStatus({ running: inFlight.size, runningKinds: jobs.map((job) => job.kind), lastFailure, progress });
    if (inFlight.size === 0 && !scheduled) {
      const waiters = idleWaiters;
      idleWaiters = [];
      waiters.forEach((resolve) => resolve());
    }
  };

  const plan = () => {
    scheduled = false;
    const waiting = new Set([...inFlight.values()].flatMap((job) => job.needKeys));
    const needs = engine.runNeeds().filter((need) => !waiting.has(need.key));
    for (const job of planJobs(needs)) {
      const entry = { needKeys: job.needKeys, kind: job.request.kind, done: 0, total: 0 };
      inFlight.set(job.workerKey, entry);
      const onProgress = (progress: ComputeProgress) => {
        entry.done = progress.done;
        entry.total = progress.total;
        publish();
      };
      void compute.compute(job.workerKey, job.request, onProgress).then((outcome) => {
        // Only the newest job for these cells may clear their in-flight entry.
        if (inFlight.get(job.workerKey)?.needKeys === job.needKeys) inFlight.delete(job.workerKey);
        const { changed, failure } = applyOutcome(engine, job, outcome);
        if (changed.size > 0) applyChanges(changed);
        publish(failure);
      });
    }
    publish();
  };

  return {
    status,
    schedule() {
      if (scheduled) return;
      scheduled = true;
      nextFrame(plan);
    },
    idle: () => (inFlight.size === 0 && !scheduled ? Promise.resolve() : new Promise((resolve) => idleWaiters.push(resolve))),
    cancelAll: () => [...inFlight.keys()].forEach((key) => compute.cancel(key)),
  };
}
