import '../../../i18n';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { id, json, notFound, renderRoute, sampleTown } from '../../../test-support';
import type { EventDetail, EventSuggestion } from '../shared';
import { EventPage } from './EventPage';

const event = (update: boolean): EventDetail => ({
  id: id(1),
  kind: 'going_out',
  title: '走进正阳工业园区听企业心声',
  heldOn: '2026-07-10',
  place: '正阳工业园区',
  organiserUnitId: sampleTown.id,
  attendanceCount: 36,
  attendees: ['区经济信息委', '园区规上企业负责人（22家）'],
  minutes: '企业建议开通高铁快运。',
  suggestionIds: Array.from({ length: 12 }, (_, n) => id(100 + n)),
  actions: { update },
});
const suggestion = (n: number): EventSuggestion => ({
  id: id(100 + n),
  title: `园区建议${n}`,
  status: n === 0 ? 'accepted' : 'submitted',
  townName: '正阳街道',
  createdAt: '2026-07-10T08:00:00.000Z',
  public: n === 0,
});

/** Serves the event and its 12 suggestions ten a page; `hold` keeps every answer waiting. */
function renderPage(update: boolean, hold = false) {
  const asked: string[] = [];
  const writes: unknown[] = [];
  const fetch = async (request: Request) => {
    const url = new URL(request.url);
    const path = url.pathname;
    asked.push(`${request.method} ${path}${url.search}`);
    if (hold && path.startsWith('/api/v1/ideas/')) return new Promise<Response>(() => {});
    if (path === '/api/v1/auth/session') return json({ user: null, csrfToken: 'token', menu: [] });
    if (path === '/api/v1/units') return json([sampleTown]);
    if (path === `/api/v1/ideas/events/${id(1)}` && request.method === 'GET') return json(event(update));
    if (path === `/api/v1/ideas/events/${id(1)}` && request.method === 'PATCH') {
      writes.push(await request.json());
      return json(event(update));
    }
    if (path === `/api/v1/ideas/events/${id(1)}/suggestions`) {
      const page = Number(url.searchParams.get('page'));
      const all = Array.from({ length: 12 }, (_, n) => suggestion(n));
      return json({ total: 12, items: all.slice((page - 1) * 10, page * 10) });
    }
    return notFound();
  };
  renderRoute('/admin/ideas/events/:id', EventPage, fetch, `/admin/ideas/events/${id(1)}`);
  return { asked, writes };
}

describe('an event’s page', () => {
  it('shows a skeleton while loading, never “no data”', async () => {
    renderPage(true, true);
    await waitFor(() => expect(document.querySelector('.ant-skeleton')).not.toBeNull());
    expect(document.body.textContent).not.toContain('暂无数据');
    expect(screen.queryByTestId('event-title')).toBeNull();
  });

  it('shows the kind, attendees, minutes and the collected suggestions, paged and linked', async () => {
    const { asked } = renderPage(false);
    expect((await screen.findByTestId('event-title')).textContent).toContain('走出去');
    expect(screen.getByTestId('event-attendees').textContent).toContain('园区规上企业负责人（22家）');
    expect(screen.getByTestId('event-minutes').textContent).toBe('企业建议开通高铁快运。');
    expect(document.body.textContent).toContain(sampleTown.name);
    const link = await screen.findByRole('link', { name: '园区建议0' });
    expect(link.getAttribute('href')).toBe(`/ideas/${id(100)}`);
    // A suggestion the public site does not show has no link, and says so.
    expect(screen.queryByRole('link', { name: '园区建议1' })).toBeNull();
    expect(screen.getByTestId('event-suggestions').textContent).toContain('未在网站公开');
    expect(screen.getByTestId('event-suggestions').textContent).toContain('待初筛');
    fireEvent.click(screen.getByTitle('2'));
    expect(await screen.findByText('园区建议11')).toBeTruthy();
    expect(asked).toContain(`GET /api/v1/ideas/events/${id(1)}/suggestions?page=2&pageSize=10`);
    // The server did not offer a correction.
    expect(screen.queryByTestId('event-edit')).toBeNull();
  });

  it('corrects the event when the server allows it', async () => {
    const { writes } = renderPage(true);
    fireEvent.click(await screen.findByTestId('event-edit'));
    fireEvent.change(await screen.findByDisplayValue('正阳工业园区'), { target: { value: '园区管委会' } });
    fireEvent.click(screen.getByTestId('event-save'));
    await waitFor(() => expect(writes).toHaveLength(1));
    expect(writes[0]).toMatchObject({
      kind: 'going_out',
      place: '园区管委会',
      attendanceCount: 36,
      attendees: ['区经济信息委', '园区规上企业负责人（22家）'],
    });
  });
});
