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

/** A request as the list shows it, numbered n. */
const summary = (n: number, extra: Record<string, unknown> = {}) => ({
  id: id(100 + n),
  title: `诉求 ${n}`,
  status: 'closed',
  firmId: id(30),
  firmName: '重庆黔龙食品有限公司',
  categoryCode: 'policy',
  categoryName: '政策咨询',
  departmentId: id(3),
  departmentName: '区发展改革委',
  dueOn: null,
  workdaysLeft: null,
  dueState: null,
  dueProvisional: null,
  pendingExtension: false,
  pendingAppeal: false,
  createdAt: '2026-01-05T02:00:00.000Z',
  ...extra,
});

function renderPage() {
  const posted: string[] = [];
  renderRoute('/firm/requests', MyRequestsPage, async (request) => {
    const path = new URL(request.url).pathname;
    if (request.method !== 'GET') posted.push(path);
    if (path === '/api/v1/auth/session') return json(session);
    if (request.method === 'POST' && path === '/api/v1/business/requests') return json({ id: id(7) }, 201);
    if (path === `/api/v1/business/requests/${id(7)}/files`)
      return json(
        { type: 'about:blank', title: 'Unsupported', status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
        415,
      );
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

  it('raises the request once when a file is refused, and says which file and why', async () => {
    const { posted } = renderPage();
    fireEvent.click(await screen.findByTestId('request-raise'));
    fireEvent.mouseDown(await screen.findByLabelText('诉求类别'));
    fireEvent.click(await screen.findByText('政策咨询', { selector: '.ant-select-item-option-content' }));
    fireEvent.change(screen.getByLabelText('标题'), { target: { value: '厂房消防验收' } });
    fireEvent.change(screen.getByLabelText('诉求内容'), { target: { value: '请问需要哪些材料。' } });
    const file = new File(['not a pdf'], '验收报告.pdf', { type: 'application/pdf' });
    const input = document.querySelector('input[type=file]') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [file] } });
    await screen.findByText('验收报告.pdf');
    fireEvent.click(screen.getByTestId('request-submit'));
    expect(
      await screen.findByText(
        '诉求已提交，但以下附件未能上传：验收报告.pdf（文件格式不受支持）。可在本页重新添加附件。',
      ),
    ).toBeTruthy();
    // The form is gone: submitting again cannot raise the same request twice.
    await waitFor(() => expect(screen.queryByTestId('request-submit')).toBeNull());
    expect(posted).toEqual(['/api/v1/business/requests', `/api/v1/business/requests/${id(7)}/files`]);
  });

  it("names the firm of each request when they are several firms' (a liaison cadre's)", async () => {
    const item = (n: number, firmName: string) =>
      summary(n, { id: id(20 + n), status: 'routed', firmId: id(30 + n), firmName });
    renderRoute('/firm/requests', MyRequestsPage, async (request) => {
      const path = new URL(request.url).pathname;
      if (path === '/api/v1/auth/session') return json(session);
      if (path === '/api/v1/business/requests')
        return json({
          total: 2,
          items: [item(1, '重庆黔龙食品有限公司'), item(2, '黔江区金桥农家乐')],
          canRaise: false,
        });
      if (path === '/api/v1/business/request-categories') return json([]);
      return notFound();
    });
    expect(await screen.findByText('重庆黔龙食品有限公司')).toBeTruthy();
    expect(screen.getByText('黔江区金桥农家乐')).toBeTruthy();
    expect(screen.queryByTestId('request-raise')).toBeNull();
  });

  it('says the list could not be loaded, rather than that the firm has no requests', async () => {
    renderRoute('/firm/requests', MyRequestsPage, async (request) => {
      const path = new URL(request.url).pathname;
      if (path === '/api/v1/auth/session') return json(session);
      if (path === '/api/v1/business/requests')
        return json({ type: 'about:blank', title: 'Internal', status: 500, code: 'INTERNAL' }, 500);
      if (path === '/api/v1/business/request-categories') return json([]);
      return notFound();
    });
    expect(await screen.findByTestId('load-retry')).toBeTruthy();
    expect(screen.queryByText('还没有诉求')).toBeNull();
  });

  it('pages through a firm’s requests instead of stopping at the first ones', async () => {
    const asked: string[] = [];
    const item = (n: number) => summary(n, { id: id(100 + n) });
    renderRoute('/firm/requests', MyRequestsPage, async (request) => {
      const url = new URL(request.url);
      if (url.pathname === '/api/v1/auth/session') return json(session);
      if (url.pathname === '/api/v1/business/requests') {
        const page = Number(url.searchParams.get('page'));
        asked.push(`${page}/${url.searchParams.get('pageSize')}`);
        const first = (page - 1) * 20;
        return json({
          total: 45,
          items: Array.from({ length: Math.min(20, 45 - first) }, (_, i) => item(first + i + 1)),
          canRaise: true,
        });
      }
      if (url.pathname === '/api/v1/business/request-categories') return json([]);
      return notFound();
    });
    expect(await screen.findByText('诉求 1')).toBeTruthy();
    fireEvent.click(await screen.findByTitle('3'));
    expect(await screen.findByText('诉求 41')).toBeTruthy();
    expect(screen.getAllByTestId('my-request')).toHaveLength(5);
    expect(asked).toEqual(['1/20', '3/20']);
  });

  it('tells an enterprise account no firm has taken in how to be linked, not that it has no requests', async () => {
    renderRoute('/firm/requests', MyRequestsPage, async (request) => {
      const path = new URL(request.url).pathname;
      if (path === '/api/v1/auth/session') return json(session);
      if (path === '/api/v1/business/requests') return json({ total: 0, items: [], canRaise: false });
      if (path === '/api/v1/business/request-categories') return json([]);
      return notFound();
    });
    expect(await screen.findByText('您的账号还没有关联企业')).toBeTruthy();
    expect(screen.queryByText('还没有诉求')).toBeNull();
  });
});
