/**
 * Sends the runs the sheet waits for to the compute worker and feeds results back. Bursts of
 * edits are coalesced to one planning pass per animation frame; a job's worker key is the set of
 * cells it serves, so a newer job for the same cells supersedes the older one in the worker and
 * the older reply is dropped there. Results for keys no cell waits on any more are harmless: the
 * engine caches them.
 */
import { createSignal, type Accessor } from 'solid-js';
import type { ChangeSet, SheetEngineApi } from '../sheet/types';
import type { ComputeService } from '../runs/computeService';
import { planJobs } from '../runs/planJobs';

export interface RunStatus {
  /** Jobs in flight, by worker key. */
  readonly running: number;
  /** Kinds of the jobs in flight, for the status line. */
  readonly runningKinds: readonly string[];
  /** Last job failure, as the worker put it. */
  readonly lastFailure: string | null;
}

export interface RunDispatcher {
  readonly status: Accessor<RunStatus>;
  /** Plan and send what the sheet needs now (coalesced to the next frame). */
  schedule(): void;
  /** Resolves when nothing is in flight or scheduled. */
  idle(): Promise<void>;
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
  const inFlight = new Map<string, { needKeys: readonly string[]; kind: string }>();
  const [status, setStatus] = createSignal<RunStatus>({ running: 0, runningKinds: [], lastFailure: null });
  let scheduled = false;
  let idleWaiters: Array<() => void> = [];

  const publish = (lastFailure: string | null = status().lastFailure) => {
    setStatus({ running: inFlight.size, runningKinds: [...inFlight.values()].map((job) => job.kind), lastFailure });
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
      inFlight.set(job.workerKey, { needKeys: job.needKeys, kind: job.request.kind });
      void compute.compute(job.workerKey, job.request).then((outcome) => {
        // Only the newest job for these cells may clear their in-flight entry.
        if (inFlight.get(job.workerKey)?.needKeys === job.needKeys) inFlight.delete(job.workerKey);
        let failure: string | null = null;
        if (outcome.status === 'ok') {
          const changed = new Set<string>();
          for (const [needKey, result] of job.deliver(outcome.result)) {
            for (const address of engine.supplyRunResult(needKey, result)) changed.add(address);
          }
          applyChanges(changed);
        } else if (outcome.status === 'failed') {
          // The cells show #N/A with the worker's reason instead of waiting forever.
          failure = outcome.message;
          const changed = new Set<string>();
          for (const key of job.needKeys) for (const address of engine.supplyRunFailure(key, outcome.message)) changed.add(address);
          applyChanges(changed);
        }
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
  };
}
