/**
 * The page side of the compute worker: the same compute/cancel interface as the in-process API,
 * so the state layer does not care where computation happens. Never rejects: a broken worker
 * turns every pending and later request into {status: 'failed'}.
 */
import * as Comlink from 'comlink';
import type { ComputeOutcome } from '../src/core/runTypes';
import type { ComputeApi } from '../src/compute/computeApi';
import type { ExposedComputeApi } from './exposeComputeApi';

export interface WorkerCompute extends ComputeApi {
  /** Stop using the endpoint (and terminate the worker, for createWorkerCompute). */
  dispose(): void;
}

const failed = (message: string): ComputeOutcome => ({ status: 'failed', message });

/** Talk to an endpoint that runs exposeComputeApi: a Worker, or a MessagePort in tests. */
export function wrapComputeEndpoint(endpoint: Comlink.Endpoint): WorkerCompute & { fail(message: string): void } {
  const remote = Comlink.wrap<ExposedComputeApi>(endpoint);
  const pending = new Set<(outcome: ComputeOutcome) => void>();
  let brokenMessage: string | null = null;
  return {
    compute(key, request, onProgress) {
      if (brokenMessage !== null) return Promise.resolve(failed(brokenMessage));
      return new Promise<ComputeOutcome>((resolve) => {
        const settle = (outcome: ComputeOutcome) => {
          pending.delete(settle);
          resolve(outcome);
        };
        pending.add(settle);
        remote
          .compute(key, request, onProgress === undefined ? undefined : Comlink.proxy(onProgress))
          .then(settle, (error: unknown) => settle(failed(error instanceof Error ? error.message : String(error))));
      });
    },
    cancel(key) {
      remote.cancel(key).catch(() => undefined);
    },
    /** Resolve everything pending, and everything later, as failed with this message. */
    fail(message) {
      brokenMessage = message;
      for (const settle of [...pending]) settle(failed(message));
    },
    dispose() {
      remote[Comlink.releaseProxy]();
    },
  };
}

/** Start the compute worker. `const compute = createWorkerCompute(); await compute.compute('B3', request)` */
export function createWorkerCompute(): WorkerCompute {
  const worker = new Worker(new URL('./compute.worker.ts', import.meta.url), { type: 'module' });
  const client = wrapComputeEndpoint(worker);
  // Runtime errors inside a run come back as values, so an error event means the worker itself
  // is broken (script or wasm failed to load): nothing pending would ever be answered.
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    client.fail(`the compute worker stopped: ${event.message || 'it could not start'}`);
  });
  return {
    compute: client.compute,
    cancel: client.cancel,
    dispose() {
      client.fail('the compute worker was disposed');
      client.dispose();
      worker.terminate();
    },
  };
}
