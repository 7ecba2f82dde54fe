import '../../i18n';
import { drawInspections, sha256Hex } from '@qianxing/core/draw';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { changeLocale } from '../../i18n';
import { id, json, notFound, renderRoute } from '../../test-support';
import { PublicDrawsPage } from './PublicDrawsPage';
import type { PublicDraw } from './shared';

const seed = 'a1b2c3d4e5';
const input = {
  seed,
  firms: [1, 2, 3].map((n) => ({ id: id(10 + n), risk: 'high' })),
  inspectors: [1, 2, 3].map((n) => ({ id: id(20 + n), department: '区应急管理局', qualifications: [] })),
  exclusions: [],
  sample: { high: 2, medium: 0, low: 0 },
  inspectorsPerVisit: 1,
  qualifications: [],
};
const result = drawInspections(input);
const first = result.visits[0]!;
// Another inspector than the drawn one for the first firm: the result no longer matches the seed.
const other = [id(21), id(22), id(23)].find((i) => !first.inspectors.includes(i))!;
const withResult = (published: unknown, publishedInput: unknown = input) =>
  ({
    id: id(1),
    title: '安全生产抽查任务',
    announcedAt: '2026-05-11T01:00:00.000Z',
    seedHash: sha256Hex(seed),
    drawnAt: '2026-05-14T01:00:00.000Z',
    seed,
    input: publishedInput,
    result: published,
  }) as unknown as PublicDraw;

function renderPage(draw: PublicDraw) {
  const fetch = async (request: Request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/auth/session') return json({ user: null, csrfToken: 'token', menu: [] });
    if (url.pathname === '/api/v1/public/inspections/draws') return json({ items: [draw], total: 1 });
    if (url.pathname.endsWith('/names')) return json({ firms: {}, inspectors: {}, items: [] });
    return notFound();
  };
  renderRoute('/inspections/draws', PublicDrawsPage, fetch);
}

async function verify(draw: PublicDraw) {
  renderPage(draw);
  fireEvent.click(await screen.findByTestId('verify-draw'));
  return screen.findByTestId('verify-failed');
}

afterEach(() => changeLocale('zh-CN'));

describe('a draw that does not verify, as a citizen reads it', () => {
  it('names the failed check in words, the ids and the English differences only behind the technical details', async () => {
    const failed = await verify(
      withResult({ ...result, visits: [{ ...first, inspectors: [other] }, ...result.visits.slice(1)] }),
    );
    expect(failed.textContent).toContain('核验未通过');
    expect(within(failed).getByTestId('verify-failed-teams').textContent).toBe(
      '公布结果中部分企业的检查人员与复算分配的检查人员不一致。',
    );
    expect(failed.textContent).not.toContain(other);
    expect(failed.textContent).not.toContain('visits[');
    expect(within(failed).queryByTestId('verify-differences')).toBeNull();
    fireEvent.click(within(failed).getByText('技术细节'));
    const details = await within(failed).findByTestId('verify-differences');
    expect(details.textContent).toContain(`visits[0]: firm ${first.firm} has inspectors ${other}`);
  });

  it('says in English that the seed does not give the announced hash', async () => {
    await act(() => changeLocale('en'));
    const failed = await verify(withResult({ ...result, seedHash: sha256Hex('another seed') }));
    expect(failed.textContent).toContain('Does not verify');
    expect(within(failed).getByTestId('verify-failed-seed').textContent).toBe(
      'The published seed does not give the hash announced before the draw.',
    );
    expect(within(failed).queryByTestId('verify-failed-teams')).toBeNull();
    expect(failed.textContent).not.toContain('seedHash:');
    expect(within(failed).getByText('Technical details')).toBeTruthy();
  });

  it('says when the published files cannot be recomputed as a draw at all', async () => {
    // An input asking more firms than its pool holds: the draw cannot be recomputed from it.
    const failed = await verify(withResult(result, { ...input, sample: { high: 5, medium: 0, low: 0 } }));
    expect(within(failed).getByTestId('verify-failed-unreadable').textContent).toBe(
      '无法用公开的文件复算本次抽取：文件不是有效的抽取输入和结果。',
    );
  });
});
