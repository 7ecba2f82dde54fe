import '../../i18n';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../api/types';
import { id, json, notFound, publicSuggestion, renderRoute } from '../../test-support';
import { DetailPage } from './DetailPage';

const citizen: Session = {
  user: {
    id: id(5),
    login: '13912345678',
    displayName: '向明',
    mustChangePassword: false,
    grants: [{ role: 'citizen', unitId: id(2) }],
  },
  csrfToken: 'token',
  menu: [{ path: '/ideas/mine', label: 'ideas.menu.mine' }],
  abilities: [],
};

function renderDetail(session: Session | null, supports = 127) {
  const sent: Array<{ method: string; path: string; body: unknown }> = [];
  let following = false;
  const fetch = async (request: Request) => {
    const path = new URL(request.url).pathname;
    const body = request.method === 'GET' ? undefined : await request.text();
    if (request.method !== 'GET')
      sent.push({ method: request.method, path, body: body ? JSON.parse(body) : null });
    if (path === '/api/v1/auth/session') return json(session ?? { user: null, csrfToken: 'token' });
    if (path === '/api/v1/public/campaign') return json({ domains: [], survey: [] });
    if (path === '/api/v1/units') return json([]);
    if (path === `/api/v1/public/suggestions/${id(1)}`) return json(publicSuggestion({ supports }));
    if (path === `/api/v1/public/suggestions/${id(1)}/comments`) return json([]);
    if (path === `/api/v1/public/suggestions/${id(1)}/support-code`) return json({ expiresInSeconds: 600 });
    if (path === `/api/v1/public/suggestions/${id(1)}/support`) return json({ supports: 128, counted: true });
    if (path === `/api/v1/me/following/${id(1)}`) {
      if (request.method === 'PUT') following = true;
      if (request.method === 'DELETE') following = false;
      return json({ following });
    }
    return notFound();
  };
  renderRoute('/ideas/:id', DetailPage, fetch, `/ideas/${id(1)}`);
  return { sent };
}

describe('supporting and following a suggestion', () => {
  it('says what it counts as one person', async () => {
    renderDetail(null);
    expect(await screen.findByText('127 人支持')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '怎样算一人？' }));
    expect(await screen.findByText(/每个经短信验证的手机号算一人/)).toBeTruthy();
    expect(screen.queryByTestId('follow')).toBeNull();
  });

  it('writes a large count as the other figures of the site do, with separators', async () => {
    renderDetail(null, 2058);
    expect(await screen.findByText('2,058 人支持')).toBeTruthy();
    expect(screen.getByTestId(`support-${id(1)}`).textContent).toContain('支持这条（2,058）');
  });

  it('asks an anonymous supporter to prove a phone by a code', async () => {
    const { sent } = renderDetail(null);
    fireEvent.click(await screen.findByTestId(`support-${id(1)}`));
    fireEvent.change(await screen.findByLabelText('手机号'), { target: { value: '13987654321' } });
    fireEvent.click(screen.getByTestId('support-phone-send-code'));
    await waitFor(() =>
      expect(sent.map((s) => s.path)).toContain(`/api/v1/public/suggestions/${id(1)}/support-code`),
    );
    fireEvent.change(screen.getByLabelText('短信验证码'), { target: { value: '135790' } });
    fireEvent.click(screen.getByRole('button', { name: '确认支持' }));
    await waitFor(() => expect(screen.getByText('128 人支持')).toBeTruthy());
    expect(sent.at(-1)).toEqual({
      method: 'POST',
      path: `/api/v1/public/suggestions/${id(1)}/support`,
      body: { phone: '13987654321', code: '135790' },
    });
  });

  it('lets a signed-in citizen support at once, and follow and unfollow', async () => {
    const { sent } = renderDetail(citizen);
    fireEvent.click(await screen.findByTestId(`support-${id(1)}`));
    await waitFor(() => expect(screen.getByText('128 人支持')).toBeTruthy());
    // antd spaces out a two-character label (关 注). The label turns with the reloaded state, a
    // moment before the button leaves its loading state, when a click would be ignored.
    const label = async () => {
      const button = await screen.findByTestId('follow');
      return button.classList.contains('ant-btn-loading') ? 'busy' : button.textContent?.replace(/\s/g, '');
    };
    expect(await label()).toBe('关注');
    fireEvent.click(screen.getByTestId('follow'));
    await waitFor(async () => expect(await label()).toBe('取消关注'));
    fireEvent.click(screen.getByTestId('follow'));
    await waitFor(async () => expect(await label()).toBe('关注'));
    expect(sent.map((s) => `${s.method} ${s.path}`)).toEqual([
      `POST /api/v1/public/suggestions/${id(1)}/support`,
      `PUT /api/v1/me/following/${id(1)}`,
      `DELETE /api/v1/me/following/${id(1)}`,
    ]);
  });
});
