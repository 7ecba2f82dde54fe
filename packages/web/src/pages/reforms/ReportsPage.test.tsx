import '../../i18n';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { id, json, notFound, renderRoute } from '../../test-support';
import { ReportsPage } from './ReportsPage';

const owed = (period: string, deadline: string, workdaysLate: number) => ({
  projectId: id(10),
  projectCode: 'QJGG-B001',
  projectName: '优化营商环境攻坚行动',
  leadUnitName: '区发展改革委',
  period,
  deadline,
  workdaysLate,
});

describe('monthly reports: 逾期未报', () => {
  it('lists each month a project owes, with a heading over the days late', async () => {
    renderRoute('/admin/reforms/reports', ReportsPage, async (request: Request) => {
      const path = new URL(request.url).pathname;
      if (path === '/api/v1/auth/session') return json({ user: null, csrfToken: 'token', menu: [] });
      if (path === '/api/v1/reforms/reports')
        return json({
          items: [],
          late: [owed('2026-10', '2026-11-06', 20), owed('2026-09', '2026-10-14', 37)],
          actions: { review: false },
        });
      return notFound();
    });
    fireEvent.click(await screen.findByText('逾期未报', {}, { timeout: 10_000 }));
    expect(await screen.findByText('2026年9月', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByText('2026年10月')).toBeTruthy();
    expect(screen.getAllByText('优化营商环境攻坚行动')).toHaveLength(2);
    const table = screen.getByRole('table');
    expect(within(table).getByRole('columnheader', { name: '逾期时长' })).toBeTruthy();
    expect(screen.getByText('逾期 37 个工作日')).toBeTruthy();
  });
});
