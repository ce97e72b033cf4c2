/**
 * Runs what the sheet waits for: plans jobs from the engine's run needs (regression cells that
 * share data become one batched job), sends them to the compute service and feeds outcomes
 * back into the engine. A job's compute key is the set of cells it serves, so a newer job for
 * the same cells supersedes the older one inside the compute service. Also runs the charts'
 * large derived results (contours, rate maps), cached by request.
 */
import type { ComputeOutcome, ComputeProgress, ComputeRequest, ComputeResult } from '../core/runTypes';
import type { ComputeService } from '../compute/computeService';
import { requestKey } from '../sheet/runKey';
import { applyOutcome } from '../sheet/jobs/applyOutcome';
import { planJobs } from '../sheet/jobs/planJobs';
import type { CellAddress, SheetEngineApi } from '../sheet/types';
import type { Message, RunStatus } from './contract';

export type RunHost = Pick<SheetEngineApi, 'runNeeds' | 'supplyRunResult' | 'supplyRunFailure'>;

export interface RunnerEvents {
  /** Cells whose value changed because a run landed or failed. */
  cellsChanged(changes: ReadonlySet<CellAddress>): void;
  /** A shared result (contours, rate map) landed under this key. */
  sharedLanded(key: string): void;
  /** Status (jobs in flight, progress, failures) changed. */
  statusChanged(): void;
}

interface InFlight {
  readonly needKeys: readonly string[];
  readonly kind: string;
  done: number;
  total: number;
}

/** Shared results kept beyond those in use, so going back and forth finds contours at once. */
const SHARED_CACHE_LIMIT = 32;

export interface Runner {
  /** Start every job the engine needs that is not already running. */
  plan(): void;
  cancelAll(): void;
  /**
   * The cached shared result for a request, starting its computation when unknown. `slot` names
   * who asks (a chart): a newer request from the same slot supersedes one still computing.
   */
  shared(slot: string, request: ComputeRequest): { readonly key: string; readonly result: ComputeResult } | undefined;
  status(): RunStatus;
  /** Nothing running or waiting. */
  idle(): boolean;
}

/** Sessions sharing one compute service (tests, a CLI evaluating several sheets) must not supersede each other's jobs. */
let runnerCount = 0;

export function createRunner(engine: () => RunHost, compute: ComputeService, events: RunnerEvents): Runner {
  runnerCount += 1;
  const prefix = `r${runnerCount}/`;
  const inFlight = new Map<string, InFlight>();
  const sharedResults = new Map<string, ComputeResult>();
  const sharedInFlight = new Map<string, { readonly key: string; readonly kind: string }>();
  let lastFailure: Message | null = null;

  const plan = () => {
    const host = engine();
    const waiting = new Set([...inFlight.values()].flatMap((job) => job.needKeys));
    const needs = host.runNeeds().filter((need) => !waiting.has(need.key));
    if (needs.length === 0) return;
    for (const job of planJobs(needs)) {
      const entry: InFlight = { needKeys: job.needKeys, kind: job.request.kind, done: 0, total: 0 };
      inFlight.set(job.workerKey, entry);
      const onProgress = (progress: ComputeProgress) => {
        entry.done = progress.done;
        entry.total = progress.total;
        events.statusChanged();
      };
      void compute.compute(prefix + job.workerKey, job.request, onProgress).then((outcome) => {
        // Only the newest job for these cells may clear their in-flight entry.
        if (inFlight.get(job.workerKey) === entry) inFlight.delete(job.workerKey);
        // The engine may have been replaced (a load) since: its needs decide, the outcome is cached anyway.
        const { changed, failure } = applyOutcome(engine(), job, outcome);
        if (failure !== null) lastFailure = { key: 'status.runFailed', args: { message: failure } };
        else if (outcome.status === 'ok') lastFailure = null;
        if (changed.size > 0) events.cellsChanged(changed);
        // A run may depend on another run's result: plan again. (A superseded job has a newer one serving its cells.)
        if (outcome.status !== 'superseded') plan();
        events.statusChanged();
      });
    }
    events.statusChanged();
  };

  const remember = (key: string, result: ComputeResult) => {
    sharedResults.delete(key);
    sharedResults.set(key, result);
    while (sharedResults.size > SHARED_CACHE_LIMIT) sharedResults.delete(sharedResults.keys().next().value as string);
  };

  return {
    plan,
    cancelAll: () => [...inFlight.keys()].forEach((key) => compute.cancel(prefix + key)),
    shared(slot, request) {
      const key = requestKey(request);
      const cached = sharedResults.get(key);
      if (cached !== undefined) {
        remember(key, cached);
        return { key, result: cached };
      }
      if (sharedInFlight.get(slot)?.key !== key) {
        sharedInFlight.set(slot, { key, kind: request.kind });
        void compute.compute(`${prefix}shared:${slot}`, request).then((outcome: ComputeOutcome) => {
          if (sharedInFlight.get(slot)?.key === key) sharedInFlight.delete(slot);
          if (outcome.status === 'ok') {
            remember(key, outcome.result);
            events.sharedLanded(key);
          }
          events.statusChanged();
        });
        events.statusChanged();
      }
      return undefined;
    },
    status() {
      const jobs = [...inFlight.values()];
      const total = jobs.reduce((sum, job) => sum + job.total, 0);
      const progress = total > 0 ? jobs.reduce((sum, job) => sum + job.done, 0) / total : null;
      const sharedKinds = [...sharedInFlight.values()].map((entry) => entry.kind);
      return {
        running: inFlight.size + sharedInFlight.size,
        runningKinds: [...jobs.map((job) => job.kind), ...sharedKinds],
        progress,
        lastFailure,
      };
    },
    idle: () => inFlight.size === 0 && sharedInFlight.size === 0,
  };
}
