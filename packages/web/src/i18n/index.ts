import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { type Locale, locales, resources } from './resources';

const STORAGE_KEY = 'qianxing.locale';

function storedLocale(): Locale {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY);
    return locales.find((locale) => locale === value) ?? 'zh-CN';
  } catch {
    // Storage can be refused (private mode, blocked cookies): fall back to the default.
    return 'zh-CN';
  }
}

export function currentLocale(): Locale {
  return locales.find((locale) => locale === i18next.language) ?? 'zh-CN';
}

export async function changeLocale(locale: Locale) {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  } catch {
    // The choice then lasts only for this page load.
  }
  await i18next.changeLanguage(locale);
}

i18next.on('languageChanged', (language) => {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = language;
  document.title = i18next.t('common.appName');
});

void i18next.use(initReactI18next).init({
  resources,
  lng: storedLocale(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  initAsync: false,
});

export type { Locale };
export { i18next, locales };
