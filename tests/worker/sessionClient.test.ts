/**
 * The page's session client against a real session on the other end of a MessageChannel (the
 * code the browser worker runs): stale replies are dropped by one rule, and a worker that dies
 * is replaced and restarted from the last state with nothing lost.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { createComputeApi } from '../../src/compute/computeApi';
import { initTfBackend } from '../../src/compute/tfBackend';
import { createSheetSession } from '../../src/session/sheetSession';
import type { CellPatch, Patch } from '../../src/session/contract';
import { createLedger } from '../../src/ui/client/patchLedger';
import { createSessionClient, type SessionClient, type SpawnedSession } from '../../src/ui/client/sessionClient';
import { exposeSession } from '../../workers/exposeSession';

const compute = createComputeApi({ initTfBackend });

/** What a client holds after a sequence of accepted patches: every cell's newest state. */
function reconstruct(patches: readonly Patch[]): Map<string, string> {
  const cells = new Map<string, CellPatch>();
  for (const patch of patches) {
    if (patch.full) cells.clear();
    for (const cell of patch.cells ?? []) cells.set(cell.address, cell);
  }
  return new Map([...cells].map(([address, cell]) => [address, JSON.stringify([cell.raw, cell.text, cell.pending])]));
}

/** The patches a real session sends for the chapter and three quick edits of one cell. */
async function sessionPatches(): Promise<Patch[]> {
  const session = createSheetSession({ compute });
  const patches: Patch[] = [];
  await session.connect((patch) => patches.push(patch));
  await session.open({ linkText: null, savedText: null });
  await session.idle();
  for (const [rev, gamma] of [[1, '0.3'], [2, '0.4'], [3, '0.5']] as const) await session.apply(rev, { kind: 'setCells', entries: [['C16', gamma]] });
  await session.idle();
  return patches;
}

describe('the one rule for stale replies', () => {
  it('ignores a stale result from a superseded edit, whatever order the patches arrive in', async () => {
    const patches = await sessionPatches();
    const inOrder = reconstruct(patches);
    expect(inOrder.get('C16')).toContain('0.5');
    const [snapshot, ...rest] = patches;
    fc.assert(
      fc.property(fc.shuffledSubarray(rest, { minLength: rest.length, maxLength: rest.length }), (shuffled) => {
        const ledger = createLedger();
        ledger.reset(1);
        const accepted = [snapshot, ...shuffled].flatMap((patch) => ledger.accept(1, patch) ?? []);
        expect(reconstruct(accepted)).toEqual(inOrder);
      }),
      { numRuns: 50 },
    );
  });

  it('drops every patch of an older worker and waits for the new worker’s snapshot', async () => {
    const patches = await sessionPatches();
    const ledger = createLedger();
    ledger.reset(1);
    expect(ledger.accept(1, patches[0])).not.toBeNull();
    ledger.reset(2);
    expect(ledger.accept(1, patches[1])).toBeNull();
    expect(ledger.accept(2, patches[1])).toBeNull(); // not a snapshot: nothing to apply it to yet
    expect(ledger.accept(2, patches[0])?.full).toBe(true);
  });
});

describe('a worker that dies is replaced', () => {
  let client: SessionClient | null = null;
  afterEach(() => client?.dispose());

  /**
   * A session behind a MessageChannel; `sever()` makes it stop answering, as a killed worker does.
   * Workers numbered in `deadOnArrival` (1-based) never answer at all.
   */
  function spawner(deadOnArrival: readonly number[] = []) {
    const spawned: { sever(): void }[] = [];
    const spawn = (): SpawnedSession => {
      const channel = new MessageChannel();
      exposeSession(createSheetSession({ compute }), channel.port1);
      spawned.push({ sever: () => channel.port1.close() });
      if (deadOnArrival.includes(spawned.length)) channel.port1.close();
      return { endpoint: channel.port2, terminate: () => (channel.port1.close(), channel.port2.close()), onCrash: () => undefined };
    };
    return { spawn, spawned };
  }

  it('restarts from the last state with the edit it had not reflected, and says so', async () => {
    const { spawn, spawned } = spawner();
    client = createSessionClient({ spawn, heartbeatMs: 20, timeoutMs: 200, startTimeoutMs: 1000 });
    const cells = new Map<string, CellPatch>();
    client.subscribe((patch) => {
      if (patch.full) cells.clear();
      for (const cell of patch.cells ?? []) cells.set(cell.address, cell);
    });
    const events: unknown[] = [];
    client.onEvent((event) => events.push(event));
    await client.start({ linkText: null, savedText: null });
    client.send({ kind: 'setCells', entries: [['G1', 'kept']] });
    await vi.waitFor(() => expect(cells.get('G1')?.raw).toBe('kept'));
    spawned[0].sever();
    // Sent after the worker died: nothing answers it until the replacement replays it.
    client.send({ kind: 'setCells', entries: [['G2', 'also kept']] });
    await vi.waitFor(() => expect(events).toHaveLength(1), { timeout: 5000 });
    expect(events[0]).toMatchObject({ kind: 'restarted', reason: 'unresponsive', dropped: [], safeMode: false });
    expect(spawned).toHaveLength(2);
    await vi.waitFor(() => {
      expect(cells.get('G1')?.raw).toBe('kept');
      expect(cells.get('G2')?.raw).toBe('also kept');
      expect(cells.get('D16')?.kind).toBe('run');
    });
  });

  it('an edit that brings the replacement down too is dropped, reported, and the rest survives', async () => {
    // The replacement (worker 2) dies before it answers anything, as if the replayed edit killed it.
    const { spawn, spawned } = spawner([2]);
    client = createSessionClient({ spawn, heartbeatMs: 20, timeoutMs: 200, startTimeoutMs: 1000 });
    const cells = new Map<string, CellPatch>();
    client.subscribe((patch) => {
      if (patch.full) cells.clear();
      for (const cell of patch.cells ?? []) cells.set(cell.address, cell);
    });
    const events: { kind: string; dropped?: readonly unknown[] }[] = [];
    client.onEvent((event) => events.push(event));
    await client.start({ linkText: null, savedText: null });
    client.send({ kind: 'setCells', entries: [['G1', 'kept']] });
    await vi.waitFor(() => expect(cells.get('G1')?.raw).toBe('kept'));
    spawned[0].sever();
    client.send({ kind: 'setCells', entries: [['G2', 'poison']] });
    // Worker 2 never finished starting, so the restart that is reported is the one to worker 3.
    await vi.waitFor(() => expect(spawned).toHaveLength(3), { timeout: 5000 });
    await vi.waitFor(() => expect(events.length).toBeGreaterThanOrEqual(1), { timeout: 5000 });
    const last = events.at(-1);
    expect(last?.dropped).toHaveLength(1);
    await vi.waitFor(() => expect(cells.get('G1')?.raw).toBe('kept'));
    expect(cells.get('G2')).toBeUndefined();
  });
});
