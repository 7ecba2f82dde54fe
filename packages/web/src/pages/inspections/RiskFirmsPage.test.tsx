import '../../i18n';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { id, json, notFound, renderRoute } from '../../test-support';
import { FirmsPage } from './FirmsPage';

describe('the firms’ risk levels', () => {
  it('names each row’s edit by the firm it sets', async () => {
    renderRoute('/admin/inspections/firms', FirmsPage, async (request) => {
      const path = new URL(request.url).pathname;
      if (path === '/api/v1/auth/session') return json({ user: null, csrfToken: 'token', menu: [] });
      if (path === '/api/v1/inspections/firms/risk-counts') return json({ high: 1, medium: 0, low: 0 });
      if (path === '/api/v1/inspections/firms')
        return json({
          total: 1,
          items: [
            {
              firmId: id(61),
              name: '重庆黔龙食品有限公司',
              creditCode: '91500114MA5U7K3L2N',
              risk: 'high',
              blockedDates: [],
            },
          ],
          actions: { setRisk: true },
        });
      return notFound();
    });
    expect(
      await screen.findByRole('button', { name: '编辑：重庆黔龙食品有限公司' }, { timeout: 10_000 }),
    ).toBeTruthy();
  });
});
