import '../../i18n';
import { drawInspections, sha256Hex } from '@qianxing/core/draw';
import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { changeLocale } from '../../i18n';
import { id, json, notFound, renderRoute } from '../../test-support';
import { PublicDrawsPage } from './PublicDrawsPage';
import type { PublicDraw } from './shared';

const input = {
  seed: 'a1b2c3d4e5',
  firms: [1, 2, 3].map((n) => ({ id: id(10 + n), risk: 'high' })),
  inspectors: [1, 2].map((n) => ({ id: id(20 + n), department: '区应急管理局', qualifications: [] })),
  exclusions: [],
  sample: { high: 2, medium: 0, low: 0 },
  inspectorsPerVisit: 1,
  qualifications: [],
};
const draw = {
  id: id(1),
  title: '安全生产抽查任务',
  announcedAt: '2026-05-11T01:00:00.000Z',
  seedHash: sha256Hex(input.seed),
  drawnAt: '2026-05-14T01:00:00.000Z',
  seed: input.seed,
  input,
  result: drawInspections(input),
} as unknown as PublicDraw;

function renderPage() {
  const fetch = async (request: Request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/auth/session') return json({ user: null, csrfToken: 'token', menu: [] });
    if (url.pathname === '/api/v1/public/inspections/draws') return json({ items: [draw], total: 1 });
    if (url.pathname.endsWith('/names')) return json({ firms: {}, inspectors: {}, items: [] });
    return notFound();
  };
  renderRoute('/inspections/draws', PublicDrawsPage, fetch);
}

afterEach(() => changeLocale('zh-CN'));

describe('how the public draws page tells a citizen to check a draw', () => {
  it('points to the check on the page, the files with the published method, and the district’s own tool', async () => {
    renderPage();
    await screen.findByTestId('verify-draw');
    const text = document.body.textContent ?? '';
    // `npx qianxing` outside the repository would fetch another, public package of that name.
    expect(text).not.toContain('npx');
    expect(text).toContain('在浏览器中核验');
    expect(screen.getByTestId('verify-independent').textContent).toContain(
      'Verifiable random draws（算法 qianxing-draw/1）',
    );
    expect(text).toContain('信息技术人员');
    expect(text).toContain('qianxing verify-draw --input');
  });

  it('says the same in English', async () => {
    await act(() => changeLocale('en'));
    renderPage();
    await screen.findByTestId('verify-draw');
    const text = document.body.textContent ?? '';
    expect(text).not.toContain('npx');
    expect(text).toContain('press “Verify in the browser”');
    expect(screen.getByTestId('verify-independent').textContent).toContain(
      "“Verifiable random draws (algorithm qianxing-draw/1)” of the platform's methods",
    );
    expect(text).toContain('IT staff');
  });
});
