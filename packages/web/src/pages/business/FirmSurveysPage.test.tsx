import '../../i18n';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../api/types';
import { id, json, notFound, renderRoute } from '../../test-support';
import { FirmSurveysPage } from './FirmSurveysPage';

const session: Session = {
  user: {
    id: id(9),
    login: 'enterprise',
    displayName: '新注册企业账号',
    mustChangePassword: false,
    grants: [{ role: 'enterprise', unitId: id(2) }],
  },
  csrfToken: 'token',
  menu: [],
  abilities: [],
};

describe("the surveys a firm's staff answer", () => {
  it('tell an account no firm has taken in how to be linked, not that there are no surveys', async () => {
    renderRoute('/firm/surveys', FirmSurveysPage, async (request) => {
      const path = new URL(request.url).pathname;
      if (path === '/api/v1/auth/session') return json(session);
      if (path === '/api/v1/business/firm-surveys') return json([]);
      return notFound();
    });
    expect(await screen.findByText('您的账号还没有关联企业')).toBeTruthy();
    expect(screen.queryByText('还没有问卷。')).toBeNull();
  });

  it('list the open surveys of a linked firm', async () => {
    renderRoute('/firm/surveys', FirmSurveysPage, async (request) => {
      const path = new URL(request.url).pathname;
      if (path === '/api/v1/auth/session') return json(session);
      if (path === '/api/v1/business/my-firm') return json({ id: id(3), name: '重庆黔龙食品有限公司' });
      if (path === '/api/v1/business/firm-surveys')
        return json([
          {
            id: id(4),
            title: '2026 年第四季度营商环境评价',
            opensOn: '2026-10-01',
            closesOn: '2026-12-31',
            answered: false,
          },
        ]);
      return notFound();
    });
    expect(await screen.findByText('2026 年第四季度营商环境评价')).toBeTruthy();
    expect(screen.queryByText('您的账号还没有关联企业')).toBeNull();
  });
});
