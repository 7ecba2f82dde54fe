import '../../i18n';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../api/types';
import { id, json, notFound, renderRoute, sampleFirm } from '../../test-support';
import { MyFirmPage } from './MyFirmPage';
import type { Firm } from './shared';

const firm = sampleFirm({
  townId: id(5),
  townName: '城西街道',
  contacts: [{ name: '张明', phone: '13912345678' }],
  actions: { update: false, manageStaff: false },
});

const session: Session = {
  user: {
    id: id(9),
    login: 'firm1',
    displayName: '黔龙食品 张明',
    mustChangePassword: false,
    grants: [{ role: 'enterprise', unitId: id(5) }],
  },
  csrfToken: 'token',
  menu: [{ path: '/firm', label: 'business.menu.myFirm' }],
  abilities: [],
};

function renderPage(mine: Firm | null, as: Session = session) {
  const asked: string[] = [];
  renderRoute('/firm', MyFirmPage, async (request) => {
    const path = new URL(request.url).pathname;
    asked.push(path);
    if (path === '/api/v1/auth/session') return json(as);
    if (path === '/api/v1/business/my-firm') return mine ? json(mine) : notFound();
    if (path === '/api/v1/inspections/my-visits')
      return json([
        {
          id: id(7),
          date: '2026-12-15',
          departments: ['区市场监管局', '区应急管理局'],
          items: [
            { name: '食品经营许可情况检查', unit: '区市场监管局', legalBasis: '《食品安全法》' },
            { name: '消防安全检查', unit: '区应急管理局', legalBasis: '《消防法》' },
          ],
        },
      ]);
    if (path === '/api/v1/inspections/my-results') return json([]);
    return notFound();
  });
  return asked;
}

describe("a firm's own page", () => {
  it('shows the firm whole, contacts to call from the phone', async () => {
    const asked = renderPage(firm);
    expect(await screen.findByText('重庆黔龙食品有限公司')).toBeTruthy();
    expect(screen.getByText('91500114MA5U7K3L2N')).toBeTruthy();
    expect(screen.getByText('C 制造业')).toBeTruthy();
    expect(screen.getByText('小型')).toBeTruthy();
    expect(screen.getByRole('link', { name: '13912345678' }).getAttribute('href')).toBe('tel:13912345678');
    expect(asked).not.toContain('/api/v1/business/firms');
    // When it was updated and whom to ask for a correction: two sentences, each ended, each a line.
    const lines = [...screen.getByTestId('my-firm-updated').children].map((line) => line.textContent);
    expect(lines).toEqual(['信息更新于 2026-01-05。', '信息有误？请联系所在镇街更正。']);
  });

  it('tells the firm its upcoming joint inspection: the date, the departments and the items', async () => {
    renderPage(firm);
    expect(await screen.findByText('2026-12-15 · 区市场监管局、区应急管理局')).toBeTruthy();
    expect(
      screen.getByText('食品经营许可情况检查（区市场监管局）、消防安全检查（区应急管理局）'),
    ).toBeTruthy();
    expect(screen.getByText('即将到来的联合检查')).toBeTruthy();
  });

  it('says so when the account is linked to no firm', async () => {
    renderPage(null);
    expect(await screen.findByText('您的账号还没有关联企业')).toBeTruthy();
  });

  it('sends staff to the console, where their firms are, and asks for no firm of theirs', async () => {
    const cadre: Session = {
      ...session,
      user: {
        ...session.user!,
        login: 'cadre',
        displayName: '联络干部',
        grants: [{ role: 'liaison', unitId: id(5) }],
      },
      menu: [{ path: '/admin', label: 'common.adminConsole' }],
    };
    const asked = renderPage(null, cadre);
    expect(await screen.findByText('此页面供企业人员使用')).toBeTruthy();
    expect(screen.getByRole('link', { name: '管理后台' }).getAttribute('href')).toBe('/admin');
    expect(asked).not.toContain('/api/v1/business/my-firm');
  });
});
