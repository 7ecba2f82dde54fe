import type { TFunction } from 'i18next';
import { quarterLabel, recentQuarters } from './shared';

/** A benchmark period in the reader's words: 2026Q3 → 2026年第3季度, 2025 → 2025年. */
export const periodLabel = (t: TFunction, period: string): string =>
  period.length === 4 ? t('targets.benchmarks.values.year', { year: period }) : quarterLabel(t, period);

/**
 * The periods a filter offers: those the values have, and the recent quarters and years
 * besides, newest first (a year before its quarters).
 */
export function periodChoices(had: readonly string[], now = new Date()): string[] {
  const quarters = recentQuarters(now, 8);
  const years = [...new Set(quarters.map((q) => q.slice(0, 4)))];
  const all = new Set([...had, ...quarters, ...years]);
  // 2026 sorts before 2026Q4 read backwards; a year comes first, then its quarters from the last.
  return [...all].sort((a, b) =>
    a.slice(0, 4) === b.slice(0, 4) ? a.length - b.length || b.localeCompare(a) : b.localeCompare(a),
  );
}
