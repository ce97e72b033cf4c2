/**
 * The sheet in the address bar: every persisted state is written to the URL fragment
 * (replaceState, so no history entries pile up), unless it is too long for a link. A link pasted
 * into the address bar of an open tab arrives as a hashchange and is handed to `onLink`. Each
 * link written is also noted in the tab's sessionStorage, so that a reload asked for just before
 * the newest link was written still opens the newest (src/share/tabLinks.ts).
 */
import { onCleanup } from 'solid-js';
import { parseTabLinks, withTabLink } from '../../../share/tabLinks';
import type { TextStore } from '../../../share/textSlots';
import { LINK_PARAM, TAB_LINKS_KEY, linkTextFromHash, openTabStore } from '../../client/startupRequest';

/** Longest link handed out; a longer sheet stays local and is offered as a state file. */
export const MAX_URL_CHARS = 8000;

export interface LinkInUrl {
  /** Show `text` in the address bar; false when it is too long for a link (the fragment is cleared). */
  write(text: string): { ok: true } | { ok: false; length: number };
  /** The shareable URL for `text`, or its length when it is too long. */
  shareUrl(text: string): { ok: true; url: string } | { ok: false; length: number };
}

const tooLong = (url: URL, hash: string) => url.origin.length + url.pathname.length + hash.length > MAX_URL_CHARS;

/** Note a written link in the tab's sessionStorage; a refusal only costs that safety net. */
function noteTabLink(store: TextStore | null, text: string): void {
  try {
    store?.setItem(TAB_LINKS_KEY, JSON.stringify(withTabLink(parseTabLinks(store.getItem(TAB_LINKS_KEY)), text)));
  } catch {
    // Full or blocked: a reload then opens what its URL says.
  }
}

export function createLinkInUrl(onLink: (text: string) => void, tabStore: TextStore | null = openTabStore()): LinkInUrl {
  let lastWrittenHash = location.hash;
  const onHashChange = () => {
    if (location.hash === lastWrittenHash) return;
    const text = linkTextFromHash(location.hash);
    if (text !== null) onLink(text);
  };
  window.addEventListener('hashchange', onHashChange);
  onCleanup(() => window.removeEventListener('hashchange', onHashChange));
  return {
    write(text) {
      const url = new URL(location.href);
      const hash = `#${LINK_PARAM}=${text}`;
      const fits = !tooLong(url, hash);
      if (fits) noteTabLink(tabStore, text);
      url.hash = fits ? hash : '';
      lastWrittenHash = url.hash;
      if (url.href !== location.href) history.replaceState(history.state, '', url);
      return fits ? { ok: true } : { ok: false, length: hash.length };
    },
    shareUrl(text) {
      const url = new URL(location.href);
      const hash = `#${LINK_PARAM}=${text}`;
      if (tooLong(url, hash)) return { ok: false, length: hash.length };
      url.hash = hash;
      return { ok: true, url: url.toString() };
    },
  };
}
