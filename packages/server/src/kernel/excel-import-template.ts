import { writeSheet } from '../excel/workbook.js';
import type { ImportSheet } from './excel-import.js';
import { type Choices, choiceLabel } from './excel-import-choices.js';
import { headedIn, type ImportLocale } from './excel-import-header.js';

/**
 * An import's template in a language: the headers of that language, a drop-down list of every
 * enumerated column's names, and example rows whose codes read as those names.
 */
export function importTemplate(options: {
  sheet: ImportSheet;
  /** The sheet's name in each language. */
  name: Record<ImportLocale, string>;
  locale: ImportLocale;
  /** Example rows by column key, enumerated values by code. */
  examples?: Array<Record<string, string>>;
  /** The choices where they differ from the sheet's (a template may offer fewer). */
  choices?: Choices;
}): Promise<Buffer> {
  const { sheet, locale } = options;
  const choices = options.choices ?? sheet.choices ?? {};
  const named = (key: string, value: string) => {
    const choice = choices[key]?.find((c) => c.code === value);
    return choice ? choiceLabel(choice, locale) : value;
  };
  return writeSheet(
    options.name[locale],
    headedIn(sheet.columns, locale),
    (options.examples ?? []).map((row) =>
      Object.fromEntries(Object.entries(row).map(([key, value]) => [key, named(key, value)])),
    ),
    Object.fromEntries(
      Object.entries(choices).map(([key, list]) => [key, list.map((c) => choiceLabel(c, locale))]),
    ),
  );
}
