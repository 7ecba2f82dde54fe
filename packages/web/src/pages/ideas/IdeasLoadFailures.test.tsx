import '../../i18n';
import { fireEvent, screen, within } from '@testing-library/react';
import type { ComponentType } from 'react';
import { describe, expect, it } from 'vitest';
import {
  id,
  json,
  notFound,
  publicCampaign,
  publicSuggestion,
  renderRoute,
  unavailable,
} from '../../test-support';
import { ActionsPage } from './ActionsPage';
import { AdoptForm } from './admin/AdoptForm';
import { AdoptionPage } from './admin/AdoptionPage';
import { CampaignsPage } from './admin/CampaignsPage';
import { CommentSuggestionDrawer } from './admin/CommentSuggestionDrawer';
import { CommentsPage } from './admin/CommentsPage';
import { ConflictsCard } from './admin/ConflictsCard';
import { DashboardPage } from './admin/DashboardPage';
import { DuplicatesDrawer } from './admin/DuplicatesDrawer';
import { EventPage } from './admin/EventPage';
import { EventSuggestions } from './admin/EventSuggestions';
import { EventsPage } from './admin/EventsPage';
import { ListEditor } from './admin/ListEditor';
import { MergeTargetSelect } from './admin/MergeTargetSelect';
import { ReviewPage } from './admin/ReviewPage';
import { ReviewResults } from './admin/ReviewResults';
import { ScreeningPage } from './admin/ScreeningPage';
import { SelectionPage } from './admin/SelectionPage';
import { ShortlistPanel } from './admin/ShortlistPanel';
import { SurveyResultsPage } from './admin/SurveyResultsPage';
import { WrittenEntry } from './admin/WrittenEntry';
import { BrowsePage } from './BrowsePage';
import { CommentsSection } from './CommentsSection';
import { DetailPage } from './DetailPage';
import { FollowButton } from './FollowButton';
import { ListsPage } from './ListsPage';
import { MySuggestionsPage } from './MySuggestionsPage';
import { StatsPage } from './StatsPage';
import { SubmitPage } from './SubmitPage';
import type { StaffComment, StaffSuggestion } from './shared';
import { TrackPage } from './TrackPage';

/** A signed-in person who may follow suggestions (我的建议 in their menu). */
const member = {
  user: { id: id(9), login: 'office', displayName: '活动办', mustChangePassword: false, grants: [] },
  csrfToken: 'token',
  menu: [{ path: '/ideas/mine', label: 'ideas.menu.mine' }],
  abilities: [],
};
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
  ], // The form shows; its town picker, whose towns failed to load, says so.
  ['/ideas/submit', SubmitPage, { answers: { '/api/v1/public/campaign': () => json(publicCampaign()) } }],
];

const publicPages: Array<[string, ComponentType, Case]> = [
  ['/ideas/stats', StatsPage, {}],
  ['/ideas/lists', ListsPage, { nothing: ['榜单尚未公布'] }],
  ['/ideas/actions', ActionsPage, { nothing: ['暂无采纳事项'] }],
  ['/ideas/mine', MySuggestionsPage, { nothing: ['您还没有提过建议'] }],
];

