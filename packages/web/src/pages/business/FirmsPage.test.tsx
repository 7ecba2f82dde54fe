import '../../i18n';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../api/types';
import { id, json, notFound, renderRoute, sampleFirm, sampleTown } from '../../test-support';
import { FirmsPage } from './FirmsPage';

const listed = sampleFirm({
  contacts: [{ name: '张*', phone: '139****5678' }],
  actions: { update: true, manageStaff: true },
});

const session: Session = {
  user: {
    id: id(9),
    login: 'office',
    displayName: '活动办',
    mustChangePassword: false,
    grants: [{ role: 'admin', unitId: id(2) }],
  },
  csrfToken: 'token',
  menu: [{ path: '/admin/business/firms', label: 'business.menu.firms' }],
  abilities: [],
};

const industries = [
  { code: 'C', name: '制造业', nameEn: 'Manufacturing', sort: 3, active: true },
  { code: 'F', name: '批发和零售业', nameEn: 'Wholesale and retail trades', sort: 6, active: true },
];

// Filling a form of antd selects takes seconds in jsdom on a busy machine: these tests get longer.

/** The registry over a fake API of one firm; a code already taken is refused as the server does. */
function renderPage(actions = { create: true, import: true }, firmActions = listed.actions) {
  const posted: unknown[] = [];
  const queries: string[] = [];
  const fetch = async (request: Request) => {
    const url = new URL(request.url);
    const path = url.pathname;
    if (path === '/api/v1/auth/session') return json(session);
    if (path === '/api/v1/units')
      return json([sampleTown, { ...sampleTown, id: id(6), kind: 'department', name: '区商务委' }]);
    if (path === '/api/v1/business/industries') return json(industries);
    if (path === `/api/v1/business/firms/${listed.id}/members`)
      return json([
        {
          userId: id(41),
          login: 'qlsp-wang',
          displayName: '王*',
          disabled: false,
          since: '2026-03-02T02:00:00Z',
        },
      ]);
    if (path === '/api/v1/business/firms' && request.method === 'GET') {
      queries.push(url.search);
      return json({ total: 1, items: [{ ...listed, actions: firmActions }], actions });
    }
    if (path === '/api/v1/business/firms' && request.method === 'POST') {
      const body = (await request.json()) as { creditCode: string };
      posted.push(body);
      if (body.creditCode === listed.creditCode)
        return json(
          {
            type: 'about:blank',
            title: '与现有数据冲突',
            status: 409,
            code: 'CONFLICT',
            errors: [{ path: 'creditCode', message: 'taken', code: 'taken' }],
          },
          409,
        );
      return json({ ...listed, ...body, id: id(3) }, 201);
    }
    if (path === '/api/v1/business/firms/export')
      return json(
        {
          type: 'about:blank',
          title: '请求参数有误',
          status: 400,
          code: 'VALIDATION',
          errors: [
            {
              path: 'filters',
              message: 'more than 50000 rows',
              code: 'export_too_large',
              params: { maximum: 50000, total: 61234 },
            },
          ],
        },
        400,
      );
    return notFound();
  };
  renderRoute('/admin/business/firms', FirmsPage, fetch);
  return { posted, queries };
}

const dialog = () => within(screen.getByRole('dialog'));

async function choose(label: string, option: string) {
  fireEvent.mouseDown(dialog().getByLabelText(label));
  const item = await waitFor(() => {
    const found = document.querySelector(`.ant-select-item-option[title="${option}"]`);
    if (!found) throw new Error(`${option} is not offered yet`);
    return found;
  });
  fireEvent.click(item);
}

