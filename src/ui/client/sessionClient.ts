/**
 * The page's one client of the sheet session. It numbers intents (revisions), lets through only
 * news (patchLedger.ts), and keeps the session alive: a worker that crashes or does not answer
 * its heartbeat in time is terminated and a new one is started from the last persisted state,
 * with the intents it had not yet reflected sent again. If the same trouble comes back, the
 * replayed intents are dropped (and reported); if even the saved state trips it, the sheet opens
 * in safe mode. A sheet that trips it before it ever finished evaluating, with no edit in flight,
 * is itself the cause: it opens in safe mode at once (evaluating it again would only freeze the
 * new worker too). Framework-free: the stores subscribe to it.
 */
import * as Comlink from 'comlink';
import type { ExportKind, Intent, IntentReply, Message, OpenReply, OpenRequest, Patch, SessionApi } from '../../session/contract';
import { createLedger } from './patchLedger';

/** A started worker (or, in tests, one end of a MessageChannel with a session on the other). */
/**
 * The session as Comlink shows it across the boundary: the same calls, the patch callback passed
 * as a Comlink proxy (workers/exposeSession.ts is the other side).
 */
type RemoteSession = Comlink.Remote<Omit<SessionApi, 'connect'>> & {
  connect(onPatch: ((patch: Patch) => void) & Comlink.ProxyMarked): Promise<void>;
};

export interface SpawnedSession {
  readonly endpoint: Comlink.Endpoint;
  terminate(): void;
  /** Called when the worker reports that it broke (script error, uncaught exception). */
  onCrash(listener: () => void): void;
}

export interface SessionClientOptions {
  spawn(): SpawnedSession;
  /** How often the page asks the worker whether it is alive. */
  readonly heartbeatMs?: number;
  /** A worker that leaves a heartbeat unanswered this long is replaced. */
  readonly timeoutMs?: number;
  /** The same for a worker that has not answered at all yet (it is still loading). */
  readonly startTimeoutMs?: number;
  readonly setInterval?: (callback: () => void, ms: number) => unknown;
  readonly clearInterval?: (handle: unknown) => void;
  readonly now?: () => number;
  /** Queue patches until release() (so stores created later miss nothing). */
  readonly held?: boolean;
}

export type ClientEvent =
  | {
      readonly kind: 'restarted';
      readonly reason: 'crashed' | 'unresponsive';
      /** Intents that were not applied because they seemed to cause the trouble. */
      readonly dropped: readonly Intent[];
      readonly safeMode: boolean;
      /** The text the replacement opened (a link payload or a state file text; null: the default sheet). */
      readonly openedText: string | null;
    }
  | { readonly kind: 'recovered' };

export interface SessionClient {
  /**
   * Start the first worker and open the sheet the page found. Resolves with the first answer to
   * that request, from a replacement worker if the first one never answered.
   */
  start(request: OpenRequest): Promise<OpenReply>;
  /**
   * Replace the sheet by opening `request` in a new worker (e.g. a recent sheet that stopped the
   * engine, in safe mode). Intents the old worker had not reflected are given up: they were meant
   * for the sheet being replaced.
   */
  reopen(request: OpenRequest): Promise<OpenReply>;
  /** The request start() was given, as given (the page reads the start-up answer against it). */
  readonly startRequest: OpenRequest | null;
  /** Intents sent and not yet kept (reflected with their persisted form), oldest first (the page journals them when it is hidden). */
  unreflected(): readonly { readonly rev: number; readonly intent: Intent }[];
  /** Send an intent; returns its revision. Its reply is handled by `request` callers only. */
  send(intent: Intent): number;
  /** Send an intent and wait for its immediate reply (e.g. an invalid name). */
  request(intent: Intent): Promise<IntentReply>;
  subscribe(listener: (patch: Patch) => void): () => void;
  /** Told each revision as it is sent, before any patch can reflect it (the page is busy from then on). */
  onSend(listener: (rev: number) => void): () => void;
  /** Deliver the patches queued while held, then every patch as it comes. */
  release(): void;
  onEvent(listener: (event: ClientEvent) => void): () => void;
  exportText(kind: ExportKind): Promise<{ readonly ok: true; readonly text: string } | { readonly ok: false; readonly error: Message }>;
  /** The newest revision sent, and the newest the session has reflected. */
  readonly sentRev: number;
  readonly reflectedRev: number;
  dispose(): void;
}

const DEFAULTS = { heartbeatMs: 500, timeoutMs: 2000, startTimeoutMs: 15_000 };
/** A session that stays healthy this long after a restart is trusted again. */
const HEALTHY_AFTER_MS = 5000;

