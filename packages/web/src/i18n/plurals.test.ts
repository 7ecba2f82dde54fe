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

  it('put each count beside its noun in the singular for one, wherever a text holds several counts', async () => {
    const t = await translator('en');
    expect(t('business.liaison.applied', { paired: 1, ended: 1 })).toBe('1 firm paired, 1 pairing ended');
    expect(t('business.liaison.applied', { paired: 3, ended: 0 })).toBe('3 firms paired, 0 pairings ended');
    expect(t('business.liaison.reminded', { cadres: 1, firms: 1 })).toBe('1 cadre reminded, about 1 firm');
    expect(t('business.liaison.reminded', { cadres: 2, firms: 5 })).toBe('2 cadres reminded, about 5 firms');
    expect(t('business.liaison.proposeIntro', { count: 4, kept: 1 })).toContain(
      'for each of 4 firms without one (1 existing pairing kept)',
    );
    expect(t('business.liaison.introOffice', { days: 30, soon: 1 })).toContain(
      'at least every 30 days; a visit due within 1 day is flagged',
    );
    expect(t('business.liaison.introCadre', { days: 1 })).toContain('visited at least every 1 day.');
    expect(
      t('business.timeline.ratingPeriodOver', {
        answeredOn: '2026-05-06',
        workdays: 1,
        lastDay: '2026-05-07',
      }),
    ).toContain('within 1 working day (by 2026-05-07)');
    expect(t('business.notice.visitsOverdue', { count: 1, firm: '黔江鑫源', days: 1 })).toBe(
      '1 of your firms is overdue for a visit; 黔江鑫源 by 1 day. Please visit soon.',
    );
    expect(t('business.notice.visitsOverdue', { count: 2, firm: '黔江鑫源', days: 9 })).toBe(
      '2 of your firms are overdue for a visit; 黔江鑫源 by 9 days. Please visit soon.',
    );
    expect(t('calendar.drawer.unread', { count: 1 })).toMatch(/^This item could not be read/);
    expect(t('calendar.drawer.unread', { count: 2 })).toMatch(/^These 2 items could not be read/);
    expect(t('calendar.drawer.problems', { count: 1 })).toMatch(/^This date does not add up/);
    expect(t('inspections.public.pool', { firms: 1, inspectors: 1 })).toBe(
      '1 firm and 1 inspector in the pools',
    );
    expect(t('inspections.public.pool', { firms: 40, inspectors: 6 })).toBe(
      '40 firms and 6 inspectors in the pools',
    );
    expect(t('inspections.notice.results', { date: '2026-05-06', items: 1, issues: 0 })).toContain(
      'complete, 1 item checked, 0 to rectify',
    );
    expect(t('inspections.notice.results', { date: '2026-05-06', items: 3, issues: 1 })).toContain(
      'complete, 3 items checked, 1 to rectify',
    );
    expect(t('ideas.selection.assigned', { assigned: 1, short: 1 })).toBe(
      '1 review assigned; 1 suggestion has fewer reviewers than asked (conflicts, or experts at their cap)',
    );
    expect(t('ideas.selection.assigned', { assigned: 12, short: 2 })).toMatch(
      /^12 reviews assigned; 2 suggestions have fewer reviewers/,
    );
    expect(t('ideas.stats.outsideTowns', { count: 1, n: '1' })).toMatch(/^A further 1 participation is tied/);
    expect(t('ideas.stats.outsideTowns', { count: 1200, n: '1,200' })).toMatch(
      /^A further 1,200 participations are tied/,
    );
    expect(t('reforms.project.withdrawTold', { count: 1 })).toMatch(
      /^This project was taken up from the citizen’s suggestion below\./,
    );
    expect(t('reforms.battles.withdrawTold', { count: 1 })).toMatch(
      /^The citizen’s suggestion below is a task/,
    );
    expect(t('reforms.battles.withdrawTold', { count: 3 })).toMatch(
      /^The 3 citizens’ suggestions below are tasks/,
    );
    expect(t('reforms.learning.public.delegation', { count: 5, units: 1 })).toBe(
      'a delegation of 5 from 1 unit',
    );
    expect(t('reforms.learning.public.delegation', { count: 5, units: 3 })).toBe(
      'a delegation of 5 from 3 units',
    );
    expect(t('targets.regional.weightsNeeded', { n: 1, needed: 1, count: 0 })).toMatch(
      /^1 weight, one per indicator/,
    );
    expect(t('targets.regional.weightsNeeded', { n: 4, needed: 4, count: 1 })).toBe(
      '4 weights, one per indicator in the order chosen. Entered: 1 of 4.',
    );
    expect(t('targets.regional.ahpNeeded', { n: 2, needed: 1, count: 0 })).toMatch(
      /^1 value for the 2 indicators chosen: /,
    );
    expect(t('targets.regional.ahpNeeded', { n: 3, needed: 3, count: 1 })).toMatch(
      /^3 values for the 3 indicators chosen: .* Entered: 1 of 3\.$/,
    );
    expect(t('ideas.selection.candidates', { size: 1 })).toBe('Candidates (the list has 1 place)');
    expect(t('ideas.selection.candidates', { size: 10 })).toBe('Candidates (the list has 10 places)');
    expect(t('errors.field.too_few_firms', { pool: 1, wanted: 3 })).toBe(
      "This risk level's pool holds 1 firm, fewer than the 3 to draw",
    );
    expect(t('errors.field.too_few_inspectors', { pool: 1, wanted: 2 })).toMatch(
      /^1 inspector, fewer than the 2/,
    );
    expect(t('errors.field.inspector_full', { inspector: '张三', capacity: 1 })).toBe(
      '张三 already has 1 visit that day',
    );
    expect(
      t('errors.field.calendar_inconsistent_span_days', {
        name: 'Qingming',
        start: '04-05',
        end: '04-05',
        counted: 1,
        stated: 3,
      }),
    ).toBe('Qingming: 04-05 to 04-05 is 1 day, the notice says 3');
  });

  it('leave the Chinese texts with several counts as they read before', async () => {
    const t = await translator('zh-CN');
    expect(t('business.liaison.reminded', { cadres: 1, firms: 1 })).toBe('已提醒 1 名干部，涉及 1 户企业');
    expect(t('inspections.notice.results', { date: '2026-05-06', items: 1, issues: 0 })).toContain('共 1 项');
    expect(t('errors.field.inspector_full', { inspector: '张三', capacity: 1 })).toBe(
      '张三 当天已有 1 次检查',
    );
  });

  it('read the same for any count in Chinese, which has no singular', async () => {
    const t = await translator('zh-CN');
    expect(t('ideas.supportCount.count', { count: 1 })).toBe(
      t('ideas.supportCount.count', { count: 2 }).replace('2', '1'),
    );
  });
});
