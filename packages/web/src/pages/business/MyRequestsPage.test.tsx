import '../../i18n';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../api/types';
import { id, json, notFound, renderRoute } from '../../test-support';
import { MyRequestsPage } from './MyRequestsPage';

const session: Session = {
  user: {
    id: id(9),
    login: 'firm1',
    displayName: '黔龙食品',
    mustChangePassword: false,
    grants: [{ role: 'enterprise', unitId: id(2) }],
  },
  csrfToken: 'token',
  menu: [],
  abilities: [],
};

function renderPage() {
  const posted: string[] = [];
  renderRoute('/firm/requests', MyRequestsPage, async (request) => {
    const path = new URL(request.url).pathname;
    if (request.method !== 'GET') posted.push(path);
    if (path === '/api/v1/auth/session') return json(session);
    if (path === '/api/v1/business/requests') return json({ total: 0, items: [], canRaise: true });
    if (path === '/api/v1/business/request-categories')
      return json([{ code: 'policy', name: '政策咨询', nameEn: 'Policy enquiries', sort: 1, active: true }]);
    return notFound();
  });
  return { posted };
}

describe("a firm's own requests", () => {
  it('closes the form to raise one without sending it, and forgets what was typed', async () => {
    const { posted } = renderPage();
    fireEvent.click(await screen.findByTestId('request-raise'));
    const title = await screen.findByLabelText('标题');
    fireEvent.change(title, { target: { value: '厂区道路报修' } });
    fireEvent.click(screen.getByTestId('request-cancel'));
    await waitFor(() => expect(screen.queryByTestId('request-submit')).toBeNull());
    fireEvent.click(screen.getByTestId('request-raise'));
    expect(((await screen.findByLabelText('标题')) as HTMLInputElement).value).toBe('');
    expect(posted).toEqual([]);
  });
});
