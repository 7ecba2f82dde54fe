import '../../i18n';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { id, json, notFound, renderRoute } from '../../test-support';
import { PlanEditorPage } from './PlanEditorPage';
import type { Plan } from './shared';

const approved: Plan = {
  id: id(2),
  unitId: id(3),
  unitName: '区发展改革委',
  year: 2026,
  status: 'approved',
  contactName: '联络员',
  contactPhone: '139****5678',
  returnReason: null,
  submittedAt: '2026-01-10T02:00:00.000Z',
  reviewedAt: '2026-01-12T02:00:00.000Z',
  itemCount: 0,
  isDemo: false,
  updatedAt: '2026-01-12T02:00:00.000Z',
  actions: { edit: false, submit: false, review: false, report: false, reopen: true },
  items: [],
};

describe('an approved plan, for the office', () => {
  it('goes back to its unit for revision with the reason the office types', async () => {
    const sent: Array<{ path: string; body: unknown }> = [];
    renderRoute(
      '/admin/targets/plans/:id',
      PlanEditorPage,
      async (request) => {
        const path = new URL(request.url).pathname;
        if (path === '/api/v1/auth/session') return json({ user: null, csrfToken: 'token' });
        if (path === '/api/v1/targets/regions') return json([]);
        if (request.method === 'POST') {
          sent.push({ path, body: await request.json() });
          return json({ ...approved, status: 'returned' });
        }
        if (path === `/api/v1/targets/plans/${approved.id}`) return json(approved);
        return notFound();
      },
      `/admin/targets/plans/${approved.id}`,
    );
    fireEvent.click(await screen.findByTestId('plan-reopen'));
    expect(await screen.findByText('附理由退回已通过的计划')).toBeTruthy();
    const ok = () => screen.getByRole('button', { name: /确\s*定|OK/ }) as HTMLButtonElement;
    expect(ok().disabled).toBe(true);
    fireEvent.change(screen.getByRole('dialog').querySelector('textarea')!, {
      target: { value: '对标值口径调整' },
    });
    fireEvent.click(ok());
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({
      path: `/api/v1/targets/plans/${approved.id}/reopen`,
      body: { reason: '对标值口径调整' },
    });
  });
});
