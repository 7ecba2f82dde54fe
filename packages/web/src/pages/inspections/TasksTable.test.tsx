import '../../i18n';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { id, json, notFound, renderRoute } from '../../test-support';
import type { InspectionTask } from './shared';
import { TasksPage } from './TasksPage';

const task = (
  n: number,
  status: InspectionTask['status'],
  allowed: InspectionTask['allowed'],
): InspectionTask => ({
  id: id(n),
  title: `2026年第四季度安全生产双随机抽查 ${n}`,
  status,
  units: [
    { id: id(41), name: '区应急管理局' },
    { id: id(42), name: '区消防救援支队' },
  ],
  items: [],
  sample: { high: 6, medium: 3, low: 2 },
  inspectorsPerVisit: 2,
  qualifications: [],
  periodStart: '2026-12-01',
  periodEnd: '2026-12-31',
  seedHash: status === 'draft' ? null : 'ab'.repeat(32),
  seed: status === 'drawn' ? 'a1b2' : null,
  announcedAt: status === 'draft' ? null : '2026-12-01T02:00:00.000Z',
  drawnAt: status === 'drawn' ? '2026-12-04T02:00:00.000Z' : null,
  visits: [],
  allowed,
  isDemo: false,
});

function renderTasks(items: InspectionTask[]) {
  renderRoute('/admin/inspections/tasks', TasksPage, async (request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/auth/session')
      return json({
        user: { id: id(9), login: 'u', displayName: '经办人', mustChangePassword: false, grants: [] },
        csrfToken: 'token',
        menu: [],
        abilities: [],
      });
    if (url.pathname === '/api/v1/inspections/tasks') return json({ items, total: items.length });
    return notFound();
  });
}

const headers = () => [...document.querySelectorAll('thead th')].map((th) => th.textContent ?? '');

describe('the task list’s columns', () => {
  it('pin no actions column when no task has an action for the reader (a supervisor, or drawn tasks)', async () => {
    renderTasks([task(1, 'drawn', []), task(2, 'announced', [])]);
    await waitFor(() => expect(screen.getAllByTestId('task-status')).toHaveLength(2));
    expect(headers()).not.toContain('操作');
    expect(document.querySelector('.ant-table-cell-fix-right')).toBeNull();
  });

  it('pin the actions when a task has one, with the announcement time left of the wide columns, on one line', async () => {
    renderTasks([task(1, 'drawn', []), task(2, 'announced', ['draw'])]);
    await waitFor(() => expect(screen.getAllByTestId('task-draw')).toHaveLength(1));
    // The button is named by the task it draws.
    expect(screen.getByTestId('task-draw').getAttribute('aria-label')).toBe(
      '抽取：2026年第四季度安全生产双随机抽查 2',
    );
    const order = headers();
    expect(order).toContain('操作');
    expect(order.indexOf('公告时间')).toBeGreaterThan(order.indexOf('状态'));
    expect(order.indexOf('公告时间')).toBeLessThan(order.indexOf('实施部门'));
    expect(order.indexOf('公告时间')).toBeLessThan(order.indexOf('抽取企业数'));
    for (const cell of screen.getAllByTestId('task-announced')) {
      expect(cell.textContent).not.toBe('');
      expect(cell.style.whiteSpace).toBe('nowrap');
    }
  });
});
