import { useMemo, useSyncExternalStore } from 'react';
import i18next from 'i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../../shared/i18n/locales';
import { en } from './en';
import type { MessageKey, TFunction, TParams } from './types';
import { zhCN } from './zh-CN';

export type { MessageKey, TFunction } from './types';

const STORAGE_KEY = 'cpaudit.locale';
/** Same cookie the server sets on PUT /api/auth/locale; the server prefers it over Accept-Language. */
const LOCALE_COOKIE = 'cpaudit_lang';

const isLocale = (value: unknown): value is Locale =>
  typeof value === 'string' && (LOCALES as readonly string[]).includes(value);

function readCookie(name: string): string | undefined {
  const prefix = `${name}=`;
  return document.cookie
    .split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(prefix))
    ?.slice(prefix.length);
}

function initialLocale(): Locale {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // storage unavailable (privacy mode): fall through
  }
  const cookie = readCookie(LOCALE_COOKIE);
  return isLocale(cookie) ? cookie : DEFAULT_LOCALE;
}

const i18n = i18next.createInstance();
const first = initialLocale();
void i18n.init({
  lng: first,
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: [...LOCALES],
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
  showSupportNotice: false,
});
applyDocument(first);

function applyDocument(locale: Locale): void {
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  document.documentElement.lang = locale;
  document.title = String(i18n.t('app.name', { lng: locale }));
}

/** The current UI language. */
export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE;
}

/** Translate outside React (e.g. in the API client). */
export const t: TFunction = (key, params) => translate(currentLocale(), key, params);

function translate(locale: Locale, key: MessageKey, params?: TParams): string {
  return String(i18n.t(key, { lng: locale, ...params }));
}

/**
 * Switch the UI language: i18next, dayjs, <html lang>, localStorage and the language cookie
 * (so server messages follow even before the account's preference is saved).
 */
export function setLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // ignore: the choice then lasts for this page only
  }
  document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; SameSite=Lax; max-age=31536000`;
  applyDocument(locale);
  if (locale !== i18n.language) void i18n.changeLanguage(locale);
}

function subscribe(onChange: () => void): () => void {
  i18n.on('languageChanged', onChange);
  return () => i18n.off('languageChanged', onChange);
}

/** The UI language, re-rendering on change. */
export function useLocale(): Locale {
  return useSyncExternalStore(subscribe, currentLocale);
}

/** `t` bound to the current language (a new function when the language changes). */
export function useT(): { t: TFunction; locale: Locale } {
  const locale = useLocale();
  return useMemo(() => ({ t: (key, params) => translate(locale, key, params), locale }), [locale]);
}
