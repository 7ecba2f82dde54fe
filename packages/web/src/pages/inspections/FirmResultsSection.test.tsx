import '../../i18n';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { id, json, notFound, renderRoute } from '../../test-support';
import { FirmResultsSection } from './FirmResultsSection';

const result = (n: number, issues: number, rectified: number, reported = 0, returned = 0) => ({
  id: id(100 + n),
  date: `2026-11-1${n}`,
  firm: { id: id(200), name: '黔江甲食品有限公司' },
  status: 'completed',
  departments: ['区市场监管局', '区人力社保局'],
  startedAt: null,
  completedAt: null,
  itemCount: 7,
  issues,
  reported,
  returned,
  rectified,
  rated: false,
});

describe('a firm’s inspection results', () => {
  it('count what is still to rectify, and no longer ask once all is rectified', async () => {
    renderRoute('/firm', FirmResultsSection, async (request) => {
      const url = new URL(request.url);
      if (url.pathname === '/api/v1/auth/session') return json({ user: null, csrfToken: 'token', menu: [] });
      if (url.pathname === '/api/v1/inspections/my-results') return json([result(6, 4, 1), result(7, 2, 2)]);
      return notFound();
    });
    const [open, done] = await screen.findAllByTestId('my-result');
    expect(open!.textContent).toContain('3 项需整改');
    expect(open!.textContent).toContain('已验收 1/4');
    expect(done!.textContent).not.toContain('需整改');
    expect(done!.textContent).toContain('已验收 2/2');
  });

  it('count a report awaiting verification apart from what is to rectify, and a returned one with it', async () => {
    renderRoute('/firm', FirmResultsSection, async (request) => {
      const url = new URL(request.url);
      if (url.pathname === '/api/v1/auth/session') return json({ user: null, csrfToken: 'token', menu: [] });
      if (url.pathname === '/api/v1/inspections/my-results') return json([result(8, 4, 1, 1, 1)]);
      return notFound();
    });
    const [visit] = await screen.findAllByTestId('my-result');
    // Four issues: one accepted, one reported and awaiting verification, two to rectify (one returned).
    expect(visit!.textContent).toContain('2 项需整改');
    expect(visit!.textContent).toContain('1 项被退回');
    expect(visit!.textContent).toContain('1 项待验收');
    expect(visit!.textContent).toContain('已验收 1/4');
  });
});