describe('the firm registry page', () => {
  it('lists the firms with their contacts masked, as the server sends them', async () => {
    renderPage();
    const row = (await screen.findByText('重庆黔龙食品有限公司')).closest('tr')!;
    expect(row.textContent).toContain('91500114MA5U7K3L2N');
    expect(row.textContent).toContain('张* 139****5678');
    expect(row.textContent).toContain('C 制造业');
    expect(screen.getByTestId('firm-create')).toBeTruthy();
    expect(screen.getByTestId('firm-import')).toBeTruthy();
  });

  it('names each row’s buttons by the firm, and a firm account’s by the person as listed', async () => {
    renderPage();
    expect(await screen.findByRole('button', { name: '编辑：重庆黔龙食品有限公司' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '企业账号：重庆黔龙食品有限公司' }));
    expect(await dialog().findByRole('button', { name: '移出：王*' })).toBeTruthy();
  });

  it('offers no filing and no import to those the server does not let', async () => {
    renderPage({ create: false, import: false });
    await screen.findByText('重庆黔龙食品有限公司');
    expect(screen.queryByTestId('firm-create')).toBeNull();
    expect(screen.queryByTestId('firm-import')).toBeNull();
    expect(screen.getByTestId('firm-export')).toBeTruthy();
  });

  it('says why an export of more firms than a workbook holds is refused, with the count', async () => {
    renderPage();
    await screen.findByText('重庆黔龙食品有限公司');
    fireEvent.click(screen.getByTestId('firm-export'));
    expect(
      await screen.findByText((text) =>
        text.includes('符合条件的有 61234 条，一个工作簿最多 50000 条，请缩小筛选范围'),
      ),
    ).toBeTruthy();
  });

  it('pins no empty column of actions for a reader who may change none of the firms', async () => {
    renderPage({ create: false, import: false }, { update: false, manageStaff: false });
    await screen.findByText('重庆黔龙食品有限公司');
    expect(screen.queryByRole('columnheader', { name: '操作' })).toBeNull();
  });

  it('checks the credit code as it is typed', async () => {
    const { posted } = renderPage();
    fireEvent.click(await screen.findByTestId('firm-create'));
    const code = await dialog().findByLabelText('统一社会信用代码');
    fireEvent.change(code, { target: { value: '91500114MA5U7K3L2P' } });
    expect(await dialog().findByText('校验码不符，请核对是否有输错的字符')).toBeTruthy();
    fireEvent.change(code, { target: { value: '91500114MA5U7K3L2' } });
    expect(await dialog().findByText('统一社会信用代码应为 18 位')).toBeTruthy();
    fireEvent.change(code, { target: { value: '91500114MA5U7K3L2N' } });
    await waitFor(() => expect(dialog().queryByText('统一社会信用代码应为 18 位')).toBeNull(), {
      timeout: 3000,
    });
    expect(posted).toEqual([]);
  });

  it('sends the firm filled in, and shows the server’s refusal under the field', async () => {
    const { posted } = renderPage();
    fireEvent.click(await screen.findByTestId('firm-create'));
    fireEvent.change(await dialog().findByLabelText('统一社会信用代码'), {
      target: { value: '91500114MA5U7K3L2N' },
    });
    fireEvent.change(dialog().getByLabelText('企业名称'), { target: { value: ' 重庆黔龙食品有限公司 ' } });
    await choose('行业门类', 'C 制造业');
    await choose('所在镇街', sampleTown.name);
    // A firm is placed in a street, town or township: the departments are not offered.
    expect(document.querySelector('.ant-select-item-option[title="区商务委"]')).toBeNull();
    await choose('企业规模', '小型');
    fireEvent.change(dialog().getByLabelText('姓名'), { target: { value: '张明' } });
    fireEvent.change(dialog().getByLabelText('电话'), { target: { value: '13912345678' } });
    fireEvent.click(screen.getByTestId('firm-submit'));
    expect(await dialog().findByText('已被使用')).toBeTruthy();
    expect(posted).toEqual([
      {
        name: '重庆黔龙食品有限公司',
        creditCode: '91500114MA5U7K3L2N',
        industryCode: 'C',
        townId: sampleTown.id,
        size: 'small',
        contacts: [{ name: '张明', phone: '13912345678' }],
      },
    ]);
  });
});
