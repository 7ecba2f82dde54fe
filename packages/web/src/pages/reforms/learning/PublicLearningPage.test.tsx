import '../../../i18n';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { id, json, notFound, renderRoute } from '../../../test-support';
import { PublicLearningPage } from './PublicLearningPage';
import type { PublicLearning } from './shared';

const learning: PublicLearning = {
  visits: [
    {
      id: id(60),
      title: '赴梁平区、丰都县、石柱县学习考察',
      unitName: '区委改革办',
      destinations: ['梁平区', '丰都县', '石柱县'],
      topics: ['基层治理'],
      startDate: '2026-09-15',
      endDate: '2026-09-18',
      delegation: { count: 8, units: ['区委改革办', '区发展改革委'] },
      practices: [
        {
          title: '“小院家”院落自治',
          description: '以院落为单元推选院落长。',
          sourcePlace: '梁平区',
          projects: [{ id: id(10), code: 'QJGG-C001', name: '社区治理体系和治理能力现代化改革' }],
        },
      ],
      insights: ['改革要从群众身边的小切口入手。'],
      reportSummary: '形成9项可借鉴做法和4点启示。',
      counts: { practices: 9, insights: 4, reports: 1 },
    },
  ],
  sessions: [
    {
      title: '运用AI工具提升工作效能（第一期）',
      form: 'online',
      date: '2026-10-16',
      topic: '',
      attendance: 6,
    },
  ],
};

describe('the public learning page', () => {
  it('shows each completed visit with its counts, the delegation as a size, and the sessions held', async () => {
    const fetch = async (request: Request) => {
      const path = new URL(request.url).pathname;
      if (path === '/api/v1/auth/session') return json({ user: null, csrfToken: 'token', menu: [] });
      if (path === '/api/v1/public/reforms/learning') return json(learning);
      return notFound();
    };
    renderRoute('/reforms/learning', PublicLearningPage, fetch);
    expect((await screen.findByTestId('learning-counts', {}, { timeout: 10_000 })).textContent).toBe(
      '9 项做法、4 点启示、1 份报告',
    );
    expect(screen.getByText(/考察团 8 人，来自 2 个单位/)).toBeTruthy();
    expect(screen.getByRole('link', { name: '社区治理体系和治理能力现代化改革' }).getAttribute('href')).toBe(
      `/reforms/${id(10)}`,
    );
    expect(screen.getByText(/6 人参学/)).toBeTruthy();
  });
});
