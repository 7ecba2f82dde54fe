import '../../i18n';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../api/types';
import { id, json, notFound, renderRoute } from '../../test-support';
import { ScorecardsPage } from './ScorecardsPage';
import type { Scorecard, ScorecardUnit } from './shared';

const session: Session = {
  user: {
    id: id(9),
    login: 'supervisor',
    displayName: '纪委监委',
    mustChangePassword: false,
    grants: [{ role: 'supervisor', unitId: id(1) }],
  },
  csrfToken: 'token',
  menu: [{ path: '/admin/targets/scorecards', label: 'targets.menu.scorecards' }],
  abilities: [{ action: 'evaluation.summary', scopes: ['/1/'] }],
};

const unit = (n: number, name: string, rankDelta: number | null, newEntrant?: boolean): ScorecardUnit => ({
  unitId: id(10 + n),
  unitCode: `QJ-D0${n}`,
  unitName: name,
  rank: n,
  categorySize: 2,
  score: 100,
  tier: 'advanced',
  progressed: false,
  rankDelta,
  scoreDelta: null,
  catchUpIndex: null,
  planned: 2,
  reported: 2,
  late: false,
  ...(newEntrant === undefined ? {} : { newEntrant, reachedTarget: 2, submittedAt: null }),
});

const scorecard: Scorecard = {
  id: id(1),
  period: '2026Q3',
  status: 'draft',
  computedAt: '2026-10-25T02:00:00.000Z',
  publishedAt: null,
  result: {
    categories: [
      {
        category: 'department',
        units: [unit(1, '区发展改革委', null, true), unit(2, '区商务委', null), unit(3, '区教委', 0)],
        unreported: [{ unitId: id(30), unitCode: 'QJ-D09', unitName: '区财政局', status: 'not_submitted' }],
      },
    ],
  },
};

describe('the scorecards page', () => {
  it('shows 新 for a new entrant, — where there is nothing to compare, the tie rule and the unranked', async () => {
    const { status: _status, result: _result, ...summary } = scorecard;
    renderRoute('/admin/targets/scorecards', ScorecardsPage, async (request) => {
      const path = new URL(request.url).pathname;
      if (path === '/api/v1/auth/session') return json(session);
      if (path === '/api/v1/targets/scorecards') return json([{ ...summary, status: 'draft' }]);
      if (path === `/api/v1/targets/scorecards/${id(1)}`) return json(scorecard);
      return notFound();
    });
    const first = (await screen.findByText('区发展改革委')).closest('tr')!;
    expect(first.textContent).toContain('新');
    const second = screen.getByText('区商务委').closest('tr')!;
    expect(second.textContent).toContain('—');
    expect(second.textContent).not.toContain('新');
    // The same place as last quarter reads — too, as on the public leaderboard, never a bare 0.
    const headers = [...document.querySelectorAll('thead th')].map((th) => th.textContent);
    const same = screen.getByText('区教委').closest('tr')!.querySelectorAll('td')[
      headers.indexOf('名次变化')
    ]!;
    expect(same.textContent).toBe('—');
    expect(screen.getByTestId('tie-rule').textContent).toContain('同分时依次比较');
    expect(screen.getByTestId('unreported-unit').textContent).toBe('区财政局 未报送');
  });
});
