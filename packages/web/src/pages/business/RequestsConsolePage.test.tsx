import '../../i18n';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { id, json, renderRoute } from '../../test-support';
import { RequestsConsolePage } from './RequestsConsolePage';

const supervisor = {
  user: { id: id(9), login: 'jiwei', displayName: '纪委', mustChangePassword: false, grants: [] },
  csrfToken: 'token',
  menu: [{ path: '/admin', label: 'admin.menu.overview' }],
  abilities: [],
};

/** Opens the list at an address, recording the query of every list request it sends. */
function openAt(address: string) {
  const asked: URLSearchParams[] = [];
  renderRoute(
    '/admin/business/requests',
    RequestsConsolePage,
    async (request) => {
      const url = new URL(request.url);
      if (url.pathname === '/api/v1/auth/session') return json(supervisor);
      if (url.pathname === '/api/v1/business/requests') asked.push(url.searchParams);
      return json({ total: 0, items: [] });
    },
    address,
  );
  return asked;
}

describe('the requests list opened from a supervision figure', () => {
  it('filters by the status the address names (the requests awaiting routing), and shows that filter', async () => {
    const asked = openAt('/admin/business/requests?status=submitted');
    await waitFor(() => expect(asked.length).toBeGreaterThan(0));
    expect(asked.every((q) => q.get('status') === 'submitted')).toBe(true);
    expect(await screen.findByText('待分办')).toBeTruthy();
  });

  it('ignores a status it does not know', async () => {
    const asked = openAt('/admin/business/requests?status=nonsense');
    await waitFor(() => expect(asked.length).toBeGreaterThan(0));
    expect(asked[0]!.has('status')).toBe(false);
  });
});

describe('a request clicked in the list that is no longer the reader’s', () => {
  it('says so and reads the list again, instead of failing without a word', async () => {
    let listed = 0;
    renderRoute('/admin/business/requests', RequestsConsolePage, async (request) => {
      const url = new URL(request.url);
      if (url.pathname === '/api/v1/auth/session') return json(supervisor);
      if (url.pathname === '/api/v1/business/requests') {
        listed += 1;
        return json({
          total: 1,
          items: [
            {
              id: id(21),
              title: '厂区道路积水',
              status: 'routed',
              firmId: id(30),
              firmName: '重庆黔龙食品有限公司',
              categoryCode: 'policy',
              categoryName: '政策咨询',
              departmentId: id(3),
              departmentName: '区发展改革委',
              dueOn: '2026-12-11',
              workdaysLeft: 5,
              dueState: 'on_time',
              dueProvisional: null,
              pendingExtension: false,
              pendingAppeal: false,
              createdAt: '2026-12-04T02:00:00.000Z',
            },
          ],
        });
      }
      return json({ type: 'about:blank', title: 'Not Found', status: 404, code: 'NOT_FOUND' }, 404);
    });
    fireEvent.click(await screen.findByText('厂区道路积水'));
    expect(await screen.findByText(/不存在|找不到|未找到/)).toBeTruthy();
    await waitFor(() => expect(listed).toBe(2));
  });
});
