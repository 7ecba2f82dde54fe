import type { TFunction } from 'i18next';

/**
 * A name with a note on it (its unit, its code) in parentheses as the reader's language writes
 * them: 王建国（区市场监管局） in Chinese, "Wang Jianguo (District Market Regulation)" in English.
 * Without a note, the name.
 */
export function withNote(t: TFunction, name: string, note: string | null | undefined): string {
  return note ? `${name}${t('common.inParens', { text: note })}` : name;
}

/** Names one after another: 、 between them in Chinese, a comma in English. */
export function listed(t: TFunction, names: readonly string[]): string {
  return names.join(t('common.listSeparator'));
}

/** From one day to another, the same way on every page: 2026-10-01 至 2026-12-31, "… to …". */
export function period(t: TFunction, from: string, to: string): string {
  return t('common.dateRange', { from, to });
}
