/**
 * The sheet in the address bar: every persisted state is written to the URL fragment
 * (replaceState, so no history entries pile up), unless it is too long for a link. A link pasted
 * into the address bar of an open tab arrives as a hashchange and is handed to `onLink`.
 */
import { onCleanup } from 'solid-js';
import { LINK_PARAM, linkTextFromHash } from '../../client/startupRequest';

/** Longest link handed out; a longer sheet stays local and is offered as a state file. */
export const MAX_URL_CHARS = 8000;

export interface LinkInUrl {
  /** Show `text` in the address bar; false when it is too long for a link (the fragment is cleared). */
  write(text: string): { ok: true } | { ok: false; length: number };
  /** The shareable URL for `text`, or its length when it is too long. */
  shareUrl(text: string): { ok: true; url: string } | { ok: false; length: number };
}

const tooLong = (url: URL, hash: string) => url.origin.length + url.pathname.length + hash.length > MAX_URL_CHARS;

export function createLinkInUrl(onLink: (text: string) => void): LinkInUrl {
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
