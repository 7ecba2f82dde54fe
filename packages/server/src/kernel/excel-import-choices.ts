import type { ImportLocale } from './excel-import-header.js';
import { looseText } from './excel-import-header.js';

/** One allowed value of an enumerated column: the code stored, and its names in each language. */
export interface Choice {
  code: string;
  zh: string;
  /** Where it has no English name (a town), English readers see and type the Chinese one. */
  en?: string;
  /** Other words read as this choice (an earlier template's, or a spelling staff use); never written. */
  aliases?: readonly string[];
}

/** The allowed values of a sheet's enumerated columns, by column key. */
export type Choices = Readonly<Record<string, readonly Choice[]>>;

/** What a person reads for a choice in a language. */
export const choiceLabel = (choice: Choice, locale: ImportLocale): string =>
  locale === 'en' ? (choice.en ?? choice.zh) : choice.zh;

/**
 * The code a cell means: a cell may hold the code, the Chinese name, the English name or an
 * alias, trimmed and in any case. A code wins over a name that reads the same; a name two choices
 * share (two villages of one name) means neither, and is `null`, so the cell must give the code.
 */
export function choiceFinder(choices: readonly Choice[]): (text: string) => string | null | undefined {
  const codes = new Map(choices.map((c) => [looseText(c.code), c.code]));
  const names = new Map<string, string | null>();
  for (const c of choices)
    for (const name of new Set(
      [c.zh, c.en, ...(c.aliases ?? [])].filter(Boolean).map((n) => looseText(n!)),
    )) {
      const known = names.get(name);
      names.set(name, known === undefined || known === c.code ? c.code : null);
    }
  return (text) => {
    const key = looseText(text);
    return codes.get(key) ?? names.get(key);
  };
}

/** Resolvers for every enumerated column of a sheet. */
export function choiceFinders(
  choices: Choices | undefined,
): Map<string, (text: string) => string | null | undefined> {
  return new Map(Object.entries(choices ?? {}).map(([key, list]) => [key, choiceFinder(list)]));
}
