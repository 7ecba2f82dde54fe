import '../../i18n';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { changeLocale } from '../../i18n';
import { id, json, notFound, publicSuggestion, renderRoute, validationProblem } from '../../test-support';
// The page loads its comments and buttons after the text; loaded here first, they render as soon
// as the page asks for them.
import './DetailEngagement';
import { DetailPage } from './DetailPage';
import type { PublicSuggestion } from './shared';

const suggestion = (status: PublicSuggestion['status']) => publicSuggestion({ status });
const published = [
  { id: id(11), body: '赞成，晚上确实难打车。', name: '李*', at: '2020-04-22T09:00:00.000Z' },
  { id: id(12), body: '希望末班车等最后一趟高铁。', name: null, at: '2020-04-23T10:00:00.000Z' },
];

/** The detail page of one suggestion; `answer` is the reply to a new comment. */
function renderDetail(
  status: PublicSuggestion['status'],
  answer: () => Response = () => json({ id: id(13), status: 'pending' }, 201),
) {
  const sent: unknown[] = [];
  const fetch = async (request: Request) => {
    const path = new URL(request.url).pathname;
    if (path === '/api/v1/auth/session') return json({ user: null, csrfToken: 'token' }, 200);
    if (path === '/api/v1/public/campaign') return json({ domains: [], survey: [] }, 200);
    if (path === '/api/v1/units') return json([], 200);
    if (path === `/api/v1/public/suggestions/${id(1)}`) return json(suggestion(status), 200);
    if (path === `/api/v1/public/suggestions/${id(1)}/comments`) {
      if (request.method === 'GET') return json(published, 200);
      sent.push(await request.json());
      return answer();
    }
    return notFound();
  };
  renderRoute('/ideas/:id', DetailPage, fetch, `/ideas/${id(1)}`);
  return { sent };
}

describe('a suggestion’s domain', () => {
  it('shows by name in the reader’s language, never as its code', async () => {
    renderDetail('accepted');
    expect(await screen.findByText('交通出行')).toBeTruthy();
    expect(screen.queryByText('transport')).toBeNull();
  });
});

describe('a suggestion’s facts', () => {
  it('say whom the author submitted as, not “You are” as the author’s own form asks', async () => {
    await changeLocale('en');
    try {
      renderDetail('accepted');
      expect(await screen.findByText('Submitted as')).toBeTruthy();
      expect(screen.queryByText('You are')).toBeNull();
    } finally {
      await changeLocale('zh-CN');
    }
  });
});

describe('the comments on a suggestion', () => {
  it('lists the published comments with the masked name or 匿名 and the date', async () => {
    renderDetail('accepted');
    const list = await screen.findByTestId('comment-list');
    await waitFor(() => expect(within(list).getAllByTestId('comment-item')).toHaveLength(2));
    const [first, second] = within(list).getAllByTestId('comment-item');
    expect(first!.textContent).toContain('李*');
    expect(first!.textContent).toContain('2020-04-22');
    expect(second!.textContent).toContain('匿名');
    expect(screen.getByText('网友评论（2）')).toBeTruthy();
  });

  it('sends a comment and says it shows after review', async () => {
    const { sent } = renderDetail('submitted');
    fireEvent.change(await screen.findByLabelText('评论内容'), { target: { value: ' 支持！ ' } });
    fireEvent.change(screen.getByLabelText('署名（选填）'), { target: { value: '王五' } });
    fireEvent.click(screen.getByTestId('comment-submit'));
    expect((await screen.findByTestId('comment-sent')).textContent).toContain('审核通过后');
    expect(sent).toEqual([{ body: '支持！', name: '王五' }]);
    expect((screen.getByLabelText('评论内容') as HTMLTextAreaElement).value).toBe('');
  });

  it('shows the server’s field error under the comment box', async () => {
    renderDetail('accepted', () =>
      validationProblem([
        {
          path: 'body',
          message: 'too short',
          code: 'too_small',
          params: { origin: 'string', minimum: 2 },
        },
      ]),
    );
    fireEvent.change(await screen.findByLabelText('评论内容'), { target: { value: '好好' } });
    fireEvent.click(screen.getByTestId('comment-submit'));
    const error = await screen.findByText('至少 2 个字');
    expect(error.closest('.ant-form-item')?.querySelector('label')?.textContent).toBe('评论内容');
    expect(screen.queryByTestId('comment-sent')).toBeNull();
  });

  it('offers no form on a suggestion that no longer takes comments', async () => {
    renderDetail('rejected');
    expect(await screen.findByText('这条建议已不再接受评论。')).toBeTruthy();
    expect(screen.queryByTestId('comment-submit')).toBeNull();
  });
});

describe('a suggestion that is not public', () => {
  it('says it is not there and leads back to the list, rather than loading for ever', async () => {
    renderRoute(
      '/ideas/:id',
      DetailPage,
      async (request: Request) => {
        const path = new URL(request.url).pathname;
        if (path === '/api/v1/auth/session') return json({ user: null, csrfToken: 'token' }, 200);
        if (path === '/api/v1/public/campaign') return json({ domains: [], survey: [] }, 200);
        if (path === '/api/v1/units') return json([], 200);
        return notFound();
      },
      `/ideas/${id(2)}`,
    );
    const missing = await screen.findByTestId('suggestion-not-found');
    expect(missing.textContent).toContain('页面不存在');
    expect(within(missing).getByRole('link', { name: '金点子' }).getAttribute('href')).toBe('/ideas');
  });
});
