/**
 * Message lookup with `{placeholder}` substitution. Solid-free, so the CLI, the sheet store and
 * tests can translate too; src/i18n/localeStore.ts adds the reactive current locale.
 */
import { messages, type Locale, type MessageKey } from './messages';

export type MessageArgs = Readonly<Record<string, string | number>>;

/** True when `key` names a catalogue entry (error reasons and note keys arrive as plain strings). */
export function isMessageKey(key: string): key is MessageKey {
  // hasOwn, not `in`: a key such as "constructor" must not reach Object.prototype.
  return Object.hasOwn(messages.en, key);
}

/**
 * The message for `key` in `locale`, falling back to English and then to the key itself.
 * `translate('en', 'grid.cellLabel', { address: 'B3', text: '0.9' })` → "B3, 0.9"
 */
export function translate(locale: Locale, key: MessageKey | (string & {}), args?: MessageArgs): string {
  const catalogue = Object.hasOwn(messages, locale) ? messages[locale] : messages.en;
  const template = !isMessageKey(key) ? key : catalogue[key] || messages.en[key];
  return args === undefined ? template : fillPlaceholders(template, args);
}

/** `fillPlaceholders('{a} and {b}', { a: 1 })` → "1 and {b}" (unknown placeholders stay visible). */
export function fillPlaceholders(template: string, args: MessageArgs): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(args, name) ? String(args[name]) : whole,
  );
}

/** A sentence by key, whose arguments may be sentences themselves (the session's `Message`). */
export interface MessageLike {
  readonly key: string;
  readonly args?: Readonly<Record<string, string | number | MessageLike>>;
}

/** Display text as the session sends it: literal pieces and messages, joined. */
export type TextPartsLike = readonly (string | MessageLike)[];

/**
 * Translate a message, arguments first: `translateMessage('en', { key: 'run.path2dTitle', args: { method: { key: 'method.gd' }, … } })`.
 */
export function translateMessage(locale: Locale, message: MessageLike): string {
  if (message.args === undefined) return translate(locale, message.key);
  const args: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(message.args)) args[name] = typeof value === 'object' ? translateMessage(locale, value) : value;
  return translate(locale, message.key, args);
}

/** `translateParts('en', ['[', { key: 'note.start' }, ']'])` → "[start (x1, x2)]". */
export function translateParts(locale: Locale, parts: TextPartsLike): string {
  let text = '';
  for (const part of parts) text += typeof part === 'string' ? part : translateMessage(locale, part);
  return text;
}
