/**
 * The browser's localStorage as the page uses it: named slots of text (the autosaved state
 * file, the sheet a link replaced), read and written as is. Decoding happens in the session,
 * never here, so the page carries no schema code. Every call returns a typed result: storage
 * that is blocked, full or missing never throws into the app.
 */

/** The part of the Web Storage API used here; `window.localStorage` satisfies it. */
export interface TextStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** current: the autosave; previous: the local sheet a link replaced. */
export type TextSlot = 'current' | 'previous';

export const SLOT_KEYS: { readonly [S in TextSlot]: string } = {
  current: 'mp.sheet',
  previous: 'mp.sheet.previous',
};

export type SlotError = 'unavailable' | 'quotaExceeded';
export type SlotWrite = { readonly ok: true } | { readonly ok: false; readonly error: SlotError; readonly key: `share.storage.${SlotError}` };

/** Browsers name a full storage differently (Firefox used its own name, old WebKit only code 22). */
function isQuotaError(error: unknown): boolean {
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

export function writeSlot(store: TextStore, slot: TextSlot, text: string): SlotWrite {
  try {
    store.setItem(SLOT_KEYS[slot], text);
    return { ok: true };
  } catch (error) {
    const code: SlotError = isQuotaError(error) ? 'quotaExceeded' : 'unavailable';
    return { ok: false, error: code, key: `share.storage.${code}` };
  }
}
