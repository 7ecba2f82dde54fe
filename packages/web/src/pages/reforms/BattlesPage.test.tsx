import '../../i18n';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { components } from '../../api/schema';
import { id, json, notFound, renderRoute } from '../../test-support';
import { BattlesPage } from './BattlesPage';

const list: components['schemas']['ReformBattleList'] = {
  plan: {
    startDate: '2024-01-01',
    steps: [
      { step: 'rise', start: '2024-01-01', end: '2024-12-31' },
      { step: 'momentum', start: '2025-01-01', end: '2026-12-31' },
      { step: 'victory', start: '2027-01-01', end: '2028-12-31' },
    ],
  },
  battles: [
    {
      id: id(70),
      name: '高铁站站前广场建设攻坚战',
      goal: '',
      leadUnitId: id(71),
      leadUnit: '区住房城乡建委',
      step: 'rise',
      sort: 1,
      progress: 0.5,
      phases: [],
      projects: [],
      suggestions: [],
    },
  ],
  actions: { write: true },
};

describe('the key battles in the console', () => {
  it('names the actions column and keeps it narrow, so its pinned buttons do not hide the progress', async () => {
    renderRoute('/admin/reforms/battles', BattlesPage, async (request: Request) => {
      const path = new URL(request.url).pathname;
      if (path === '/api/v1/auth/session') return json({ user: null, csrfToken: 'token', menu: [] });
      if (path === '/api/v1/reforms/battles') return json(list);
      return notFound();
    });
    expect(await screen.findByText('高铁站站前广场建设攻坚战', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: '操作' })).toBeTruthy();
    // The pinned column is given its width (its four buttons wrap), not the width of four buttons in a row.
    const widths = [...document.querySelectorAll('col')].map((c) => (c as HTMLElement).style.width);
    expect(widths).toContain('200px');
  });
});
