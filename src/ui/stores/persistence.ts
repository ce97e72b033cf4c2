/**
 * Where the sheet lives outside the page: the URL fragment (replaceState, no history spam) and
 * the autosave in localStorage. Startup follows src/share/startup.ts: a link wins, but a
 * different local sheet is kept as "previous"; a broken link shows a banner and keeps the
 * user's own sheet. Storage that is missing or full gives a notice, never a crash.
 */
import { createEffect, createSignal, on, onCleanup, type Accessor } from 'solid-js';
import type { SheetState } from '../../sheet/types';
import { decodeState, encodeState, LINK_LIMITS, LINK_PARAM, stateTextFromHash } from '../../share/codec';
import { loadState, openBrowserStorage, saveState, type KeyValueStore } from '../../share/storage';
import { persistStartup, resolveStartup, swapWithPrevious, type StartupDecision } from '../../share/startup';

export type Notice =
  /** `kept`: the user's own sheet is still shown (else the default sheet is). */
  | { readonly kind: 'brokenLink'; readonly key: string; readonly args?: Readonly<Record<string, string | number>>; readonly kept: boolean }
  | { readonly kind: 'linkReplacedLocal' }
  | { readonly kind: 'savedUnreadable' }
  | { readonly kind: 'storage'; readonly key: string }
  | { readonly kind: 'tooLongForLink'; readonly length: number }
  | { readonly kind: 'restored' };

export interface Startup {
  readonly state: SheetState;
  readonly decision: StartupDecision;
  readonly store: KeyValueStore | null;
  readonly notices: Notice[];
  /** False when saving the startup decision failed: autosave then stays off so nothing is overwritten. */
  readonly autosave: boolean;
}

const hashOf = (encoded: string) => `#${LINK_PARAM}=${encoded}`;

/** Decide the first sheet from the URL, the autosave and the default (no side effects but storage). */
export function startUp(hash: string, defaultState: SheetState): Startup {
  const opened = openBrowserStorage();
  const store = opened.ok ? opened.store : null;
  const notices: Notice[] = opened.ok ? [] : [{ kind: 'storage', key: opened.error.key }];
  const text = stateTextFromHash(hash);
  const decision = resolveStartup({
    hashState: text === null ? null : decodeState(text),
    savedState: store ? loadState(store) : null,
    defaultState,
  });
  const banner = decision.banner;
  if (banner?.kind === 'brokenLink') notices.push({ kind: 'brokenLink', key: banner.error.key, args: banner.error.args, kept: decision.source === 'saved' });
  if (banner?.kind === 'linkReplacedLocal') notices.push({ kind: 'linkReplacedLocal' });
  if (decision.savedUnreadable) notices.push({ kind: 'savedUnreadable' });
  let autosave = store !== null;
  if (store) {
    const saved = persistStartup(store, decision);
    if (!saved.ok) {
      autosave = false;
      notices.push({ kind: 'storage', key: saved.error.key });
    }
  }
  return { state: decision.state, decision, store, notices, autosave };
}

export interface PersistenceOptions {
  readonly startup: Startup;
  /** Reactive snapshot of the sheet. */
  readonly state: Accessor<SheetState>;
  /** Replace the sheet (a new link pasted into the address bar, or "restore previous"). */
  readonly load: (state: SheetState) => void;
}

export interface Persistence {
  readonly notices: Accessor<readonly Notice[]>;
  dismiss(notice: Notice): void;
  /** Show a notice (e.g. a state file that could not be opened). */
  report(notice: Notice): void;
  /** "Restore previous": swap the current sheet with the one a link replaced. */
  restorePrevious(): void;
  /** The shareable URL for the current sheet, or why there is none. */
  shareUrl(): { ok: true; url: string } | { ok: false; length: number };
}

const URL_DEBOUNCE_MS = 250;

export function createPersistence(options: PersistenceOptions): Persistence {
  const { startup } = options;
  const [notices, setNotices] = createSignal<readonly Notice[]>(startup.notices);
  const push = (notice: Notice) => setNotices((list) => [...list.filter((n) => n.kind !== notice.kind), notice]);
  const drop = (kind: Notice['kind']) => setNotices((list) => list.filter((n) => n.kind !== kind));
  let lastWrittenHash = location.hash;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const write = (state: SheetState) => {
    const encoded = encodeState(state);
    const url = new URL(location.href);
    if (url.origin.length + url.pathname.length + hashOf(encoded).length > LINK_LIMITS.maxUrlChars) {
      // Too long for a link: keep the sheet local (autosave, state file) and say so once.
      push({ kind: 'tooLongForLink', length: hashOf(encoded).length });
      url.hash = '';
    } else {
      drop('tooLongForLink');
      url.hash = hashOf(encoded);
    }
    lastWrittenHash = url.hash;
    history.replaceState(history.state, '', url);
    if (startup.store && startup.autosave) {
      const saved = saveState(startup.store, state);
      if (saved.ok) drop('storage');
      else push({ kind: 'storage', key: saved.error.key });
    }
  };

  createEffect(
    on(options.state, (state) => {
      clearTimeout(timer);
      timer = setTimeout(() => write(state), URL_DEBOUNCE_MS);
    }),
  );

  // A link pasted into the address bar of an open tab arrives as a hashchange, not a reload.
  const onHashChange = () => {
    if (location.hash === lastWrittenHash) return;
    const text = stateTextFromHash(location.hash);
    if (text === null) return;
    const decoded = decodeState(text);
    if (!decoded.ok) {
      push({ kind: 'brokenLink', key: decoded.error.key, args: decoded.error.args, kept: true });
      history.replaceState(history.state, '', hashOf(encodeState(options.state())));
      return;
    }
    if (startup.store) saveState(startup.store, options.state(), 'previous');
    push({ kind: 'linkReplacedLocal' });
    options.load(decoded.state);
  };
  window.addEventListener('hashchange', onHashChange);
  onCleanup(() => {
    window.removeEventListener('hashchange', onHashChange);
    clearTimeout(timer);
  });

  return {
    notices,
    dismiss: (notice) => setNotices((list) => list.filter((n) => n !== notice)),
    report: push,
    restorePrevious() {
      if (!startup.store) return;
      const restored = swapWithPrevious(startup.store, options.state());
      if (restored.ok && restored.state) {
        options.load(restored.state);
        drop('linkReplacedLocal');
        push({ kind: 'restored' });
      } else if (!restored.ok) {
        push({ kind: 'storage', key: restored.error.key });
      }
    },
    shareUrl() {
      const url = new URL(location.href);
      const hash = hashOf(encodeState(options.state()));
      if (url.origin.length + url.pathname.length + hash.length > LINK_LIMITS.maxUrlChars) return { ok: false, length: hash.length };
      url.hash = hash;
      return { ok: true, url: url.toString() };
    },
  };
}
