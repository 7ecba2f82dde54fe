import '../../i18n';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { id, json, notFound, renderRoute, unavailable } from '../../test-support';
import { PublicReformsPage } from './PublicReformsPage';
import type { PublicReformProjectItem, PublicReformSummary } from './shared';

const summary: PublicReformSummary = {
  lists: [
    { id: id(1), name: '全量化承接国家和市级部署', projects: 68, percentDone: 62.3456 },
    { id: id(2), name: '现阶段亟须改革攻坚', projects: 57, percentDone: 48.1 },
    { id: id(3), name: '具有黔江辨识度的特色改革', projects: 20, percentDone: 35 },
  ],
  projects: 145,
  pilots: { underway: 19, applying: 6 },
};

const project = (
  n: number,
  listId: string,
  over: Partial<PublicReformProjectItem> = {},
): PublicReformProjectItem => ({
  id: id(100 + n),
  code: `QJGG-${n}`,
  name: `改革项目${n}`,
  listId,
  leadUnit: '区发展改革委',
  progress: 0.625,
  status: 'on_track',
  ...over,
});

/** The public page against a fake API that pages a list's projects as the server does. */
function renderPage(down = false) {
  const asked: string[] = [];
  const fetch = async (request: Request) => {
    const url = new URL(request.url);
    asked.push(`${url.pathname}${url.search}`);
    if (url.pathname === '/api/v1/auth/session') return json({ user: null, csrfToken: 'token', menu: [] });
    if (down) return unavailable();
    if (url.pathname === '/api/v1/public/reforms/summary') return json(summary);
    if (url.pathname === '/api/v1/public/reforms/projects') {
      const list = url.searchParams.get('list');
      const items =
        list === id(3)
          ? [project(3, id(3), { name: '濯水古镇景区一体化管理改革', status: 'behind', progress: 0.2 })]
          : [project(1, id(1)), project(2, id(2), { status: 'completed', progress: 1 })];
      return json({ items, total: list ? items.length : 145 });
    }
    return notFound();
  };
  renderRoute('/reforms', PublicReformsPage, fetch);
  return { asked };
}

describe('public reform lists page', () => {
  it('shows each list with its projects and percentage, the pilots, and the projects with lead unit and status', async () => {
    renderPage();
    const lists = await screen.findAllByTestId('reform-list');
    expect(lists).toHaveLength(3);
    expect(lists[0]!.textContent).toContain('全量化承接国家和市级部署');
    expect(lists[0]!.textContent).toContain('68 个项目');
    expect(within(lists[0]!).getByTestId('reform-list-percent').textContent).toBe('完成率 62.3%');
    expect(screen.getByText('145')).toBeTruthy();
    expect(screen.getByText('19')).toBeTruthy();
    expect(screen.getByText('6')).toBeTruthy();
    const rows = await screen.findAllByTestId('reform-project');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.textContent).toContain('改革项目1');
    expect(rows[0]!.textContent).toContain('牵头单位：区发展改革委');
    expect(rows[0]!.textContent).toContain('推进中');
    expect(rows[1]!.textContent).toContain('已完成');
    expect(within(rows[0]!).getByRole('link').getAttribute('href')).toBe(`/reforms/${id(101)}`);
  });

  it('narrows the projects to one list, chosen in a named select that shows the choice on a phone', async () => {
    // jsdom matches no media query: the page lays out as on a phone.
    const { asked } = renderPage();
    const picker = await screen.findByTestId('reform-list-picker');
    expect(picker.textContent).toBe('全部清单');
    fireEvent.mouseDown(screen.getByLabelText('改革清单'));
    fireEvent.click(
      await screen.findByText('具有黔江辨识度的特色改革', { selector: '.ant-select-item-option-content' }),
    );
    await waitFor(() => expect(picker.textContent).toBe('具有黔江辨识度的特色改革'));
    expect(await screen.findByText('濯水古镇景区一体化管理改革')).toBeTruthy();
    expect(screen.getByText('滞后')).toBeTruthy();
    expect(asked).toContain(`/api/v1/public/reforms/projects?list=${id(3)}&page=1&pageSize=10`);
  });

  it('says the lists failed to load, with a retry, rather than showing an empty page', async () => {
    renderPage(true);
    expect((await screen.findAllByTestId('load-retry')).length).toBeGreaterThan(0);
  });
});
