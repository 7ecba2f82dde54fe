import '../../i18n';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { id, json, notFound, renderRoute } from '../../test-support';
import { RequestsConsolePage } from './RequestsConsolePage';
import type { RequestSummary } from './requests';
import { requestDetailOf } from './testRequests';

const departmentStaff = {
  user: {
    id: id(9),
    login: 'dept',
    displayName: '区发展改革委',
    mustChangePassword: false,
    grants: [{ role: 'department_staff', unitId: id(3) }],
  },
  csrfToken: 'token',
  menu: [{ path: '/admin', label: 'admin.menu.overview' }],
  abilities: [],
};

const summary: RequestSummary = {
  id: id(21),
  title: '厂区道路积水',
  status: 'routed',
  firmId: id(30),
  firmName: '重庆黔龙食品有限公司',
  categoryCode: 'infrastructure',
  categoryName: '基础设施',
  departmentId: id(3),
  departmentName: '区发展改革委',
  suggestedDepartmentId: id(3),
  suggestedDepartmentName: '区发展改革委',
  suggestionConfidence: 0.9,
  dueOn: '2026-12-11',
  workdaysLeft: 5,
  dueState: 'on_time',
  dueProvisional: null,
  pendingExtension: false,
  pendingAppeal: false,
  createdAt: '2026-12-04T02:00:00.000Z',
};

const detail = requestDetailOf(summary, { body: '雨后厂区门口道路积水，货车无法进出。' });

/** The console at `address`, its list holding the one request, which reads as `read` answers. */
function openAt(address: string, read: () => Response = () => json(detail)) {
  return renderRoute(
    '/admin/business/requests',
    RequestsConsolePage,
    async (request) => {
      const path = new URL(request.url).pathname;
      if (path === '/api/v1/auth/session') return json(departmentStaff);
      if (path === '/api/v1/business/requests') return json({ total: 1, items: [summary] });
      if (path === `/api/v1/business/requests/${summary.id}`) return read();
      return notFound();
    },
    address,
  );
}

/** The drawer's text, or null while it is closed. */
const drawerText = () => document.querySelector('.ant-drawer-open')?.textContent ?? null;

describe('a request’s drawer, which has an address of its own', () => {
  it('opens from the address, as a department’s notice links to it', async () => {
    openAt(`/admin/business/requests?request=${summary.id}`);
    await waitFor(() => expect(drawerText()).toContain('雨后厂区门口道路积水'));
    expect(document.querySelector('.ant-drawer-open .ant-drawer-title')?.textContent).toBe('厂区道路积水');
  });

  it('leaves no empty gap where the actions would be when the reader may take none', async () => {
    openAt(`/admin/business/requests?request=${summary.id}`);
    await waitFor(() => expect(drawerText()).toContain('雨后厂区门口道路积水'));
    const view = document.querySelector('.ant-drawer-open [data-testid="request-view"]')!;
    const parts = [...view.children];
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.filter((part) => part.textContent === '').map((p) => p.outerHTML)).toEqual([]);
  });

  it('is put in the address when a row is clicked and taken out on closing, back and forward following', async () => {
    const router = openAt('/admin/business/requests?flag=overdue');
    // The row's title is the button a keyboard opens it by, named by the request.
    fireEvent.click(await screen.findByRole('button', { name: '厂区道路积水' }));
    await waitFor(() => expect(drawerText()).toContain('雨后厂区门口道路积水'));
    // The filters the address had are kept beside it.
    expect(Object.fromEntries(new URLSearchParams(router.state.location.search))).toEqual({
      flag: 'overdue',
      request: summary.id,
    });

    fireEvent.click(document.querySelector('.ant-drawer-open .ant-drawer-close')!);
    await waitFor(() => expect(router.state.location.search).toBe('?flag=overdue'));
    await waitFor(() => expect(drawerText()).toBeNull());

    await act(() => router.navigate(-1));
    expect(new URLSearchParams(router.state.location.search).get('request')).toBe(summary.id);
    await waitFor(() => expect(drawerText()).toContain('雨后厂区门口道路积水'));
    await act(() => router.navigate(1));
    expect(router.state.location.search).toBe('?flag=overdue');
    await waitFor(() => expect(drawerText()).toBeNull());
  });

  it('says so when the request the address names cannot be read, and leaves it out of the address', async () => {
    const router = openAt(`/admin/business/requests?request=${summary.id}`, () =>
      json({ type: 'about:blank', title: 'Not Found', status: 404, code: 'NOT_FOUND' }, 404),
    );
    expect(await screen.findByText(/不存在|找不到|未找到/)).toBeTruthy();
    await waitFor(() => expect(router.state.location.search).toBe(''));
    expect(drawerText()).toBeNull();
  });
});