const consolePages: Array<[string, ComponentType, Case]> = [
  ['/admin/ideas/campaigns', CampaignsPage, {}],
  ['/admin/ideas/screening', ScreeningPage, {}],
  ['/admin/ideas/comments', CommentsPage, { nothing: ['共 0 条'] }],
  [
    '/admin/ideas/reviews',
    ReviewPage,
    // The conflicts card answers: the retry must be the assignments' own.
    { nothing: ['暂无分配给您的建议'], answers: { '/api/v1/ideas/reviews/conflicts': () => json([]) } },
  ],
  ['/admin/ideas/selection', SelectionPage, {}],
  ['/admin/ideas/actions', AdoptionPage, {}],
  ['/admin/ideas/events', EventsPage, {}],
  [
    '/admin/ideas/events/:id',
    EventPage,
    { url: `/admin/ideas/events/${id(1)}`, nothing: ['没有找到这个活动'] },
  ],
  ['/admin/ideas/dashboard', DashboardPage, {}],
  ['/admin/ideas/survey', SurveyResultsPage, { nothing: ['本期大讨论暂未设置问卷。'] }],
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

  it.each([...publicPages, ...consolePages])(
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
      '/api/v1/public/campaign': () => json(publicCampaign()),
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

const staffRow = { id: id(1), title: '高铁站开通夜班公交' } as StaffSuggestion;
const comment = { id: id(2), suggestionId: id(1), suggestionTitle: '高铁站开通夜班公交' } as StaffComment;
const draftLists = (['golden_idea', 'good_idea', 'hard_problem'] as const).map((kind) => ({
  id: null,
  kind,
  publishedAt: null,
  entries: [],
  withdrawals: [],
  actions: { save: true, publish: false, withdraw: false },
}));

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
  [
    'a row’s duplicates',
    () => <DuplicatesDrawer item={staffRow} onClose={() => {}} onDone={() => {}} />,
    {
      nothing: ['没有相似建议'],
    },
  ],
  [
    'the suggestion a comment is on',
    () => <CommentSuggestionDrawer comment={comment} onClose={() => {}} />,
    {},
  ],
  ['the review results', ReviewResults, {}],
  ['the shortlist', ShortlistPanel, {}],
  ['an expert’s conflicts', () => <ConflictsCard onChanged={() => {}} />, { nothing: ['尚未申报回避'] }],
  [
    'an event’s suggestions',
    () => <EventSuggestions eventId={id(1)} />,
    {
      nothing: ['这次活动还没有收集到建议'],
    },
  ],
  ['an honour list', () => <ListEditor kind="golden_idea" />, { nothing: ['榜单还是空的：从候选中添加'] }],
  [
    'an honour list’s candidates',
    () => <ListEditor kind="golden_idea" />,
    {
      answers: { '/api/v1/ideas/lists': () => json(draftLists) },
    },
  ],
];

describe('a part of an ideas page whose data fails to load', () => {
  it.each(parts)('%s says it failed, with a retry', async (_, Part, c) => {
    renderRoute('/admin/ideas', Part, failing(c.answers));
    await expectFailed(c.nothing);
    expect(screen.queryByTestId('loading-note')).toBeNull();
  });

  it('the suggestion a comment is on says it is not there when it is gone', async () => {
    renderRoute(
      '/admin/ideas',
      () => <CommentSuggestionDrawer comment={comment} onClose={() => {}} />,
      failing({ [`/api/v1/ideas/suggestions/${id(1)}`]: notFound }),
    );
    expect(await screen.findByText('页面不存在')).toBeTruthy();
    expect(screen.queryByTestId('load-retry')).toBeNull();
  });
});

/** Pickers whose choices failed to load: the list says so, not that nothing matches. */
describe('a picker whose choices fail to load', () => {
  it('the merge target says the search failed', async () => {
    renderRoute(
      '/admin/ideas',
      () => <MergeTargetSelect value={undefined} onChange={() => {}} exclude={[]} />,
      failing(),
    );
    const picker = within(screen.getByTestId('bulk-merge-into')).getByRole('combobox');
    fireEvent.mouseDown(picker);
    fireEvent.change(picker, { target: { value: '高铁站' } });
    await expectFailed(['没有可合并的建议']);
  });

  it('an action’s list entry says the lists failed', async () => {
    renderRoute('/admin/ideas', () => <AdoptForm units={[]} onDone={() => {}} />, failing());
    fireEvent.click(screen.getByText('来自榜单条目'));
    fireEvent.mouseDown(await screen.findByLabelText('榜单条目'));
    await expectFailed();
  });

  it('a written suggestion’s event says the events failed', async () => {
    // The campaign and the towns answer: the retry must be the events' own.
    renderRoute(
      '/admin/ideas',
      () => <WrittenEntry onCreated={() => {}} />,
      failing({
        '/api/v1/public/campaign': () => json(publicCampaign()),
        '/api/v1/units': () => json([]),
      }),
    );
    fireEvent.click(screen.getByTestId('written-entry'));
    fireEvent.mouseDown(await screen.findByLabelText('渠道'));
    fireEvent.click(await screen.findByTitle('上门走访'));
    fireEvent.mouseDown(await screen.findByLabelText('所属活动'));
    await expectFailed();
  });
});
