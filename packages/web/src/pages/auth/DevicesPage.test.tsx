import '../../i18n';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../api/types';
import { id, json, renderRoute, unavailable } from '../../test-support';
import { DevicesPage } from './DevicesPage';

const session: Session = {
  user: { id: id(1), login: 'zhou.min', displayName: '周敏', mustChangePassword: false, grants: [] },
  csrfToken: 'token',
  menu: [],
  abilities: [],
};

const device = (n: number, over: Record<string, unknown> = {}) => ({
  id: id(n),
  createdAt: '2026-03-01T01:00:00.000Z',
  lastUsedAt: '2026-06-02T02:30:00.000Z',
  expiresAt: '2026-08-28T01:00:00.000Z',
  address: '10.98.7.*',
  browser: 'Chrome, Windows',
  current: false,
  ...over,
});

describe('the remembered devices page', () => {
  it('lists each device with its times, masked address and browser, marks this one, and forgets one', async () => {
    const deleted: string[] = [];
    const fetch = async (request: Request) => {
      const path = new URL(request.url).pathname;
      if (path === '/api/v1/auth/session') return json(session);
      if (path === '/api/v1/auth/devices')
        return json({ items: [device(2, { current: true }), device(3, { address: '', browser: '' })] });
      if (request.method === 'DELETE' && path.startsWith('/api/v1/auth/devices/')) {
        deleted.push(path.split('/').at(-1)!);
        return new Response(null, { status: 204 });
      }
      return json({ type: 'about:blank', title: 'x', status: 404, code: 'NOT_FOUND' }, 404);
    };
    renderRoute('/account/devices', DevicesPage, fetch);
    const cards = await screen.findAllByTestId('device');
    expect(cards).toHaveLength(2);
    const [mine, other] = cards as [HTMLElement, HTMLElement];
    expect(within(mine).getByText('Chrome, Windows')).toBeTruthy();
    expect(within(mine).getByText('当前浏览器')).toBeTruthy();
    expect(within(mine).getByText('最近登录地址：10.98.7.*')).toBeTruthy();
    // Times in China's clock: 09:00 on 1 March first, 10:30 on 2 June last.
    expect(within(mine).getByText(/首次登录：2026-03-01 09:00.*最近登录：2026-06-02 10:30/)).toBeTruthy();
    expect(within(other).queryByText('当前浏览器')).toBeNull();
    expect(within(other).getByText('未知浏览器')).toBeTruthy();
    expect(within(other).getByText('最近登录地址：未知')).toBeTruthy();
    fireEvent.click(within(other).getByTestId('device-forget'));
    const asked = await screen.findByText('移除这个设备？其后在它上面登录按一般规则限制。');
    // antd spaces out a two-character label (移 除).
    fireEvent.click(within(asked.closest('.ant-popover')!).getByRole('button', { name: /移\s*除/ }));
    expect(await screen.findByText('已移除该设备')).toBeTruthy();
    expect(deleted).toEqual([id(3)]);
    expect(screen.getAllByTestId('device')).toHaveLength(1);
  });

  it('says so when no device is remembered', async () => {
    const fetch = async (request: Request) => {
      const path = new URL(request.url).pathname;
      if (path === '/api/v1/auth/session') return json(session);
      return json({ items: [] });
    };
    renderRoute('/account/devices', DevicesPage, fetch);
    expect(await screen.findByText('还没有记住的设备。下次登录后，本浏览器会出现在这里。')).toBeTruthy();
  });

  it('while the list loads, shows it loading and not that no device is remembered', async () => {
    let answer: (response: Response) => void = () => undefined;
    const fetch = async (request: Request) => {
      const path = new URL(request.url).pathname;
      if (path === '/api/v1/auth/session') return json(session);
      return new Promise<Response>((resolve) => {
        answer = resolve;
      });
    };
    renderRoute('/account/devices', DevicesPage, fetch);
    expect(await screen.findByTestId('devices-loading')).toBeTruthy();
    expect(screen.queryByText('还没有记住的设备。下次登录后，本浏览器会出现在这里。')).toBeNull();
    answer(json({ items: [device(2)] }));
    expect(await screen.findAllByTestId('device')).toHaveLength(1);
    expect(screen.queryByTestId('devices-loading')).toBeNull();
  });

  it('says a failed load failed, never that none is remembered, and loads again on retry', async () => {
    let fail = true;
    const fetch = async (request: Request) => {
      const path = new URL(request.url).pathname;
      if (path === '/api/v1/auth/session') return json(session);
      return fail ? unavailable() : json({ items: [device(2)] });
    };
    renderRoute('/account/devices', DevicesPage, fetch);
    const retry = await screen.findByTestId('load-retry');
    expect(screen.getByText('加载失败，请稍后重试')).toBeTruthy();
    expect(screen.queryByText('还没有记住的设备。下次登录后，本浏览器会出现在这里。')).toBeNull();
    fail = false;
    fireEvent.click(retry);
    expect(await screen.findAllByTestId('device')).toHaveLength(1);
    expect(screen.queryByTestId('load-retry')).toBeNull();
  });

  it('sends a reader signed out to sign in, and one whose session ended meanwhile too, without an error', async () => {
    let sessions = 0;
    const fetch = async (request: Request) => {
      const path = new URL(request.url).pathname;
      if (path === '/api/v1/auth/session') {
        sessions += 1;
        // Signed in when the page opened; the session has ended by the time the list is asked for.
        return json(sessions === 1 ? session : { ...session, user: null });
      }
      return json({ type: 'about:blank', title: 'x', status: 401, code: 'UNAUTHENTICATED' }, 401);
    };
    const router = renderRoute('/account/devices', DevicesPage, fetch);
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    expect(router.state.location.search).toBe('?next=%2Faccount%2Fdevices');
    // The session is read again, so the sign-in page does not take the reader as signed in.
    await waitFor(() => expect(sessions).toBe(2));
    expect(screen.queryByText('请先登录')).toBeNull();
    expect(screen.queryByTestId('load-retry')).toBeNull();
  });
});
