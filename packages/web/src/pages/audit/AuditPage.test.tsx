import '../../i18n';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../api/types';
import { id, json, notFound, renderRoute } from '../../test-support';
import { AuditPage } from './AuditPage';

const event = (n: number, overrides: Partial<AuditEvent>): AuditEvent => ({
  id: n,
  seq: n,
  at: '2026-05-01T02:00:00.000Z',
  actor: 'office',
  actorIsSystem: false,
  action: 'session.login',
  entityType: 'session',
  entityId: id(n),
  entityTitle: null,
  entityLink: null,
  entityGone: false,
  entityKind: null,
  before: null,
  after: null,
  requestId: null,
  hash: null,
  ...overrides,
});

const events = [
  event(1, { entityTitle: '王**', requestId: '0b6f2c1e-7d4a-4c3b-9e1f-2a5d8c7b6e4f' }),
  event(2, {
    action: 'report.return',
    entityType: 'report',
    entityTitle: '城西街道 2026-Q1',
    entityLink: `/admin/targets/reports/${id(2)}`,
  }),
  event(3, { action: 'suggestion.submit', entityType: 'suggestion', entityTitle: '高铁站增设夜班公交' }),
  event(4, {
    action: 'user.create',
    entityType: 'user',
    entityTitle: '欧***',
    after: { login: 'ouyang', displayName: '欧***', roles: [{ role: 'department_staff', unitId: id(20) }] },
  }),
  event(5, { action: 'comment.submit', actor: 'anonymous', actorIsSystem: true, entityTitle: '匿名建议' }),
  event(6, {
    action: 'unit.create',
    actor: 'seed',
    actorIsSystem: true,
    entityType: 'unit',
    entityTitle: '区发展改革委',
    requestId: 'seed',
  }),
  // A person whose login happens to be a word the platform uses for itself keeps their login.
  event(7, { action: 'inbox.read', actor: 'seed', entityType: 'unit', entityTitle: '区商务委' }),
  // A module's settings name no record: the type's name alone, the id on hover.
  event(8, { action: 'targets.settings', entityType: 'settings', entityId: 'targets' }),
  // A record deleted since: its type and a short id.
  event(9, { action: 'comment.hide', entityType: 'comment', entityGone: true }),
  // A list is named by its kind, in the reader's language, and its campaign.
  event(10, {
    action: 'list.publish',
    entityType: 'list',
    entityKind: 'golden_idea',
    entityTitle: '共建美好黔江',
  }),
];

/** The audit page over a fake API that answers with the events above. */
function renderPage() {
  renderRoute('/admin/audit', AuditPage, async (request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/auth/session') return json({ user: null, csrfToken: 'token', menu: [] });
    if (url.pathname === '/api/v1/audit/events') {
      return json({ hasMore: false, items: events });
    }
    if (url.pathname === '/api/v1/units') return json([{ id: id(20), name: '区发展改革委', path: id(20) }]);
    return notFound();
  });
}

const rowOf = (text: string) => screen.getByText(text).closest('tr')!;

