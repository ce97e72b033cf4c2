/**
 * Sheet ⇄ link. A link fragment is `#s=<link format>.<payload>`. The link format says how the
 * compact envelope JSON (src/share/envelope.ts, with its own version) was compressed; it is read
 * before anything is decompressed, and every format ever written keeps opening:
 *   1  lz-string, URI-safe alphabet (the first released links)
 *   2  raw DEFLATE (fflate) in base64url: about 27% shorter, so the chapter's sheet fits in a
 *      2,000-character link with room to spare. Written since.
 * Decoding never throws.
 */
import LZString from 'lz-string';
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import type { SheetState } from '../sheet/types';
import { shareError, type ShareError } from './errors';
import { decodeEnvelopeJson, envelopeFor, type DecodeResult } from './envelope';
import { schemaError } from './migrate';
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

/** The link format this build writes (see the list above). */
export const LINK_FORMAT = 2;

interface LinkCodec {
  /** The envelope version every link of this format carries (a mismatch is damage). */
  readonly envelopeVersion: number;
  /** The payload's alphabet; anything else is damage. */
  readonly alphabet: RegExp;
  /** Decompressed text, or null when the payload is not a compressed text of this codec. */
  decompress(payload: string): string | null;
}

const LINK_CODECS: Readonly<Record<number, LinkCodec>> = {
  1: {
    envelopeVersion: 1,
    alphabet: /^[A-Za-z0-9+\-$]+$/,
    decompress(payload) {
      // Form decoders turn `+` into a space; a space is not in the alphabet, so this is lossless.
      const text = LZString.decompressFromEncodedURIComponent(payload.replace(/ /g, '+'));
      return typeof text === 'string' && text !== '' ? text : null;
    },
  },
  2: {
    envelopeVersion: 1,
    alphabet: /^[A-Za-z0-9_-]+$/,
    decompress(payload) {
      const bytes = inflateSync(base64UrlToBytes(payload));
      // The payload cap bounds DEFLATE's expansion (at most ~1032:1), so this is bounded too.
      return bytes.length > LINK_LIMITS.maxJsonChars * 4 ? null : strFromU8(bytes);
    },
  },
};

const PREFIX_PATTERN = /^(\d{1,6})\.([\s\S]*)$/;

/** The fragment value for a sheet (no validation): `encodeState(state)` → `"2.rVXbb…"`. */
export function encodeState(state: SheetState): string {
  const json = JSON.stringify(envelopeFor(state, 'compact'));
  // Level 9 squeezes a sheet that fits in a link; for a large sheet (a pasted data table) it costs
  // about 3× the time of level 6 for a few per cent, and the session must keep answering its heartbeat.
  const level = json.length <= LARGE_JSON_CHARS ? 9 : 6;
  return `${LINK_FORMAT}.${bytesToBase64Url(deflateSync(strToU8(json), { level }))}`;
}

/** JSON longer than this is compressed at level 6 (far beyond what a link can carry anyway). */
const LARGE_JSON_CHARS = 64 * 1024;

function bytesToBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function base64UrlToBytes(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
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
  const prefixed = PREFIX_PATTERN.exec(value);
  // Without a prefix this is a pre-release (envelope version 0) link: a bare lz-string payload.
  const format = prefixed === null ? 1 : Number(prefixed[1]);
  const codec = LINK_CODECS[format];
  if (codec === undefined) {
    return { ok: false, error: shareError('unknownVersion', { version: format, current: LINK_FORMAT }) };
  }
  if (prefixed !== null) value = prefixed[2];
  if (format === 1) value = value.replace(/ /g, '+');
  if (!codec.alphabet.test(value)) return { ok: false, error: shareError('notCompressed') };
  let json: string | null;
  try {
    json = codec.decompress(value);
  } catch {
    // lz-string throws on some truncated payloads (e.g. "y"), fflate on any corrupt stream.
    json = null;
  }
  if (json === null) return { ok: false, error: shareError('notCompressed') };
  // Unprefixed (pre-release) links carry envelope version 0, which the migration chain upgrades.
  const expectedVersion = prefixed === null ? undefined : codec.envelopeVersion;
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