export function createSessionClient(options: SessionClientOptions): SessionClient {
  const heartbeatMs = options.heartbeatMs ?? DEFAULTS.heartbeatMs;
  const timeoutMs = options.timeoutMs ?? DEFAULTS.timeoutMs;
  const startTimeoutMs = options.startTimeoutMs ?? DEFAULTS.startTimeoutMs;
  const now = options.now ?? (() => performance.now());
  const every = options.setInterval ?? ((callback, ms) => setInterval(callback, ms));
  const stopEvery = options.clearInterval ?? ((handle) => clearInterval(handle as ReturnType<typeof setInterval>));

  const ledger = createLedger();
  const listeners = new Set<(patch: Patch) => void>();
  const eventListeners = new Set<(event: ClientEvent) => void>();
  const sendListeners = new Set<(rev: number) => void>();
  let spawned: SpawnedSession | null = null;
  let remote: RemoteSession | null = null;
  let sentRev = 0;
  let reflectedRev = 0;
  /**
   * Intents sent but not yet kept, oldest first: not reflected by a patch, or reflected but with
   * their persisted form still to come (a restart opens the last persisted text, so they go again).
   */
  let journal: Array<{ readonly rev: number; readonly intent: Intent }> = [];
  let lastFileText: string | null = null;
  let initialRequest: OpenRequest = { linkText: null, savedText: null };
  /** The sheet reached an idle patch (outside safe mode) since it was opened or replaced. */
  let idleSinceOpen = false;
  let safeNow = false;
  /** Revisions of sent intents that replace the whole sheet: reflecting one makes the sheet new. */
  let replacingRevs: number[] = [];
  let deliverStart: ((reply: OpenReply) => void) | null = null;
  let startRequest: OpenRequest | null = null;
  let attempt = 0;
  let healthySince: number | null = null;
  let pingSentAt: number | null = null;
  let answered = false;
  let lastTick = now();
  let heartbeat: unknown = null;
  let ready: Promise<void> = Promise.resolve();
  let disposed = false;
  let held: Patch[] | null = options.held === true ? [] : null;

  const emit = (event: ClientEvent) => eventListeners.forEach((listener) => listener(event));

  const onPatch = (epoch: number) => (patch: Patch) => {
    const accepted = ledger.accept(epoch, patch);
    if (accepted === null) return;
    reflectedRev = Math.max(reflectedRev, accepted.rev);
    journal = journal.filter((entry) => entry.rev > ledger.keptRev);
    if (replacingRevs.some((rev) => rev <= reflectedRev)) idleSinceOpen = false;
    replacingRevs = replacingRevs.filter((rev) => rev > reflectedRev);
    if (accepted.meta) safeNow = accepted.meta.safeMode;
    if (accepted.idle && !safeNow) idleSinceOpen = true;
    if (accepted.persisted) lastFileText = accepted.persisted.fileText;
    if (accepted.idle && attempt > 0 && healthySince === null) healthySince = now();
    if (held !== null) held.push(accepted);
    else listeners.forEach((listener) => listener(accepted));
  };

  /** Start a worker for a new epoch and open `request` in it; resolves with the reply. */
  const boot = async (request: OpenRequest): Promise<OpenReply> => {
    const epoch = ledger.epoch + 1;
    ledger.reset(epoch);
    const next = options.spawn();
    spawned = next;
    answered = false;
    pingSentAt = null;
    idleSinceOpen = false;
    next.onCrash(() => {
      if (spawned === next) trip('crashed');
    });
    const wrapped = Comlink.wrap<SessionApi>(next.endpoint) as unknown as RemoteSession;
    remote = wrapped;
    await wrapped.connect(Comlink.proxy(onPatch(epoch)));
    const reply = await wrapped.open(request);
    answered = true;
    deliverStart?.(reply);
    deliverStart = null;
    return reply;
  };

  /** The text an open took its sheet from, by the session's answer. */
  const openedTextOf = (request: OpenRequest, reply: OpenReply): string | null =>
    reply.source === 'link' ? request.linkText : reply.source === 'saved' ? request.savedText : null;

  /** Later restarts open only what the first open took (a replaced saved sheet is no longer in play). */
  const narrowed = (request: OpenRequest, reply: OpenReply): OpenRequest => ({
    linkText: reply.source === 'link' ? request.linkText : null,
    savedText: reply.source === 'saved' ? request.savedText : null,
  });

  const trip = (reason: 'crashed' | 'unresponsive') => {
    if (disposed || spawned === null) return;
    spawned.terminate();
    if (remote !== null) remote[Comlink.releaseProxy]();
    spawned = null;
    remote = null;
    const replay = healthySince === null || now() - healthySince < HEALTHY_AFTER_MS ? attempt + 1 : 1;
    // Nothing in flight and the sheet never settled since it was opened: the sheet is the cause.
    const sheetIsCause = journal.length === 0 && !idleSinceOpen;
    attempt = sheetIsCause ? Math.max(replay, 3) : replay;
    healthySince = null;
    // 1: replay what was not reflected; 2: drop it, it may be the cause; 3+: safe mode.
    const dropped = attempt >= 2 ? journal.map((entry) => entry.intent) : [];
    const toReplay = attempt >= 2 ? [] : journal;
    journal = [...toReplay];
    const safeMode = attempt >= 3;
    const request: OpenRequest = lastFileText === null ? { ...initialRequest, safeMode } : { linkText: null, savedText: lastFileText, safeMode };
    ready = boot(request).then(
      (reply) => {
        for (const entry of toReplay) void remote?.apply(entry.rev, entry.intent).catch(() => undefined);
        emit({ kind: 'restarted', reason, dropped, safeMode, openedText: openedTextOf(request, reply) });
      },
      () => undefined,
    );
  };

  const track = (rev: number, intent: Intent) => {
    journal.push({ rev, intent });
    if (intent.kind === 'load' || intent.kind === 'loadText' || intent.kind === 'preset') replacingRevs.push(rev);
  };

  const tick = () => {
    const time = now();
    // A page that was itself asleep (a suspended laptop, a throttled tab) proves nothing about the worker.
    const slept = time - lastTick > Math.max(4 * heartbeatMs, timeoutMs);
    lastTick = time;
    if (slept || remote === null) {
      pingSentAt = null;
      return;
    }
    if (pingSentAt !== null) {
      if (time - pingSentAt > (answered ? timeoutMs : startTimeoutMs)) trip('unresponsive');
      return;
    }
    pingSentAt = time;
    const asked = remote;
    asked.ping().then(
      () => {
        if (remote === asked) {
          pingSentAt = null;
          answered = true;
        }
      },
      () => undefined,
    );
  };

  return {
    async start(request) {
      startRequest = request;
      initialRequest = request;
      heartbeat = every(tick, heartbeatMs);
      const started = new Promise<OpenReply>((resolve) => {
        deliverStart = resolve;
      });
      const opened = boot(request);
      ready = opened.then(() => undefined, () => undefined);
      const reply = await started;
      initialRequest = narrowed(request, reply);
      return reply;
    },
    async reopen(request) {
      if (spawned !== null) spawned.terminate();
      if (remote !== null) remote[Comlink.releaseProxy]();
      spawned = null;
      remote = null;
      journal = [];
      replacingRevs = [];
      attempt = 0;
      healthySince = null;
      lastFileText = null;
      initialRequest = request;
      const opened = boot(request);
      ready = opened.then(() => undefined, () => undefined);
      const reply = await opened;
      initialRequest = { ...narrowed(request, reply), ...(request.safeMode === true ? { safeMode: true } : {}) };
      return reply;
    },
    get startRequest() {
      return startRequest;
    },
    unreflected: () => [...journal],
    send(intent) {
      sentRev += 1;
      const rev = sentRev;
      track(rev, intent);
      sendListeners.forEach((listener) => listener(rev));
      if (remote !== null && answered) void remote.apply(rev, intent).catch(() => undefined);
      else {
        void ready.then(() => {
          remote?.apply(rev, intent).catch(() => undefined);
        });
      }
      return rev;
    },
    async request(intent) {
      sentRev += 1;
      const rev = sentRev;
      track(rev, intent);
      sendListeners.forEach((listener) => listener(rev));
      await ready;
      if (remote === null) return { ok: false, error: { key: 'client.unavailable' } };
      try {
        return await remote.apply(rev, intent);
      } catch {
        return { ok: false, error: { key: 'client.unavailable' } };
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onSend(listener) {
      sendListeners.add(listener);
      return () => sendListeners.delete(listener);
    },
    release() {
      const queued = held ?? [];
      held = null;
      for (const patch of queued) listeners.forEach((listener) => listener(patch));
    },
    onEvent(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    async exportText(kind) {
      await ready;
      if (remote === null) return { ok: false, error: { key: 'client.unavailable' } };
      try {
        return await remote.exportText(kind);
      } catch {
        return { ok: false, error: { key: 'client.unavailable' } };
      }
    },
    get sentRev() {
      return sentRev;
    },
    get reflectedRev() {
      return reflectedRev;
    },
    dispose() {
      disposed = true;
      if (heartbeat !== null) stopEvery(heartbeat);
      spawned?.terminate();
      remote?.[Comlink.releaseProxy]();
      spawned = null;
      remote = null;
    },
  };
}

/** The browser's worker: `createSessionClient({ spawn: spawnSessionWorker })`. */
export function spawnSessionWorker(): SpawnedSession {
  const worker = new Worker(new URL('../../../workers/session.worker.ts', import.meta.url), { type: 'module' });
  return {
    endpoint: worker,
    terminate: () => worker.terminate(),
    onCrash(listener) {
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        listener();
      });
    },
  };
}
