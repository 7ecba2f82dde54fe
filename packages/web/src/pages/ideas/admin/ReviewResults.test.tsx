import '../../../i18n';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { id, json, notFound, publicCampaign, renderRoute } from '../../../test-support';
import { ReviewResults } from './ReviewResults';

const results = (method: 'z' | 'trimmed', shortlisted: number) => ({
  method,
  campaignMethod: 'z',
  shortlisted,
  alpha: 0.71,
  open: 2,
  items: [
    {
      item: id(1),
      title: '高铁站公交接驳',
      domain: 'transport',
      domainName: '交通出行',
      reviews: 1,
      assigned: 3,
      mean: 9,
      z: 1.2,
      trimmed: 9,
      range: 0,
      zSpread: 0,
      disputed: false,
    },
    {
      item: id(2),
      title: '老城区停车难',
      domain: 'transport',
      domainName: '交通出行',
      reviews: 3,
      assigned: 3,
      mean: 7,
      z: 0.5,
      trimmed: 7,
      range: 2,
      zSpread: 0.1,
      disputed: false,
    },
  ],
  actions: { assign: true },
});

function renderResults(shortlisted: number) {
  const asked: string[] = [];
  const fetch = async (request: Request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/auth/session') return json({ user: null, csrfToken: 'token', menu: [] });
    if (url.pathname === '/api/v1/public/campaign') return json(publicCampaign({ maxReviewsPerExpert: 150 }));
    if (url.pathname === '/api/v1/ideas/reviews/progress') return json([]);
    if (url.pathname === '/api/v1/ideas/reviews/results') {
      const method = (url.searchParams.get('method') ?? 'z') as 'z' | 'trimmed';
      asked.push(method);
      return json(results(method, shortlisted));
    }
    return notFound();
  };
  renderRoute('/admin/ideas/selection', ReviewResults, fetch);
  return asked;
}

describe('the review results', () => {
  it('list suggestions by title and name the ranking method, switchable to the trimmed mean', async () => {
    const asked = renderResults(4);
    expect(await screen.findByText('高铁站公交接驳')).toBeTruthy();
    // The title opens the suggestion in a new tab, and says so to a screen reader.
    expect(screen.getByRole('link', { name: '高铁站公交接驳（在新标签页打开）' })).toBeTruthy();
    expect(screen.getByTestId('review-method-name').textContent).toMatch(/^标准分/);
    fireEvent.click(screen.getByText('去极值平均分'));
    await waitFor(() => expect(asked).toContain('trimmed'));
    await waitFor(() =>
      expect(screen.getByTestId('review-method-name').textContent).toBe(
        '去掉一个最高分和一个最低分后取平均（不足三份评审时取平均）',
      ),
    );
    // The campaign's cap fills the box.
    const cap = screen.getByRole('spinbutton', { name: '每位专家最多评审（条）' }) as HTMLInputElement;
    expect(cap.value).toBe('150');
  });

  it('ask for a shortlist before any assignment', async () => {
    renderResults(0);
    expect(await screen.findByTestId('review-no-shortlist')).toBeTruthy();
    expect(screen.queryByTestId('review-assign')).toBeNull();
  });

  it('mark a suggestion ranked before all its reviews are in, and say how such ones rank', async () => {
    renderResults(4);
    const first = (await screen.findByText('高铁站公交接驳')).closest('tr')!;
    expect(first.textContent).toContain('1/3');
    expect(screen.getByTestId(`review-flags-${id(1)}`).textContent).toBe('评审未完成');
    expect(screen.getByTestId(`review-flags-${id(2)}`).textContent).toBe('');
    expect(screen.getByText(/评审未完成（已评少于已分配）的建议按已提交的评分排名/)).toBeTruthy();
  });

  it('shows no figures while the results load, rather than zero reviews open, scored or flagged', async () => {
    renderRoute('/admin/ideas/selection', ReviewResults, async (request) =>
      new URL(request.url).pathname === '/api/v1/auth/session'
        ? json({ user: null, csrfToken: 'token', menu: [] })
        : // The server never answers within the test.
          new Promise<Response>(() => {}),
    );
    await waitFor(() => expect(document.querySelectorAll('.ant-statistic-content')).toHaveLength(4));
    const values = [...document.querySelectorAll('.ant-statistic-content')].map((v) => v.textContent);
    expect(values).toEqual(['—', '—', '—', '—']);
  });
});
