/**
 * The one compute endpoint (2-D runs, regression, sweeps, rate map, contours), written as a plain object
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
} from '../core/runTypes';
import { runPath2D } from '../core/optimize2d';
import { computeContours } from '../core/contours';
import { computeRateMap } from '../core/rateMap';
import { invalidRequest, type CoreFailure } from '../core/coreFailure';
import { trainRegressionBatch } from './regressionEngine';
import { regressionRequestProblem, regressionSweepProblem } from './validateRegression';
import { trainRegressionSweep } from './regressionSweep';
import { runSweep2D } from './sweep2d';
import { yieldToEventLoop } from './yieldToEventLoop';

export interface ComputeApi {
  compute(
    key: string,
    request: ComputeRequest,
    onProgress?: (progress: ComputeProgress) => void,
  ): Promise<ComputeOutcome>;
  cancel(key: string): void;
  /** Initialise the tfjs backend ahead of the first regression (failures are reported then). */
  warmUp(): Promise<void>;
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

/** What running a request gives: a result, why there is none, or why it was stopped. */
type RunOutput = ComputeResult | CoreFailure | StopReason;

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

  const run = async (
    request: ComputeRequest,
    activeRun: ActiveRun,
    onProgress?: (progress: ComputeProgress) => void,
  ): Promise<RunOutput> => {
    const stopped = (): StopReason => activeRun.stopReason ?? 'cancelled';
    const control = { shouldStop: () => activeRun.stopReason !== null, onProgress, yieldEvery: options.yieldEvery };
    /** Run a tfjs computation once the backend is ready, unless the run was stopped meanwhile. */
    const onBackend = async <R extends ComputeResult | CoreFailure>(
      problem: string | null,
      compute: () => Promise<R | 'stopped'>,
    ): Promise<RunOutput> => {
      if (problem !== null) return invalidRequest(request.kind, problem);
      await ensureBackend();
      if (activeRun.stopReason !== null) return stopped();
      const output = await compute();
      return output === 'stopped' ? stopped() : output;
    };
    const resultOf = <R,>(outcome: { status: 'ok'; result: R } | { status: 'stopped' }): R | 'stopped' =>
      outcome.status === 'ok' ? outcome.result : 'stopped';
    switch (request.kind) {
      case 'path2d':
        return runPath2D(request);
      case 'contours':
        return computeContours(request);
      case 'rateMap':
        return computeRateMap(request);
      case 'regression':
        return onBackend(regressionRequestProblem(request), async () => resultOf(await trainRegressionBatch(request, control)));
      case 'regressionSweep':
        return onBackend(regressionSweepProblem(request), async () => resultOf(await trainRegressionSweep(request, control)));
      case 'sweep2d':
        return onBackend(null, () => runSweep2D(request, control));
      default: {
        // Requests arrive by structured clone, so the type system cannot promise a known kind.
        const kind = JSON.stringify((request as { kind?: unknown }).kind);
        return invalidRequest('kind', `unknown request kind ${kind}`);
      }
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
      const output = await run(request, activeRun, onProgress);
      if (typeof output === 'string') return { status: output };
      if (output.kind === 'failure') return failed(output.message);
      return { status: 'ok', result: output, elapsedMs: performance.now() - started };
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
    warmUp: () => ensureBackend().catch(() => undefined),
  };
}
