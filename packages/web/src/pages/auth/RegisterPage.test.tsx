import '../../i18n';
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, notFound, renderRoute } from '../../test-support';
import { RegisterPage } from './RegisterPage';

const citizen = {
  id: '00000000-0000-4000-8000-000000000009',
  login: '13600000009',
  displayName: '王先生',
  mustChangePassword: false,
  grants: [{ role: 'citizen', unitId: '00000000-0000-4000-8000-000000000001' }],
};

/** A phone that has an account already, as the server refuses it. */
const phoneInUse = {
  type: 'about:blank',
  title: 'Conflicts with existing data',
  status: 409,
  code: 'CONFLICT',
  errors: [{ path: 'phone', message: 'registered', code: 'phone_registered' }],
};

/** No district in the unit tree yet: nothing the citizen typed is at fault. */
const noDistrict = {
  type: 'about:blank',
  title: 'Not allowed in the current state',
  status: 422,
  code: 'INVALID_STATE',
  errors: [{ path: 'district', message: 'no district yet', code: 'no_district' }],
};

/** A server that refuses the registration with `refusal` (the code with `codeRefusal`); `signedIn` as 13600000009. */
function renderPage(
  signedIn = false,
  refusal: { status: number } = phoneInUse,
  codeRefusal?: { status: number },
) {
  const fetch = async (request: Request) => {
    const path = new URL(request.url).pathname;
    if (path === '/api/v1/auth/session')
      return json({ user: signedIn ? citizen : null, csrfToken: 'token', menu: [], abilities: [] });
    if (path === '/api/v1/auth/register' && request.method === 'POST') return json(refusal, refusal.status);
    if (path === '/api/v1/auth/register/code' && codeRefusal) return json(codeRefusal, codeRefusal.status);
    return notFound();
  };
  renderRoute('/register', RegisterPage, fetch);
}

/** Fills the form as a citizen would and sends it. */
async function register() {
  fireEvent.change(await screen.findByLabelText('手机号'), { target: { value: '13600000009' } });
  fireEvent.change(screen.getByLabelText('验证码'), { target: { value: '123456' } });
  fireEvent.change(screen.getByLabelText('姓名或昵称'), { target: { value: '王先生' } });
  fireEvent.change(screen.getByLabelText('新密码'), { target: { value: 'citizen-password-1' } });
  fireEvent.change(screen.getByLabelText('确认新密码'), { target: { value: 'citizen-password-1' } });
  fireEvent.click(screen.getByRole('button', { name: /注\s*册/ }));
}

describe('citizen registration', () => {
  it('says a phone in use is registered, and offers to sign in instead', async () => {
    renderPage();
    await register();
    expect(await screen.findByText('这个手机号已经注册过，请直接登录')).toBeTruthy();
    const link = screen.getByRole('link', { name: '已有账号？去登录' });
    expect(link.getAttribute('href')).toBe('/login');
    // Said of the phone, not as a conflict "for example of a login".
    expect(screen.queryByText(/登录名已被使用/)).toBeNull();
  });

  it('says registration waits for the district to be set up, rather than only that the state is wrong', async () => {
    renderPage(false, noDistrict);
    await register();
    expect(await screen.findByText(/平台尚未设置本区，暂时不能注册，请稍后再试/)).toBeTruthy();
    expect(screen.queryByTestId('register-sign-in-instead')).toBeNull();
  });

  it('says so as the code is asked for, before any is sent, while there is no district', async () => {
    renderPage(false, phoneInUse, noDistrict);
    fireEvent.change(await screen.findByLabelText('手机号'), { target: { value: '13600000009' } });
    fireEvent.click(screen.getByTestId('register-send-code'));
    expect(await screen.findByText(/平台尚未设置本区，暂时不能注册，请稍后再试/)).toBeTruthy();
  });

  it('shows a citizen already signed in who they are rather than a form to register again', async () => {
    renderPage(true);
    expect((await screen.findByTestId('signed-in-as')).textContent).toBe('您已登录为 王先生。');
    expect(screen.queryByLabelText('手机号')).toBeNull();
  });
});
