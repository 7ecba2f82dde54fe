import '../../../i18n';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { id, json, notFound, renderRoute, sampleTown } from '../../../test-support';
import type { ListedEvent } from '../shared';
import { EventsPage } from './EventsPage';

const event = (n: number, update: boolean): ListedEvent => ({
  id: id(n),
  kind: 'symposium',
  title: `座谈会${n}`,
  heldOn: '2020-05-10',
  place: '',
  organiserUnitId: sampleTown.id,
  attendanceCount: 1086,
  attendees: null,
  minutes: '',
  suggestionIds: [],
  actions: { update },
});

function renderPage(create: boolean) {
  const writes: Array<{ method: string; path: string; body: unknown }> = [];
  const fetch = async (request: Request) => {
    const path = new URL(request.url).pathname;
    if (path === '/api/v1/auth/session') return json({ user: null, csrfToken: 'token', menu: [] });
    if (path === '/api/v1/units') return json([sampleTown]);
    if (request.method === 'GET' && path === '/api/v1/ideas/events')
      return json({ items: [event(1, true), event(2, false)], actions: { create } });
    if (request.method === 'PATCH') {
      writes.push({ method: request.method, path, body: await request.json() });
      return json(event(1, true));
    }
    return notFound();
  };
  renderRoute('/admin/ideas/events', EventsPage, fetch);
  return { writes };
}

describe('the events page', () => {
  it('offers to record an event and to correct only the events the server allows', async () => {
    const { writes } = renderPage(true);
    fireEvent.click(await screen.findByRole('button', { name: '编辑：座谈会1' }));
    expect(screen.queryByTestId(`event-edit-${id(2)}`)).toBeNull();
    expect(screen.getByTestId('event-create')).toBeTruthy();
    fireEvent.change(await screen.findByDisplayValue('座谈会1'), { target: { value: '企业座谈会' } });
    fireEvent.click(screen.getByTestId('event-save'));
    await waitFor(() => expect(writes).toHaveLength(1));
    expect(writes[0]).toMatchObject({
      method: 'PATCH',
      path: `/api/v1/ideas/events/${id(1)}`,
      body: { title: '企业座谈会', organiserUnitId: sampleTown.id, attendanceCount: 1086 },
    });
  });

  it('links each title to the event’s page', async () => {
    renderPage(false);
    const link = await screen.findByTestId(`event-link-${id(2)}`);
    expect(link.textContent).toBe('座谈会2');
    expect(link.getAttribute('href')).toBe(`/admin/ideas/events/${id(2)}`);
    expect(link.closest('tr')!.textContent).toContain('1,086');
  });

  it('hides the recording of an event when the server does not allow it', async () => {
    renderPage(false);
    await screen.findByTestId(`event-edit-${id(1)}`);
    expect(screen.queryByTestId('event-create')).toBeNull();
  });
});
