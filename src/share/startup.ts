/**
 * Which sheet to show on start, and how to store that choice without losing anything. Policy:
 * a shared link wins, but a different local sheet is never silently destroyed: it moves to the
 * "previous" slot and a banner offers to restore it. A saved value that cannot be read (damaged,
 * or written by a newer version of the app) is copied aside before anything overwrites it.
 */
import type { SheetState } from '../sheet/types';
import type { ShareError } from './errors';
import { sameSheet, type DecodeResult } from './envelope';
import { copySlot, loadState, saveState, type KeyValueStore, type LoadResult, type SaveResult, type StorageError } from './storage';

export interface StartupInput {
  /** decodeState of the URL's `#s=` value, or null when the URL carries no sheet. */
  readonly hashState: DecodeResult | null;
  /** loadState(store, 'current'), or null when there is no storage at all. */
  readonly savedState: LoadResult | null;
  /** Shown when neither the link nor the autosave gives a sheet. */
  readonly defaultState: SheetState;
}

export type StartupBanner =
  /** The link replaced a different local sheet, now in `previousLocal`: offer "Restore previous". */
  | { readonly kind: 'linkReplacedLocal'; readonly key: 'share.banner.linkReplacedLocal' }
  /** The link could not be opened; the saved (or default) sheet is shown instead. */
  | { readonly kind: 'brokenLink'; readonly error: ShareError }
  /** The autosave could not be read; it is copied aside by persistStartup. */
  | { readonly kind: 'savedUnreadable'; readonly error: StorageError };

export interface StartupDecision {
  readonly state: SheetState;
  readonly source: 'link' | 'saved' | 'default';
  /** The local sheet the link replaced; persistStartup stores it in the "previous" slot. */
  readonly previousLocal?: SheetState;
  /** The link or autosave was written by this older format version and was upgraded. */
  readonly migratedFrom?: number;
  /** True when the autosave holds a value that could not be read (persistStartup copies it to the 'unreadable' slot). */
  readonly savedUnreadable?: boolean;
  readonly banner?: StartupBanner;
}

/**
 * Decide the starting sheet (pure). Link beats autosave beats default.
 * `resolveStartup({ hashState: { ok: true, state: link }, savedState: { ok: true, state: mine }, defaultState })`
 * → `{ state: link, source: 'link', previousLocal: mine, banner: { kind: 'linkReplacedLocal', … } }`
 */
export function resolveStartup(input: StartupInput): StartupDecision {
  const saved = input.savedState?.ok ? input.savedState : null;
  const savedError = input.savedState !== null && !input.savedState.ok ? input.savedState.error : null;
  const unreadable = savedError?.code === 'corrupted';
  const savedBanner: StartupBanner | undefined =
    unreadable && savedError !== null ? { kind: 'savedUnreadable', error: savedError } : undefined;
  const base = unreadable ? { savedUnreadable: true } : {};

  const link = input.hashState;
  if (link !== null && link.ok) {
    const migrated = link.migratedFrom === undefined ? {} : { migratedFrom: link.migratedFrom };
    const local = saved?.state ?? null;
    if (local !== null && !sameSheet(local, link.state)) {
      const banner: StartupBanner = { kind: 'linkReplacedLocal', key: 'share.banner.linkReplacedLocal' };
      return { ...base, ...migrated, state: link.state, source: 'link', previousLocal: local, banner };
    }
    return { ...base, ...migrated, state: link.state, source: 'link', ...(savedBanner && { banner: savedBanner }) };
  }

  const linkBanner: StartupBanner | undefined = link !== null && !link.ok ? { kind: 'brokenLink', error: link.error } : undefined;
  const banner = linkBanner ?? savedBanner;
  const withBanner = banner === undefined ? base : { ...base, banner };
  if (saved !== null && saved.state !== null) {
    const migrated = saved.migratedFrom === undefined ? {} : { migratedFrom: saved.migratedFrom };
    return { ...withBanner, ...migrated, state: saved.state, source: 'saved' };
  }
  return { ...withBanner, state: input.defaultState, source: 'default' };
}

/**
 * Store a startup decision in an order that cannot lose a sheet: first copy an unreadable
 * autosave aside, then save the replaced local sheet as "previous", and only then overwrite the
 * current slot. On failure nothing later is written; the caller should then hold off autosaving
 * (and say why) rather than overwrite the local sheet.
 */
export function persistStartup(store: KeyValueStore, decision: StartupDecision): SaveResult {
  if (decision.savedUnreadable === true) {
    const copied = copySlot(store, 'current', 'unreadable');
    if (!copied.ok) return copied;
  }
  if (decision.previousLocal !== undefined) {
    const kept = saveState(store, decision.previousLocal, 'previous');
    if (!kept.ok) return kept;
  }
  return saveState(store, decision.state, 'current');
}

/**
 * "Restore previous": the previous sheet becomes current and the current one becomes previous,
 * so the restore itself can be undone. Returns the sheet to load into the engine.
 */
export function swapWithPrevious(store: KeyValueStore, current: SheetState): LoadResult {
  const previous = loadState(store, 'previous');
  if (!previous.ok || previous.state === null) return previous;
  const kept = saveState(store, current, 'previous');
  if (!kept.ok) return kept;
  const restored = saveState(store, previous.state, 'current');
  return restored.ok ? previous : restored;
}
