/**
 * The one compute endpoint (2-D runs, regression, rate map, contours), written as a plain object
 * so it runs in the browser worker (behind Comlink), in Node tests and in the CLI alike.
 *
 * Runs are keyed (typically by cell): a newer request with the same key supersedes the older
 * one, whose promise resolves {status: 'superseded'} at once; its computation stops at its next
 * yield. Nothing is thrown: failures resolve {status: 'failed', message}.
 */
import type {
  ComputeOutcome,
  ComputeProgress,
  ComputeRequest,
  ComputeResult,
} from '../src/core/runTypes';
import { runPath2D } from '../src/core/optimize2d';
import { computeContours } from '../src/core/contours';
import { computeRateMap } from '../src/core/rateMap';
import type { CoreFailure } from '../src/core/coreFailure';
import { trainRegressionBatch } from './regressionEngine';
import { regressionRequestProblem } from './validateRegression';
import { yieldToEventLoop } from './yieldToEventLoop';

export interface ComputeApi {
  compute(
    key: string,
    request: ComputeRequest,
    onProgress?: (progress: ComputeProgress) => void,
  ): Promise<ComputeOutcome>;
  cancel(key: string): void;
}

export interface ComputeApiOptions {
  /** Selects and initialises the tfjs backend (tfBackend.ts in Node, tfBackend.browser.ts in the worker). */
  readonly initTfBackend: () => Promise<void>;
  /** Regression steps between yields to the event loop (default: the engine's). */
  readonly yieldEvery?: number;
}

type StopReason = 'superseded' | 'cancelled';

interface ActiveRun {
  stopReason: StopReason | null;
  /** Resolves the caller's promise; later calls are ignored. */
  readonly settle: (outcome: ComputeOutcome) => void;
}

const failed = (message: string): ComputeOutcome => ({ status: 'failed', message });

/** Run a request to completion; null when the run was stopped. */
type Runner = (request: ComputeRequest, run: ActiveRun, onProgress?: (progress: ComputeProgress) => void) => Promise<ComputeResult | CoreFailure | string | null>;

/**
 * `const api = createComputeApi({ initTfBackend }); await api.compute('B3', chapterRegression)`
 * → { status: 'ok', result, elapsedMs }.
 */
export function createComputeApi(options: ComputeApiOptions): ComputeApi {
  const active = new Map<string, ActiveRun>();
  let backendReady: Promise<void> | null = null;
  const ensureBackend = (): Promise<void> => {
    // A failed initialisation is forgotten so that a later request can try again.
    backendReady ??= options.initTfBackend().catch((error: unknown) => {
      backendReady = null;
      throw error;
    });
    return backendReady;
  };

  const run: Runner = async (request, activeRun, onProgress) => {
    switch (request.kind) {
      case 'path2d':
        return runPath2D(request);
      case 'contours':
        return computeContours(request);
      case 'rateMap':
        return computeRateMap(request);
      case 'regression': {
        const problem = regressionRequestProblem(request);
        if (problem !== null) return problem;
        await ensureBackend();
        if (activeRun.stopReason !== null) return null;
        const outcome = await trainRegressionBatch(request, {
          shouldStop: () => activeRun.stopReason !== null,
          onProgress,
          yieldEvery: options.yieldEvery,
        });
        return outcome.status === 'ok' ? outcome.result : null;
      }
      default:
        return `unknown request kind ${JSON.stringify((request as { kind?: unknown }).kind)}`;
    }
  };

  const execute = async (
    request: ComputeRequest,
    activeRun: ActiveRun,
    onProgress?: (progress: ComputeProgress) => void,
  ): Promise<ComputeOutcome> => {
    // Let already-queued messages in first: a burst of edits then runs only its last request.
    await yieldToEventLoop();
    if (activeRun.stopReason !== null) return { status: activeRun.stopReason };
    const started = performance.now();
    try {
      const result = await run(request, activeRun, onProgress);
      if (result === null) return { status: activeRun.stopReason ?? 'cancelled' };
      if (typeof result === 'string') return failed(result);
      if (result.kind === 'failure') return failed(result.message);
      return { status: 'ok', result, elapsedMs: performance.now() - started };
    } catch (error) {
      return failed(error instanceof Error ? error.message : String(error));
    }
  };

  const stop = (key: string, reason: StopReason): void => {
    const current = active.get(key);
    if (current === undefined) return;
    current.stopReason = reason;
    current.settle({ status: reason });
  };

  return {
    compute(key, request, onProgress) {
      stop(key, 'superseded');
      return new Promise<ComputeOutcome>((resolve) => {
        let settled = false;
        const activeRun: ActiveRun = {
          stopReason: null,
          settle: (outcome) => {
            if (settled) return;
            settled = true;
            if (active.get(key) === activeRun) active.delete(key);
            resolve(outcome);
          },
        };
        active.set(key, activeRun);
        void execute(request, activeRun, onProgress).then(activeRun.settle);
      });
    },
    cancel(key) {
      stop(key, 'cancelled');
    },
  };
}
