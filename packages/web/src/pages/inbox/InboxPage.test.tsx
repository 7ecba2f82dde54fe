import '../../i18n';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../api/types';
import { id, json, notFound, renderRoute } from '../../test-support';
import { InboxPage } from './InboxPage';

const session: Session = {
  user: {
    id: id(5),
    login: 'firm1',
    displayName: '城西机械',
    mustChangePassword: false,
    grants: [{ role: 'enterprise', unitId: id(2) }],
  },
  csrfToken: 'token',
  menu: [],
  abilities: [],
};

describe('my messages', () => {
  it('words each message from its key in the reader’s language, and marks one read', async () => {
    const read: string[] = [];
    const fetch = async (request: Request) => {
      const path = new URL(request.url).pathname;
      if (path === '/api/v1/auth/session') return json(session);
      if (path === '/api/v1/inbox')
        return json([
          {
            id: id(1),
            key: 'business.notice.answered',
            params: { department: '区经济信息委', title: '用电增容' },
            at: '2026-11-30T02:00:00.000Z',
            readAt: null,
          },
          {
            id: id(2),
            key: 'inspections.notice.results',
            params: { date: '2026-11-20', items: 6, issues: 1 },
            at: '2026-11-20T08:00:00.000Z',
            readAt: '2026-11-21T01:00:00.000Z',
          },
        ]);
      if (path === `/api/v1/inbox/${id(1)}/read` && request.method === 'POST') {
        read.push(id(1));
        return new Response(null, { status: 204 });
      }
      return notFound();
    };
    renderRoute('/inbox', InboxPage, fetch);
    expect(await screen.findByText('区经济信息委已答复您的诉求“用电增容”，请评价')).toBeTruthy();
    expect(screen.getByText(/共 6 项，其中 1 项需要整改/)).toBeTruthy();
    expect(screen.getByText('1 条未读')).toBeTruthy();
    // The time as every page writes it, on Qianjiang's clock.
    expect(screen.getByText('2026-11-30 10:00')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '标为已读' }));
    await waitFor(() => expect(screen.getByText('0 条未读')).toBeTruthy());
    expect(read).toEqual([id(1)]);
    expect(screen.queryByRole('button', { name: '标为已读' })).toBeNull();
  });

  it('says the messages could not be loaded, never spinning for ever, and loads them on retry', async () => {
    let fail = true;
    const fetch = async (request: Request) => {
      const path = new URL(request.url).pathname;
      if (path === '/api/v1/auth/session') return json(session);
      if (path === '/api/v1/inbox')
        return fail
          ? json({ type: 'about:blank', title: 'Internal', status: 500, code: 'INTERNAL' }, 500)
          : json([]);
      return notFound();
    };
    renderRoute('/inbox', InboxPage, fetch);
    expect(await screen.findByText('加载失败，请稍后重试')).toBeTruthy();
    fail = false;
    fireEvent.click(screen.getByTestId('load-retry'));
    expect(await screen.findByText('还没有消息')).toBeTruthy();
  });

  it('marks every message read at once, and says how many', async () => {
    const posted: string[] = [];
    const fetch = async (request: Request) => {
      const path = new URL(request.url).pathname;
      if (path === '/api/v1/auth/session') return json(session);
      if (path === '/api/v1/inbox')
        return json(
          [1, 2, 3].map((n) => ({
            id: id(n),
            key: 'business.notice.answered',
            params: { department: '区经济信息委', title: `诉求${n}` },
            at: '2026-11-30T02:00:00.000Z',
            readAt: n === 3 ? '2026-11-30T03:00:00.000Z' : null,
          })),
        );
      if (path === '/api/v1/inbox/read-all' && request.method === 'POST') {
        posted.push(((await request.json()) as { upTo: string }).upTo);
        return json({ marked: 2 });
      }
      return notFound();
    };
    renderRoute('/inbox', InboxPage, fetch);
    expect(await screen.findByText('2 条未读')).toBeTruthy();
    fireEvent.click(screen.getByTestId('inbox-read-all'));
    expect(await screen.findByText('已将 2 条消息标为已读')).toBeTruthy();
    expect(screen.getByText('0 条未读')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '标为已读' })).toBeNull();
    expect(screen.queryByTestId('inbox-read-all')).toBeNull();
    // Up to the newest message shown: one that arrives meanwhile stays unread.
    expect(posted).toEqual(['2026-11-30T02:00:00.000Z']);
  });
});
