/**
 * Why a shared link, state file or saved sheet could not be opened. Errors are values: every
 * decoder in src/share returns one of these instead of throwing. It carries a message key and
 * its `args`, never a sentence: src/i18n turns `translate(locale, error.key, error.args)` into
 * words for the page and the CLI.
 */

export type ShareErrorCode =
  /** Nothing to decode (empty link fragment or empty file). */
  | 'empty'
  /** Over a size limit, before or after decompression. */
  | 'tooLarge'
  /** Not a compressed payload of ours (wrong alphabet, or decompression gave nothing). */
  | 'notCompressed'
  | 'badJson'
  /** Nested deeper, or with more values, than any sheet we write. */
  | 'tooDeep'
  /** A `__proto__`, `constructor` or `prototype` key: refused before anything reads it. */
  | 'unsafeKey'
  /** Written by a newer (or unknown) format version. */
  | 'unknownVersion'
  /** Valid JSON, but not a sheet: a field is missing, of the wrong type or out of bounds. */
  | 'badSchema'
  /** Last-resort net: something unexpected failed while reading (never expected in practice). */
  | 'unreadable';

import type { ShareMessageKey } from './shareMessages';

export interface ShareError {
  readonly kind: 'shareError';
  readonly code: ShareErrorCode;
  /** Message-catalogue key, e.g. "share.error.tooLarge". */
  readonly key: `share.error.${ShareErrorCode}` & ShareMessageKey;
  readonly args?: Readonly<Record<string, string | number>>;
}

/** Build a ShareError, e.g. `shareError('tooLarge', { length: 9000, limit: 8000 })`. */
export function shareError(code: ShareErrorCode, args?: Readonly<Record<string, string | number>>): ShareError {
  const key = `share.error.${code}` as const;
  return args === undefined ? { kind: 'shareError', code, key } : { kind: 'shareError', code, key, args };
}
