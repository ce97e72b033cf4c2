/**
 * The engines emit keys, src/i18n owns the sentences: every key src/sheet and src/share can emit
 * has a sentence in every language, and the catalogue's engine sections hold no sentence that no
 * engine can emit.
 */
import { describe, expect, test } from 'vitest';
import { translate } from '../../../src/i18n/i18n';
import { LOCALES, messages, type MessageKey } from '../../../src/i18n/messages';
import { SHARE_MESSAGE_KEYS } from '../../../src/share/shareMessages';
import { ERROR_REASON_KEYS } from '../../../src/sheet/errorMessages';
import { NOTE_KEYS } from '../../../src/sheet/notes';

// Compile-time half of the guarantee: a key added to an engine's list without an English
// sentence fails `tsc` here, before any test runs.
const typedKeys: readonly MessageKey[] = [...ERROR_REASON_KEYS, ...SHARE_MESSAGE_KEYS];

const ENGINES = [
  { engine: 'src/sheet errors', prefix: 'error.', keys: ERROR_REASON_KEYS },
  { engine: 'src/sheet notes', prefix: 'note.', keys: NOTE_KEYS },
  { engine: 'src/share', prefix: 'share.', keys: SHARE_MESSAGE_KEYS },
] as const;

describe('keys the engines emit', () => {
  test('the typed key lists are not empty and hold no duplicates', () => {
    expect(typedKeys.length).toBeGreaterThan(40);
    for (const { engine, keys } of ENGINES) expect(new Set<string>(keys).size, engine).toBe(keys.length);
  });

  test.each(ENGINES.map((e) => [e.engine, e] as const))('every key of %s has an English and a Chinese sentence', (_, { keys }) => {
    for (const locale of LOCALES) {
      for (const key of keys) {
        expect(Object.hasOwn(messages[locale], key), `${locale} ${key}`).toBe(true);
        expect(messages[locale][key].trim(), `${locale} ${key}`).not.toBe('');
        expect(translate(locale, key), `${locale} ${key}`).not.toBe(key);
      }
    }
  });

  test.each(ENGINES.map((e) => [e.engine, e] as const))('the catalogue has no %s sentence that the engine cannot emit', (_, { prefix, keys }) => {
    const declared = new Set<string>(keys);
    const orphans = Object.keys(messages.en).filter((key) => key.startsWith(prefix) && !declared.has(key));
    expect(orphans).toEqual([]);
  });
});
