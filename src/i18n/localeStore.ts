/**
 * The current UI language as a Solid signal: read from localStorage ('mp.locale') or the
 * browser's language on start, remembered on change. Storage can be missing or throw (private
 * mode, sandboxed frames, full quota); the app then simply forgets the choice.
 */
import { createSignal, type Accessor } from 'solid-js';
import { translate, translateMessage, translateParts, type MessageArgs, type MessageLike, type TextPartsLike } from './i18n';
import { LOCALES, type Locale, type MessageKey } from './messages';

export const LOCALE_STORAGE_KEY = 'mp.locale';

type LocaleStorage = Pick<Storage, 'getItem' | 'setItem'>;

export interface LocaleStore {
  readonly locale: Accessor<Locale>;
  // Function-typed properties, not methods: they are destructured and passed around (no `this`).
  readonly setLocale: (locale: Locale) => void;
  /** Reactive translate: re-runs wherever it is read when the locale changes. */
  readonly t: (key: MessageKey | (string & {}), args?: MessageArgs) => string;
  /** Reactive translation of a message whose arguments may be messages. */
  readonly tm: (message: MessageLike) => string;
  /** Reactive translation of display text (literal pieces and messages). */
  readonly tp: (parts: TextPartsLike) => string;
}

function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** `initialLocale(null, 'zh-CN')` → "zh"; a stored choice wins over the browser language. */
export function initialLocale(storage: LocaleStorage | null, language: string | undefined): Locale {
  let stored: string | null;
  try {
    stored = storage?.getItem(LOCALE_STORAGE_KEY) ?? null;
  } catch {
    stored = null;
  }
  if (isLocale(stored)) return stored;
  return language?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

function browserStorage(): LocaleStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // Reading the property itself throws when storage is blocked.
  }
}

export function createLocaleStore(
  storage: LocaleStorage | null = browserStorage(),
  language: string | undefined = globalThis.navigator?.language,
): LocaleStore {
  const [locale, setSignal] = createSignal<Locale>(initialLocale(storage, language));
  return {
    locale,
    setLocale(next) {
      setSignal(next);
      try {
        storage?.setItem(LOCALE_STORAGE_KEY, next);
      } catch {
        // Remembering the choice is a convenience; the switch itself already happened.
      }
    },
    t: (key, args) => translate(locale(), key, args),
    tm: (message) => translateMessage(locale(), message),
    tp: (parts) => translateParts(locale(), parts),
  };
}

/** The app's locale store (one per page). */
export const localeStore: LocaleStore = createLocaleStore();
export const { locale, setLocale, t, tm, tp } = localeStore;
