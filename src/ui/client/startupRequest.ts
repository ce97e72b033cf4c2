/**
 * What the page found at start-up, handed to the session untouched: the link's payload from the
 * URL fragment and the autosaved state file text. Read before anything else loads, so the worker
 * can start evaluating while the page's own code is still arriving. A sheet that stopped the
 * compute engine before (trippedSheets.ts) is opened in safe mode: shown, not evaluated.
 */
import type { OpenRequest } from '../../session/contract';
import { openTextStore, readSlot, type TextStore } from '../../share/textSlots';
import { textHash } from '../../share/textHash';
import { isTripped, parseTripped } from '../../share/trippedSheets';

/** The URL parameter holding the sheet: `#s=<link text>`. */
export const LINK_PARAM = 's';

/** The `s` parameter of a location hash: `linkTextFromHash("#s=2.abc&x=1")` → "2.abc". */
export function linkTextFromHash(hash: string): string | null {
  // Not URLSearchParams: it would turn a format-1 payload's `+` into spaces.
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  for (const part of body.split('&')) if (part.startsWith(`${LINK_PARAM}=`)) return part.slice(LINK_PARAM.length + 1);
  return null;
}

/**
 * The open request for this page load. Safe mode when the sheet that will open tripped before:
 * the link's when there is one (a valid link wins over the autosave), else the autosave's.
 */
export function startupRequest(hash: string = location.hash, storage: TextStore | null = openTextStore()): OpenRequest {
  const linkText = linkTextFromHash(hash);
  const savedText = storage === null ? null : readSlot(storage, 'current');
  const tripped = storage === null ? [] : parseTripped(readSlot(storage, 'tripped'));
  const safeMode = linkText !== null ? isTripped(tripped, textHash(linkText)) : isTripped(tripped, savedText === null ? null : textHash(savedText));
  return safeMode ? { linkText, savedText, safeMode } : { linkText, savedText };
}
