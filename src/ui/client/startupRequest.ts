/**
 * What the page found at start-up, handed to the session untouched: the link's payload from the
 * URL fragment and the autosaved state file text. Read before anything else loads, so the worker
 * can start evaluating while the page's own code is still arriving.
 */
import type { OpenRequest } from '../../session/contract';
import { openTextStore, readSlot } from '../../share/textSlots';

/** The URL parameter holding the sheet: `#s=<link text>`. */
export const LINK_PARAM = 's';

/** The `s` parameter of a location hash: `linkTextFromHash("#s=2.abc&x=1")` → "2.abc". */
export function linkTextFromHash(hash: string): string | null {
  // Not URLSearchParams: it would turn a format-1 payload's `+` into spaces.
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  for (const part of body.split('&')) if (part.startsWith(`${LINK_PARAM}=`)) return part.slice(LINK_PARAM.length + 1);
  return null;
}

export function startupRequest(hash: string = location.hash): OpenRequest {
  const storage = openTextStore();
  return { linkText: linkTextFromHash(hash), savedText: storage === null ? null : readSlot(storage, 'current') };
}
