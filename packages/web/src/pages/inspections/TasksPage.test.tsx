import '../../i18n';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { id, json, notFound, renderRoute } from '../../test-support';
import { TasksPage } from './TasksPage';

type Abilities = Array<{ action: string; scopes: string[] }>;

const unit = (n: number, name: string) => ({
  id: id(n),
  code: `D${n}`,
  name,
  kind: 'department',
  parentId: id(1),
  path: `/1/${n}/`,
  sort: n,
  isDemo: false,
});
const units = [unit(2, '区市场监管局'), unit(3, '区人力社保局'), unit(4, '区卫生健康委')];
const item = (n: number, name: string, of: number) => ({
  id: id(20 + n),
  unit: { id: units[of]!.id, name: units[of]!.name },
  code: `QJJC-${n}`,
  name,
  legalBasis: '《条例》',
  qualification: null,
  expectedMinutes: 30,
  isDemo: false,
});
const items = [item(1, '食品经营许可检查', 0), item(2, '劳动合同检查', 1)];

/** The tasks page over a fake API, signed in with these abilities; the tasks it creates come back. */
function renderPage(abilities: Abilities) {
  const created: Array<Record<string, unknown>> = [];
  renderRoute('/admin/inspections/tasks', TasksPage, async (request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/auth/session')
      return json({
        user: { id: id(9), login: 'u', displayName: '经办人', mustChangePassword: false, grants: [] },
        csrfToken: 'token',
        menu: [],
        abilities,
      });
    if (url.pathname === '/api/v1/units') return json(units);
    if (url.pathname === '/api/v1/inspections/items') return json({ items, total: items.length });
    if (url.pathname === '/api/v1/inspections/tasks' && request.method === 'POST') {
      created.push((await request.json()) as Record<string, unknown>);
      return notFound();
    }
    if (url.pathname === '/api/v1/inspections/tasks') return json({ items: [], total: 0 });
    return notFound();
  });
  return created;
}

const dialog = () => within(screen.getByRole('dialog'));

async function choose(label: string, option: string) {
  fireEvent.mouseDown(dialog().getByLabelText(label));
  const found = await waitFor(() => {
    const el = [...document.querySelectorAll('.ant-select-item-option')].find(
      (o) => o.getAttribute('title') === option || o.textContent?.startsWith(option),
    );
    if (!el) throw new Error(`${option} is not offered yet`);
    return el;
  });
  fireEvent.click(found);
}

describe('the tasks page', () => {
  it('offers a supervisor, who reads the tasks, no new task', async () => {
    renderPage([]);
    await screen.findByText('双随机抽查任务');
    await waitFor(() => expect(document.querySelector('.ant-spin-spinning')).toBeNull());
    expect(screen.queryByTestId('task-create')).toBeNull();
  });

  it('offers the departments the reader defines tasks for, and drops the items of one taken out', async () => {
    const created = renderPage([{ action: 'task.write', scopes: [units[0]!.path, units[1]!.path] }]);
    fireEvent.click(await screen.findByTestId('task-create'));
    await dialog().findByLabelText('实施部门');
    fireEvent.change(dialog().getByLabelText('任务名称'), { target: { value: '联合抽查' } });
    fireEvent.mouseDown(dialog().getByLabelText('实施部门'));
    await screen.findByTitle('区人力社保局');
    // Another department's staff are not the reader's: not offered.
    expect(screen.queryByTitle('区卫生健康委')).toBeNull();
    await choose('实施部门', '区市场监管局');
    await choose('实施部门', '区人力社保局');
    await choose('检查事项', '食品经营许可检查');
    await choose('检查事项', '劳动合同检查');
    // 区市场监管局 is taken out again: its item goes with it.
    const tag = [...document.querySelectorAll('.ant-select-selection-item')].find(
      (el) => el.textContent === '区市场监管局',
    )!;
    fireEvent.click(tag.querySelector('.ant-select-selection-item-remove')!);
    await waitFor(() => expect(dialog().queryByText(/食品经营许可检查/)).toBeNull());
    expect(dialog().getByText(/劳动合同检查/)).toBeTruthy();
    fireEvent.click(dialog().getByRole('button', { name: /确\s?定/ }));
    await waitFor(() => expect(created).toHaveLength(1));
    expect(created[0]).toMatchObject({ unitIds: [units[1]!.id], itemIds: [items[1]!.id] });
  });

  it('says the period ends before it starts before sending, and clears that once mended', async () => {
    renderPage([{ action: 'task.write', scopes: ['/1/'] }]);
    fireEvent.click(await screen.findByTestId('task-create'));
    const end = await dialog().findByLabelText('结束日期');
    fireEvent.change(end, { target: { value: '2020-01-01' } });
    expect(await dialog().findByText('结束日期早于开始日期')).toBeTruthy();
    fireEvent.change(end, { target: { value: '2099-12-31' } });
    await waitFor(() => expect(dialog().queryByText('结束日期早于开始日期')).toBeNull());
  });

  it("proposes the current month on Qianjiang's clock for a new task's period", async () => {
    // 17:00 UTC on 31 December 2026 is 01:00 on 1 January 2027 in Qianjiang. Only the clock is faked.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-31T17:00:00Z'));
    try {
      renderPage([{ action: 'task.write', scopes: ['/1/'] }]);
      fireEvent.click(await screen.findByTestId('task-create'));
      expect(((await dialog().findByLabelText('开始日期')) as HTMLInputElement).value).toBe('2027-01-01');
      expect((dialog().getByLabelText('结束日期') as HTMLInputElement).value).toBe('2027-01-31');
    } finally {
      vi.useRealTimers();
    }
  });

  it('puts the status beside the name, clear of the pinned actions, and pins no actions with no task to act on', async () => {
    renderPage([]);
    await screen.findByText('双随机抽查任务');
    const heads = screen.getAllByRole('columnheader').map((h) => h.textContent);
    const name = heads.indexOf('任务名称');
    expect(heads.slice(name, name + 2)).toEqual(['任务名称', '状态']);
    // The actions column, when a task has an action, is named: TasksTable.test.tsx.
    expect(heads).not.toContain('操作');
  });
});
