import '../../i18n';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { id, json, notFound, renderRoute } from '../../test-support';
import { ReportFormPage } from './ReportFormPage';
import type { Plan, Report } from './shared';

const plan: Plan = {
  id: id(2),
  unitId: id(3),
  unitName: '区发展改革委',
  year: 2026,
  status: 'approved',
  contactName: '',
  contactPhone: '',
  returnReason: null,
  submittedAt: null,
  reviewedAt: null,
  itemCount: 0,
  isDemo: false,
  updatedAt: '2026-01-12T02:00:00.000Z',
  actions: { edit: false, submit: false, review: false, report: true, reopen: false },
  items: [],
};

const report = (period: string, deadline: string, deadlineProvisional: number | null): Report => ({
  id: id(1),
  planId: plan.id,
  unitId: plan.unitId,
  unitName: plan.unitName,
  period,
  status: 'draft',
  deadline,
  late: false,
  deadlineProvisional,
  returnReason: null,
  submittedAt: null,
  valueCount: 0,
  isDemo: false,
  updatedAt: '2026-01-12T02:00:00.000Z',
  values: [],
  evidence: [],
  actions: { edit: true, submit: false, review: false },
});

function renderReport(r: Report) {
  renderRoute(
    '/admin/targets/reports/:id',
    ReportFormPage,
    async (request) => {
      const path = new URL(request.url).pathname;
      if (path === '/api/v1/auth/session') return json({ user: null, csrfToken: 'token' });
      if (path === `/api/v1/targets/reports/${r.id}`) return json(r);
      if (path === `/api/v1/targets/plans/${plan.id}`) return json(plan);
      return notFound();
    },
    `/admin/targets/reports/${r.id}`,
  );
}

describe('the report form’s deadline', () => {
  it('warns that it is provisional while next year’s holiday calendar is not loaded', async () => {
    renderReport(report('2026Q4', '2027-01-15', 2027));
    expect((await screen.findByTestId('report-deadline')).textContent).toContain('2027-01-15');
    expect((await screen.findByTestId('report-deadline-provisional')).textContent).toBe(
      '该截止日期为暂定：2027 年法定节假日安排尚未载入，暂按周一至周五计算，未计节假日和调休，载入后可能变化。',
    );
  });

  it('gives no warning once the calendar covers it', async () => {
    renderReport(report('2026Q3', '2026-10-20', null));
    expect(await screen.findByTestId('report-deadline')).toBeTruthy();
    expect(screen.queryByTestId('report-deadline-provisional')).toBeNull();
  });
});
