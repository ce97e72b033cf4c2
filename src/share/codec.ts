/**
 * Sheet ⇄ link. A link fragment is `#s=<version>.<payload>` where payload is the compact envelope
 * JSON compressed with lz-string's URI-safe alphabet. The version prefix is read before anything
 * is decompressed, so a future format may change the compression too. Decoding never throws.
 */
import LZString from 'lz-string';
import type { SheetState } from '../sheet/types';
import { shareError, type ShareError } from './errors';
import { decodeEnvelopeJson, envelopeFor, type DecodeResult } from './envelope';
import { FORMAT_VERSION, schemaError } from './migrate';
import { sheetStateSchema } from './schema';

export type { DecodeResult } from './envelope';

export const LINK_LIMITS = {
  /** Longest link we hand out; longer sheets are offered as a state file instead. */
  maxUrlChars: 8_000,
  /** Longest payload accepted, checked before decompression (bounds the worst-case expansion). */
  maxPayloadChars: 10_000,
  /** Longest JSON accepted after decompression. */
  maxJsonChars: 500_000,
} as const;

/** The fragment parameter holding the sheet: `#s=…`. */
export const LINK_PARAM = 's';

/** lz-string's compressToEncodedURIComponent alphabet. */
const PAYLOAD_PATTERN = /^[A-Za-z0-9+\-$]+$/;
const PREFIX_PATTERN = /^(\d{1,6})\.([\s\S]*)$/;

/** The fragment value for a sheet (no validation): `encodeState(state)` → `"1.N4Ig…"`. */
export function encodeState(state: SheetState): string {
  return `${FORMAT_VERSION}.${LZString.compressToEncodedURIComponent(JSON.stringify(envelopeFor(state, 'compact')))}`;
}

/**
 * Read a fragment value produced by encodeState, by an older version, or by anyone at all.
 * `decodeState(encodeState(s))` → `{ ok: true, state: s }`; garbage → `{ ok: false, error }`.
 */
export function decodeState(text: string): DecodeResult {
  try {
    return decodeUnguarded(text);
  } catch {
    // Every failure above is handled explicitly; this is only a net so that nothing escapes.
    return { ok: false, error: shareError('unreadable') };
  }
}

function decodeUnguarded(text: string): DecodeResult {
  if (typeof text !== 'string' || text.trim() === '') return { ok: false, error: shareError('empty') };
  if (text.length > LINK_LIMITS.maxPayloadChars) {
    return { ok: false, error: shareError('tooLarge', { length: text.length, limit: LINK_LIMITS.maxPayloadChars }) };
  }
  let value = text.trim();
  if (value.includes('%')) {
    // Some chat apps and mail clients percent-encode `$`; undo it (a malformed escape is damage).
    try {
      value = decodeURIComponent(value);
    } catch {
      return { ok: false, error: shareError('notCompressed') };
    }
  }
  // Form decoders turn `+` into a space; a space is not in the alphabet, so this is lossless.
  value = value.replace(/ /g, '+');
  const prefixed = PREFIX_PATTERN.exec(value);
  let expectedVersion: number | undefined;
  if (prefixed !== null) {
    expectedVersion = Number(prefixed[1]);
    if (expectedVersion < 1 || expectedVersion > FORMAT_VERSION) {
      return { ok: false, error: shareError('unknownVersion', { version: expectedVersion, current: FORMAT_VERSION }) };
    }
    value = prefixed[2];
  }
  // Without a prefix this is a pre-release (version 0) link, which was the bare payload.
  if (!PAYLOAD_PATTERN.test(value)) return { ok: false, error: shareError('notCompressed') };
  let json: string | null;
  try {
    json = LZString.decompressFromEncodedURIComponent(value);
  } catch {
    // lz-string throws on some truncated payloads (e.g. "y") instead of returning null.
    json = null;
  }
  if (typeof json !== 'string' || json === '') return { ok: false, error: shareError('notCompressed') };
  return decodeEnvelopeJson(json, { maxChars: LINK_LIMITS.maxJsonChars, expectedVersion });
}

/** The `s` parameter of a location hash: `stateTextFromHash("#s=1.abc&x=2")` → `"1.abc"`. */
export function stateTextFromHash(hash: string): string | null {
  // Not URLSearchParams: it would turn the payload's `+` into spaces.
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  for (const part of body.split('&')) {
    if (part.startsWith(`${LINK_PARAM}=`)) return part.slice(LINK_PARAM.length + 1);
  }
  return null;
}

export type LinkResult =
  | { readonly ok: true; readonly url: string }
  /** The link would exceed LINK_LIMITS.maxUrlChars: offer a state file instead. */
  | { readonly ok: false; readonly reason: 'tooLong'; readonly length: number; readonly limit: number }
  /** The sheet would not open again from its link (out of bounds, a reserved name, too big once decompressed). */
  | { readonly ok: false; readonly reason: 'notShareable'; readonly error: ShareError };

/**
 * A shareable URL for the sheet, checked by decoding it again so a link we hand out always opens.
 * `linkForState(state, "https://x.org/app/")` → `{ ok: true, url: "https://x.org/app/#s=1.N4Ig…" }`.
 */
export function linkForState(state: SheetState, baseUrl: string): LinkResult {
  const checked = sheetStateSchema.safeParse(state);
  if (!checked.success) return { ok: false, reason: 'notShareable', error: schemaError(checked.error.issues) };
  const fragment = encodeState(state);
  const hashAt = baseUrl.indexOf('#');
  const url = `${hashAt === -1 ? baseUrl : baseUrl.slice(0, hashAt)}#${LINK_PARAM}=${fragment}`;
  if (url.length > LINK_LIMITS.maxUrlChars) {
    return { ok: false, reason: 'tooLong', length: url.length, limit: LINK_LIMITS.maxUrlChars };
  }
  const reopened = decodeState(fragment);
  return reopened.ok ? { ok: true, url } : { ok: false, reason: 'notShareable', error: reopened.error };
}
