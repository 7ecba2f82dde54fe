import i18next from 'i18next';
import { translations as zhCN } from './zh-CN';

export const locales = ['zh-CN', 'en'] as const;
export type Locale = (typeof locales)[number];

/** The texts every page can rely on: the entry's files (zh-CN/index.ts). */
export type EntryTexts = typeof zhCN;

/**
 * The other files, one per area (and `ideasDesk`, the suggestions' console pages' words), each
 * fetched with the first page that shows its words (the router's `page`), so the public entry
 * does not carry the console's texts.
 * scripts/check-bundle.mjs fails the build if one of them comes back into the entry.
 */
export const textParts = [
  'admin',
  'audit',
  'business',
  'calendar',
  'ideasDesk',
  'inspections',
  'reforms',
  'targets',
  'units',
  'users',
] as const;
export type TextPart = (typeof textParts)[number];

/**
 * The top-level key a part's texts go under: its own name, but for `ideasDesk`, the console's
 * half of the suggestions' texts (screening, review, selection, campaigns…), which stay under
 * `ideas` beside the public half in the entry, so a key reads the same wherever its words live.
 */
const areas = { ideasDesk: 'ideas' } as const;
type AreaOf<P extends TextPart> = P extends keyof typeof areas ? (typeof areas)[P] : P;
export const areaOf = <P extends TextPart>(part: P): AreaOf<P> =>
  ((areas as Partial<Record<TextPart, string>>)[part] ?? part) as AreaOf<P>;

const zhParts = {
  admin: () => import('./zh-CN/admin.json'),
  audit: () => import('./zh-CN/audit.json'),
  business: () => import('./zh-CN/business.json'),
  calendar: () => import('./zh-CN/calendar.json'),
  ideasDesk: () => import('./zh-CN/ideasDesk.json'),
  inspections: () => import('./zh-CN/inspections.json'),
  reforms: () => import('./zh-CN/reforms.json'),
  targets: () => import('./zh-CN/targets.json'),
  units: () => import('./zh-CN/units.json'),
  users: () => import('./zh-CN/users.json'),
};
type PartTexts = { [P in TextPart]: Awaited<ReturnType<(typeof zhParts)[P]>>['default'] };
/** The parts' texts under the keys they are read by (`ideas` for `ideasDesk`). */
type AreaTexts = { [P in TextPart as AreaOf<P>]: PartTexts[P] };

// Typed by the zh-CN files, so an English file that lacks one of their keys does not compile.
const enParts: { [P in TextPart]: () => Promise<{ default: PartTexts[P] }> } = {
  admin: () => import('./en/admin.json'),
  audit: () => import('./en/audit.json'),
  business: () => import('./en/business.json'),
  calendar: () => import('./en/calendar.json'),
  ideasDesk: () => import('./en/ideasDesk.json'),
  inspections: () => import('./en/inspections.json'),
  reforms: () => import('./en/reforms.json'),
  targets: () => import('./en/targets.json'),
  units: () => import('./en/units.json'),
  users: () => import('./en/users.json'),
};

/** Every text of a language: the entry's and all parts', each part under its area's key. */
export type Translations = EntryTexts & AreaTexts;

/**
 * A language's entry texts. zh-CN's ship with the entry, so the first page in Chinese waits for
 * no download; English's are a chunk of their own, fetched only when a reader has chosen it.
 */
export async function loadEntryTexts(locale: Locale): Promise<EntryTexts> {
  if (locale === 'zh-CN') return zhCN;
  return (await import('./en')).translations;
}

/** One part's texts in a language, under its area's top-level key (`{ users: … }`). */
export async function loadPartTexts(locale: Locale, part: TextPart): Promise<Partial<AreaTexts>> {
  const file = await (locale === 'zh-CN' ? zhParts : enParts)[part]();
  return { [areaOf(part)]: file.default };
}

/**
 * All of a language's texts in one tree, for tests that translate outside the app: merged by
 * i18next itself, deeply, as the app merges a part into the shell's words (index.ts, addTexts).
 */
export async function allTranslations(locale: Locale): Promise<Translations> {
  const i18n = i18next.createInstance();
  await i18n.init({
    resources: { [locale]: { translation: structuredClone(await loadEntryTexts(locale)) } },
  });
  for (const part of textParts)
    i18n.addResourceBundle(locale, 'translation', await loadPartTexts(locale, part), true, true);
  return i18n.getResourceBundle(locale, 'translation') as Translations;
}

export { zhCN };
