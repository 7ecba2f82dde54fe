import '../../../i18n';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiContext } from '../../../api/ApiContext';
import { createApi } from '../../../api/client';
import { AppProviders } from '../../../components/AppProviders';
import { saveBlob } from '../../../components/download';
import { json } from '../../../test-support';
import { DashboardPage } from './DashboardPage';

vi.mock('../../../components/download', async (original) => ({
  ...(await original<typeof import('../../../components/download')>()),
  saveBlob: vi.fn(),
}));

const none = { byDay: [], byChannel: [], byTown: [], byAuthorKind: [], byKind: [], byDomain: [] };
const byEventKind = [
  { kind: 'symposium', events: 3, attendance: 80, suggestions: 12 },
  { kind: 'speech', events: 1, attendance: 30, suggestions: 5 },
  { kind: 'visit', events: 1, attendance: 32, suggestions: 0 },
  { kind: 'forum', events: 0, attendance: 0, suggestions: 0 },
  { kind: 'going_out', events: 4, attendance: 153, suggestions: 61 },
  { kind: 'inviting_back', events: 3, attendance: 87, suggestions: 9 },
];
const stats = (scope: { id: string; name: string }[] | null) => ({
  participations: 2156,
  outsideTowns: 1114,
  suggestions: 17,
  ...none,
  byEventKind,
  scope,
  actions: { export: true },
});

function renderDashboard(scope: { id: string; name: string }[] | null, disposition?: string) {
  const asked: string[] = [];
  const fetch = async (request: Request) => {
    const path = new URL(request.url).pathname;
    asked.push(path);
    if (path === '/api/v1/ideas/stats') return json(stats(scope));
    if (path === '/api/v1/ideas/stats/export') {
      const headers = new Headers({ 'content-type': 'application/octet-stream' });
      if (disposition) headers.set('content-disposition', disposition);
      return new Response('xlsx', { headers });
    }
    if (path === '/api/v1/auth/session') return json({ user: null, csrfToken: 't' });
    if (path === '/api/v1/units') return json([]);
    return json({ domains: [] });
  };
  const api = createApi({ fetch, baseUrl: 'http://localhost', locale: () => 'zh-CN' });
  render(
    <ApiContext value={api}>
      <AppProviders>
        <DashboardPage />
      </AppProviders>
    </ApiContext>,
  );
  return { asked };
}

describe('the campaign dashboard for staff', () => {
  it('reads the staff figures and shows an organiser the units they cover', async () => {
    const { asked } = renderDashboard([
      { id: '00000000-0000-4000-8000-000000000001', name: '城东街道' },
      { id: '00000000-0000-4000-8000-000000000002', name: '濯水镇' },
    ]);
    const scope = await screen.findByTestId('dashboard-scope');
    await waitFor(() => expect(scope.textContent).toContain('城东街道'));
    expect(scope.textContent).toContain('濯水镇');
    expect(scope.textContent).not.toContain('全区');
    expect(asked).toContain('/api/v1/ideas/stats');
    expect(asked).not.toContain('/api/v1/public/stats');
  });

  it('shows the events, attendance and suggestions of 走出去 and 请回来, and a chart of every kind', async () => {
    renderDashboard(null);
    const goingOut = await screen.findByTestId('event-kind-going_out');
    expect(goingOut.textContent).toContain('走出去');
    expect(goingOut.textContent).toMatch(/活动场次\s*4/);
    expect(goingOut.textContent).toMatch(/参加人数\s*153/);
    expect(goingOut.textContent).toMatch(/收集建议\s*61/);
    const invitingBack = screen.getByTestId('event-kind-inviting_back');
    expect(invitingBack.textContent).toContain('请回来');
    expect(invitingBack.textContent).toMatch(/活动场次\s*3/);
    expect(invitingBack.textContent).toMatch(/参加人数\s*87/);
    expect(invitingBack.textContent).toMatch(/收集建议\s*9/);
    expect(screen.getByRole('img', { name: '各类活动收集建议' })).toBeTruthy();
  });

  it('says the figures cover the whole district and exports them under the proposed name', async () => {
    vi.mocked(saveBlob).mockClear();
    renderDashboard(null, "attachment; filename*=UTF-8''%E5%A4%A7%E8%AE%A8%E8%AE%BA.xlsx");
    await waitFor(() => expect(screen.getByTestId('dashboard-scope').textContent).toContain('全区'));
    fireEvent.click(screen.getByTestId('dashboard-export'));
    await waitFor(() => expect(saveBlob).toHaveBeenCalledTimes(1));
    expect(vi.mocked(saveBlob).mock.calls[0]![1]).toBe('大讨论.xlsx');
  });

  it('falls back to campaign-stats.xlsx when the response proposes no name', async () => {
    vi.mocked(saveBlob).mockClear();
    renderDashboard(null);
    const button = await screen.findByTestId('dashboard-export');
    await waitFor(() => expect(button.hasAttribute('disabled')).toBe(false));
    fireEvent.click(button);
    await waitFor(() => expect(saveBlob).toHaveBeenCalledTimes(1));
    expect(vi.mocked(saveBlob).mock.calls[0]![1]).toBe('campaign-stats.xlsx');
  });

  it('says under the chart by town how many participations no town holds', async () => {
    renderDashboard(null);
    const note = await screen.findByTestId('stats-outside-towns');
    expect(note.textContent).toContain('另有 1,114 人次不属任何镇街');
  });
});
