import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { type Locale, loadTranslations, locales, zhCN } from './resources';

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

/** Adds a language's translations to i18next unless they are there already. */
async function loadLocale(locale: Locale) {
  if (i18next.hasResourceBundle(locale, 'translation')) return;
  i18next.addResourceBundle(locale, 'translation', await loadTranslations(locale));
}

export async function changeLocale(locale: Locale) {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  } catch {
    // The choice then lasts only for this page load.
  }
  await loadLocale(locale);
  await i18next.changeLanguage(locale);
}

i18next.on('languageChanged', (language) => {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = language;
  document.title = i18next.t('common.appName');
});

// i18next starts synchronously in zh-CN, whose translations are in the entry, so code (and
// tests) that translate right after importing this module see words rather than keys.
void i18next.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN } },
  lng: 'zh-CN',
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  initAsync: false,
});

/**
 * Settles once the stored language's translations are loaded and chosen; the app renders after
 * it, so a reader of the English site never sees Chinese words or bare keys first. If English
 * cannot be fetched the page stays in zh-CN rather than not appearing.
 */
export const i18nReady: Promise<void> = (async () => {
  const locale = storedLocale();
  if (locale === 'zh-CN') return;
  try {
    await loadLocale(locale);
    await i18next.changeLanguage(locale);
  } catch {
    // Keep the default language.
  }
})();

export type { Locale };
export { i18next, locales };
