import '../../i18n';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, renderRoute, validationProblem } from '../../test-support';
import { InvitePage } from './InvitePage';

function renderPage(invitation: () => Response) {
  const fetch = async (request: Request) => {
    const path = new URL(request.url).pathname;
    if (path === '/api/v1/auth/session')
      return json({ user: null, csrfToken: 'token', menu: [], abilities: [] });
    return invitation();
  };
  renderRoute('/invite/:token', InvitePage, fetch, '/invite/bogus-token');
}

describe('an invitation link', () => {
  it('that is not valid says so, with no talk of fields, and offers the way on', async () => {
    renderPage(() => validationProblem([{ path: 'token', message: 'Invalid', code: 'invalid_format' }]));
    expect(await screen.findByText('邀请链接无效或已过期')).toBeTruthy();
    expect(screen.getByText('请向发出邀请的人索取新的链接；已经开通账号的，请直接登录。')).toBeTruthy();
    expect(screen.queryByText('填写的内容有误，请检查后重试')).toBeNull();
    expect(screen.getByTestId('invite-home').textContent?.replace(/\s/g, '')).toBe('首页');
    expect(screen.getByTestId('invite-sign-in').textContent?.replace(/\s/g, '')).toBe('登录');
  });

  it('that could not be checked says loading failed, not that the link is bad', async () => {
    renderPage(() => json({ type: 'about:blank', title: 'Internal', status: 500, code: 'INTERNAL' }, 500));
    expect(await screen.findByText('加载失败，请稍后重试')).toBeTruthy();
    expect(screen.queryByText('邀请链接无效或已过期')).toBeNull();
  });

  it('whose issuer can no longer give its roles says so at once, instead of the form', async () => {
    renderPage(() =>
      json(
        {
          type: 'about:blank',
          title: 'Invalid state',
          status: 422,
          code: 'INVALID_STATE',
          errors: [{ path: 'invitation', message: 'issuer withdrawn', code: 'invitation_issuer_withdrawn' }],
        },
        422,
      ),
    );
    expect(await screen.findByText('该邀请已不能使用')).toBeTruthy();
    expect(screen.getByText('发出该邀请的管理员已无权授予其中的角色，请向管理员重新申请邀请')).toBeTruthy();
    expect(screen.queryByText('请向发出邀请的人索取新的链接；已经开通账号的，请直接登录。')).toBeNull();
    expect(screen.queryByText('开通账号')).toBeNull();
  });
});
