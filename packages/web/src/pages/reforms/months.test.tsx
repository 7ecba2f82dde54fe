import '../../i18n';
import { screen } from '@testing-library/react';
import i18next from 'i18next';
import { afterAll, describe, expect, it } from 'vitest';
import { changeLocale, loadTexts } from '../../i18n';
import { id, json, notFound, renderRoute } from '../../test-support';
import { PublicProjectPage } from './PublicProjectPage';
import { monthLabel, type PublicReformProject } from './shared';

afterAll(() => changeLocale('zh-CN'));

const project: PublicReformProject = {
  id: id(90),
  code: 'QJGG-B001',
  name: '优化营商环境攻坚行动',
  listId: id(2),
  leadUnit: '区发展改革委',
  progress: 0.5,
  status: 'on_track',
  listName: '现阶段亟须改革攻坚',
  source: 'local',
  coUnits: [],
  startDate: '2026-01-01',
  endDate: '2026-12-31',
  goal: '',
  pilotLevel: null,
  pilotStatus: null,
  milestones: [],
  suggestions: [],
  reports: [{ period: '2026-11', summary: '企业开办全程网办上线' }],
};

describe('months on the reform pages', () => {
  it('the public project page words a report’s month in Chinese, not as 2026-11', async () => {
    renderRoute(
      '/reforms/:id',
      PublicProjectPage,
      async (request) => {
        const path = new URL(request.url).pathname;
        if (path === '/api/v1/auth/session') return json({ user: null, csrfToken: 'token', menu: [] });
        if (path === `/api/v1/public/reforms/projects/${id(90)}`) return json(project);
        return notFound();
      },
      `/reforms/${id(90)}`,
    );
    const reports = await screen.findByTestId('reform-project-reports', {}, { timeout: 10_000 });
    expect(reports.textContent).toContain('2026年11月进展');
    expect(reports.textContent).not.toContain('2026-11');
  });

  it('a month label reads in words in both languages, as the notices do', async () => {
    await loadTexts(['reforms']);
    expect(monthLabel(i18next.t, '2026-11')).toBe('2026年11月');
    expect(monthLabel(i18next.t, '2027-01')).toBe('2027年1月');
    await changeLocale('en');
    expect(monthLabel(i18next.t, '2026-11')).toBe('November 2026');
    expect(i18next.t('reforms.public.reportOf', { period: '2026-11' })).toBe('Progress in November 2026');
  });
});
