import '../../i18n';
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { id, json, notFound, renderRoute, unavailable } from '../../test-support';
import { LeaderboardPage } from './LeaderboardPage';
import type { PublicScorecard } from './shared';

const published: PublicScorecard = {
  period: '2026Q3',
  publishedAt: '2026-11-02T02:00:00.000Z',
  categories: [
    {
      category: 'department',
      units: [
        {
          unitId: id(1),
          unitName: '区发展改革委',
          rank: 1,
          score: 100,
          tier: 'advanced',
          progressed: true,
          rankDelta: 24,
        },
        {
          unitId: id(2),
          unitName: '区商务委',
          rank: 2,
          score: 88.5,
          tier: 'standard',
          progressed: false,
          rankDelta: -1,
        },
        {
          unitId: id(3),
          unitName: '区城市管理局',
          rank: 3,
          score: 41.2,
          tier: 'rectify',
          progressed: false,
          rankDelta: null,
        },
      ],
    },
    {
      category: 'town',
      units: [
        {
          unitId: id(4),
          unitName: '濯水镇',
          rank: 1,
          score: 96.4,
          tier: 'advanced',
          progressed: false,
          rankDelta: 0,
        },
      ],
    },
  ],
};

/**
 * Renders the public page against a server that answers the latest scorecard with `latest` and,
 * when given, the earlier published quarters (`earlier`, by period) and their list.
 */
function renderLeaderboard(
  latest: PublicScorecard | null | 'down',
  earlier: PublicScorecard[] = [],
  url = '/targets/leaderboard',
) {
  const asked: string[] = [];
  const fetch = async (request: Request) => {
    const path = new URL(request.url).pathname;
    asked.push(path);
    if (path === '/api/v1/auth/session') return json({ user: null, csrfToken: 'token' });
    if (path === '/api/v1/public/scorecards/latest' && latest === 'down') return unavailable();
    if (path === '/api/v1/public/scorecards/latest' && latest) return json(latest);
    if (path === '/api/v1/public/scorecards' && latest && latest !== 'down')
      return json([latest, ...earlier].map(({ period, publishedAt }) => ({ period, publishedAt })));
    const quarter = earlier.find((c) => path === `/api/v1/public/scorecards/${c.period}`);
    if (quarter) return json(quarter);
    return notFound();
  };
  renderRoute('/targets/leaderboard', LeaderboardPage, fetch, url);
  return { asked };
}

const secondQuarter: PublicScorecard = {
  ...published,
  period: '2026Q2',
  publishedAt: '2026-08-03T02:00:00.000Z',
  categories: [
    {
      category: 'department',
      units: [{ ...published.categories[0]!.units[1]!, rank: 1, score: 90, rankDelta: null }],
    },
  ],
};

