import '../../i18n';
import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
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
        units: [
          unit(1, '区发展改革委', null, true),
          unit(2, '区商务委', null),
          { ...unit(3, '区教委', 0), score: 84.4 },
        ],
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
    // Scores with two decimals, as on the public leaderboard: 100.00, never a bare 100.
    const score = headers.indexOf('得分');
    expect(first.querySelectorAll('td')[score]!.textContent).toBe('100.00');
    expect(screen.getByText('区教委').closest('tr')!.querySelectorAll('td')[score]!.textContent).toBe(
      '84.40',
    );
  });

  describe('for the office', () => {
    const office: Session = {
      ...session,
      user: { ...session.user!, login: 'office', grants: [{ role: 'admin', unitId: id(1) }] },
      abilities: ['scorecard.compute', 'scorecard.publish', 'evaluation.summary'].map((action) => ({
        action,
        scopes: ['/1/'],
      })),
    };
    const empty: Scorecard = {
      ...scorecard,
      id: id(2),
      period: '2026Q3',
      result: { categories: [{ category: 'department', units: [], unreported: [] }] },
    };
    const renderOffice = (card: Scorecard) => {
      const { status: _status, result: _result, ...summary } = card;
      renderRoute('/admin/targets/scorecards', ScorecardsPage, async (request) => {
        const path = new URL(request.url).pathname;
        if (path === '/api/v1/auth/session') return json(office);
        if (path === '/api/v1/targets/scorecards') return json([{ ...summary, status: 'draft' }]);
        if (path === `/api/v1/targets/scorecards/${card.id}`) return json(card);
        return notFound();
      });
    };
    afterEach(() => vi.useRealTimers());

    it('offers no 发布 for a draft that ranks no unit, and says why', async () => {
      renderOffice(empty);
      expect((await screen.findByTestId('scorecard-nothing-ranked')).textContent).toBe(
        '没有参与排名的单位，不能发布：各单位报送后请重新生成草稿。',
      );
      expect(screen.queryByTestId('scorecard-publish')).toBeNull();
    });

    it('offers 发布 for a draft that ranks units', async () => {
      renderOffice(scorecard);
      await screen.findByTestId('scorecard-publish');
      expect(screen.queryByTestId('scorecard-nothing-ranked')).toBeNull();
    });

    it('offers to compute only the quarters that have ended, the last one first', async () => {
      // 6 December 2026 in China: the fourth quarter is not over.
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date('2026-12-06T04:00:00Z'));
      renderOffice(scorecard);
      const picker = await screen.findByTestId('scorecard-period');
      expect(picker.textContent).toContain('2026年第3季度');
      fireEvent.mouseDown(screen.getByLabelText('季度'));
      await screen.findByTitle('2026年第2季度');
      const offered = [...document.querySelectorAll('.ant-select-item-option')].map((o) =>
        o.getAttribute('title'),
      );
      expect(offered[0]).toBe('2026年第3季度');
      expect(offered).not.toContain('2026年第4季度');
    });
  });
});
