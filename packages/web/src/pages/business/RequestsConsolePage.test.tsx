import '../../i18n';
import { screen, waitFor } from '@testing-library/react';
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
