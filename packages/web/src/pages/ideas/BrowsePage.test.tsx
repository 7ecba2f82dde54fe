import '../../i18n';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { changeLocale } from '../../i18n';
import {
  json,
  notFound,
  publicCampaign,
  publicSuggestion,
  renderRoute,
  sampleTown,
} from '../../test-support';
import { BrowsePage } from './BrowsePage';

const body = `${'为迎接高铁时代，城区医疗资源需要统筹布局，'.repeat(3)}群众反映看病排队时间长，建议推广分时段预约。`;
const found = {
  ...publicSuggestion({ title: '优化看病挂号流程', body }),
  highlights: {
    title: [{ start: 2, end: 4 }],
    body: [{ start: body.indexOf('看病'), end: body.indexOf('看病') + 2 }],
  },
};

/** The title's <strong>, whole though the marks split its text. */
const titleOf = (text: string) =>
  screen.findByText((_, el) => el?.tagName === 'STRONG' && el.textContent === text);

/** The browse page over a campaign with no suggestion that matches. */
function renderNothingFound(campaign: ReturnType<typeof publicCampaign>) {
  renderRoute(
    '/ideas',
    BrowsePage,
    async (request: Request) => {
      const u = new URL(request.url);
      if (u.pathname === '/api/v1/auth/session') return json({ user: null, csrfToken: 'token' });
      if (u.pathname === '/api/v1/public/campaign') return json(campaign);
      if (u.pathname === '/api/v1/units') return json([sampleTown]);
      if (u.pathname === '/api/v1/public/suggestions') return json({ total: 0, items: [] });
      return notFound();
    },
    '/ideas',
  );
}

function renderBrowse(url: string, asked: URL[], total = 1) {
  const fetch = async (request: Request) => {
    const u = new URL(request.url);
    if (u.pathname === '/api/v1/auth/session') return json({ user: null, csrfToken: 'token' }, 200);
    if (u.pathname === '/api/v1/public/campaign') return json(publicCampaign());
    if (u.pathname === '/api/v1/units') return json([sampleTown]);
    if (u.pathname === '/api/v1/public/suggestions') {
      asked.push(u);
      return json({ total, items: [found] });
    }
    return notFound();
  };
  renderRoute('/ideas', BrowsePage, fetch, url);
}

describe('the public browse page marks the words a search found', () => {
  it('marks them in the title and in an excerpt that starts near them', async () => {
    const asked: URL[] = [];
    renderBrowse(`/ideas?q=${encodeURIComponent('看病难')}`, asked);
    const title = await titleOf('优化看病挂号流程');
    expect([...title.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['看病']);
    const marks = [...document.querySelectorAll('.qx-idea-excerpt mark')];
    expect(marks.map((m) => m.textContent)).toEqual(['看病']);
    // The excerpt begins a little before the word rather than at the start of a long body.
    expect(marks[0]!.parentElement!.textContent!.startsWith('…')).toBe(true);
    expect(asked[0]!.searchParams.get('q')).toBe('看病难');
    expect(asked[0]!.searchParams.get('sort')).toBeNull();
    const sort = screen.getByTestId('ideas-sort') as HTMLSelectElement;
    expect(sort.value).toBe('relevance');
    expect(sort.selectedOptions[0]!.textContent).toBe('最相关');
  });

  it('marks nothing, and offers no order by relevance, without a query', async () => {
    renderBrowse('/ideas', []);
    await titleOf('优化看病挂号流程');
    expect(screen.queryByTestId('ideas-sort')).toBeNull();
  });
});

describe('the public browse page’s pages and pickers', () => {
  it('offers the pages of a long list and asks the server for the one chosen', async () => {
    const asked: URL[] = [];
    renderBrowse('/ideas', asked, 95);
    await titleOf('优化看病挂号流程');
    const pager = screen.getByTestId('ideas-pager');
    expect(pager.getAttribute('aria-label')).toBe('分页');
    expect(screen.getByRole('button', { name: '第 1 页' }).getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('button', { name: '第 10 页' })).toBeTruthy();
    expect((screen.getByRole('button', { name: '上一页' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: '下一页' }));
    await waitFor(() => expect(asked.at(-1)!.searchParams.get('page')).toBe('2'));
    expect(screen.getByRole('button', { name: '第 2 页' }).getAttribute('aria-current')).toBe('page');
  });

  it('filters by a picked status and starts again from the first page', async () => {
    const asked: URL[] = [];
    renderBrowse('/ideas?page=3', asked, 95);
    await titleOf('优化看病挂号流程');
    fireEvent.change(screen.getByLabelText('状态'), { target: { value: 'adopted' } });
    await waitFor(() => expect(asked.at(-1)!.searchParams.get('status')).toBe('adopted'));
    expect(asked.at(-1)!.searchParams.get('page')).toBe('1');
  });

  it('says so when nothing matches', async () => {
    renderNothingFound(publicCampaign());
    expect(await screen.findByText('暂无建议')).toBeTruthy();
    expect(screen.queryByTestId('ideas-pager')).toBeNull();
  });

  it('offers the domain filter in the reader’s language', async () => {
    await changeLocale('en');
    try {
      const campaign = publicCampaign({ domains: [{ code: 'health', name: '医疗卫生', description: '' }] });
      renderNothingFound(campaign);
      const picker = (await screen.findByLabelText('Domain')) as HTMLSelectElement;
      await waitFor(() => expect(picker.options.length).toBe(2));
      expect(picker.options[1]!.textContent).toBe('Health care');
    } finally {
      await changeLocale('zh-CN');
    }
  });
});