describe('the audit log', () => {
  it('names each action and entity type, and shows the entity’s title, never a bare code', async () => {
    renderPage();
    expect(await screen.findByText('登录')).toBeTruthy();
    const table = document.querySelector('.ant-table-tbody')!.textContent!;
    for (const code of ['session.login', 'report.return', 'suggestion.submit', 'user.create'])
      expect(table).not.toContain(code);
    expect(rowOf('退回季度报告').textContent).toContain('季度报告');
    expect(rowOf('提交建议').textContent).toContain('高铁站增设夜班公交');
    expect(rowOf('新建账号').textContent).toContain('欧***');
    // A session is its account's, the name masked.
    const login = rowOf('登录');
    expect(login.textContent).toContain('登录会话');
    expect(login.textContent).toContain('王**');
    expect(login.textContent).not.toContain(id(1).slice(0, 8));
  });

  it('names what is no record by its type alone, and a record deleted since by a short id', async () => {
    renderPage();
    const settings = (await screen.findByText('修改赶超设置')).closest('tr')!;
    expect(settings.textContent).toContain('设置');
    expect(settings.textContent).not.toContain('targets');
    expect(settings.querySelector('[title="targets"]')).toBeTruthy();
    const list = rowOf('共建美好黔江');
    expect(list.textContent).toContain('十大金点子榜');
    expect(list.textContent).not.toContain('golden_idea');
    const hidden = rowOf('隐藏评论');
    expect(hidden.textContent).toContain('评论');
    expect(hidden.textContent).toContain(id(9).slice(0, 8));
  });

  it('words who acted when no account did, and shows a person by their login', async () => {
    renderPage();
    await screen.findByText('匿名建议');
    expect(rowOf('匿名建议').textContent).toContain('未登录访客');
    expect(rowOf('区发展改革委').textContent).toContain('演示数据');
    expect(rowOf('区商务委').textContent).toContain('seed');
  });

  it('shows what an event recorded as named lines: a role and a unit by their names, never raw JSON', async () => {
    renderPage();
    await screen.findByText('新建账号');
    const row = rowOf('新建账号');
    fireEvent.click(row.querySelector('.ant-table-row-expand-icon')!);
    const expanded = row.nextElementSibling!;
    await waitFor(() => expect(expanded.textContent).toContain('区发展改革委'));
    expect(expanded.textContent).toContain('登录名ouyang');
    expect(expanded.textContent).toContain('姓名欧***');
    expect(expanded.textContent).toContain('部门工作人员 · 区发展改革委');
    for (const raw of ['department_staff', id(20), '{', '"displayName"'])
      expect(expanded.textContent).not.toContain(raw);
  });

  it('wraps an entity’s words at spaces, never inside a word (antd’s text breaks anywhere)', async () => {
    renderPage();
    await screen.findByText('高铁站增设夜班公交');
    const cells = screen.getAllByTestId('audit-entity-cell');
    expect(cells).toHaveLength(events.length);
    for (const cell of cells) {
      // The title goes under the type when both do not fit on one line.
      expect(getComputedStyle(cell).flexWrap).toBe('wrap');
      for (const text of cell.querySelectorAll<HTMLElement>('.ant-typography, a')) {
        expect(text.style.wordBreak).toBe('normal');
        expect(text.style.overflowWrap).toBe('break-word');
      }
    }
  });

  it('links an entity to its page where it has one', async () => {
    renderPage();
    const link = (await screen.findByText('城西街道 2026-Q1')).closest('a')!;
    expect(link.getAttribute('href')).toBe(`/admin/targets/reports/${id(2)}`);
    expect(screen.getByText('高铁站增设夜班公交').closest('a')).toBeNull();
  });

  it('shortens a request id to its first eight characters, the whole on hover, and names the platform’s own', async () => {
    renderPage();
    const full = '0b6f2c1e-7d4a-4c3b-9e1f-2a5d8c7b6e4f';
    const short = await screen.findByTestId('audit-request-id');
    expect(short.textContent).toBe('0b6f2c1e');
    expect(document.querySelector('.ant-table-tbody')!.textContent).not.toContain(full);
    fireEvent.mouseEnter(short);
    expect(await screen.findByText(full)).toBeTruthy();
    const seeded = rowOf('区发展改革委').querySelectorAll('td');
    expect(seeded[seeded.length - 1]!.textContent).toBe('演示数据');
  });

  it('opens its date range in Chinese: weekdays from Monday, months by number, never "Su" or "Dec"', async () => {
    renderPage();
    await screen.findByText('高铁站增设夜班公交');
    fireEvent.mouseDown(document.querySelector('.ant-picker-range input')!);
    fireEvent.click(document.querySelector('.ant-picker-range input')!);
    const panel = await waitFor(() => document.querySelector('.ant-picker-dropdown .ant-picker-content')!);
    const weekdays = [...panel.querySelectorAll('thead th')].map((th) => th.textContent);
    expect(weekdays).toEqual(['一', '二', '三', '四', '五', '六', '日']);
    const header = document.querySelector('.ant-picker-dropdown .ant-picker-header-view')!.textContent;
    expect(header).toMatch(/^\d{4}年\d{1,2}月$/);
  });
});
