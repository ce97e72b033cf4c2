import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { fillPlaceholders, isMessageKey, translate } from '../../../src/i18n/i18n';
import { createLocaleStore, initialLocale, LOCALE_STORAGE_KEY } from '../../../src/i18n/localeStore';
import { LOCALES, messages, SOURCE_TABLES } from '../../../src/i18n/messages';
import { NOTES } from '../../../src/i18n/notes';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
  };
}

describe('message catalogue', () => {
  test('every English key has a non-empty Chinese translation, and Chinese has no extra keys', () => {
    const en = Object.keys(messages.en).sort();
    expect(Object.keys(messages.zh).sort()).toEqual(en);
    for (const key of en) expect(messages.zh[key].trim(), key).not.toBe('');
  });

  test('a translation uses exactly the placeholders of its English text', () => {
    for (const locale of LOCALES) {
      for (const [key, english] of Object.entries(messages.en)) {
        const translated = messages[locale][key];
        expect(placeholders(translated), `${locale} ${key}`).toEqual(placeholders(english));
      }
    }
  });

  test('note texts are looked up by their keys in both languages', () => {
    for (const [key, text] of Object.entries(NOTES)) {
      expect(translate('en', key)).toBe(text.en);
      expect(translate('zh', key)).toBe(text.zh);
    }
  });

  test('no key is defined by two tables, so none silently overrides another', () => {
    for (const locale of LOCALES) {
      const seen = new Set<string>();
      for (const table of SOURCE_TABLES[locale]) {
        for (const key of Object.keys(table)) {
          expect(seen.has(key), `${locale} ${key}`).toBe(false);
          seen.add(key);
        }
      }
    }
  });
});

/** Catalogue keys written literally in t('…') / translate(locale, '…') calls under src/. */
function keysUsedInSource(): Map<string, string> {
  const used = new Map<string, string>();
  const root = join(__dirname, '../../../src');
  for (const file of readdirSync(root, { recursive: true }) as string[]) {
    if (!/\.tsx?$/.test(file) || file.startsWith('i18n')) continue;
    const text = readFileSync(join(root, file), 'utf8');
    for (const match of text.matchAll(/\b(?:t|translate)\((?:[\w.()']+,\s*)?'([a-z]\w*(?:\.\w+)+)'/g)) used.set(match[1], file);
  }
  return used;
}

describe('catalogue coverage', () => {
  test('every key the app asks for by name exists', () => {
    const used = keysUsedInSource();
    expect(used.size).toBeGreaterThan(10);
    for (const [key, file] of used) expect(isMessageKey(key) || Object.hasOwn(messages.en, key), `${key} in ${file}`).toBe(true);
  });
});

describe('translate', () => {
  test('fills placeholders in the chosen language', () => {
    expect(translate('en', 'grid.cellLabelNamed', { address: 'B3', name: 'lr', text: 0.9 })).toBe('B3 lr, 0.9');
    expect(translate('zh', 'grid.cellLabelNamed', { address: 'B3', name: 'lr', text: 0.9 })).toBe('B3 lr，0.9');
    expect(translate('zh', 'error.divideByZero')).toBe('除数为零。');
  });

  test('an unknown key comes back as itself, prototype names included', () => {
    expect(translate('zh', 'no.such.key')).toBe('no.such.key');
    expect(translate('en', 'constructor')).toBe('constructor');
    expect(translate('en', '__proto__')).toBe('__proto__');
  });

  test('a placeholder without an argument stays visible instead of vanishing', () => {
    expect(fillPlaceholders('{a} and {b}', { a: 1 })).toBe('1 and {b}');
    expect(fillPlaceholders('{toString}', {})).toBe('{toString}');
  });
});

describe('locale store', () => {
  test('a remembered choice wins over the browser language', () => {
    expect(initialLocale(memoryStorage({ [LOCALE_STORAGE_KEY]: 'en' }), 'zh-CN')).toBe('en');
    expect(initialLocale(memoryStorage({ [LOCALE_STORAGE_KEY]: 'zh' }), 'en-US')).toBe('zh');
  });

  test('without one, any Chinese browser language (zh, zh-CN, zh-Hant-TW) picks Chinese', () => {
    for (const language of ['zh', 'zh-CN', 'zh-Hant-TW', 'ZH-hk']) expect(initialLocale(null, language)).toBe('zh');
    for (const language of ['en-GB', 'fr', undefined]) expect(initialLocale(null, language)).toBe('en');
    expect(initialLocale(memoryStorage({ [LOCALE_STORAGE_KEY]: 'klingon' }), 'fr')).toBe('en');
  });

  test('a change is remembered and re-translates', () => {
    const storage = memoryStorage();
    const store = createLocaleStore(storage, 'en-US');
    expect(store.t('toolbar.undo')).toBe('Undo');
    store.setLocale('zh');
    expect(store.t('toolbar.undo')).toBe('撤销');
    expect(storage.data.get(LOCALE_STORAGE_KEY)).toBe('zh');
  });

  test('a storage that throws is ignored on read and on write', () => {
    const broken = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    const store = createLocaleStore(broken, 'zh-TW');
    expect(store.locale()).toBe('zh');
    store.setLocale('en');
    expect(store.locale()).toBe('en');
  });
});
