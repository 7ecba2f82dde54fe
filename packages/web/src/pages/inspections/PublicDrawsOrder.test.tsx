import '../../i18n';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { id, json, notFound, renderRoute } from '../../test-support';
import { PublicDrawsPage } from './PublicDrawsPage';
import type { PublicDraw } from './shared';

// The draw's record lists its firms in its own order (high, low, medium, and the order drawn).
const firms = [
  { id: id(11), risk: 'high', name: '黔江乙公司' },
  { id: id(12), risk: 'high', name: '黔江甲公司' },
  { id: id(13), risk: 'low', name: '黔江丙公司' },
  { id: id(14), risk: 'medium', name: '黔江丁公司' },
  { id: id(15), risk: 'medium', name: '黔江戊公司' },
] as const;
const draw: PublicDraw = {
  id: id(1),
  title: '安全生产抽查任务',
  announcedAt: '2026-05-11T01:00:00.000Z',
  seedHash: 'ab'.repeat(32),
  drawnAt: '2026-05-14T01:00:00.000Z',
  seed: 'a1b2c3d4e5',
  input: {
    firms: firms.map((f) => ({ id: f.id, risk: f.risk })),
    inspectors: [{ id: id(21), department: '区应急管理局', qualifications: [] }],
    sample: { high: 2, medium: 2, low: 1 },
    inspectorsPerVisit: 1,
  },
  result: {
    visits: [firms[0], firms[1], firms[2], firms[4], firms[3]].map((f) => ({
      firm: f.id,
      inspectors: [id(21)],
    })),
  },
} as unknown as PublicDraw;

describe('a public draw’s firms', () => {
  it('are listed by risk, high, medium then low, and by name within a level', async () => {
    const fetch = async (request: Request) => {
      const url = new URL(request.url);
      if (url.pathname === '/api/v1/auth/session') return json({ user: null, csrfToken: 'token', menu: [] });
      if (url.pathname === '/api/v1/public/inspections/draws') return json({ items: [draw], total: 1 });
      if (url.pathname.endsWith('/names'))
        return json({
          firms: Object.fromEntries(firms.map((f) => [f.id, f.name])),
          inspectors: { [id(21)]: '王*' },
          items: [],
        });
      return notFound();
    };
    renderRoute('/inspections/draws', PublicDrawsPage, fetch);
    const table = await screen.findByTestId('drawn-visits');
    await waitFor(() => expect(within(table).queryByText('黔江甲公司')).toBeTruthy());
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => [...r.querySelectorAll('td')].slice(0, 2).map((c) => c.textContent));
    expect(rows).toEqual([
      ['黔江甲公司', '高风险'],
      ['黔江乙公司', '高风险'],
      ['黔江丁公司', '中风险'],
      ['黔江戊公司', '中风险'],
      ['黔江丙公司', '低风险'],
    ]);
  });
});
