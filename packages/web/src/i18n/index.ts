import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import {
  type Locale,
  loadEntryTexts,
  loadPartTexts,
  locales,
  type TextPart,
  textParts,
  zhCN,
} from './resources';

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

type Texts = 'entry' | TextPart;

/** What each language has in i18next so far: its entry texts and the parts added since. */
const present: Record<Locale, Set<Texts>> = { 'zh-CN': new Set(['entry']), en: new Set() };
/** The parts some page has asked for: a change of language brings them in the new one too. */
const asked = new Set<TextPart>();
/** The language being changed to while its texts load, so a page loading meanwhile gets it too. */
let switchingTo: Locale | undefined;

async function addTexts(locale: Locale, texts: readonly Texts[]) {
  const missing = texts.filter((t) => !present[locale].has(t));
  const loaded = await Promise.all(
    missing.map((t) => (t === 'entry' ? loadEntryTexts(locale) : loadPartTexts(locale, t))),
  );
  missing.forEach((t, i) => {
    // Deep: a part's file joins the words its area already has in the entry (shell.json's menu
    // words; for ideasDesk, the public half of ideas.json).
    // A copy, as i18next merges into the objects it holds and the imported files stay as read.
    i18next.addResourceBundle(locale, 'translation', structuredClone(loaded[i]), true, true);
    present[locale].add(t);
  });
}

/**
 * Loads the texts of these parts in the page's language, and in the one it is changing to.
 * A route's loader awaits it beside the page's module (router.tsx, `page`), so the page renders
 * with its words rather than keys; a later change of language brings them along.
 */
export async function loadTexts(parts: readonly TextPart[]): Promise<void> {
  for (const part of parts) asked.add(part);
  const languages = new Set([currentLocale(), ...(switchingTo ? [switchingTo] : [])]);
  await Promise.all([...languages].map((locale) => addTexts(locale, parts)));
}

/** A lazily loaded module once it and the texts of these parts are in, so it renders words. */
export function withTexts<M>(module: Promise<M>, parts: readonly TextPart[]): Promise<M> {
  return Promise.all([module, loadTexts(parts)]).then(([loaded]) => loaded);
}

export async function changeLocale(locale: Locale) {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  } catch {
    // The choice then lasts only for this page load.
  }
  switchingTo = locale;
  try {
    await addTexts(locale, ['entry', ...asked]);
    // A choice made while these loaded is the one that counts.
    if (switchingTo === locale) await i18next.changeLanguage(locale);
  } finally {
    if (switchingTo === locale) switchingTo = undefined;
  }
}

i18next.on('languageChanged', (language) => {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = language;
  document.title = i18next.t('common.appName');
});

// i18next starts synchronously in zh-CN, whose entry texts are in the entry, so code (and
// tests) that translate right after importing this module see words rather than keys.
void i18next.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: structuredClone(zhCN) } },
  lng: 'zh-CN',
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  initAsync: false,
});

// A month kept as YYYY-MM (in a notice's params, say) in words, as the pages show it:
// `{{period, month}}` reads 2026年11月 in Chinese and November 2026 in English.
i18next.services.formatter?.add('month', (value: unknown, lng: string | undefined) => {
  const match = /^(\d{4})-(\d{2})$/.exec(String(value));
  if (!match) return String(value);
  const [, year, month] = match;
  return new Intl.DateTimeFormat(lng ?? 'en', { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    Date.UTC(Number(year), Number(month) - 1, 1),
  );
});

/**
 * Settles once the stored language's entry texts are loaded and chosen; the app renders after
 * it, so a reader of the English site never sees Chinese words or bare keys first. If English
 * cannot be fetched the page stays in zh-CN rather than not appearing.
 */
export const i18nReady: Promise<void> = (async () => {
  const locale = storedLocale();
  if (locale === 'zh-CN') return;
  try {
    await addTexts(locale, ['entry']);
    await i18next.changeLanguage(locale);
  } catch {
    // Keep the default language.
  }
})();

export type { Locale, TextPart };
export { i18next, locales, textParts };
