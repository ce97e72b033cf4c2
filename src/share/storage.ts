/**
 * Autosave in localStorage, behind the three Storage methods it uses so that tests run in Node
 * with a fake. Two slots: the current sheet, and the previous local sheet that opening a link
 * set aside. Every call returns a typed result; storage that is blocked, full or holding a
 * damaged value never throws into the app. Debouncing saves is the caller's job.
 */
import type { SheetState } from '../sheet/types';
import { type ShareError } from './errors';
import { envelopeFor } from './envelope';
import type { ShareMessageKey } from './shareMessages';
import { readStateFile } from './stateFile';

/** The part of the Web Storage API used here; `window.localStorage` satisfies it. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** current: the autosave; previous: the local sheet a link replaced; unreadable: a damaged (or newer-format) autosave set aside. */
export type StorageSlot = 'current' | 'previous' | 'unreadable';

export const STORAGE_KEYS: { readonly [S in StorageSlot]: string } = {
  current: 'mp.sheet',
  previous: 'mp.sheet.previous',
  unreadable: 'mp.sheet.unreadable',
};

export type StorageErrorCode = 'unavailable' | 'quotaExceeded' | 'corrupted';

export interface StorageError {
  readonly kind: 'storageError';
  readonly code: StorageErrorCode;
  /** Message-catalogue key, e.g. "share.storage.quotaExceeded" (no sentence: src/i18n has it). */
  readonly key: `share.storage.${StorageErrorCode}` & ShareMessageKey;
  /** For `corrupted`: why the saved value could not be decoded. */
  readonly cause?: ShareError;
}

export type SaveResult = { readonly ok: true } | { readonly ok: false; readonly error: StorageError };
export type LoadResult =
  /** `state` is null when nothing was saved in the slot. */
  | { readonly ok: true; readonly state: SheetState | null; readonly migratedFrom?: number }
  | { readonly ok: false; readonly error: StorageError };
export type OpenResult = { readonly ok: true; readonly store: KeyValueStore } | { readonly ok: false; readonly error: StorageError };

function storageError(code: StorageErrorCode, cause?: ShareError): StorageError {
  const key = `share.storage.${code}` as const;
  return cause === undefined ? { kind: 'storageError', code, key } : { kind: 'storageError', code, key, cause };
}

/** Browsers name a full storage differently (Firefox used its own name, old WebKit only code 22). */
function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014;
}

/**
 * The browser's localStorage if it can be used. Reading the property throws in sandboxed frames
 * and with cookies blocked, so it is read inside a try and passed in as a function.
 * `openBrowserStorage(() => window.localStorage)` → `{ ok: true, store }` in an ordinary tab.
 */
export function openBrowserStorage(getStorage: () => KeyValueStore | null | undefined = () => globalThis.localStorage): OpenResult {
  try {
    const store = getStorage();
    if (store === null || store === undefined) return { ok: false, error: storageError('unavailable') };
    return { ok: true, store };
  } catch {
    return { ok: false, error: storageError('unavailable') };
  }
}

/** Save a sheet (compact envelope JSON, uncompressed); `saveState(store, state)` → `{ ok: true }`. */
export function saveState(store: KeyValueStore, state: SheetState, slot: StorageSlot = 'current'): SaveResult {
  try {
    store.setItem(STORAGE_KEYS[slot], JSON.stringify(envelopeFor(state, 'compact')));
    return { ok: true };
  } catch (error) {
    return writeFailure(error);
  }
}

/** Copy a slot's stored text as is (nothing decoded), e.g. an unreadable autosave to "unreadable". */
export function copySlot(store: KeyValueStore, from: StorageSlot, to: StorageSlot): SaveResult {
  try {
    const text = store.getItem(STORAGE_KEYS[from]);
    if (text !== null) store.setItem(STORAGE_KEYS[to], text);
    return { ok: true };
  } catch (error) {
    return writeFailure(error);
  }
}

function writeFailure(error: unknown): SaveResult {
  return { ok: false, error: storageError(isQuotaError(error) ? 'quotaExceeded' : 'unavailable') };
}

/**
 * Load a slot through the same defensive decoder as a state file. A damaged value is reported
 * (`corrupted`) and left in place: deciding to overwrite it is the caller's, not ours.
 */
export function loadState(store: KeyValueStore, slot: StorageSlot = 'current'): LoadResult {
  let text: string | null;
  try {
    text = store.getItem(STORAGE_KEYS[slot]);
  } catch {
    return { ok: false, error: storageError('unavailable') };
  }
  if (text === null) return { ok: true, state: null };
  const decoded = readStateFile(text);
  if (!decoded.ok) return { ok: false, error: storageError('corrupted', decoded.error) };
  return decoded.migratedFrom === undefined
    ? { ok: true, state: decoded.state }
    : { ok: true, state: decoded.state, migratedFrom: decoded.migratedFrom };
}

/** Forget a slot, e.g. once the user dismisses "restore previous". */
export function clearSlot(store: KeyValueStore, slot: StorageSlot): SaveResult {
  try {
    store.removeItem(STORAGE_KEYS[slot]);
    return { ok: true };
  } catch {
    return { ok: false, error: storageError('unavailable') };
  }
}
