import '../../i18n';
import { fireEvent, screen } from '@testing-library/react';
import type { ComponentType } from 'react';
import { describe, expect, it } from 'vitest';
import { id, json, publicSuggestion, renderRoute } from '../../test-support';
import { ActionsPage } from './ActionsPage';
import { BrowsePage } from './BrowsePage';
import { CommentsSection } from './CommentsSection';
import { DetailPage } from './DetailPage';
import { FollowButton } from './FollowButton';
import { ListsPage } from './ListsPage';
import { MySuggestionsPage } from './MySuggestionsPage';
import { StatsPage } from './StatsPage';
import { TrackPage } from './TrackPage';

/** A signed-in person who may follow suggestions (我的建议 in their menu). */
const member = {
  user: { id: id(9), login: 'office', displayName: '活动办', mustChangePassword: false, grants: [] },
  csrfToken: 'token',
  menu: [{ path: '/ideas/mine', label: 'ideas.menu.mine' }],
  abilities: [],
};
const unavailable = () => json({ type: 'about:blank', title: 'x', status: 503, code: 'UNAVAILABLE' }, 503);
type Answers = Record<string, () => Response>;

/** A fake API that cannot answer, but for the session and the paths `answers` serves. */
const failing =
  (answers: Answers = {}) =>
  async (request: Request) => {
    const path = new URL(request.url).pathname;
    if (path === '/api/v1/auth/session') return json(member);
    return answers[path]?.() ?? unavailable();
  };

/** The page says the load failed, with a retry, and none of the words that say there is nothing. */
async function expectFailed(nothing: string[] = []) {
  const retries = await screen.findAllByTestId('load-retry');
  expect(retries.length).toBeGreaterThan(0);
  for (const words of [...nothing, '暂无数据']) expect(screen.queryByText(words)).toBeNull();
  return retries;
}

interface Case {
  url?: string;
  /** What would have said there is nothing. */
  nothing?: string[];
  /** Paths that answer, so that the load under test is the only one that fails. */
  answers?: Answers;
}

/** The pages phones open first, in plain elements: each says so, with a native retry, not antd's. */
const plainPages: Array<[string, ComponentType, Case]> = [
  ['/ideas', BrowsePage, { nothing: ['暂无建议'] }],
  ['/ideas/:id', DetailPage, { url: `/ideas/${id(1)}`, nothing: ['页面不存在'] }],
  [
    '/ideas/track/:code?',
    TrackPage,
    { url: '/ideas/track/AB12CD34EF', nothing: ['没有找到这个查询码对应的建议'] },
  ],
];

const publicPages: Array<[string, ComponentType, Case]> = [
  ['/ideas/stats', StatsPage, {}],
  ['/ideas/lists', ListsPage, { nothing: ['榜单尚未公布'] }],
  ['/ideas/actions', ActionsPage, { nothing: ['暂无采纳事项'] }],
  ['/ideas/mine', MySuggestionsPage, { nothing: ['您还没有提过建议'] }],
];

describe('an ideas page whose data fails to load', () => {
  it.each(plainPages)(
    '%s says it failed, with a plain retry, not grey bars or nothing',
    async (path, Page, c) => {
      renderRoute(path, Page, failing(c.answers), c.url);
      const [retry] = await expectFailed(c.nothing);
      expect(retry!.tagName).toBe('BUTTON');
      expect(retry!.className).not.toContain('ant-');
      expect(screen.queryByTestId('page-skeleton')).toBeNull();
    },
  );

  it.each(publicPages)(
    '%s says it failed, with a retry, not that there is nothing',
    async (path, Page, c) => {
      renderRoute(path, Page, failing(c.answers), c.url);
      await expectFailed(c.nothing);
    },
  );

  it('shows the list once a retry succeeds', async () => {
    let up = false;
    const page = { total: 1, items: [publicSuggestion()] };
    const answering = failing({
      '/api/v1/public/suggestions': () => json(page),
      '/api/v1/units': () => json([]),
    });
    renderRoute('/ideas', BrowsePage, async (request) =>
      !up && new URL(request.url).pathname === '/api/v1/public/suggestions'
        ? unavailable()
        : answering(request),
    );
    const [retry] = await expectFailed();
    up = true;
    fireEvent.click(retry!);
    expect(await screen.findByText('高铁站开通夜班公交')).toBeTruthy();
    expect(screen.queryByTestId('load-retry')).toBeNull();
  });
});

/** A part of a page: each says in its place that its data failed, with a retry. */
const parts: Array<[string, ComponentType, Case]> = [
  [
    'the comments of a suggestion',
    () => <CommentsSection suggestionId={id(1)} status="accepted" />,
    {
      nothing: ['还没有公开的评论。', '网友评论（0）'],
    },
  ],
  ['the follow button', () => <FollowButton id={id(1)} />, {}],
];

describe('a part of an ideas page whose data fails to load', () => {
  it.each(parts)('%s says it failed, with a retry', async (_, Part, c) => {
    renderRoute('/ideas/x', Part, failing(c.answers));
    await expectFailed(c.nothing);
    expect(screen.queryByTestId('loading-note')).toBeNull();
  });
});
