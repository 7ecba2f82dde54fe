import '../../../i18n';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { id, json, notFound, publicSuggestion, renderRoute } from '../../../test-support';
import type { StaffSuggestion } from '../shared';
import { ScreeningPage } from './ScreeningPage';

type PageActions = { submitWritten: boolean; import: boolean; screen: boolean };
const screener: PageActions = { submitWritten: false, import: false, screen: true };
const organiser: PageActions = { submitWritten: true, import: true, screen: true };

/** A row as the server sends it to someone who screens its town: the decisions its state allows. */
const row = (n: number, status: StaffSuggestion['status'], rejectReason: string | null): StaffSuggestion => ({
  ...publicSuggestion({ id: id(n), title: `建议${n}`, status }),
  domainName: '交通出行',
  townName: '城西街道',
  domainConfidence: 0.9,
  domainConfirmed: true,
  rejectReason,
  eventId: null,
  hasAuthorAccount: false,
  realName: null,
  phone: null,
  actions: {
    accept: status === 'submitted',
    reject: status === 'submitted' || status === 'accepted',
    merge: status === 'submitted' || status === 'accepted',
    reclassify: status !== 'merged',
    attach: false,
  },
});

/**
 * The queue over a fake API that answers with these rows and these page actions; the unit tree
 * and the campaign answer only when `slow` lets them, as on a busy server.
 */
function renderQueue(items: StaffSuggestion[], actions: PageActions, slow?: Promise<void>) {
  const posted: Array<{ path: string; body: unknown }> = [];
  const exported: URLSearchParams[] = [];
  const fetch = async (request: Request) => {
    const url = new URL(request.url);
    const path = url.pathname;
    if (path === '/api/v1/ideas/suggestions/export') {
      exported.push(url.searchParams);
      return new Response('xlsx', { headers: { 'content-type': 'application/octet-stream' } });
    }
    if (request.method === 'POST') {
      posted.push({ path, body: await request.json() });
      return json({ updated: 2 });
    }
    if (path === '/api/v1/auth/session') return json({ user: null, csrfToken: 'token' });
    if (path === '/api/v1/public/campaign') {
      await slow;
      return json({ domains: [], survey: [], rejectReasons: ['off_topic', '已有政策覆盖'] });
    }
    if (path === '/api/v1/units') {
      await slow;
      return json([]);
    }
    if (path === '/api/v1/ideas/suggestions') {
      // The server's word search, roughly: the titles holding the query.
      const q = url.searchParams.get('q');
      const found = q ? items.filter((i) => i.title.includes(q)) : items;
      return json({ total: found.length, items: found, actions });
    }
    return notFound();
  };
  renderRoute('/admin/ideas/screening', ScreeningPage, fetch);
  return { posted, exported };
}

const select = (n: number) =>
  fireEvent.click(screen.getByText(`建议${n}`).closest('tr')!.querySelector('input[type=checkbox]')!);
const disabled = (testId: string) => screen.getByTestId(testId).hasAttribute('disabled');

