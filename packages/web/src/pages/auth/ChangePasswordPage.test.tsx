import '../../i18n';
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../api/types';
import { id, json, renderRoute } from '../../test-support';
import { ChangePasswordPage } from './ChangePasswordPage';

const session: Session = {
  user: { id: id(1), login: 'office', displayName: '活动办', mustChangePassword: false, grants: [] },
  csrfToken: 'token',
  menu: [],
  abilities: [],
};

describe('changing the password', () => {
  it('says a wrong current password under its field only, not "wrong login or password"', async () => {
    const fetch = async (request: Request) => {
      const path = new URL(request.url).pathname;
      if (path === '/api/v1/auth/session') return json(session);
      return json(
        {
          type: 'about:blank',
          title: 'Wrong account or password',
          status: 401,
          code: 'INVALID_CREDENTIALS',
          errors: [{ path: 'current', message: 'wrong', code: 'wrong_password' }],
        },
        401,
      );
    };
    renderRoute('/account/password', ChangePasswordPage, fetch);
    fireEvent.change(await screen.findByLabelText('当前密码'), { target: { value: 'not-my-password' } });
    fireEvent.change(screen.getByLabelText('新密码'), { target: { value: 'a-new-password-1' } });
    fireEvent.change(screen.getByLabelText('确认新密码'), { target: { value: 'a-new-password-1' } });
    fireEvent.click(screen.getByTestId('password-submit'));
    expect(await screen.findByText('密码不对')).toBeTruthy();
    // Give a message, had one been sent, the time to show.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(screen.queryByText('登录名或密码错误')).toBeNull();
  });
});
