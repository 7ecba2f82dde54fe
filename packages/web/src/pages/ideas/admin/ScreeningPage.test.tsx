import '../../../i18n';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { id, json, notFound, publicSuggestion, renderRoute } from '../../../test-support';
import type { StaffSuggestion } from '../shared';
import { ScreeningPage } from './ScreeningPage';

const row = (n: number, status: StaffSuggestion['status'], rejectReason: string | null): StaffSuggestion => ({
  ...publicSuggestion({ id: id(n), title: `建议${n}`, status }),
  domainConfidence: 0.9,
  domainConfirmed: true,
  rejectReason,
  eventId: null,
  hasAuthorAccount: false,
  realName: null,
  phone: null,
});

describe('the screening queue', () => {
  it('says why each rejected suggestion was rejected, in the app’s words or the office’s', async () => {
    const fetch = async (request: Request) => {
      const path = new URL(request.url).pathname;
      if (path === '/api/v1/auth/session') return json({ user: null, csrfToken: 'token' });
      if (path === '/api/v1/public/campaign')
        return json({ domains: [], survey: [], rejectReasons: ['off_topic', '已有政策覆盖'] });
      if (path === '/api/v1/units') return json([]);
      if (path === '/api/v1/ideas/suggestions')
        return json({
          total: 3,
          items: [
            row(1, 'rejected', 'off_topic'),
            row(2, 'rejected', '已有政策覆盖'),
            row(3, 'accepted', null),
          ],
        });
      return notFound();
    };
    renderRoute('/admin/ideas/screening', ScreeningPage, fetch);
    expect((await screen.findByTestId(`status-${id(1)}`)).textContent).toBe('未通过与主题无关');
    expect(screen.getByTestId(`status-${id(2)}`).textContent).toBe('未通过已有政策覆盖');
    expect(screen.getByTestId(`status-${id(3)}`).textContent).toBe('已受理');
  });
});
