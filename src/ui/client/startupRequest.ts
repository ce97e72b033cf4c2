/**
 * What the page found at start-up, handed to the session untouched: the link's payload from the
 * URL fragment and the autosaved state file text. Read before anything else loads, so the worker
 * can start evaluating while the page's own code is still arriving. A reload of one of this
 * tab's own older links opens its newest one (src/share/tabLinks.ts), and a sheet that stopped
 * the compute engine before (trippedSheets.ts) is opened in safe mode: shown, not evaluated.
 */
import type { OpenRequest } from '../../session/contract';
import { linkForReload, parseTabLinks } from '../../share/tabLinks';
import { openTextStore, readSlot, type TextStore } from '../../share/textSlots';
import { textHash } from '../../share/textHash';
import { isTripped, parseTripped } from '../../share/trippedSheets';

/** The URL parameter holding the sheet: `#s=<link text>`. */
export const LINK_PARAM = 's';

/** Where a tab keeps the links it wrote (sessionStorage: it survives a reload, and only this tab sees it). */
export const TAB_LINKS_KEY = 'mp.tab.links';

/** The `s` parameter of a location hash: `linkTextFromHash("#s=2.abc&x=1")` → "2.abc". */
export function linkTextFromHash(hash: string): string | null {
  // Not URLSearchParams: it would turn a format-1 payload's `+` into spaces.
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  for (const part of body.split('&')) if (part.startsWith(`${LINK_PARAM}=`)) return part.slice(LINK_PARAM.length + 1);
  return null;
}

/** This tab's sessionStorage, if it can be used. */
export const openTabStore = (): TextStore | null => openTextStore(() => globalThis.sessionStorage);

function isReload(): boolean {
  try {
    const [entry] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    return entry?.type === 'reload';
  } catch {
    return false;
  }
}

function readTabLinks(store: TextStore | null): string | null {
  try {
    return store?.getItem(TAB_LINKS_KEY) ?? null;
  } catch {
    return null;
  }
}

export interface TabStart {
  /** This page load is a reload (Navigation Timing says so). */
  readonly reload: boolean;
  /** The tab's sessionStorage. */
  readonly store: TextStore | null;
}

/**
 * The open request for this page load. Safe mode when the sheet that will open tripped before:
 * the link's when there is one (a valid link wins over the autosave), else the autosave's.
 */
export function startupRequest(
  hash: string = location.hash,
  storage: TextStore | null = openTextStore(),
  tab: TabStart = { reload: isReload(), store: openTabStore() },
): OpenRequest {
  const urlLink = linkTextFromHash(hash);
  const linkText = urlLink !== null && tab.reload ? linkForReload(urlLink, parseTabLinks(readTabLinks(tab.store))) : urlLink;
  const savedText = storage === null ? null : readSlot(storage, 'current');
  const tripped = storage === null ? [] : parseTripped(readSlot(storage, 'tripped'));
  const safeMode = linkText !== null ? isTripped(tripped, textHash(linkText)) : isTripped(tripped, savedText === null ? null : textHash(savedText));
  return safeMode ? { linkText, savedText, safeMode } : { linkText, savedText };
}
