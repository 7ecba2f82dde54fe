import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import '../../i18n';
import { periodChoices, periodLabel } from './periods';

describe('the benchmark periods a filter offers', () => {
  it('are the values’ own and the recent ones, newest first, a year before its quarters', () => {
    const now = new Date('2026-08-10T04:00:00Z');
    expect(periodChoices(['2019', '2026Q2'], now)).toEqual([
      '2026',
      '2026Q3',
      '2026Q2',
      '2026Q1',
      '2025',
      '2025Q4',
      '2025Q3',
      '2025Q2',
      '2025Q1',
      '2024',
      '2024Q4',
      '2019',
    ]);
  });

  it('read as a year or a quarter in the reader’s words', async () => {
    await i18next.changeLanguage('zh-CN');
    expect(periodLabel(i18next.t, '2025')).toBe('2025年');
    expect(periodLabel(i18next.t, '2026Q3')).toBe('2026年第3季度');
  });
});
