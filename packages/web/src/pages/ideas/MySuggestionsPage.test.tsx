import '../../i18n';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../api/types';
import { id, json, notFound, publicSuggestion, renderRoute, validationProblem } from '../../test-support';
import { MySuggestionsPage } from './MySuggestionsPage';

const session: Session = {
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
const mine = (n: number, overrides: Record<string, unknown> = {}) => ({
  ...publicSuggestion({ id: id(n), title: `建议${n}：城南菜市场增设停车位`, status: 'submitted' }),
  trackingCode: `ABCDE1234${n}`,
  domainName: '交通出行',
  townName: '城西街道',
  shownInPublic: false,
  phone: '139****5678',
  // 07:30 on 5 December in Qianjiang.
  createdAt: '2026-12-04T23:30:00.000Z',
  updatedAt: '2020-04-21T02:00:00.000Z',
  ...overrides,
});

function renderMine(claim: (body: Record<string, string>) => Response) {
  const asked: string[] = [];
  let claimed = false;
  const fetch = async (request: Request) => {
    const url = new URL(request.url);
    asked.push(`${request.method} ${url.pathname}${url.search}`);
    if (url.pathname === '/api/v1/auth/session') return json(session);
    if (url.pathname === '/api/v1/me/suggestions')
      return json(
        claimed
          ? { total: 2, items: [mine(2, { status: 'accepted', shownInPublic: true }), mine(1)] }
          : { total: 1, items: [mine(1)] },
      );
    if (url.pathname === '/api/v1/me/following')
      return json({ total: 1, items: [mine(3, { status: 'merged', trackingCode: null, phone: null })] });
    if (url.pathname === '/api/v1/me/suggestions/claim-code') return json({ expiresInSeconds: 600 });
    if (url.pathname === '/api/v1/me/suggestions/claim') {
      const res = claim((await request.json()) as Record<string, string>);
      claimed = res.status === 200;
      return res;
    }
    return notFound();
  };
  renderRoute('/ideas/mine', MySuggestionsPage, fetch);
  return { asked };
}

async function fill(label: string, value: string) {
  fireEvent.change(await screen.findByLabelText(label), { target: { value } });
}

describe('我的建议', () => {
  it('lists my suggestions with their states’ names, tracking codes and masked phones; and those I follow', async () => {
    renderMine(() => json({}));
    const item = await screen.findByTestId('my-suggestion');
    expect(within(item).getByTestId('my-suggestion-status').textContent).toBe('待初筛');
    expect(item.textContent).toContain('ABCDE12341');
    expect(item.textContent).toContain('139****5678');
    expect(item.textContent).toContain('初筛中，尚未公开');
    // Sent in the morning of the district's 5 December: its day there, not UTC's.
    expect(item.textContent).toContain('2026-12-05');
    expect(item.textContent).not.toContain('2026-12-04');
    expect(item.textContent).not.toContain('submitted');
    fireEvent.click(screen.getByRole('tab', { name: '我关注的' }));
    await waitFor(() => expect(screen.getByText('建议3：城南菜市场增设停车位')).toBeTruthy());
    const followed = screen.getAllByTestId('my-suggestion').find((e) => e.textContent?.includes('建议3'))!;
    expect(within(followed).getByTestId('my-suggestion-status').textContent).toBe('已合并');
  });

  it('attaches a suggestion sent signed out, after a code to its phone, and lists it', async () => {
    const { asked } = renderMine((body) =>
      body.code === '246810'
        ? json({ id: id(2), title: '建议2：城南菜市场增设停车位' })
        : validationProblem([{ path: 'code', message: 'invalid', code: 'invalid_code' }]),
    );
    await screen.findByTestId('my-suggestion');
    await fill('查询码', 'QX7K2M9P4A');
    await fill('提交时留的手机号', '13912345678');
    fireEvent.click(screen.getByTestId('claim-send-code'));
    await waitFor(() => expect(asked).toContain('POST /api/v1/me/suggestions/claim-code'));
    await fill('短信验证码', '111111');
    fireEvent.click(screen.getByTestId('claim-submit'));
    expect(await screen.findByText('验证码不对或已过期')).toBeTruthy();
    await fill('短信验证码', '246810');
    fireEvent.click(screen.getByTestId('claim-submit'));
    await waitFor(() => expect(screen.getAllByTestId('my-suggestion')).toHaveLength(2));
    expect(screen.getAllByTestId('my-suggestion-status')[0]!.textContent).toBe('已受理');
  });
});
