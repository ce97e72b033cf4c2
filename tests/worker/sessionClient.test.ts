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
import type { CellPatch, Patch, SessionApi } from '../../src/session/contract';
import { createLedger } from '../../src/ui/client/patchLedger';
import { createSessionClient, type SessionClient, type SpawnedSession } from '../../src/ui/client/sessionClient';
import { exposeSession } from '../../workers/exposeSession';
import { encodeState } from '../../src/share/codec';
import { defaultSheet } from '../../src/sheet/defaultSheet';

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
      const session = createSheetSession({ compute });
      // Severed, it is as dead as a killed worker: it answers nothing, sends no more patches and computes nothing
      // (in-process, its runs would otherwise go on competing with the live session for this thread).
      let dead = false;
      // (Not `...session`: spreading would read its `engine` getter and build the default sheet early.)
      const api: SessionApi = {
        connect: (onPatch) => session.connect((patch) => (dead ? undefined : onPatch(patch))),
        open: (request) => session.open(request),
        apply: (rev, intent) => session.apply(rev, intent),
        ping: () => session.ping(),
        exportText: (kind) => session.exportText(kind),
      };
      exposeSession(api, channel.port1);
      const sever = () => {
        dead = true;
        channel.port1.close();
        void session.apply(Number.MAX_SAFE_INTEGER, { kind: 'cancelRuns' });
      };
      spawned.push({ sever });
      if (deadOnArrival.includes(spawned.length)) sever();
      return { endpoint: channel.port2, terminate: () => (sever(), channel.port2.close()), onCrash: () => undefined };
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

  it('an edit shown but not yet persisted when the worker dies is replayed, not lost', async () => {
    const { spawn, spawned } = spawner();
    client = createSessionClient({ spawn, heartbeatMs: 20, timeoutMs: 200, startTimeoutMs: 1000 });
    const cells = new Map<string, CellPatch>();
    let severed = false;
    client.subscribe((patch) => {
      if (patch.full) cells.clear();
      for (const cell of patch.cells ?? []) cells.set(cell.address, cell);
      // The worker dies right after the edit's cells arrive, before the patch with its persisted text.
      if (!severed && patch.cells?.some((cell) => cell.address === 'G1') === true && patch.persisted === undefined) {
        severed = true;
        spawned[0].sever();
      }
    });
    await client.start({ linkText: null, savedText: null });
    client.send({ kind: 'setCells', entries: [['G1', 'shown, not yet saved']] });
    await vi.waitFor(() => expect(spawned).toHaveLength(2), { timeout: 5000 });
    expect(severed).toBe(true);
    await vi.waitFor(() => expect(client?.unreflected()).toHaveLength(0), { timeout: 5000 });
    expect(cells.get('G1')?.raw).toBe('shown, not yet saved');
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
    // An edit is kept until its persisted form has arrived too (the patch after its cells): only
    // then is G1 safe, and G2 the one edit in flight when the worker dies.
    await vi.waitFor(() => expect(client?.unreflected()).toHaveLength(0), { timeout: 5000 });
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

  it('a sheet that stops the worker before it ever settled, with no edit in flight, opens in safe mode at once', async () => {
    const { spawn, spawned } = spawner();
    client = createSessionClient({ spawn, heartbeatMs: 20, timeoutMs: 200, startTimeoutMs: 1000 });
    const patches: Patch[] = [];
    // The worker freezes right after its first patch: the sheet's runs were planned, none had landed.
    client.subscribe((patch) => {
      patches.push(patch);
      if (patches.length === 1) {
        expect(patch).toMatchObject({ full: true, idle: false });
        spawned[0].sever();
      }
    });
    const events: { kind: string; safeMode?: boolean; openedText?: string | null; dropped?: readonly unknown[] }[] = [];
    client.onEvent((event) => events.push(event));
    const link = encodeState({ ...defaultSheet(), cells: { ...defaultSheet().cells, F2: 'a sheet that freezes' } });
    await client.start({ linkText: link, savedText: null });
    await vi.waitFor(() => expect(events).toHaveLength(1), { timeout: 5000 });
    // One replacement, not three: evaluating the sheet again would only freeze the next worker too.
    expect(spawned).toHaveLength(2);
    expect(events[0]).toMatchObject({ kind: 'restarted', safeMode: true, dropped: [] });
    // It reopened the sheet as the first worker had persisted it (a state file text).
    expect(events[0].openedText).toContain('a sheet that freezes');
    const shown = patches.at(-1);
    expect(shown?.full).toBe(true);
    expect(shown?.meta?.safeMode).toBe(true);
    expect(shown?.cells?.find((cell) => cell.address === 'F2')?.raw).toBe('a sheet that freezes');
    expect(shown?.cells?.find((cell) => cell.address === 'D16')).toMatchObject({ kind: 'text', raw: '=MOMENTUM(f,x1_0,x2_0,B16,C16,steps,grad)' });
  });

  it('start() answers from the replacement when the first worker never answers at all', async () => {
    const severed: SpawnedSession[] = [];
    let spawns = 0;
    const spawn = (): SpawnedSession => {
      spawns += 1;
      const channel = new MessageChannel();
      // The first worker is dead from the start (it never loaded); the second is a real session.
      if (spawns > 1) exposeSession(createSheetSession({ compute }), channel.port1);
      const session = { endpoint: channel.port2, terminate: () => (channel.port1.close(), channel.port2.close()), onCrash: () => undefined };
      if (spawns === 1) severed.push(session);
      return session;
    };
    client = createSessionClient({ spawn, heartbeatMs: 20, timeoutMs: 200, startTimeoutMs: 300 });
    const reply = await client.start({ linkText: null, savedText: null });
    expect(reply.source).toBe('default');
    expect(spawns).toBe(2);
    expect(severed).toHaveLength(1);
  });

  it('lists the intents it has sent and the session has not reflected and saved, until they are', async () => {
    const { spawn, spawned } = spawner();
    client = createSessionClient({ spawn, heartbeatMs: 20, timeoutMs: 10_000, startTimeoutMs: 10_000 });
    const cells = new Map<string, CellPatch>();
    client.subscribe((patch) => {
      for (const cell of patch.cells ?? []) cells.set(cell.address, cell);
    });
    await client.start({ linkText: null, savedText: null });
    spawned[0].sever();
    const sent = { kind: 'setCells', entries: [['G1', 'waiting']] } as const;
    const rev = client.send(sent);
    expect(client.unreflected()).toEqual([{ rev, intent: sent }]);
    client.dispose();
    client = createSessionClient({ spawn, heartbeatMs: 20, timeoutMs: 10_000, startTimeoutMs: 10_000 });
    client.subscribe((patch) => {
      for (const cell of patch.cells ?? []) cells.set(cell.address, cell);
    });
    await client.start({ linkText: null, savedText: null });
    client.send({ kind: 'setCells', entries: [['G2', 'answered']] });
    await vi.waitFor(() => expect(cells.get('G2')?.raw).toBe('answered'));
    // Shown first, kept once its persisted form (a patch later) has arrived.
    await vi.waitFor(() => expect(client?.unreflected()).toEqual([]));
  });

  it('reopen() shows another sheet from a fresh worker, in safe mode when asked, and gives up what the old one had not reflected', async () => {
    const { spawn, spawned } = spawner();
    client = createSessionClient({ spawn, heartbeatMs: 20, timeoutMs: 10_000, startTimeoutMs: 10_000 });
    const patches: Patch[] = [];
    client.subscribe((patch) => patches.push(patch));
    await client.start({ linkText: null, savedText: null });
    spawned[0].sever();
    client.send({ kind: 'setCells', entries: [['G1', 'for the old sheet']] });
    const other = encodeState({ ...defaultSheet(), cells: { F2: 'another sheet', B3: '=1/0' } });
    const reply = await client.reopen({ linkText: other, savedText: null, safeMode: true });
    expect(reply.source).toBe('link');
    expect(spawned).toHaveLength(2);
    expect(client.unreflected()).toEqual([]);
    await vi.waitFor(() => expect(patches.at(-1)?.full).toBe(true));
    const snapshot = patches.at(-1)!;
    expect(snapshot.meta?.safeMode).toBe(true);
    expect(snapshot.cells?.map((cell) => [cell.address, cell.raw, cell.kind]).sort()).toEqual([
      ['B3', '=1/0', 'text'],
      ['F2', 'another sheet', 'text'],
    ]);
  });
});
