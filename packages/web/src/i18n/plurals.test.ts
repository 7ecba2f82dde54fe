import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { allTranslations } from './resources';

async function translator(locale: 'zh-CN' | 'en') {
  const i18n = i18next.createInstance();
  await i18n.init({ lng: locale, resources: { [locale]: { translation: await allTranslations(locale) } } });
  return i18n.t;
}

describe('counts', () => {
  it('read in the singular in English for one, and in the plural otherwise', async () => {
    const t = await translator('en');
    expect(t('ideas.supportCount.count', { count: 1 })).toBe('1 person supports this');
    expect(t('ideas.supportCount.count', { count: 2 })).toBe('2 people support this');
    expect(t('inspections.results.workdaysLeft', { count: 1 })).toBe('1 working day left');
    expect(t('inspections.results.workdaysLeft', { count: 0 })).toBe('0 working days left');
    expect(t('inspections.visits.dueIn', { count: 1 })).toBe('Rectify within 1 working day of completion');
    expect(t('inspections.visits.dueIn', { count: 5 })).toBe('Rectify within 5 working days of completion');
    expect(t('reforms.cases.found', { count: 1 })).toBe('1 case');
    expect(t('common.inbox.badge', { count: 3 })).toBe('3 unread messages');
  });

  it('write what a study visit brought back as English counts, not "Members 3 · practices 1"', async () => {
    const t = await translator('en');
    const { yieldCounts } = await import('../pages/reforms/learning/shared');
    expect(
      t('reforms.learning.counts', yieldCounts(t, { members: 3, practices: 1, insights: 0, reports: 0 })),
    ).toBe('3 members · 1 practice · 0 insights · no report yet');
    expect(
      t('reforms.learning.public.counts', yieldCounts(t, { practices: 9, insights: 1, reports: 1 })),
    ).toBe('9 practices, 1 insight, 1 report');
    const zh = await translator('zh-CN');
    expect(
      zh('reforms.learning.counts', yieldCounts(zh, { members: 3, practices: 1, insights: 0, reports: 0 })),
    ).toBe('3 人 · 1 项做法 · 0 点启示 · 尚无报告');
  });

  it('read the same for any count in Chinese, which has no singular', async () => {
    const t = await translator('zh-CN');
    expect(t('ideas.supportCount.count', { count: 1 })).toBe(
      t('ideas.supportCount.count', { count: 2 }).replace('2', '1'),
    );
  });
});
