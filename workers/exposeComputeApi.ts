/**
 * The worker side of the Comlink boundary: exposes a ComputeApi on an endpoint (the worker's
 * global scope, or a MessagePort in tests), moving result buffers instead of copying them and
 * releasing the page's progress callback once its run is over.
 */
import * as Comlink from 'comlink';
import type { ComputeOutcome, ComputeProgress, ComputeRequest } from '../src/core/runTypes';
import type { ComputeApi } from '../src/compute/computeApi';
import { transferablesOf } from '../src/compute/transferables';

export type ProgressCallback = (progress: ComputeProgress) => void;

/** What crosses the boundary; the page wraps it with Comlink.wrap (see client.ts). */
export interface ExposedComputeApi {
  compute(
    key: string,
    request: ComputeRequest,
    onProgress?: Comlink.Remote<ProgressCallback & Comlink.ProxyMarked>,
  ): Promise<ComputeOutcome>;
  cancel(key: string): void;
}

/** `exposeComputeApi(createComputeApi({ initTfBackend }), self)` inside the worker. */
export function exposeComputeApi(api: ComputeApi, endpoint: Comlink.Endpoint): void {
  const exposed: ExposedComputeApi = {
    async compute(key, request, onProgress) {
      const report =
        onProgress === undefined
          ? undefined
          : (progress: ComputeProgress) => {
              // Fire and forget: a page that has gone away must not fail the run.
              onProgress(progress).catch(() => undefined);
            };
      try {
        const outcome = await api.compute(key, request, report);
        // Transferring detaches the arrays here, which is safe because every result is freshly
        // computed per call: nothing in the worker caches a result it has sent.
        return Comlink.transfer(outcome, transferablesOf(outcome));
      } finally {
        onProgress?.[Comlink.releaseProxy]();
      }
    },
    cancel(key) {
      api.cancel(key);
    },
  };
  Comlink.expose(exposed, endpoint);
}
