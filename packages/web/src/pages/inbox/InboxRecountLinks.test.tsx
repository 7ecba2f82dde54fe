import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { id } from '../../test-support';
import { departmentStaff, firmStaff, renderInbox, requestId } from './inbox-links-support';

describe('a message of due dates counted again on a change of the holidays', () => {
  const notice = (key: string, params: Record<string, unknown>) => ({
    id: id(11),
    key,
    params: { year: 2027, ...params },
    at: '2027-01-06T02:00:00.000Z',
    readAt: null,
  });

  it('opens the one request moved, for the department and for the firm', async () => {
    const moved = { count: 1, requestId, title: '用电增容', dueBefore: '2027-01-20', dueOn: '2027-01-21' };
    renderInbox(departmentStaff, [], [notice('business.notice.dueRecounted', moved)]);
    const link = await screen.findByRole('link', {
      name: '2027 年节假日安排调整，企业诉求“用电增容”的办理期限由 2027-01-20 重新计算为 2027-01-21',
    });
    expect(link.getAttribute('href')).toBe(`/admin/business/requests?request=${requestId}`);
  });

  it('says how many moved, and opens none of them, when several did', async () => {
    renderInbox(firmStaff, [], [notice('business.notice.firmDueRecountedMany', { count: 3 })]);
    expect(
      await screen.findByText(
        '2027 年节假日安排调整，您的 3 件诉求的办理期限已按新安排重新计算，请在“我的诉求”中查看',
      ),
    ).toBeTruthy();
    expect(screen.queryAllByRole('link')).toHaveLength(0);
  });

  it('opens the quarterly report, the firm’s visit and the department’s follow-up it is about', async () => {
    const reportId = id(70);
    const visitId = id(71);
    const cases = [
      {
        user: departmentStaff,
        item: notice('targets.notice.dueRecounted', {
          count: 1,
          reportId,
          unit: '区发展改革委',
          periodYear: 2026,
          quarter: 4,
          dueBefore: '2027-01-14',
          dueOn: '2027-01-15',
        }),
        name: '2027 年节假日安排调整，区发展改革委 2026年第4季度报送的截止日期由 2027-01-14 重新计算为 2027-01-15',
        href: `/admin/targets/reports/${reportId}`,
      },
      {
        user: firmStaff,
        item: notice('inspections.notice.firmDueRecounted', {
          count: 1,
          visitId,
          date: '2026-12-28',
          firm: '城西机械',
          item: '消防设施',
          dueBefore: '2027-01-05',
          dueOn: '2027-01-06',
        }),
        name: '2027 年节假日安排调整，2026-12-28 联合检查中“消防设施”的整改期限由 2027-01-05 重新计算为 2027-01-06',
        href: `/firm/visits/${visitId}`,
      },
      {
        user: departmentStaff,
        item: notice('inspections.notice.dueRecounted', {
          count: 1,
          visitId,
          date: '2026-12-28',
          firm: '城西机械',
          item: '消防设施',
          dueBefore: '2027-01-05',
          dueOn: '2027-01-06',
        }),
        name: '2027 年节假日安排调整，城西机械“消防设施”（2026-12-28 的联合检查）的整改期限由 2027-01-05 重新计算为 2027-01-06',
        href: '/admin/inspections/plans',
      },
    ];
    for (const { user, item, name, href } of cases) {
      const { unmount } = renderInbox(user, [], [item]);
      expect((await screen.findByRole('link', { name })).getAttribute('href')).toBe(href);
      unmount();
    }
  });
});

describe('a unit’s message about its catch-up plan, report or ranking', () => {
  const notice = (key: string, params: Record<string, unknown>) => ({
    id: id(key.length),
    key,
    params,
    at: '2026-12-04T02:00:00.000Z',
    readAt: null,
  });

  it('opens the plan returned, with its reason, and is read once opened', async () => {
    const read: string[] = [];
    const planId = id(70);
    const returned = notice('targets.plan.returned', {
      planId,
      year: 2026,
      unit: '区发展改革委',
      reason: '补充对标依据',
    });
    renderInbox(departmentStaff, read, [returned]);
    const link = await screen.findByRole('link', {
      name: '区发展改革委2026年追赶实施计划被退回：补充对标依据',
    });
    expect(link.getAttribute('href')).toBe(`/admin/targets/plans/${planId}`);
    fireEvent.click(link);
    expect(await screen.findByText(`targets plan ${planId}`)).toBeTruthy();
    await waitFor(() => expect(read).toEqual([id('targets.plan.returned'.length)]));
  });

  it('opens the quarterly report approved', async () => {
    const reportId = id(71);
    const approved = notice('targets.report.approved', {
      reportId,
      period: '2026Q3',
      year: 2026,
      q: 3,
      unit: '区发展改革委',
    });
    renderInbox(departmentStaff, [], [approved]);
    const link = await screen.findByRole('link', { name: '区发展改革委2026年第3季度报送已审核通过' });
    expect(link.getAttribute('href')).toBe(`/admin/targets/reports/${reportId}`);
  });

  it('opens the leaderboard of the quarter published', async () => {
    const published = notice('targets.scorecard.published', { period: '2026Q3', year: 2026, q: 3 });
    renderInbox(departmentStaff, [], [published]);
    const link = await screen.findByRole('link', { name: '2026年第3季度赶超晾晒榜已发布' });
    expect(link.getAttribute('href')).toBe('/targets/leaderboard?quarter=2026Q3');
    fireEvent.click(link);
    expect(await screen.findByText('leaderboard 2026Q3')).toBeTruthy();
  });
});
