import '../../i18n';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, notFound, publicCampaign, renderRoute } from '../../test-support';
import { HomePage } from './HomePage';

const focusAreas = [
  { name: '两高地', description: '武陵山区现代产业高地、渝东南开放高地' },
  { name: '一中心', description: '渝东南区域中心城市' },
  { name: '一门户', description: '' },
  { name: '一示范区', description: '民族地区生态文明与文旅融合示范区' },
];

function renderHome(intakeOpen: boolean) {
  const campaign = publicCampaign({ startsOn: '2026-07-01', endsOn: '2026-12-31', focusAreas, intakeOpen });
  renderRoute('/', HomePage, async (request: Request) => {
    const path = new URL(request.url).pathname;
    if (path === '/api/v1/public/campaign') return json(campaign);
    if (path === '/api/v1/auth/session') return json({ user: null, csrfToken: 'token' });
    return notFound();
  });
}

describe('the home page’s campaign frame', () => {
  it('shows the period, that intake is open until its end, and the four focus areas with what they stand for', async () => {
    renderHome(true);
    const frame = await screen.findByTestId('campaign-frame');
    expect(within(frame).getByTestId('campaign-period').textContent).toBe('2026-07-01 至 2026-12-31');
    expect(within(frame).getByTestId('intake-state').textContent).toBe('征集中，2026-12-31 截止');
    const areas = within(frame).getByTestId('focus-areas');
    for (const f of focusAreas) expect(areas.textContent).toContain(f.name);
    expect(areas.textContent).toContain('武陵山区现代产业高地');
    expect(within(frame).queryByRole('link', { name: '查询办理进展' })).toBeNull();
  });

  it('says when the campaign closed and offers the tracking page', async () => {
    renderHome(false);
    const frame = await screen.findByTestId('campaign-frame');
    expect(within(frame).getByTestId('intake-state').textContent).toBe('本期征集已于 2026-12-31 截止');
    expect(within(frame).getByRole('link', { name: '查询办理进展' }).getAttribute('href')).toBe(
      '/ideas/track',
    );
  });
});

describe('the home page’s figures', () => {
  function renderWithStats(answer: () => Response) {
    renderRoute('/', HomePage, async (request: Request) => {
      const path = new URL(request.url).pathname;
      if (path === '/api/v1/public/stats') return answer();
      if (path === '/api/v1/auth/session') return json({ user: null, csrfToken: 'token' });
      return notFound();
    });
  }

  it('shows the counts with the reader’s grouping of digits', async () => {
    renderWithStats(() => json({ participations: 206091, suggestions: 10400 }));
    const figures = await screen.findByTestId('ideas-highlights');
    await screen.findByText('206,091');
    expect(figures.textContent).toContain('10,400');
  });

  it('says the figures cannot be had when their request fails, never a dash beside a unit', async () => {
    renderWithStats(() =>
      json({ type: 'about:blank', title: 'Internal', status: 500, code: 'INTERNAL' }, 500),
    );
    const figures = await screen.findByTestId('ideas-highlights');
    expect(await screen.findByText('暂时无法取得参与数字，请稍后重试。')).toBeTruthy();
    expect(figures.textContent).not.toContain('—');
    expect(within(figures).getByTestId('load-retry')).toBeTruthy();
  });
});
