/**
 * The recent sheets as the page holds them: a list signal read from IndexedDB when the menu opens
 * or after a write, and writes that follow a sheet's edits at a calm pace (a burst of edits is one
 * write) and go out at once when the sheet is replaced or the page is hidden.
 */
import { createSignal, type Accessor } from 'solid-js';
import type { SheetDescription } from '../../../session/contract';
import { createRecentSheetStore, indexedDbKeyValue, type AsyncKeyValue, type RecentSheet } from '../../../share/recentSheets';

export type RecentEntry = RecentSheet<SheetDescription>;

/** A burst of edits within this time is written once. */
const SAVE_DELAY_MS = 400;

export interface Recents {
  readonly list: Accessor<readonly RecentEntry[]>;
  refresh(): Promise<void>;
  /** Keep this version of a document (soon, or at once). */
  save(entry: RecentEntry, immediately?: boolean): void;
  /** Keep a sheet unless it is already listed (by document or by text); resolves true when it is kept. */
  keep(entry: RecentEntry): Promise<boolean>;
  /** Write what is waiting now (the page is being hidden or the sheet replaced). */
  flush(): void;
  /** Forget a waiting write of this document (another version of it is to be kept instead). */
  cancel(id: string): void;
}

export function isDescription(value: unknown): value is SheetDescription {
  if (typeof value !== 'object' || value === null) return false;
  const { title, cells } = value as { title?: unknown; cells?: unknown };
  const titleOk = title === null || typeof title === 'string' || (typeof title === 'object' && typeof (title as { key?: unknown }).key === 'string');
  return titleOk && typeof cells === 'number';
}

export function createRecents(onError: (error: 'unavailable' | 'quotaExceeded' | null) => void, kv: AsyncKeyValue | null = indexedDbKeyValue()): Recents {
  const store = createRecentSheetStore<SheetDescription>(kv, isDescription);
  const [list, setList] = createSignal<readonly RecentEntry[]>([]);
  const waiting = new Map<string, RecentEntry>();
  let timer: ReturnType<typeof setTimeout> | null = null;

  const refresh = async () => {
    const listed = await store.list();
    if (listed.ok) setList(listed.value);
    else onError(listed.error);
  };

  const write = async (entry: RecentEntry, ifAbsent = false): Promise<boolean> => {
    const written = await store.put(entry, { ifAbsent });
    onError(written.ok ? null : written.error);
    if (written.ok) await refresh();
    return written.ok;
  };

  const flush = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const entries = [...waiting.values()];
    waiting.clear();
    for (const entry of entries) void write(entry);
  };

  return {
    list,
    refresh,
    save(entry, immediately = false) {
      waiting.set(entry.id, entry);
      if (immediately) return flush();
      timer ??= setTimeout(flush, SAVE_DELAY_MS);
    },
    keep: (entry) => write(entry, true),
    flush,
    cancel: (id) => void waiting.delete(id),
  };
}
