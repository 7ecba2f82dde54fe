import '../i18n';
import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Session } from '../api/types';
import { changeLocale } from '../i18n';
import { json, notFound, renderRoute } from '../test-support';
import { AccountMenu } from './AccountMenu';
import { announceInboxChanged } from './inboxChanged';

const session = (displayName: string): Session => ({
  user: {
    id: '00000000-0000-4000-8000-000000000001',
    login: 'inspector',
    displayName,
    mustChangePassword: false,
    grants: [],
  },
  csrfToken: 'token',
  menu: [],
  abilities: [],
});

function renderMenu(displayName: string, unread: number | (() => number)) {
  const fetch = async (request: Request) => {
    const path = new URL(request.url).pathname;
    if (path === '/api/v1/auth/session') return json(session(displayName));
    if (path === '/api/v1/inbox/unread')
      return json({ unread: typeof unread === 'number' ? unread : unread() });
    return notFound();
  };
  renderRoute('/', AccountMenu, fetch);
}

describe('the account menu', () => {
  // A two-character name was shown as 张 伟 (antd's spacing of two-character labels) while its
  // spoken name read 张伟: axe's label-in-name rule failed for such a person only.
  it('shows a two-character name as it is, and speaks it first, then the unread count', async () => {
    renderMenu('张伟', 2);
    const button = await screen.findByTestId('user-menu');
    await waitFor(() => expect(button.getAttribute('aria-label')).toBe('张伟，2 条未读消息'));
    expect(button.textContent).toBe('张伟');
  });

  // A count on the button's corner reached past it by half its width: with ten or more unread it
  // pushed a phone's page wider than the phone. The count now sits beside the name.
  it('shows the unread count beside the name, not over it', async () => {
    renderMenu('张伟', 12);
    const count = await screen.findByTestId('unread-count');
    const button = screen.getByTestId('user-menu');
    expect(count.textContent).toContain('12');
    expect(count.contains(button)).toBe(false);
    expect(button.contains(count)).toBe(false);
    expect(count.getAttribute('aria-hidden')).toBe('true');
  });

  it('has no label of its own while nothing is unread: the name is the button', async () => {
    renderMenu('王建国', 0);
    const button = await screen.findByTestId('user-menu');
    // The button is there before the session: its name comes with it.
    await waitFor(() => expect(button.textContent).toBe('王建国'));
    expect(button.hasAttribute('aria-label')).toBe(false);
  });

  it('speaks the name and the count in English with English punctuation', async () => {
    await act(() => changeLocale('en'));
    try {
      renderMenu('Wang Jianguo', 1);
      const button = await screen.findByTestId('user-menu');
      await waitFor(() => expect(button.getAttribute('aria-label')).toBe('Wang Jianguo, 1 unread message'));
    } finally {
      await act(() => changeLocale('zh-CN'));
    }
  });

  it('counts again as soon as the inbox marks messages read, not at the next page change', async () => {
    let unread = 11;
    renderMenu('张伟', () => unread);
    const button = await screen.findByTestId('user-menu');
    await waitFor(() => expect(button.getAttribute('aria-label')).toBe('张伟，11 条未读消息'));
    unread = 10;
    act(() => announceInboxChanged());
    await waitFor(() => expect(button.getAttribute('aria-label')).toBe('张伟，10 条未读消息'));
  });
});
