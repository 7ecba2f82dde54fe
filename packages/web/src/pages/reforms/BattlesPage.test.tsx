import '../../i18n';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { components } from '../../api/schema';
import { id, json, notFound, renderRoute } from '../../test-support';
import { BattlesPage } from './BattlesPage';

const list: components['schemas']['ReformBattleList'] = {
  plan: {
    startDate: '2024-01-01',
    steps: [
      { step: 'rise', start: '2024-01-01', end: '2024-12-31' },
      { step: 'momentum', start: '2025-01-01', end: '2026-12-31' },
      { step: 'victory', start: '2027-01-01', end: '2028-12-31' },
    ],
  },
  battles: [
    {
      id: id(70),
      name: '高铁站站前广场建设攻坚战',
      goal: '',
      leadUnitId: id(71),
      leadUnit: '区住房城乡建委',
      step: 'rise',
      sort: 1,
      progress: 0.5,
      phases: [],
      projects: [],
      suggestions: [],
    },
  ],
  actions: { write: true },
};

describe('the key battles in the console', () => {
  it('names the actions column and keeps it narrow, so its pinned buttons do not hide the progress', async () => {
    renderRoute('/admin/reforms/battles', BattlesPage, async (request: Request) => {
      const path = new URL(request.url).pathname;
      if (path === '/api/v1/auth/session') return json({ user: null, csrfToken: 'token', menu: [] });
      if (path === '/api/v1/reforms/battles') return json(list);
      return notFound();
    });
    expect(await screen.findByText('高铁站站前广场建设攻坚战', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: '操作' })).toBeTruthy();
    // Each of the row's buttons names the battle it acts on.
    for (const action of ['编辑', '阶段', '项目和建议', '删除'])
      expect(screen.getByRole('button', { name: `${action}：高铁站站前广场建设攻坚战` })).toBeTruthy();
    // The pinned column is given its width (its four buttons wrap), not the width of four buttons in a row.
    const widths = [...document.querySelectorAll('col')].map((c) => (c as HTMLElement).style.width);
    expect(widths).toContain('200px');
  });
});

describe('citizens’ suggestions leaving a battle', () => {
  const withSuggestion = {
    ...list,
    battles: [{ ...list.battles[0]!, suggestions: [{ id: id(60), title: '开通高铁站公交接驳专线' }] }],
  };
  /** The page on a battle with one suggestion under it; the DELETE requests sent, with their bodies. */
  function render() {
    const sent: Array<{ path: string; body: unknown }> = [];
    renderRoute('/admin/reforms/battles', BattlesPage, async (request: Request) => {
      const path = new URL(request.url).pathname;
      if (path === '/api/v1/auth/session') return json({ user: null, csrfToken: 'token', menu: [] });
      if (request.method === 'DELETE') {
        sent.push({ path, body: await request.json().catch(() => null) });
        return path.includes('/suggestions/')
          ? json({ ...withSuggestion.battles[0]!, suggestions: [] })
          : new Response(null, { status: 204 });
      }
      if (path === '/api/v1/reforms/battles') return json(withSuggestion);
      return notFound();
    });
    return sent;
  }

  it('asks why before deleting the battle, and sends the reason', async () => {
    const sent = render();
    fireEvent.click(
      await screen.findByRole('button', { name: '删除：高铁站站前广场建设攻坚战' }, { timeout: 10_000 }),
    );
    expect((await screen.findByTestId('reform-withdraw-told')).textContent).toContain(
      '建议人、关注者和支持者',
    );
    expect(screen.getByText('开通高铁站公交接驳专线')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '删除并通知群众' }));
    expect(await screen.findByText('必填', {}, { timeout: 10_000 })).toBeTruthy();
    expect(sent).toEqual([]);
    fireEvent.change(screen.getByLabelText('撤销理由'), { target: { value: '并入营商环境优化攻坚战' } });
    fireEvent.click(screen.getByRole('button', { name: '删除并通知群众' }));
    await waitFor(() =>
      expect(sent).toEqual([
        { path: `/api/v1/reforms/battles/${id(70)}`, body: { reason: '并入营商环境优化攻坚战' } },
      ]),
    );
  }, 90_000);

  it('asks why before taking a suggestion off, and sends the reason', async () => {
    const sent = render();
    fireEvent.click(
      await screen.findByRole(
        'button',
        { name: '项目和建议：高铁站站前广场建设攻坚战' },
        { timeout: 10_000 },
      ),
    );
    const links = await screen.findByRole('dialog');
    fireEvent.click(within(links).getByRole('button', { name: /^移\s?出$/ }));
    fireEvent.change(await screen.findByLabelText('撤销理由'), { target: { value: '已由其他项目落实' } });
    fireEvent.click(screen.getByRole('button', { name: '移出并通知群众' }));
    await waitFor(() =>
      expect(sent).toEqual([
        {
          path: `/api/v1/reforms/battles/${id(70)}/suggestions/${id(60)}`,
          body: { reason: '已由其他项目落实' },
        },
      ]),
    );
  }, 90_000);
});
