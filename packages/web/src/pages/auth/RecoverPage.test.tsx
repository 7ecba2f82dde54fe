import '../../i18n';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, notFound, renderRoute } from '../../test-support';
import { RecoverPage } from './RecoverPage';

/** A server that sends a recovery code and takes the new password with `answer`. */
function renderPage(answer: () => Response) {
  const sent: unknown[] = [];
  const fetch = async (request: Request) => {
    const path = new URL(request.url).pathname;
    if (path === '/api/v1/auth/recover/code' && request.method === 'POST') {
      sent.push(await request.json());
      return json({ expiresInSeconds: 600, resendInSeconds: 60 });
    }
    if (path === '/api/v1/auth/recover' && request.method === 'POST') {
      sent.push(await request.json());
      return answer();
    }
    return notFound();
  };
  const router = renderRoute('/recover', RecoverPage, fetch);
  return { sent, router };
}

async function fill() {
  fireEvent.change(await screen.findByLabelText('手机号'), { target: { value: '13600000009' } });
  fireEvent.click(screen.getByRole('button', { name: '获取验证码' }));
  expect(await screen.findByText('如果这个手机号注册过群众账号，验证码已发送')).toBeTruthy();
  fireEvent.change(screen.getByLabelText('验证码'), { target: { value: '123456' } });
  fireEvent.change(screen.getByLabelText('新密码'), { target: { value: 'citizen-password-2' } });
  fireEvent.change(screen.getByLabelText('确认新密码'), { target: { value: 'citizen-password-2' } });
  fireEvent.click(screen.getByRole('button', { name: '设置新密码' }));
}

describe('password recovery', { timeout: 30_000 }, () => {
  it('sends the phone, code and new password, then goes to sign-in', async () => {
    const { sent, router } = renderPage(() => new Response(null, { status: 204 }));
    expect(await screen.findByText(/工作人员账号请联系本单位管理员重置/)).toBeTruthy();
    await fill();
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    expect(sent).toEqual([
      { phone: '13600000009' },
      { phone: '13600000009', code: '123456', password: 'citizen-password-2' },
    ]);
  });

  it('says a wrong code under the code field', async () => {
    renderPage(() =>
      json(
        {
          type: 'about:blank',
          title: 'Invalid input',
          status: 400,
          code: 'VALIDATION',
          errors: [{ path: 'code', message: 'invalid', code: 'invalid_code' }],
        },
        400,
      ),
    );
    await fill();
    expect(await screen.findByText(/验证码不对或已过期/)).toBeTruthy();
  });
});
