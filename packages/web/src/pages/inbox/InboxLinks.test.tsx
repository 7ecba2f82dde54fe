import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { id } from '../../test-support';
import {
  citizen,
  departmentStaff,
  firmStaff,
  messages,
  office,
  renderInbox,
  requestId,
} from './inbox-links-support';

describe('a message about a firm’s request', () => {
  it('opens the request’s page for the firm’s staff, and is read once opened', async () => {
    const read: string[] = [];
    renderInbox(firmStaff, read);
    const link = await screen.findByRole('link', {
      name: '您的诉求“用电增容”已交由区发展改革委办理，答复期限为 2026-12-18',
    });
    expect(link.getAttribute('href')).toBe(`/firm/requests/${requestId}`);
    // A message that names no page stays plain text.
    expect(screen.getAllByRole('link')).toHaveLength(1);
    fireEvent.click(link);
    expect(await screen.findByText(`request page ${requestId}`)).toBeTruthy();
    await waitFor(() => expect(read).toEqual([id(1)]));
  });

  it('opens the request in the console’s drawer for a department’s staff, by its address', async () => {
    const read: string[] = [];
    const routed = {
      ...messages[0]!,
      key: 'business.notice.routed',
      params: { requestId, department: '区发展改革委', title: '用电增容' },
    };
    renderInbox(departmentStaff, read, [routed]);
    const link = await screen.findByRole('link', {
      name: '企业诉求“用电增容”已分办至区发展改革委，请及时答复',
    });
    expect(link.getAttribute('href')).toBe(`/admin/business/requests?request=${requestId}`);
    fireEvent.click(link);
    expect(await screen.findByText(`console request ${requestId}`)).toBeTruthy();
    await waitFor(() => expect(read).toEqual([id(1)]));
  });
});

describe('a message about a firm’s request to decide, or one that left a department', () => {
  it('opens the request in the console’s drawer for the office, which decides the extension', async () => {
    const asked = {
      ...messages[0]!,
      key: 'business.notice.extensionAsked',
      params: { requestId, department: '区发展改革委', title: '用电增容', workdays: 3, dueOn: '2026-12-18' },
    };
    renderInbox(office, [], [asked]);
    const link = await screen.findByRole('link', {
      name: '区发展改革委申请将企业诉求“用电增容”的办理期限（2026-12-18）延长 3 个工作日，请审批',
    });
    expect(link.getAttribute('href')).toBe(`/admin/business/requests?request=${requestId}`);
    fireEvent.click(link);
    expect(await screen.findByText(`console request ${requestId}`)).toBeTruthy();
  });

  it('opens nothing for the department the request left, which no longer reads it', async () => {
    const left = {
      ...messages[0]!,
      key: 'business.notice.reroutedAway',
      params: { requestId, department: '区发展改革委', to: '区经济信息委', title: '用电增容' },
    };
    renderInbox(departmentStaff, [], [left]);
    expect(
      await screen.findByText('企业诉求“用电增容”已由区发展改革委改派至区经济信息委办理，无需再答复'),
    ).toBeTruthy();
    expect(screen.queryAllByRole('link')).toHaveLength(0);
  });
});