describe('public leaderboard page', () => {
  it('offers the earlier published quarters and shows the one chosen', async () => {
    const { asked } = renderLeaderboard(published, [secondQuarter]);
    expect(await screen.findByText('2026年第3季度赶超晾晒榜')).toBeTruthy();
    const picker = await screen.findByRole('combobox', { name: '季度' });
    fireEvent.mouseDown(picker);
    fireEvent.click(await screen.findByTitle('2026年第2季度'));
    expect(await screen.findByText('2026年第2季度赶超晾晒榜')).toBeTruthy();
    expect(asked).toContain('/api/v1/public/scorecards/2026Q2');
    expect(screen.getAllByTestId('leaderboard-row').map((r) => r.textContent)).toEqual([
      expect.stringContaining('区商务委'),
    ]);
  });

  it('opens the quarter a link names', async () => {
    renderLeaderboard(published, [secondQuarter], '/targets/leaderboard?quarter=2026Q2');
    expect(await screen.findByText('2026年第2季度赶超晾晒榜')).toBeTruthy();
    expect(await screen.findByRole('combobox', { name: '季度' })).toBeTruthy();
  });

  it('shows no quarter choice while only one quarter is published', async () => {
    const { asked } = renderLeaderboard(published);
    expect(await screen.findByText('2026年第3季度赶超晾晒榜')).toBeTruthy();
    await vi.waitFor(() => expect(asked).toContain('/api/v1/public/scorecards'));
    expect(screen.queryByRole('combobox', { name: '季度' })).toBeNull();
  });

  it('shows the published quarter with ranks, scores, tiers and movement, departments first', async () => {
    const { asked } = renderLeaderboard(published);
    expect(await screen.findByText('2026年第3季度赶超晾晒榜')).toBeTruthy();
    expect(screen.getByText('发布日期：2026-11-02')).toBeTruthy();
    const rows = screen.getAllByTestId('leaderboard-row');
    expect(rows.map((r) => r.querySelector('[data-testid="leaderboard-unit"]')?.textContent)).toEqual([
      '区发展改革委',
      '区商务委',
      '区城市管理局',
    ]);
    expect(rows[0]!.textContent).toContain('100.00');
    expect(rows[0]!.textContent).toContain('先进');
    expect(rows[0]!.textContent).toContain('进步');
    expect(rows[0]!.textContent).toContain('上升 24 名');
    expect(rows[1]!.textContent).toContain('下降 1 名');
    expect(rows[2]!.textContent).toContain('整改');
    expect(screen.getByRole('img', { name: '各单位得分' })).toBeTruthy();
    expect(asked).not.toContain('/api/v1/targets/scorecards');
  });

  it('marks a unit new to the ranking as 新, and keeps — for the same place as before', async () => {
    const [departments, towns] = published.categories;
    renderLeaderboard({
      ...published,
      categories: [
        {
          ...departments!,
          units: departments!.units.map((u, k) =>
            k === 2 ? { ...u, newEntrant: true } : k === 1 ? { ...u, rankDelta: 0, newEntrant: false } : u,
          ),
        },
        towns!,
      ],
    });
    const rows = await screen.findAllByTestId('leaderboard-row');
    expect(rows[2]!.textContent).toContain('新');
    expect(rows[2]!.textContent).not.toContain('—');
    expect(rows[1]!.textContent).toContain('—');
    expect(rows[1]!.textContent).not.toContain('新');
  });

  it('states the tie rule and lists units without a counted report apart, unscored', async () => {
    const [departments, towns] = published.categories;
    renderLeaderboard({
      ...published,
      categories: [
        {
          ...departments!,
          unreported: [
            { unitId: id(7), unitName: '区财政局', status: 'returned' },
            { unitId: id(8), unitName: '区医保局', status: 'not_submitted' },
          ],
        },
        towns!,
      ],
    });
    expect(await screen.findByTestId('tie-rule')).toBeTruthy();
    expect(screen.getByTestId('tie-rule').textContent).toContain('达到本季目标的指标多者在前');
    const rows = screen.getAllByTestId('leaderboard-row');
    expect(rows.map((r) => r.textContent).join()).not.toContain('区财政局');
    const unreported = screen.getAllByTestId('unreported-unit').map((u) => u.textContent);
    expect(unreported).toEqual(['区财政局 退回', '区医保局 未报送']);
    expect(screen.getByTestId('unreported').textContent).not.toMatch(/0\.00|整改/);
  });

  it('switches to the towns', async () => {
    renderLeaderboard(published);
    fireEvent.click(await screen.findByText('镇街'));
    expect(await screen.findByText('濯水镇')).toBeTruthy();
    expect(screen.getAllByTestId('leaderboard-row')).toHaveLength(1);
  });

  it('says so, without an error, when nothing is published yet', async () => {
    renderLeaderboard(null);
    expect(await screen.findByText('暂无已发布的晾晒结果')).toBeTruthy();
    expect(screen.queryByText('服务器内部错误')).toBeNull();
  });

  it('says the rankings failed to load, with a retry, not that none is published', async () => {
    renderLeaderboard('down');
    expect(await screen.findByTestId('load-retry')).toBeTruthy();
    expect(screen.queryByText('暂无已发布的晾晒结果')).toBeNull();
  });
});
