import { translations as zhCN } from './zh-CN';

export const locales = ['zh-CN', 'en'] as const;
export type Locale = (typeof locales)[number];

/** One namespace per language; each JSON file is a top-level key of it. */
export type Translations = typeof zhCN;

/**
 * The default language, zh-CN, ships with the entry, so the first page in Chinese waits for no
 * download. English is a chunk of its own, fetched only when a reader has chosen it.
 */
export async function loadTranslations(locale: Locale): Promise<Translations> {
  if (locale === 'zh-CN') return zhCN;
  return (await import('./en')).translations;
}

export { zhCN };