describe('a message about a suggestion', () => {
  const suggestionId = id(50);
  const about = (key: string) => ({
    id: id(key.length),
    key: `ideas.notice.${key}`,
    params: { suggestionId, title: `${key}的建议` },
    at: '2026-12-04T02:00:00.000Z',
    readAt: null,
  });

  it('names the suggestion and opens its public page once it passed screening', async () => {
    const read: string[] = [];
    renderInbox(citizen, read, [about('accepted')]);
    const link = await screen.findByRole('link', { name: '建议“accepted的建议”已通过初筛' });
    expect(link.getAttribute('href')).toBe(`/ideas/${suggestionId}`);
    fireEvent.click(link);
    expect(await screen.findByText(`suggestion page ${suggestionId}`)).toBeTruthy();
    await waitFor(() => expect(read).toEqual([id('accepted'.length)]));
  });

  it('says a reform project taken from the suggestion was withdrawn, and why, and opens its public page', async () => {
    const withdrawn = {
      ...about('reformWithdrawn'),
      params: {
        suggestionId,
        title: '开通公交接驳专线',
        projectName: '公交接驳改革',
        reason: '与区级项目重复',
      },
    };
    renderInbox(citizen, [], [withdrawn]);
    const link = await screen.findByRole('link', {
      name: '由建议“开通公交接驳专线”转化的改革项目“公交接驳改革”已撤销，理由：与区级项目重复',
    });
    expect(link.getAttribute('href')).toBe(`/ideas/${suggestionId}`);
  });

  it('opens the author’s own list for a suggestion the public cannot read', async () => {
    renderInbox(citizen, [], [about('rejected')]);
    const link = await screen.findByRole('link', { name: '建议“rejected的建议”未通过初筛' });
    expect(link.getAttribute('href')).toBe('/ideas/mine');
  });
});

describe('a message about a reform project', () => {
  const projectId = id(60);
  const reportId = id(61);
  const notice = (key: string, params: Record<string, unknown>) => ({
    id: id(key.length),
    key: `reforms.notice.${key}`,
    params,
    at: '2026-12-04T02:00:00.000Z',
    readAt: null,
  });

  it('opens the project a change of its deadline is about, for the lead unit', async () => {
    const read: string[] = [];
    const moved = notice('deadlineMoved', {
      projectId,
      projectName: '企业开办一日办结',
      from: '2026-12-31',
      to: '2027-06-30',
    });
    renderInbox(departmentStaff, read, [moved]);
    const link = await screen.findByRole('link', {
      name: '区委改革办将“企业开办一日办结”的完成时限由 2026-12-31 调整为 2027-06-30',
    });
    expect(link.getAttribute('href')).toBe(`/admin/reforms/projects/${projectId}`);
    fireEvent.click(link);
    expect(await screen.findByText(`reform project ${projectId}`)).toBeTruthy();
  });

  it('opens the project a co-unit is told it works on', async () => {
    const told = notice('coAssigned', {
      projectId,
      projectName: '企业开办一日办结',
      leadUnitName: '区市场监管局',
      endDate: '2027-06-30',
    });
    renderInbox(departmentStaff, [], [told]);
    const link = await screen.findByRole('link', {
      name: '你单位被列为“企业开办一日办结”的配合单位（牵头单位：区市场监管局），完成时限 2027-06-30',
    });
    expect(link.getAttribute('href')).toBe(`/admin/reforms/projects/${projectId}`);
  });

  it('opens the report a returned report’s message is about', async () => {
    const returned = notice('returned', {
      reportId,
      projectName: '企业开办一日办结',
      period: '2026-11',
      reason: '补充文号',
    });
    renderInbox(departmentStaff, [], [returned]);
    const link = await screen.findByRole('link', { name: /企业开办一日办结.*被退回：补充文号/ });
    expect(link.getAttribute('href')).toBe(`/admin/reforms/reports/${reportId}`);
  });
});

describe('an inspector’s message of a visit assigned', () => {
  it('names the firm and the date, opens the visit’s page, and is read once opened', async () => {
    const read: string[] = [];
    const visitId = id(60);
    const assigned = {
      id: id(9),
      key: 'inspections.notice.assigned',
      params: { visitId, firm: '城西机械', date: '2026-12-16', departments: '区市场监管局、区应急管理局' },
      at: '2026-12-04T02:00:00.000Z',
      readAt: null,
    };
    renderInbox(departmentStaff, read, [assigned]);
    const link = await screen.findByRole('link', {
      name: '检查安排：2026-12-16 您将参加对城西机械的联合检查（区市场监管局、区应急管理局）',
    });
    expect(link.getAttribute('href')).toBe(`/inspections/visits/${visitId}`);
    fireEvent.click(link);
    expect(await screen.findByText(`visit page ${visitId}`)).toBeTruthy();
    await waitFor(() => expect(read).toEqual([id(9)]));
  });
});

