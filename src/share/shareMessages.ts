/**
 * Every message key that belongs to sharing: the errors of links, state files and storage and
 * the startup banners that src/share emits, and the link notices its callers show. src/share
 * carries only these keys and their `args`; the sentences (English, Chinese)
 * live in src/i18n/shareMessages.ts, which src/share never imports. Keys are stable: add keys,
 * never rename them.
 */

export const SHARE_MESSAGE_KEYS = [
  'share.error.empty',
  'share.error.tooLarge',
  'share.error.notCompressed',
  'share.error.badJson',
  'share.error.tooDeep',
  'share.error.unsafeKey',
  'share.error.unknownVersion',
  'share.error.badSchema',
  'share.error.unreadable',
  'share.banner.linkReplacedLocal',
  'share.banner.savedUnreadable',
  'share.storage.unavailable',
  'share.storage.quotaExceeded',
  'share.storage.corrupted',
  'share.link.tooLong',
  'share.link.notShareable',
  'share.export.notExportable',
] as const;

export type ShareMessageKey = (typeof SHARE_MESSAGE_KEYS)[number];
