import '../../../i18n';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { openDialogs } from '../../../test-queries';
import { id, json, notFound, publicCampaign, renderRoute } from '../../../test-support';
import { ListEditor } from './ListEditor';

/** A reply the test lets go when it wants, as a slow server's would. */
function held() {
  let release!: (response: Response) => void;
  const response = new Promise<Response>((resolve) => {
    release = resolve;
  });
  return { response, release };
}

const candidate = {
  suggestionId: null,
  memberIds: [id(1), id(2)],
  title: '高铁站接驳公交太少',
  score: 3.2,
  keywords: ['公交', '高铁站'],
};

/** The office's lists as the server sends them: every kind, a never-saved one without an id. */
const draftLists = (actions = { save: true, publish: false }, publishedAt: string | null = null) =>
  (['golden_idea', 'good_idea', 'hard_problem'] as const).map((kind) => ({
    id: null,
    kind,
    publishedAt,
    entries: [],
    withdrawals: [],
    actions: { ...actions, withdraw: false },
  }));

/** The hard-problems tab over a fake API whose lists and candidates answer when released. */
function renderEditor() {
  const lists = held();
  const candidates = held();
  const fetch = async (request: Request) => {
    const path = new URL(request.url).pathname;
    if (path === '/api/v1/auth/session') return json({ user: null, csrfToken: 'token', menu: [] });
    if (path === '/api/v1/public/campaign') return json(publicCampaign({ listSizes: { hard_problem: 10 } }));
    if (path === '/api/v1/ideas/lists') return lists.response;
    if (path === '/api/v1/ideas/lists/hard_problem/candidates') return candidates.response;
    return notFound();
  };
  renderRoute('/admin/ideas/selection', () => <ListEditor kind="hard_problem" />, fetch);
  return { lists, candidates };
}

const noDataShown = () => expect(document.body.textContent).not.toMatch(/暂无数据|No data/);

describe('a list’s candidates', () => {
  it('show that they are being computed, never "no data", until they arrive', async () => {
    const { lists, candidates } = renderEditor();
    expect(await screen.findByText('正在读取榜单…')).toBeTruthy();
    noDataShown();
    lists.release(json(draftLists()));
    expect(await screen.findByText('正在计算候选（按热度聚类全部建议）…')).toBeTruthy();
    expect(screen.getAllByRole('status').length).toBeGreaterThan(0);
    noDataShown();
    // Seconds may pass on a large campaign: the page keeps saying what it does meanwhile.
    await new Promise((r) => setTimeout(r, 300));
    noDataShown();
    expect(screen.getByText('正在计算候选（按热度聚类全部建议）…')).toBeTruthy();
    candidates.release(json([candidate]));
    expect(await screen.findByText('高铁站接驳公交太少')).toBeTruthy();
    await waitFor(() => expect(screen.queryByText('正在计算候选（按热度聚类全部建议）…')).toBeNull());
    expect(screen.getByText('榜单还是空的：从候选中添加')).toBeTruthy();
    noDataShown();
  });

  it('say so in words when there are none', async () => {
    const { lists, candidates } = renderEditor();
    lists.release(json(draftLists()));
    candidates.release(json([]));
    expect(await screen.findByText('还没有候选：评审结果或建议聚类尚无结果')).toBeTruthy();
    noDataShown();
  });
});

