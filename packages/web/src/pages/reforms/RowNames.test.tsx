import '../../i18n';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { id, json, renderRoute } from '../../test-support';
import { CasesPage } from './CasesPage';
import { ListsPage } from './ListsPage';

/** A server that answers the session and `path` with `body`. */
const serving = (at: string, body: unknown) => async (request: Request) => {
  const path = new URL(request.url).pathname;
  if (path === '/api/v1/auth/session') return json({ user: null, csrfToken: 'token', menu: [] });
  if (path === at) return json(body);
  return json({ type: 'about:blank', title: 'Not Found', status: 404, code: 'NOT_FOUND' }, 404);
};

describe('a reform console row’s buttons name the row they act on', () => {
  it('the cases: edit, publish and withdraw name the case', async () => {
    const item = (n: number, title: string, status: 'draft' | 'published') => ({
      id: id(n),
      projectId: id(90),
      projectCode: 'GG-01',
      projectName: '企业开办一日办结',
      leadUnit: '区市场监管局',
      title,
      summary: '',
      measures: '',
      results: '',
      adoptedIn: [],
      status,
      publishedAt: null,
    });
    renderRoute(
      '/admin/reforms/cases',
      CasesPage,
      serving('/api/v1/reforms/cases', {
        items: [item(1, '一窗通办', 'draft'), item(2, '证照联办', 'published')],
        actions: { create: true },
      }),
    );
    expect(await screen.findByRole('button', { name: '编辑：一窗通办' }, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByRole('button', { name: '发布：一窗通办' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '编辑：证照联办' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '撤回：证照联办' })).toBeTruthy();
  });

  it('the lists: edit and delete name the list', async () => {
    renderRoute(
      '/admin/reforms/lists',
      ListsPage,
      serving('/api/v1/reforms/lists', [
        {
          id: id(1),
          name: '营商环境清单',
          description: '',
          sort: 1,
          projects: 0,
          progress: 0,
          isDemo: false,
        },
      ]),
    );
    expect(
      await screen.findByRole('button', { name: '编辑：营商环境清单' }, { timeout: 10_000 }),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: '删除：营商环境清单' })).toBeTruthy();
  });
});
