import '../../../i18n';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { id, json, notFound, renderRoute } from '../../../test-support';
import type { StaffComment } from '../shared';
import { CommentsPage } from './CommentsPage';

const comment = (n: number, body: string, name: string | null): StaffComment => ({
  id: id(n),
  suggestionId: id(100 + n),
  suggestionTitle: `建议 ${n}`,
  // The first is on the public site; the second waits on a suggestion not yet screened.
  suggestionPublic: n === 1,
  body,
  name,
  townId: id(50),
  status: 'pending',
  reason: null,
  at: '2020-05-01T08:30:00.000Z',
  actions: { publish: true, hide: true },
});
/** What the server would allow on a comment in its state (a screener of its town). */
const withActions = (c: StaffComment): StaffComment => ({
  ...c,
  actions: { publish: c.status !== 'published', hide: c.status !== 'hidden' },
});

/** A comment's suggestion as the staff endpoint answers it (the fields the drawer shows). */
const staffSuggestion = (c: StaffComment) => ({
  id: c.suggestionId,
  title: c.suggestionTitle,
  body: `${c.suggestionTitle} 的正文：夜间公交班次太少。`,
  status: c.suggestionPublic ? 'accepted' : 'submitted',
  domain: 'transport',
  domainName: '交通出行',
  townId: c.townId,
  townName: '城西街道',
  actions: { accept: true, reject: true, merge: true, reclassify: true, attach: false },
  duplicates: [],
  attachments: [],
});

/** The moderation page over a fake queue of two pending comments. */
function renderPage() {
  const comments = [comment(1, '赞成，夜班车很需要。', '张*'), comment(2, '加微信领红包', null)];
  const writes: { path: string; body: unknown }[] = [];
  const fetch = async (request: Request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/auth/session') return json({ user: null, csrfToken: 'token' });
    if (url.pathname === '/api/v1/units') return json([]);
    const staffRead = /^\/api\/v1\/ideas\/suggestions\/([^/]+)$/.exec(url.pathname);
    const on = comments.find((c) => c.suggestionId === staffRead?.[1]);
    if (on) return json(staffSuggestion(on));
    if (url.pathname === '/api/v1/ideas/comments') {
      const items = comments
        .filter((c) => c.status === (url.searchParams.get('status') ?? 'pending'))
        .map(withActions);
      return json({ total: items.length, items });
    }
    const moderated = /^\/api\/v1\/ideas\/comments\/([^/]+)\/moderate$/.exec(url.pathname);
    const target = comments.find((c) => c.id === moderated?.[1]);
    if (request.method === 'POST' && target) {
      const body = (await request.json()) as { decision: 'publish' | 'hide'; reason?: string };
      writes.push({ path: url.pathname, body });
      target.status = body.decision === 'publish' ? 'published' : 'hidden';
      target.reason = body.reason ?? null;
      return json(withActions(target));
    }
    return notFound();
  };
  renderRoute('/admin/ideas/comments', CommentsPage, fetch);
  return { writes };
}

const dialog = () => screen.getByRole('dialog');
/** The rows of the queue (the hide dialog shows the comment too while it closes). */
const rows = () => within(document.querySelector<HTMLElement>('.ant-table-tbody')!);

describe('the comment moderation page', () => {
  it('lists the pending comments with their suggestion and publishes one', async () => {
    const { writes } = renderPage();
    const row = (await screen.findByText('赞成，夜班车很需要。')).closest('tr')!;
    expect(within(row).getByTestId(`comment-suggestion-${id(1)}`).textContent).toContain('建议 1');
    expect(row.textContent).toContain('张*');
    expect(screen.getByText('加微信领红包').closest('tr')!.textContent).toContain('匿名');

    // Each row's buttons say whose comment on which suggestion they act on.
    expect(screen.getByRole('button', { name: '隐藏：匿名对“建议 2”的评论' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '公开：张*对“建议 1”的评论' }));
    await waitFor(() =>
      expect(writes).toEqual([
        { path: `/api/v1/ideas/comments/${id(1)}/moderate`, body: { decision: 'publish' } },
      ]),
    );
    // The queue is read again: the published comment has left it.
    await waitFor(() => expect(screen.queryByText('赞成，夜班车很需要。')).toBeNull());
    expect(screen.getByText('加微信领红包')).toBeTruthy();
  });

  it('shows the suggestion a comment is on from the console, linking the public page only when it is public', async () => {
    renderPage();
    fireEvent.click(await screen.findByTestId(`comment-suggestion-${id(2)}`));
    const drawer = await screen.findByTestId('comment-suggestion');
    expect((await within(drawer).findByTestId('comment-suggestion-body')).textContent).toContain(
      '建议 2 的正文：夜间公交班次太少。',
    );
    expect(drawer.textContent).toContain('待初筛');
    expect(within(drawer).queryByRole('link')).toBeNull();
    expect(within(drawer).getByTestId('comment-suggestion-private')).toBeTruthy();
    fireEvent.click(within(drawer).getByRole('button', { name: /close|关闭/i }));
    await waitFor(() => expect(screen.queryByTestId('comment-suggestion-body')).toBeNull());

    fireEvent.click(screen.getByTestId(`comment-suggestion-${id(1)}`));
    const link = await screen.findByTestId('comment-suggestion-public');
    expect(link.getAttribute('href')).toBe(`/ideas/${id(101)}`);
  });

  it('hides a comment only with a reason, and shows the reason among the hidden ones', async () => {
    const { writes } = renderPage();
    fireEvent.click(await screen.findByTestId(`comment-hide-${id(2)}`));
    await screen.findByRole('dialog');
    fireEvent.click(screen.getByTestId('hide-confirm'));
    expect(await within(dialog()).findByText('请填写隐藏理由')).toBeTruthy();
    fireEvent.change(screen.getByTestId('hide-reason'), { target: { value: '   ' } });
    fireEvent.click(screen.getByTestId('hide-confirm'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(writes).toEqual([]);

    fireEvent.change(screen.getByTestId('hide-reason'), { target: { value: ' 广告内容 ' } });
    fireEvent.click(screen.getByTestId('hide-confirm'));
    await waitFor(() =>
      expect(writes).toEqual([
        { path: `/api/v1/ideas/comments/${id(2)}/moderate`, body: { decision: 'hide', reason: '广告内容' } },
      ]),
    );
    await waitFor(() => expect(rows().queryByText('加微信领红包')).toBeNull());

    fireEvent.click(screen.getByTestId('comments-status-hidden'));
    const row = (await rows().findByText('加微信领红包')).closest('tr')!;
    expect(row.textContent).toContain('广告内容');
    expect(within(row).queryByTestId(`comment-hide-${id(2)}`)).toBeNull();
    expect(within(row).getByTestId(`comment-publish-${id(2)}`)).toBeTruthy();
  });
});
