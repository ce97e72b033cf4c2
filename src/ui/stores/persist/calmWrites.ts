/**
 * Writes that can wait for a quiet moment. Putting a sheet in the address bar
 * (`history.replaceState` of its compressed link) costs about 20 ms of main-thread time, and
 * localStorage writes are synchronous too: done for every persisted version, they would land in
 * the tasks that paint the user's edits. So they run once edits have paused for `quietMs` (a
 * burst of edits is one write), at the latest `maxWaitMs` after the first edit of a burst (a long
 * burst is still kept), and at once, synchronously, when `flush()` is called: the page is hidden
 * or unloading, a link is about to be shared, the sheet is about to be replaced. Nothing waiting
 * is lost, because every exit path flushes first.
 */

export interface CalmWrites {
  /** Something changed: write it out once the page is quiet. */
  schedule(): void;
  /** Write out now, if anything is waiting (synchronous). */
  flush(): void;
  /** Something is waiting to be written. */
  readonly waiting: boolean;
  /** Forget the timers (what is waiting is written first). */
  dispose(): void;
}

export interface CalmWritesOptions {
  /** Idle time after the last change before writing. */
  readonly quietMs?: number;
  /** Longest a change waits while changes keep coming. */
  readonly maxWaitMs?: number;
  readonly setTimer?: (callback: () => void, ms: number) => unknown;
  readonly clearTimer?: (handle: unknown) => void;
  readonly now?: () => number;
}

/** Long enough to span a burst of typing or scrubbing, short enough that a link copied by hand is fresh. */
export const QUIET_MS = 300;
export const MAX_WAIT_MS = 2000;

/** `const writes = calmWrites(() => save()); writes.schedule(); writes.schedule();` → one save() about 300 ms later. */
export function calmWrites(write: () => void, options: CalmWritesOptions = {}): CalmWrites {
  const quietMs = options.quietMs ?? QUIET_MS;
  const maxWaitMs = options.maxWaitMs ?? MAX_WAIT_MS;
  const setTimer = options.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
  const clearTimer = options.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  const now = options.now ?? (() => performance.now());
  let timer: unknown = null;
  /** When the oldest waiting change was scheduled (null: nothing waits). */
  let since: number | null = null;

  const flush = () => {
    if (timer !== null) clearTimer(timer);
    timer = null;
    if (since === null) return;
    since = null;
    write();
  };

  return {
    schedule() {
      const time = now();
      since ??= time;
      if (timer !== null) clearTimer(timer);
      timer = setTimer(flush, Math.max(0, Math.min(quietMs, since + maxWaitMs - time)));
    },
    flush,
    get waiting() {
      return since !== null;
    },
    dispose: flush,
  };
}
