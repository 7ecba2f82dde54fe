import '../../i18n';
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { id, json, notFound, renderRoute } from '../../test-support';
import { RequestsConsolePage } from './RequestsConsolePage';
import type { RequestDetail } from './requests';
import { requestDetailOf, requestSummaryOf } from './testRequests';

const staff = {
  user: { id: id(9), login: 'dept', displayName: '区发展改革委', mustChangePassword: false, grants: [] },
  csrfToken: 'token',
  menu: [{ path: '/admin', label: 'admin.menu.overview' }],
  abilities: [],
};

/** A request with QJ's development commission. */
const summary = (n: number, title: string) => requestSummaryOf({ id: id(n), title });

const named = summary(21, '厂区门口道路仍未修复');
const unnamed = summary(22, '园区污水管网仍然堵塞');
const plain = summary(23, '用电增容');
const details: Record<string, RequestDetail> = {
  [named.id]: requestDetailOf(named, {
    repeated: true,
    repeatOf: { id: id(11), title: '厂区门口道路破损影响货车通行' },
  }),
  // The earlier request went to another department: the server says only that it is a repeat.
  [unnamed.id]: requestDetailOf(unnamed, { repeated: true, repeatOf: null }),
  [plain.id]: requestDetailOf(plain),
};

function openList() {
  renderRoute('/admin/business/requests', RequestsConsolePage, async (request) => {
    const path = new URL(request.url).pathname;
    if (path === '/api/v1/auth/session') return json(staff);
    if (path === '/api/v1/business/requests') return json({ total: 3, items: [named, unnamed, plain] });
    const detail = details[path.split('/').at(-1)!];
    return detail ? json(detail) : notFound();
  });
}

describe('a request raising again an issue its firm raised before', () => {
  it('names the earlier request when the server names it', async () => {
    openList();
    fireEvent.click(await screen.findByText(named.title));
    expect((await screen.findByTestId('request-repeat')).textContent).toBe('厂区门口道路破损影响货车通行');
  });

  it('says it is a repeat without naming a request the reader may not read', async () => {
    openList();
    fireEvent.click(await screen.findByText(unnamed.title));
    expect((await screen.findByTestId('request-repeat')).textContent).toBe('此前诉求（非本单位办理）');
  });

  it('shows nothing of the kind for a request raised the first time', async () => {
    openList();
    fireEvent.click(await screen.findByText(plain.title));
    await screen.findByText(details[plain.id]!.body);
    expect(screen.queryByTestId('request-repeat')).toBeNull();
  });
});
