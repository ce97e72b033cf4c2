/**
 * The recent sheets: the last sheets the user had, one entry per document (currentDocument.ts),
 * updated in place while it is edited, so that opening a link, a preset or a file never costs
 * the sheet it replaces. Kept in IndexedDB through idb-keyval, behind a four-method key-value
 * interface so that the policy runs in Node with an in-memory map. Every call returns a typed
 * result: a browser that refuses IndexedDB gets a notice, never an exception.
 */
import { createStore, delMany, entries, set } from 'idb-keyval';
import { isQuotaError } from './textSlots';
import { textHash } from './textHash';

export interface RecentSheet<D> {
  /** The document id. */
  readonly id: string;
  /** The sheet's state file text. */
  readonly text: string;
  /** textHash(text): two documents with one text are one recent sheet. */
  readonly hash: string;
  readonly savedAt: number;
  /** What the session said about the sheet (null when only its text is known). */
  readonly description: D | null;
}

/** How many recent sheets are kept. */
export const MAX_RECENT_SHEETS = 20;

export type StoreResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: 'unavailable' | 'quotaExceeded' };

/** The part of idb-keyval used here, over one object store. */
export interface AsyncKeyValue {
  entries(): Promise<Array<[IDBValidKey, unknown]>>;
  set(key: string, value: unknown): Promise<void>;
  delMany(keys: string[]): Promise<void>;
}

/** `recentSheet('id', text, 1700000000000, null)`: an entry with its fingerprint filled in. */
export function recentSheet<D>(id: string, text: string, savedAt: number, description: D | null): RecentSheet<D> {
  return { id, text, hash: textHash(text), savedAt, description };
}

/**
 * What storing `incoming` does to the list (pure): the entry replaces its own document's entry
 * and any other entry with the same text (the same sheet opened twice is one recent sheet), keeps
 * a description it lacks from its document's older entry, and the oldest entries beyond `limit`
 * go. With `ifAbsent`, an entry whose document or text is already listed changes nothing.
 */
export function planRecents<D>(
  existing: readonly RecentSheet<D>[],
  incoming: RecentSheet<D>,
  options: { readonly limit?: number; readonly ifAbsent?: boolean } = {},
): { readonly put: RecentSheet<D> | null; readonly remove: readonly string[] } {
  const limit = options.limit ?? MAX_RECENT_SHEETS;
  const same = existing.find((entry) => entry.id === incoming.id);
  const duplicates = existing.filter((entry) => entry.id !== incoming.id && entry.hash === incoming.hash);
  if (options.ifAbsent === true && (same !== undefined || duplicates.length > 0)) return { put: null, remove: [] };
  const put = incoming.description === null && same !== undefined ? { ...incoming, description: same.description } : incoming;
  const others = existing.filter((entry) => entry.id !== incoming.id && entry.hash !== incoming.hash);
  const surplus = [...others].sort((a, b) => b.savedAt - a.savedAt).slice(Math.max(0, limit - 1));
  return { put, remove: [...duplicates, ...surplus].map((entry) => entry.id) };
}

/** Newest first; entries that are not recent sheets (another version's, damaged) are left out. */
export function sortedRecents<D>(values: readonly unknown[], isDescription: (value: unknown) => value is D): RecentSheet<D>[] {
  const valid = values.filter((value): value is RecentSheet<D> => {
    if (typeof value !== 'object' || value === null) return false;
    const { id, text, hash, savedAt, description } = value as Record<string, unknown>;
    return typeof id === 'string' && typeof text === 'string' && typeof hash === 'string' && typeof savedAt === 'number' && (description === null || isDescription(description));
  });
  return valid.sort((a, b) => b.savedAt - a.savedAt);
}

export interface RecentSheetStore<D> {
  list(): Promise<StoreResult<RecentSheet<D>[]>>;
  put(entry: RecentSheet<D>, options?: { readonly ifAbsent?: boolean }): Promise<StoreResult<void>>;
}

const failed = (error: unknown): { ok: false; error: 'unavailable' | 'quotaExceeded' } => ({ ok: false, error: isQuotaError(error) ? 'quotaExceeded' : 'unavailable' });

/**
 * The recent sheets over `kv`. Writes run one after another (each reads the list it changes), so
 * a tab's own quick saves cannot undo each other.
 */
export function createRecentSheetStore<D>(kv: AsyncKeyValue | null, isDescription: (value: unknown) => value is D, limit = MAX_RECENT_SHEETS): RecentSheetStore<D> {
  let queue: Promise<unknown> = Promise.resolve();
  const read = async (): Promise<StoreResult<RecentSheet<D>[]>> => {
    if (kv === null) return { ok: false, error: 'unavailable' };
    try {
      const stored = await kv.entries();
      return { ok: true, value: sortedRecents(stored.map(([, value]) => value), isDescription) };
    } catch (error) {
      return failed(error);
    }
  };
  return {
    // A list asked for after a write shows that write.
    list: () => queue.then(read, read),
    put(entry, options = {}) {
      const run = async (): Promise<StoreResult<void>> => {
        const current = await read();
        if (!current.ok || kv === null) return current.ok ? { ok: false, error: 'unavailable' } : current;
        const plan = planRecents(current.value, entry, { limit, ifAbsent: options.ifAbsent });
        try {
          if (plan.put !== null) await kv.set(plan.put.id, plan.put);
          if (plan.remove.length > 0) await kv.delMany([...plan.remove]);
          return { ok: true, value: undefined };
        } catch (error) {
          return failed(error);
        }
      };
      const next = queue.then(run, run);
      queue = next;
      return next;
    },
  };
}

/** The browser's IndexedDB as an AsyncKeyValue, or null where there is none (or it throws at once). */
export function indexedDbKeyValue(): AsyncKeyValue | null {
  try {
    if (typeof indexedDB === 'undefined') return null;
    const store = createStore('momentum-playground', 'recent-sheets');
    return {
      entries: () => entries(store),
      set: (key, value) => set(key, value, store),
      delMany: (keys) => delMany(keys, store),
    };
  } catch {
    return null;
  }
}
