/**
 * A computed value that comes from the worker: given a reactive request (or null), it asks the
 * worker under a fixed key (so a newer request supersedes an older one), caches results by
 * request, and keeps showing the previous result until the new one lands.
 */
import { createEffect, createSignal, on, type Accessor } from 'solid-js';
import type { ComputeRequest, ComputeResult } from '../../core/runTypes';
import type { ComputeService } from '../../compute/computeService';

const CACHE_LIMIT = 16;

export function createWorkerResource<R extends ComputeResult>(
  compute: ComputeService,
  key: string,
  request: Accessor<ComputeRequest | null>,
): Accessor<R | null> {
  const [result, setResult] = createSignal<R | null>(null);
  const cache = new Map<string, R>();
  let latest = '';
  createEffect(
    on(request, (current) => {
      if (current === null) return;
      const id = JSON.stringify(current);
      latest = id;
      const cached = cache.get(id);
      if (cached) return void setResult(() => cached);
      void compute.compute(key, current).then((outcome) => {
        if (outcome.status !== 'ok') return;
        const value = outcome.result as R;
        cache.set(id, value);
        if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
        if (latest === id) setResult(() => value);
      });
    }),
  );
  return result;
}