describe('the screening queue', () => {
  it('names each row’s domain and town at once, before the towns and the campaign load', async () => {
    renderQueue(
      [row(1, 'submitted', null), { ...row(2, 'submitted', null), domain: 'custom', domainName: '自定领域' }],
      screener,
      new Promise(() => {}),
    );
    const first = (await screen.findByText('建议1')).closest('tr')!;
    expect(first.textContent).toContain('交通出行');
    expect(first.textContent).toContain('城西街道');
    expect(first.textContent).not.toContain('transport');
    // A domain the app has no translation for shows the campaign's own name, never its code.
    const second = screen.getByText('建议2').closest('tr')!;
    expect(second.textContent).toContain('自定领域');
    expect(second.textContent).not.toContain('custom');
  });

  it('gives each row a contact: the masked one left on it, the author’s account, or a dash', async () => {
    renderQueue(
      [
        { ...row(1, 'submitted', null), realName: '王*', phone: '139****0001' },
        { ...row(2, 'submitted', null), hasAuthorAccount: true },
        row(3, 'submitted', null),
      ],
      screener,
    );
    const contact = (n: number) => screen.getByText(`建议${n}`).closest('tr')!.textContent;
    await screen.findByText('建议1');
    expect(contact(1)).toContain('王* 139****0001');
    expect(contact(2)).toContain('本人账号（站内消息）');
    expect(contact(3)).not.toContain('本人账号');
  });

  it('says why each rejected suggestion was rejected, in the app’s words or the office’s', async () => {
    renderQueue(
      [row(1, 'rejected', 'off_topic'), row(2, 'rejected', '已有政策覆盖'), row(3, 'accepted', null)],
      screener,
    );
    expect((await screen.findByTestId(`status-${id(1)}`)).textContent).toBe('未通过与主题无关');
    expect(screen.getByTestId(`status-${id(2)}`).textContent).toBe('未通过已有政策覆盖');
    expect(screen.getByTestId(`status-${id(3)}`).textContent).toBe('已受理');
  });

  it('shows a screener no paper entry and no import, which the server would refuse them', async () => {
    renderQueue([row(1, 'submitted', null)], screener);
    await screen.findByTestId(`status-${id(1)}`);
    expect(screen.getByTestId('bulk-accept')).toBeTruthy();
    expect(screen.queryByTestId('written-entry')).toBeNull();
    expect(screen.queryByTestId('import-upload')).toBeNull();
    expect(screen.queryByTestId('import-template')).toBeNull();
  });

  it('shows an organiser the paper entry and the import', async () => {
    renderQueue([row(1, 'submitted', null)], organiser);
    await screen.findByTestId(`status-${id(1)}`);
    expect(screen.getByTestId('written-entry')).toBeTruthy();
    expect(screen.getByTestId('import-upload')).toBeTruthy();
    expect(screen.getByTestId('import-template')).toBeTruthy();
  });

  it('exports every page of what the filters show, not only the page on screen', async () => {
    const { exported } = renderQueue([row(1, 'submitted', null), row(2, 'submitted', null)], screener);
    await screen.findByTestId(`status-${id(1)}`);
    const search = within(screen.getByTestId('screening-search')).getByRole('searchbox');
    fireEvent.change(search, { target: { value: '公交' } });
    fireEvent.keyDown(search, { key: 'Enter', code: 'Enter', keyCode: 13 });
    fireEvent.click(screen.getByTestId('screening-export'));
    await waitFor(() => expect(exported).toHaveLength(1));
    expect(Object.fromEntries(exported[0]!)).toEqual({ q: '公交', status: 'submitted' });
  });

  it('offers no screening at all to someone the server lets only read', async () => {
    renderQueue([row(1, 'submitted', null)], { submitWritten: false, import: false, screen: false });
    await screen.findByTestId(`status-${id(1)}`);
    expect(screen.queryByTestId('bulk-accept')).toBeNull();
  });

  it('offers a decision on the selected rows only when every one of them allows it', async () => {
    renderQueue([row(1, 'submitted', null), row(2, 'rejected', 'off_topic')], organiser);
    await screen.findByTestId(`status-${id(1)}`);
    expect(disabled('bulk-accept')).toBe(true);
    select(1);
    await waitFor(() => expect(disabled('bulk-accept')).toBe(false));
    select(2);
    // A rejected suggestion can no longer be accepted, so neither can the selection.
    await waitFor(() => expect(disabled('bulk-accept')).toBe(true));
  });

  it('merges the selected rows into a suggestion found by its title, sending its id', async () => {
    const { posted } = renderQueue(
      [
        row(1, 'submitted', null),
        row(2, 'submitted', null),
        { ...row(3, 'accepted', null), title: '开通高铁站公交专线' },
        { ...row(4, 'rejected', 'off_topic'), title: '高铁站旁摆摊' },
      ],
      screener,
    );
    await screen.findByTestId(`status-${id(1)}`);
    select(1);
    select(2);
    expect(disabled('bulk-merge')).toBe(true);
    const picker = within(screen.getByTestId('bulk-merge-into')).getByRole('combobox');
    fireEvent.mouseDown(picker);
    fireEvent.change(picker, { target: { value: '高铁站' } });
    // Titles, not ids; a rejected suggestion cannot take a merge and is not offered.
    const option = (title: string) => document.querySelector(`.ant-select-item-option[title="${title}"]`);
    await waitFor(() => expect(option('开通高铁站公交专线')).toBeTruthy());
    expect(option('高铁站旁摆摊')).toBeNull();
    fireEvent.click(option('开通高铁站公交专线')!);
    await waitFor(() => expect(disabled('bulk-merge')).toBe(false));
    fireEvent.click(screen.getByTestId('bulk-merge'));
    await waitFor(() =>
      expect(posted).toEqual([
        {
          path: '/api/v1/ideas/screening/bulk',
          body: { ids: [id(1), id(2)], decision: 'merge', into: id(3) },
        },
      ]),
    );
  });

  it('pins each row’s Similar button at the table’s right edge, so it stays in view while the columns scroll', async () => {
    renderQueue([row(1, 'submitted', null)], screener);
    const button = await screen.findByTestId(`duplicates-${id(1)}`);
    const cell = button.closest('td')!;
    expect(cell.className).toMatch(/ant-table-cell-fix-(right|end)/);
    const header = [...document.querySelectorAll('thead th')].at(-1)!;
    expect(header.textContent).toBe('操作');
    expect(header.className).toMatch(/ant-table-cell-fix-(right|end)/);
  });

  it('names each row’s Similar button by the suggestion it looks for', async () => {
    renderQueue([row(1, 'submitted', null), row(2, 'submitted', null)], screener);
    await screen.findByTestId(`duplicates-${id(1)}`);
    const button = screen.getByRole('button', { name: '相似建议：建议2' });
    expect(button.dataset.testid).toBe(`duplicates-${id(2)}`);
    expect(button.textContent).toBe('相似建议');
  });

  it('names each row’s checkbox by its suggestion, and the header’s by what it selects', async () => {
    renderQueue([row(1, 'submitted', null), row(2, 'submitted', null)], screener);
    await screen.findByTestId(`duplicates-${id(1)}`);
    expect(screen.getByRole('checkbox', { name: '选择：建议2' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: '全选本页' })).toBeTruthy();
  });
});
