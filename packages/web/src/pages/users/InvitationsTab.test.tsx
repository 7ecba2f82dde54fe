import '../../i18n';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Invitation } from '../../api/types';
import { id, json, notFound, renderRoute, unavailable } from '../../test-support';
import { UsersPage } from './UsersPage';

const invitation = (n: number, displayName: string, state: Invitation['state']): Invitation => ({
  id: id(n),
  displayName,
  roles: [{ role: 'expert', unitId: id(1), unitName: '黔江区' }],
  invitedBy: '区****',
  state,
  createdAt: '2026-11-30T02:00:00.000Z',
  expiresAt: '2026-12-07T02:00:00.000Z',
  closedAt: state === 'open' ? null : '2026-12-01T02:00:00.000Z',
});

/** The accounts page with a fake API; `revoke` answers the revocation, `failFirst` fails the first list. */
function renderPage(options: { revoke?: () => Response; failFirst?: boolean } = {}) {
  const asked: string[] = [];
  const revoked: string[] = [];
  let open = [invitation(11, '张**', 'open')];
  let lists = 0;
  const fetch = async (request: Request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/users') return json({ items: [], total: 0, page: 1, pageSize: 20 });
    if (url.pathname === '/api/v1/invitations' && request.method === 'GET') {
      lists++;
      if (options.failFirst && lists === 1) return unavailable();
      const state = url.searchParams.get('state') ?? 'open';
      asked.push(state);
      const items = state === 'open' ? open : state === 'revoked' ? [invitation(12, '李**', 'revoked')] : [];
      return json({ items, total: items.length, page: 1, pageSize: 20 });
    }
    if (url.pathname === `/api/v1/invitations/${id(11)}/revoke` && request.method === 'POST') {
      revoked.push(id(11));
      const answer = options.revoke?.() ?? new Response(null, { status: 204 });
      if (answer.status === 204) open = [];
      return answer;
    }
    return notFound();
  };
  renderRoute('/admin/users', UsersPage, fetch);
  return { asked, revoked };
}

const openTab = async () => fireEvent.click(await screen.findByRole('tab', { name: '邀请' }));

describe('the invitations tab', { timeout: 30_000 }, () => {
  it('lists open invitations, and revokes one after asking', async () => {
    const { revoked } = renderPage();
    await openTab();
    const row = (await screen.findByText('张**')).closest('tr')!;
    expect(row.textContent).toContain('专家 · 黔江区');
    expect(within(row).getByText('待接受')).toBeTruthy();
    // The row's button is named by the person invited, as the row shows them.
    fireEvent.click(within(row).getByRole('button', { name: '撤回：张**' }));
    const confirm = await screen.findByRole('dialog');
    expect(confirm.textContent).toContain('撤回给 张** 的邀请？');
    fireEvent.click(within(confirm).getByRole('button', { name: /撤\s*回/ }));
    await waitFor(() => expect(revoked).toEqual([id(11)]));
    expect(await screen.findByText('邀请已撤回')).toBeTruthy();
    await waitFor(() => expect(screen.queryByText('张**')).toBeNull());
  });

  it('shows the invitations of another state when asked', async () => {
    const { asked } = renderPage();
    await openTab();
    await screen.findByText('张**');
    fireEvent.click(screen.getByText('已撤回'));
    expect(await screen.findByText('李**')).toBeTruthy();
    expect(asked).toEqual(['open', 'revoked']);
    expect(screen.queryByRole('button', { name: '撤回' })).toBeNull();
  });

  it('says why a revocation was refused, in the reader’s language', async () => {
    renderPage({
      revoke: () =>
        json(
          {
            type: 'about:blank',
            title: 'Conflict',
            status: 409,
            code: 'CONFLICT',
            errors: [
              { path: 'invitation', message: 'the invitation was accepted', code: 'invitation_accepted' },
            ],
          },
          409,
        ),
    });
    await openTab();
    const row = (await screen.findByText('张**')).closest('tr')!;
    fireEvent.click(within(row).getByRole('button', { name: '撤回：张**' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: /撤\s*回/ }));
    expect(await screen.findByText(/该邀请已被接受/)).toBeTruthy();
  });

  it('says the list failed to load, with a retry, rather than that there are none', async () => {
    renderPage({ failFirst: true });
    await openTab();
    fireEvent.click(await screen.findByTestId('load-retry'));
    expect(await screen.findByText('张**')).toBeTruthy();
  });
});
