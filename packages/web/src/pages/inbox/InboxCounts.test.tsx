import '../../i18n';
import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Session } from '../../api/types';
import { changeLocale } from '../../i18n';
import { id, json, notFound, renderRoute } from '../../test-support';
import { InboxPage } from './InboxPage';

afterEach(() => changeLocale('zh-CN'));

const session: Session = {
  user: {
    id: id(5),
    login: 'dept',
    displayName: '发展改革委 经办人',
    mustChangePassword: false,
    grants: [{ role: 'department_staff', unitId: id(2) }],
  },
  csrfToken: 'token',
  menu: [],
  abilities: [],
};

// As the reminders send it: the working days left under their own name.
const milestoneDue = (n: number, workdaysLeft: number) => ({
  id: id(n),
  key: 'reforms.notice.milestoneDue',
  params: {
    projectId: id(9),
    projectName: '优化营商环境攻坚行动',
    milestone: `节点${n}`,
    dueDate: '2026-12-08',
    workdaysLeft,
  },
  at: '2026-12-08T01:00:00.000Z',
  readAt: null,
});

function renderInbox(items: unknown[] = [milestoneDue(1, 0), milestoneDue(2, 1), milestoneDue(3, 3)]) {
  const fetch = async (request: Request) => {
    const path = new URL(request.url).pathname;
    if (path === '/api/v1/auth/session') return json(session);
    if (path === '/api/v1/inbox') return json(items);
    return notFound();
  };
  renderRoute('/inbox', InboxPage, fetch);
}

const extensionAsked = (n: number, workdays: number) => ({
  id: id(n),
  key: 'business.notice.extensionAsked',
  params: { requestId: id(8), title: '用电增容', department: '区经济信息委', workdays, dueOn: '2026-12-10' },
  at: '2026-12-07T01:00:00.000Z',
  readAt: null,
});

describe('an extension asked, in my messages', () => {
  it('counts the working days asked for in English, one in the singular', async () => {
    await changeLocale('en');
    renderInbox([extensionAsked(4, 1), extensionAsked(5, 2)]);
    expect(
      await screen.findByText(
        "区经济信息委 asks for 1 more working day on the firm's request “用电增容”, due on 2026-12-10; please decide",
      ),
    ).toBeTruthy();
    expect(
      screen.getByText(
        "区经济信息委 asks for 2 more working days on the firm's request “用电增容”, due on 2026-12-10; please decide",
      ),
    ).toBeTruthy();
  });
});

describe('a milestone falling due, in my messages', () => {
  it('is due today on its last day, not due with 0 working days left', async () => {
    renderInbox();
    expect(await screen.findByText('“优化营商环境攻坚行动”的节点“节点1”今天（2026-12-08）到期')).toBeTruthy();
    expect(
      screen.getByText('“优化营商环境攻坚行动”的节点“节点3”将于 2026-12-08 到期，还剩 3 个工作日'),
    ).toBeTruthy();
    expect(screen.queryByText(/还剩 0 个工作日/)).toBeNull();
  });

  it('counts the working days in English, one in the singular', async () => {
    await changeLocale('en');
    renderInbox();
    expect(
      await screen.findByText('Milestone “节点1” of “优化营商环境攻坚行动” is due today, 2026-12-08'),
    ).toBeTruthy();
    expect(
      screen.getByText(
        'Milestone “节点2” of “优化营商环境攻坚行动” is due on 2026-12-08, 1 working day from now',
      ),
    ).toBeTruthy();
    expect(
      screen.getByText(
        'Milestone “节点3” of “优化营商环境攻坚行动” is due on 2026-12-08, 3 working days from now',
      ),
    ).toBeTruthy();
  });
});
