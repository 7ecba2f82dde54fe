import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { id } from '../../test-support';
import { departmentStaff, renderInbox } from './inbox-links-support';

describe('a department’s message that a returned rectification is reported again', () => {
  it('names the firm and the item, and opens the list of what awaits the department’s verification', async () => {
    const item = {
      id: id(12),
      key: 'inspections.notice.rectificationReportedAgain',
      params: { visitId: id(72), firm: '城西机械', item: '消防设施', date: '2026-12-16' },
      at: '2026-12-18T02:00:00.000Z',
      readAt: null,
    };
    renderInbox(departmentStaff, [], [item]);
    const link = await screen.findByRole('link', {
      name: '整改再次报告：城西机械 在整改被退回后再次报告“消防设施”（2026-12-16 联合检查）整改完成，待本部门验收',
    });
    expect(link.getAttribute('href')).toBe('/admin/inspections/verify');
  });
});
