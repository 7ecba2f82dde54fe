import '../../i18n';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { id, json, notFound, renderRoute } from '../../test-support';
import { ReportFormPage } from './ReportFormPage';
import type { ReformProject, ReformReport } from './shared';

// A returned report of which the office has since removed one milestone from the plan.
const report: ReformReport = {
  id: id(50),
  projectId: id(10),
  projectCode: 'QJGG-B001',
  projectName: '优化营商环境攻坚行动',
  leadUnitName: '区发展改革委',
  period: '2026-09',
  status: 'returned',
  deadline: '2026-10-12',
  late: false,
  returnReason: '请补充佐证材料',
  submittedAt: '2026-10-09T02:00:00.000Z',
  reviewedAt: '2026-10-10T02:00:00.000Z',
  isDemo: false,
  summary: '九月进展',
  problems: '',
  items: [
    {
      milestoneId: id(21),
      milestoneName: '出台实施方案',
      weight: 1,
      dueDate: '2026-06-30',
      doneBefore: 0,
      done: 0.5,
      note: '方案已起草',
    },
  ],
  removedItems: [
    {
      milestoneId: id(22),
      milestoneName: '试点镇街推开',
      weight: 2,
      dueDate: '2026-12-31',
      done: 0.2,
      note: '两个镇街已试点，群众反映良好',
      removedAt: '2026-10-20T17:00:00.000Z',
    },
  ],
  evidence: [],
  actions: { edit: true, submit: true, review: false },
};

const project = {
  id: id(10),
  milestoneList: [
    {
      id: id(21),
      name: '出台实施方案',
      weight: 1,
      dueDate: '2026-06-30',
      done: 0,
      doneAt: null,
      overdue: false,
      workdaysLeft: 0,
    },
  ],
} as unknown as ReformProject;

describe('a report’s items of a milestone removed since', () => {
  it('the lead unit reopening its returned report sees what it wrote of the removed milestone, marked; saving sends only live milestones', async () => {
    const sent: Array<{ method: string; body: unknown }> = [];
    renderRoute(
      '/admin/reforms/reports/:id',
      ReportFormPage,
      async (request) => {
        const path = new URL(request.url).pathname;
        if (request.method !== 'GET')
          sent.push({ method: request.method, body: JSON.parse(await request.text()) });
        if (path === '/api/v1/auth/session') return json({ user: null, csrfToken: 'token', menu: [] });
        if (path === `/api/v1/reforms/reports/${id(50)}`) return json(report);
        if (path === `/api/v1/reforms/projects/${id(10)}`) return json(project);
        return notFound();
      },
      `/admin/reforms/reports/${id(50)}`,
    );
    const card = await screen.findByTestId('report-removed-items', {}, { timeout: 10_000 });
    const kept = within(card);
    expect(kept.getByText('节点已删除')).toBeTruthy();
    expect(kept.getByText('试点镇街推开')).toBeTruthy();
    expect(kept.getByText('两个镇街已试点，群众反映良好')).toBeTruthy();
    expect(kept.getByText('20%')).toBeTruthy();
    // Removed at 01:00 on the 21st in China: the day is China's.
    expect(kept.getByText('2026-10-21')).toBeTruthy();
    expect(card.textContent).toContain('不再计入进度');
    fireEvent.click(screen.getByTestId('report-save'));
    await waitFor(() => expect(sent.some((s) => s.method === 'PUT')).toBe(true));
    expect(sent.find((s) => s.method === 'PUT')!.body).toMatchObject({
      items: [{ milestoneId: id(21), done: 0.5, note: '方案已起草' }],
    });
  });
});
