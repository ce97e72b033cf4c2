/**
 * The one message catalogue: every user-visible sentence in English and Simplified Chinese.
 * English defines the keys (`MessageKey`); each other locale is typed as a complete `Catalogue`,
 * so a missing translation fails the type check (and tests/unit/i18n/messages.test.ts at runtime).
 *
 * src/i18n imports nothing else of ours: the engines (src/sheet, src/share) emit keys and args
 * only, and every sentence behind those keys is in a table beside this file. Their keys are
 * stable (links and tests name them); tests/unit/i18n/engineKeys.test.ts checks that every key an
 * engine can emit is here in both languages. Note keys are data (a record, not literal types),
 * so they are looked up by plain string and are not part of `MessageKey`.
 */
import { CLI_MESSAGES_EN, CLI_MESSAGES_ZH } from './cliMessages';
import { ERROR_MESSAGES_EN } from './errorMessages.en';
import { ERROR_MESSAGES_ZH } from './errorMessages.zh';
import { EXPLORE_MESSAGES_EN, EXPLORE_MESSAGES_ZH } from './exploreMessages';
import { NOTES } from './notes';
import { SHARE_MESSAGES_EN, SHARE_MESSAGES_ZH } from './shareMessages';
import { uiEn } from './ui.en';
import { uiZh } from './ui.zh';

export type Locale = 'en' | 'zh';

/** Every locale the catalogue covers, in the order the language picker lists them. */
export const LOCALES: readonly Locale[] = ['en', 'zh'];

const keyedEn = { ...uiEn, ...ERROR_MESSAGES_EN, ...SHARE_MESSAGES_EN, ...CLI_MESSAGES_EN, ...EXPLORE_MESSAGES_EN } as const;

export type MessageKey = keyof typeof keyedEn;

/** A translation of every message key, plus the note texts by their keys. */
export type Catalogue = { readonly [K in MessageKey]: string } & Readonly<Record<string, string>>;

function notesIn(locale: Locale): Readonly<Record<string, string>> {
  return Object.fromEntries(Object.entries(NOTES).map(([key, text]) => [key, text[locale]]));
}

/** The tables merged into each locale; exported so a test can prove no key is defined twice. */
export const SOURCE_TABLES: { readonly [L in Locale]: readonly Readonly<Record<string, string>>[] } = {
  en: [uiEn, ERROR_MESSAGES_EN, SHARE_MESSAGES_EN, CLI_MESSAGES_EN, EXPLORE_MESSAGES_EN, notesIn('en')],
  zh: [uiZh, ERROR_MESSAGES_ZH, SHARE_MESSAGES_ZH, CLI_MESSAGES_ZH, EXPLORE_MESSAGES_ZH, notesIn('zh')],
};

const en: Catalogue = { ...notesIn('en'), ...keyedEn };
const zh: Catalogue = { ...notesIn('zh'), ...uiZh, ...ERROR_MESSAGES_ZH, ...SHARE_MESSAGES_ZH, ...CLI_MESSAGES_ZH, ...EXPLORE_MESSAGES_ZH };

export const messages: { readonly [L in Locale]: Catalogue } = { en, zh };
