/**
 * The sheet store's guarantees, with the real engine and the real compute API in-process (the
 * same object the worker exposes): runs are asked for once, results land in the cells that wait
 * for them, a pending cell keeps showing its previous value, and a stale reply is never applied.
 */
import { createRoot } from 'solid-js';
import { describe, expect, it } from 'vitest';
import { createSheetStore, type SheetStore } from '../../../../src/ui/stores/sheetStore';
import { createEngine } from '../../../../src/sheet/engine';
import { createComputeApi } from '../../../../src/compute/computeApi';
import { initTfBackend } from '../../../../src/compute/tfBackend';
import type { ComputeService } from '../../../../src/compute/computeService';
import type { SheetState } from '../../../../src/sheet/types';

const SHEET: SheetState = {
  rows: 10,
  cols: 4,
  cells: {
    A1: '0.9',
    A2: '0.2',
    B1: '=MOMENTUM(0.1*x1^2+2*x2^2, -5, -2, A1, A2, 15, [0.2*x1, 2*x2])',
    B2: '=B1.f',
    C1: '=1/(1-A2)',
  },
  names: {},
  colWidths: {},
  charts: [],
  pins: [],
};

/** Counts what the store asks for, and can hold replies back to observe the pending state. */
function recordingCompute(): ComputeService & { requests: string[]; release(): void; hold: boolean } {
  const api = createComputeApi({ initTfBackend });
  const held: Array<() => void> = [];
  const service = {
    requests: [] as string[],
    hold: false,
    release: () => held.splice(0).forEach((go) => go()),
    cancel: (key: string) => api.cancel(key),
    compute: (key: string, request: Parameters<ComputeService['compute']>[1]) => {
      service.requests.push(`${key}:${request.kind}`);
      const outcome = api.compute(key, request);
      if (!service.hold) return outcome;
      return new Promise<Awaited<typeof outcome>>((resolve) => held.push(() => void outcome.then(resolve)));
    },
  };
  return service;
}

function withStore(compute: ComputeService, run: (store: SheetStore) => Promise<void>): Promise<void> {
  return createRoot(async (dispose) => {
    try {
      await run(createSheetStore({ initial: SHEET, createEngine, compute }));
    } finally {
      dispose();
    }
  });
}

describe('sheet store', () => {
  it('asks the worker once for a run and puts its result in the waiting cells', async () => {
    const compute = recordingCompute();
    await withStore(compute, async (store) => {
      await store.idle();
      expect(compute.requests).toEqual(['B1:path2d']);
      expect(store.value('B1').kind).toBe('run');
      // B2 = B1.f is the run's last f, recomputed once the run landed.
      const run = store.value('B1');
      const f = run.kind === 'run' && run.result.kind === 'path2d' ? run.result.f : null;
      expect(store.value('B2')).toEqual({ kind: 'number', value: f?.[f.length - 1] });
    });
  });

  it('an edit that no run depends on asks for no run', async () => {
    const compute = recordingCompute();
    await withStore(compute, async (store) => {
      await store.idle();
      store.commit('D1', '=2*3');
      await store.idle();
      expect(store.cellView('D1').text).toBe('6');
      expect(compute.requests).toEqual(['B1:path2d']);
    });
  });

  it('keeps showing the previous result, marked stale, until the new run lands', async () => {
    const compute = recordingCompute();
    await withStore(compute, async (store) => {
      await store.idle();
      const before = store.cellView('B1').text;
      compute.hold = true;
      store.commit('A1', '1.1');
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(store.value('B1').kind).toBe('pending');
      expect(store.cellView('B1')).toMatchObject({ text: before, stale: true });
      compute.release();
      await store.idle();
      expect(store.cellView('B1').stale).toBeUndefined();
      expect(store.cellView('B1').text).not.toBe(before);
    });
  });

  it('applies only the newest of two quick edits to the same run', async () => {
    const compute = recordingCompute();
    await withStore(compute, async (store) => {
      await store.idle();
      compute.hold = true;
      store.commit('A1', '0.5');
      await new Promise((resolve) => setTimeout(resolve, 20));
      store.commit('A1', '0.7');
      await new Promise((resolve) => setTimeout(resolve, 20));
      compute.release();
      await store.idle();
      const run = store.value('B1');
      expect(run.kind === 'run' && run.request.kind === 'path2d' && run.request.eta).toBe(0.7);
    });
  });
});
