/**
 * The browser's localStorage as the page uses it: named slots of text, read and written as is.
 * Sheets are never decoded here (that happens in the session), so the page carries no schema
 * code. Every call returns a typed result: storage that is blocked, full or missing never throws
 * into the app.
 *
 * localStorage is synchronous, which is why the slots that must survive an unloading page live
 * here (the current sheet, the journal of edits the session had not answered yet, the sheets
 * that stopped the engine); the recent sheets, larger and written at leisure, are in IndexedDB
 * (recentSheets.ts).
 */

/** The part of the Web Storage API used here; `window.localStorage` satisfies it. */
export interface TextStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export type TextSlot =
  /** The current sheet's state file text: the last sheet that evaluated once without trouble. */
  | 'current'
  /** Which document the current sheet is (currentDocument.ts). */
  | 'currentDocument'
  /** Edits the session had not reflected when a page was hidden (journal.ts). */
  | 'journal'
  /** Fingerprints of sheets that stopped the compute engine (trippedSheets.ts). */
  | 'tripped'
  /** A saved sheet that could not be read, set aside before anything overwrote it. */
  | 'unreadable'
  /** Before recent sheets existed: the one local sheet a link replaced (moved to the recents once). */
  | 'legacyPrevious';

export const SLOT_KEYS: { readonly [S in TextSlot]: string } = {
  current: 'mp.sheet',
  currentDocument: 'mp.sheet.doc',
  journal: 'mp.journal',
  tripped: 'mp.tripped',
  unreadable: 'mp.sheet.unreadable',
  legacyPrevious: 'mp.sheet.previous',
};

export type SlotError = 'unavailable' | 'quotaExceeded';
export type SlotWrite = { readonly ok: true } | { readonly ok: false; readonly error: SlotError; readonly key: `share.storage.${SlotError}` };

/** Browsers name a full storage differently (Firefox used its own name, old WebKit only code 22). */
export function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014;
}

/**
 * The browser's localStorage if it can be used. Reading the property throws in sandboxed frames
 * and with cookies blocked, so it is read inside a try.
 */
export function openTextStore(getStorage: () => TextStore | null | undefined = () => globalThis.localStorage): TextStore | null {
  try {
    return getStorage() ?? null;
  } catch {
    return null;
  }
}

/** The slot's text, or null when it is empty or cannot be read. */
export function readSlot(store: TextStore, slot: TextSlot): string | null {
  try {
    return store.getItem(SLOT_KEYS[slot]);
  } catch {
    return null;
  }
}

function failure(error: unknown): SlotWrite {
  const code: SlotError = isQuotaError(error) ? 'quotaExceeded' : 'unavailable';
  return { ok: false, error: code, key: `share.storage.${code}` };
}

export function writeSlot(store: TextStore, slot: TextSlot, text: string): SlotWrite {
  try {
    store.setItem(SLOT_KEYS[slot], text);
    return { ok: true };
  } catch (error) {
    return failure(error);
  }
}

export function removeSlot(store: TextStore, slot: TextSlot): SlotWrite {
  try {
    store.removeItem(SLOT_KEYS[slot]);
    return { ok: true };
  } catch (error) {
    return failure(error);
  }
}