describe('a message of a visit’s results, of a rectification confirmed, of a visit planned', () => {
  const visitId = id(61);
  const notice = (key: string, params: Record<string, unknown>) => ({
    id: id(key.length),
    key,
    params,
    at: '2026-12-18T02:00:00.000Z',
    readAt: null,
  });

  it('opens the visit’s results for the firm, the visit for its inspector, the firm’s page for a plan', async () => {
    const cases = [
      {
        user: firmStaff,
        item: notice('inspections.notice.results', { visitId, date: '2026-12-16', items: 3, issues: 1 }),
        name: '检查结果：2026-12-16 的联合检查已完成，共 3 项，其中 1 项需要整改，请在“我的企业”中查看并按期整改',
        href: `/firm/visits/${visitId}`,
      },
      {
        user: departmentStaff,
        item: notice('inspections.notice.rectified', {
          visitId,
          firm: '城西机械',
          item: '消防设施',
          date: '2026-12-16',
        }),
        name: '整改确认：城西机械 已确认“消防设施”整改完成（2026-12-16 的联合检查）',
        href: `/inspections/visits/${visitId}`,
      },
      {
        user: firmStaff,
        item: notice('inspections.notice.rectificationReturned', {
          visitId,
          firm: '城西机械',
          item: '消防设施',
          date: '2026-12-16',
          reason: '灭火器仍未年检',
          dueDate: '2026-12-30',
        }),
        name: '整改被退回：2026-12-16 联合检查中“消防设施”的整改未通过验收，理由：灭火器仍未年检。请于 2026-12-30 前重新整改并确认',
        href: `/firm/visits/${visitId}`,
      },
      {
        user: firmStaff,
        item: notice('inspections.notice.rectificationAccepted', {
          visitId,
          firm: '城西机械',
          item: '消防设施',
          date: '2026-12-16',
        }),
        name: '整改验收通过：2026-12-16 联合检查中“消防设施”的整改已验收通过，该问题已销号',
        href: `/firm/visits/${visitId}`,
      },
      {
        user: firmStaff,
        item: notice('inspections.notice.visit', {
          visitId,
          date: '2026-12-16',
          departments: '区市场监管局',
          items: '消防设施',
        }),
        name: '综合查一次：2026-12-16，区市场监管局将到企业联合检查，检查事项：消防设施',
        href: '/firm',
      },
      {
        user: firmStaff,
        item: notice('inspections.notice.visitMoved', {
          visitId,
          firm: '城西机械',
          from: '2026-12-16',
          to: '2026-12-18',
          reason: '暴雨预警',
          departments: '区市场监管局',
        }),
        name: '综合查一次改期：原定 2026-12-16 由区市场监管局到企业的联合检查改为 2026-12-18。原因：暴雨预警',
        href: '/firm',
      },
      {
        user: departmentStaff,
        item: notice('inspections.notice.visitMovedTeam', {
          visitId,
          firm: '城西机械',
          from: '2026-12-16',
          to: '2026-12-18',
          reason: '暴雨预警',
          departments: '区市场监管局',
        }),
        name: '检查改期：您对城西机械的检查由 2026-12-16 改为 2026-12-18。原因：暴雨预警',
        href: `/inspections/visits/${visitId}`,
      },
      {
        user: departmentStaff,
        item: notice('inspections.notice.visitMovedDepartment', {
          visitId,
          firm: '城西机械',
          from: '2026-12-16',
          to: '2026-12-18',
          reason: '暴雨预警',
          departments: '区市场监管局',
        }),
        name: '联合检查改期：对城西机械的检查（区市场监管局）由 2026-12-16 改为 2026-12-18。原因：暴雨预警',
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
