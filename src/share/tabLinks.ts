/**
 * The links a tab wrote into its own address bar. A reload loads the URL the browser had when
 * the reload was asked for, and an edit answered a moment later (while the page unloads) has
 * already replaced that URL and the saved sheet: the reloaded page would open the older link,
 * and the link would even replace the newer saved sheet. So every link the page writes is also
 * kept in the tab's sessionStorage (which survives a reload), and a reload whose link is one of
 * this tab's own older ones opens the tab's newest instead. Pure: the page holds the storage.
 */
import { textHash } from './textHash';

export interface TabLinks {
  /** The newest link text this tab wrote. */
  readonly latest: string;
  /** Fingerprints of the link texts it wrote before (newest last). */
  readonly hashes: readonly string[];
}

/** Enough for the edits made in the second before a reload; older links are the user's to open. */
export const MAX_TAB_LINKS = 50;

export function parseTabLinks(text: string | null): TabLinks | null {
  if (text === null) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { latest, hashes } = parsed as Record<string, unknown>;
    if (typeof latest !== 'string' || !Array.isArray(hashes) || !hashes.every((hash) => typeof hash === 'string')) return null;
    return { latest, hashes };
  } catch {
    return null;
  }
}

/** The record after writing `linkText`: `withTabLink(null, '2.a')` → `{ latest: '2.a', hashes: [textHash('2.a')] }`. */
export function withTabLink(previous: TabLinks | null, linkText: string): TabLinks {
  const hash = textHash(linkText);
  const hashes = [...(previous?.hashes ?? []).filter((other) => other !== hash), hash].slice(-MAX_TAB_LINKS);
  return { latest: linkText, hashes };
}

/**
 * The link a reloaded page should open: its URL's, unless that is an older link this very tab
 * wrote, in which case the tab's newest. `linkForReload('2.old', { latest: '2.new', hashes: [h('2.old'), h('2.new')] })` → "2.new".
 */
export function linkForReload(urlLink: string, written: TabLinks | null): string {
  if (written === null || written.latest === urlLink) return urlLink;
  return written.hashes.includes(textHash(urlLink)) ? written.latest : urlLink;
}
