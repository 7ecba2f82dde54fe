import '../../i18n';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { id, json, notFound, publicSuggestion, renderRoute } from '../../test-support';
import { ListsPage } from './ListsPage';

const hardProblem = {
  id: id(40),
  rank: 1,
  suggestionId: null,
  memberIds: [id(41), id(42)],
  title: '建议舟白街道推广家庭医生签约，周边区县群众来黔江看病的多',
  citation: '涉及25条建议：家庭医生、签约、看病',
};

describe('the public lists page', () => {
  it('opens a hard problem onto the suggestions behind it, each a link to its page', async () => {
    const asked: string[] = [];
    renderRoute('/ideas/lists', ListsPage, async (request: Request) => {
      const path = new URL(request.url).pathname;
      asked.push(path);
      if (path === '/api/v1/public/lists')
        return json([
          {
            id: id(39),
            kind: 'hard_problem',
            publishedAt: '2026-11-20T02:00:00.000Z',
            entries: [hardProblem],
            withdrawals: [],
          },
        ]);
      if (path === `/api/v1/public/lists/entries/${id(40)}/suggestions`)
        return json([
          publicSuggestion({ id: id(41), title: '推广家庭医生签约服务' }),
          publicSuggestion({ id: id(42), title: '家庭医生签约覆盖乡镇' }),
        ]);
      if (path === '/api/v1/auth/session') return json({ user: null, csrfToken: 'token' });
      return notFound();
    });
    const list = await screen.findByTestId('list-hard_problem');
    expect(list.textContent).toContain(hardProblem.title);
    expect(list.textContent).toContain('家庭医生、签约、看病');
    // Asked for only when the reader opens it.
    expect(asked).not.toContain(`/api/v1/public/lists/entries/${id(40)}/suggestions`);
    const toggle = within(list).getByTestId('entry-members-toggle');
    expect(toggle.textContent).toBe('查看相关建议（2 条）');
    fireEvent.click(toggle);
    await waitFor(() => expect(within(list).getAllByRole('link')).toHaveLength(2));
    expect(within(list).getByRole('link', { name: '推广家庭医生签约服务' }).getAttribute('href')).toBe(
      `/ideas/${id(41)}`,
    );
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
  });

  it('shows a list without its withdrawn entry, saying which rank was withdrawn and when, not what it was', async () => {
    renderRoute('/ideas/lists', ListsPage, async (request: Request) => {
      const path = new URL(request.url).pathname;
      if (path === '/api/v1/public/lists')
        return json([
          {
            id: id(50),
            kind: 'golden_idea',
            publishedAt: '2026-11-20T02:00:00.000Z',
            entries: [
              {
                id: id(51),
                rank: 1,
                suggestionId: id(61),
                memberIds: [],
                title: '高铁站接驳专线',
                citation: '',
              },
              {
                id: id(53),
                rank: 3,
                suggestionId: id(63),
                memberIds: [],
                title: '小南海民宿集群',
                citation: '',
              },
            ],
            withdrawals: [{ rank: 2, withdrawnAt: '2026-12-01T17:00:00.000Z' }],
          },
        ]);
      if (path === '/api/v1/auth/session') return json({ user: null, csrfToken: 'token' });
      return notFound();
    });
    const list = await screen.findByTestId('list-golden_idea');
    expect(list.textContent).toContain('1. 高铁站接驳专线');
    expect(list.textContent).toContain('3. 小南海民宿集群');
    // The day in China: 17:00 UTC is the next morning there.
    expect(list.textContent).toContain('第 2 名已于 2026-12-02 撤销');
  });
});
