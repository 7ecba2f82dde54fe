import '../../i18n';
import { drawInspections, sha256Hex } from '@qianxing/core/draw';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { id, json, notFound, renderRoute, unavailable } from '../../test-support';
import { PublicDrawsPage } from './PublicDrawsPage';
import type { PublicDraw } from './shared';

const pools = {
  firms: [1, 2, 3, 4, 5, 6].map((n) => ({ id: id(10 + n), risk: n <= 3 ? 'high' : 'low' })),
  inspectors: [1, 2, 3, 4].map((n) => ({
    id: id(20 + n),
    department: n <= 2 ? '区应急管理局' : '区消防救援支队',
    qualifications: [],
  })),
  exclusions: [{ inspector: id(21), firm: id(11) }],
  sample: { high: 2, medium: 0, low: 1 },
  inspectorsPerVisit: 2,
  qualifications: [],
};
const seed = 'a1b2c3d4e5';
const input = { seed, ...pools };
const result = drawInspections(input);
const drawn = (over: Partial<PublicDraw>): PublicDraw => ({
  id: id(1),
  title: '安全生产抽查任务',
  announcedAt: '2026-05-11T01:00:00.000Z',
  seedHash: sha256Hex(seed),
  drawnAt: '2026-05-14T01:00:00.000Z',
  seed,
  input,
  result,
  ...over,
});
// Another team than the drawn one for the first firm: the result no longer matches the seed.
const first = result.visits[0]!;
const otherTeam =
  [id(23), id(24)].join() === [...first.inspectors].sort().join() ? [id(21), id(22)] : [id(23), id(24)];
const forged = drawn({
  id: id(2),
  title: '被改动的抽查',
  result: {
    ...result,
    visits: [{ ...first, inspectors: otherTeam }, ...result.visits.slice(1)],
  },
});
const pending = drawn({
  id: id(3),
  title: '尚未抽取',
  seed: null,
  drawnAt: null,
  result: null,
  input: pools,
});

function renderPage(
  names: () => Response = () => json({ firms: { [id(11)]: '黔江甲公司' }, inspectors: {}, items: [] }),
) {
  const fetch = async (request: Request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/auth/session') return json({ user: null, csrfToken: 'token', menu: [] });
    if (url.pathname === '/api/v1/public/inspections/draws')
      return json({ items: [drawn({}), forged, pending], total: 3 });
    if (url.pathname.endsWith('/names')) return names();
    return notFound();
  };
  renderRoute('/inspections/draws', PublicDrawsPage, fetch);
}

describe('public draws page', () => {
  it('verifies a draw in the browser, and catches one whose result was changed', async () => {
    renderPage();
    const cards = await screen.findAllByTestId('public-draw');
    expect(cards).toHaveLength(3);
    expect(within(cards[0]!).getByTestId('public-seed').textContent).toBe(seed);
    expect(within(cards[0]!).getByText('安全生产抽查任务')).toBeTruthy();
    fireEvent.click(within(cards[0]!).getByTestId('verify-draw'));
    expect(await within(cards[0]!).findByTestId('verify-ok')).toBeTruthy();
    fireEvent.click(within(cards[1]!).getByTestId('verify-draw'));
    expect(await within(cards[1]!).findByTestId('verify-failed')).toBeTruthy();
  });

  it('keeps a firm’s risk level on one line, never a character a line in a phone’s narrow column', async () => {
    renderPage();
    const cards = await screen.findAllByTestId('public-draw');
    const tag = await within(cards[0]!).findAllByText('高风险');
    expect(tag[0]!.closest('.ant-tag')!.getAttribute('style')).toContain('white-space: nowrap');
  });

  it('keeps the seed of an announced draw back and offers nothing to verify yet', async () => {
    renderPage();
    const cards = await screen.findAllByTestId('public-draw');
    expect(within(cards[2]!).queryByTestId('public-seed')).toBeNull();
    expect(within(cards[2]!).getByText('抽取后公开')).toBeTruthy();
    expect(within(cards[2]!).getByTestId('verify-draw').hasAttribute('disabled')).toBe(true);
  });

  it('says the names failed to load, with a retry, rather than show blank firms and teams', async () => {
    let fail = true;
    renderPage(() =>
      fail ? unavailable() : json({ firms: { [id(11)]: '黔江甲公司' }, inspectors: {}, items: [] }),
    );
    const cards = await screen.findAllByTestId('public-draw');
    const retry = await within(cards[0]!).findByTestId('load-retry');
    expect(within(cards[0]!).queryByTestId('drawn-visits')).toBeNull();
    fail = false;
    fireEvent.click(retry);
    expect(await within(cards[0]!).findByText('黔江甲公司')).toBeTruthy();
  });
});