describe('a list’s buttons', () => {
  it('name the candidate or entry of their row', async () => {
    const { lists, candidates } = renderEditor();
    lists.release(json(draftLists()));
    candidates.release(json([candidate]));
    fireEvent.click(await screen.findByRole('button', { name: '加入榜单：高铁站接驳公交太少' }));
    for (const verb of ['上移', '下移', '移除']) {
      expect(await screen.findByRole('button', { name: `${verb}：高铁站接驳公交太少` })).toBeTruthy();
    }
  });

  it('follow the actions the server sends, not the list’s state', async () => {
    const { lists, candidates } = renderEditor();
    lists.release(json(draftLists({ save: true, publish: false })));
    candidates.release(json([candidate]));
    const publish = await screen.findByTestId('list-publish-hard_problem');
    expect(publish.closest('button')?.disabled).toBe(true);
    expect(screen.getByTestId('list-save-hard_problem')).toBeTruthy();
  });

  it('are absent, with no candidates asked for, when the server allows no change', async () => {
    const { lists } = renderEditor();
    lists.release(json(draftLists({ save: false, publish: false }, '2026-11-30T08:00:00.000Z')));
    expect(await screen.findByTestId('published-hard_problem')).toBeTruthy();
    expect(screen.queryByTestId('list-save-hard_problem')).toBeNull();
    expect(screen.queryByTestId('list-publish-hard_problem')).toBeNull();
    expect(screen.queryByText('正在计算候选（按热度聚类全部建议）…')).toBeNull();
  });

  it('keep publishing off while the editor holds changes not saved, and say to save first', async () => {
    const { lists, candidates } = renderEditor();
    const saved = { rank: 1, suggestionId: null, memberIds: [id(1)], title: '停车难', citation: '民生所急' };
    lists.release(
      json(
        draftLists({ save: true, publish: true }).map((l) =>
          l.kind === 'hard_problem' ? { ...l, id: id(9), entries: [saved] } : l,
        ),
      ),
    );
    candidates.release(json([candidate]));
    const publish = await screen.findByTestId('list-publish-hard_problem');
    await waitFor(() => expect(publish.closest('button')?.disabled).toBe(false));
    expect(screen.queryByText(/请先保存/)).toBeNull();
    fireEvent.change(await screen.findByTestId('citation-0'), { target: { value: '改了推荐语' } });
    expect(publish.closest('button')?.disabled).toBe(true);
    expect(screen.getByText('榜单有未保存的修改：请先保存，再发布保存后的榜单。')).toBeTruthy();
    fireEvent.change(screen.getByTestId('citation-0'), { target: { value: '民生所急' } });
    await waitFor(() => expect(publish.closest('button')?.disabled).toBe(false));
  });
});

describe('an entry of a published list', () => {
  const entry = (rank: number, title: string) => ({
    id: id(20 + rank),
    rank,
    suggestionId: id(30 + rank),
    memberIds: [],
    title,
    citation: '',
  });

  it('is withdrawn by the office with a reason, and then listed as withdrawn with it', async () => {
    const sent: Array<{ path: string; body: unknown }> = [];
    let withdrawn = false;
    const published = () =>
      (['golden_idea', 'good_idea', 'hard_problem'] as const).map((kind) => ({
        id: id(10),
        kind,
        publishedAt: '2026-11-30T08:00:00.000Z',
        entries: withdrawn
          ? [entry(1, '高铁站接驳专线')]
          : [entry(1, '高铁站接驳专线'), entry(2, '抄来的点子')],
        withdrawals: withdrawn
          ? [
              {
                entryId: id(22),
                rank: 2,
                title: '抄来的点子',
                reason: '经核实系抄袭他人文章',
                withdrawnAt: '2026-12-01T02:00:00.000Z',
              },
            ]
          : [],
        actions: { save: false, publish: false, withdraw: true },
      }));
    renderRoute(
      '/admin/ideas/selection',
      () => <ListEditor kind="golden_idea" />,
      async (request: Request) => {
        const path = new URL(request.url).pathname;
        if (path === '/api/v1/auth/session') return json({ user: null, csrfToken: 'token', menu: [] });
        if (path === '/api/v1/public/campaign') return json(publicCampaign());
        if (path === '/api/v1/ideas/lists') return json(published());
        if (request.method === 'POST' && path.endsWith('/withdraw')) {
          sent.push({ path, body: await request.json() });
          withdrawn = true;
          return json(published()[0]);
        }
        return notFound();
      },
    );
    fireEvent.click(await screen.findByRole('button', { name: '撤销：抄来的点子' }));
    const [dialog] = openDialogs('从榜单撤销第 2 名“抄来的点子”');
    expect(dialog!.textContent).toContain('原因只告知该条目的建议人，不公开');
    const submit = screen.getByTestId('withdraw-entry-submit');
    // A word or two is not a reason its author can act on.
    fireEvent.change(dialog!.querySelector('textarea')!, { target: { value: '抄袭' } });
    expect(submit.closest('button')?.disabled).toBe(true);
    fireEvent.change(dialog!.querySelector('textarea')!, { target: { value: ' 经核实系抄袭他人文章 ' } });
    await waitFor(() => expect(submit.closest('button')?.disabled).toBe(false));
    fireEvent.click(submit);
    await waitFor(() =>
      expect(sent).toEqual([
        {
          path: `/api/v1/ideas/lists/golden_idea/entries/${id(22)}/withdraw`,
          body: { reason: '经核实系抄袭他人文章' },
        },
      ]),
    );
    const list = await screen.findByTestId('withdrawn-entries');
    expect(list.textContent).toContain('第 2 名“抄来的点子”于 2026-12-01 撤销：经核实系抄袭他人文章');
    await waitFor(() => expect(screen.queryByTestId('withdraw-entry-2')).toBeNull());
    expect(screen.getByTestId('withdraw-entry-1')).toBeTruthy();
  });
});
