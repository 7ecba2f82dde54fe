import '../../i18n';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { components } from '../../api/schema';
import { id, json, notFound, renderRoute } from '../../test-support';
import { PublicScorecardPage, shortMonth, trendSeries } from './PublicScorecardPage';

type Scorecard = components['schemas']['BusinessPublicScorecard'];

const settings = {
  deadlineWorkdays: 5,
  weights: { response: 0.3, resolution: 0.3, satisfaction: 0.4, survey: 0 },
  goodFrom: 85,
  poorBelow: 60,
  ratingWorkdays: 10,
};
const line = (n: number, name: string, score: number, tier: 'good' | 'fair' | 'poor') => ({
  departmentId: id(n),
  departmentName: name,
  requests: 10,
  onTime: 9,
  resolved: 8,
  rated: 5,
  satisfied: 4,
  responseRate: 0.9,
  resolutionRate: 0.8,
  satisfactionRate: 0.8,
  score,
  rank: n,
  tier,
  survey: null,
});
const months = ['2026-09', '2026-10', '2026-11'];
const card = (month: string): Scorecard => ({
  month,
  months,
  settings,
  departments:
    month === '2026-11'
      ? [
          {
            ...line(1, '区发展改革委', 91.5, 'good'),
            survey: {
              surveyId: id(9),
              title: '2026年第三季度千企万众评效能',
              closedOn: '2026-10-08',
              mean: 4.2,
              satisfactionShare: 0.8,
              firms: 98,
              public: 214,
            },
          },
          line(2, '区住房城乡建委', 55, 'poor'),
        ]
      : [line(1, '区市场监管局', 70, 'fair')],
  trend: [
    { departmentId: id(1), departmentName: '区发展改革委', scores: [80, 90, 91.5] },
    { departmentId: id(2), departmentName: '区住房城乡建委', scores: [60, null, 55] },
    { departmentId: id(3), departmentName: '区市场监管局', scores: [70, 70, 70] },
  ],
});

function renderPage(asked: string[]) {
  const fetch = async (request: Request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/auth/session')
      return json({ user: null, csrfToken: null, menu: [], abilities: [] });
    if (url.pathname === '/api/v1/public/business/scorecard') {
      const month = url.searchParams.get('month') ?? '2026-11';
      asked.push(month);
      return json(card(month));
    }
    return notFound();
  };
  renderRoute('/business/scorecard', PublicScorecardPage, fetch);
}

describe('the public department scorecard', () => {
  it('names a month on a phone’s axis so that it cannot be read as a day', () => {
    expect(shortMonth('2025-12', 'en')).toBe('Dec 2025');
    expect(shortMonth('2025-12', 'zh-CN')).toBe('25年12月');
  });

  it('ranks the latest ended month with names, scores and tiers, and states its rule', async () => {
    renderPage([]);
    const table = await screen.findByTestId('scorecard-table');
    expect(within(table).getByText('区发展改革委')).toBeTruthy();
    expect(within(table).getByText('91.50')).toBeTruthy();
    expect(within(table).getByText('好')).toBeTruthy();
    expect(within(table).getByText('差')).toBeTruthy();
    expect(
      screen.getByText(/答复期限为诉求记录中的期限（按诉求类别的答复工作日数自分办之日起算，含批准的延期）/),
    ).toBeTruthy();
    // The latest closed survey beside the department, with its sample size; weighted 0, it is
    // said not to count, rather than to count "with weight 0".
    expect(within(table).getByText('4.20 / 5（n = 312）')).toBeTruthy();
    expect(screen.getByText(/2026年第三季度千企万众评效能.*不计入得分/)).toBeTruthy();
    expect(screen.queryByText(/权重为 0/)).toBeNull();
    // An answer left unrated past the rating period counts as resolved, never as satisfied.
    expect(
      screen.getByText(/评价期（10 个工作日）内未评价的，按“未评价办结”计为已办结，但不计入满意率的分母/),
    ).toBeTruthy();
  });

  it('shows another month when one is chosen', async () => {
    const asked: string[] = [];
    renderPage(asked);
    await screen.findByTestId('scorecard-table');
    fireEvent.mouseDown(screen.getByRole('combobox', { name: '月份' }));
    fireEvent.click(await screen.findByTitle('2026年9月'));
    expect(await screen.findByText('区市场监管局')).toBeTruthy();
    expect(asked).toContain('2026-09');
  });

  it('on a phone draws one chosen department’s trend beside the average, not every line', async () => {
    // jsdom matches no media query: the page lays out as on a phone.
    renderPage([]);
    const picker = await screen.findByTestId('scorecard-trend-department');
    expect(picker.textContent).toContain('区发展改革委');
    expect(screen.getByLabelText('显示的部门')).toBeTruthy();
    const narrow = trendSeries(card('2026-11').trend, id(2), '各部门平均');
    expect(narrow.map((s) => s.name)).toEqual(['区住房城乡建委', '各部门平均']);
    expect(narrow[1]!.data).toEqual([70, 80, 72.17]);
    // A wide screen keeps every department's line.
    expect(trendSeries(card('2026-11').trend, null, '各部门平均')).toHaveLength(3);
  });
});
