import '../../i18n';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../api/types';
import { id, json, notFound, renderRoute, validationProblem } from '../../test-support';
import { BenchmarksPage } from './BenchmarksPage';

const session: Session = {
  user: {
    id: id(9),
    login: 'office',
    displayName: '区委办',
    mustChangePassword: false,
    grants: [{ role: 'admin', unitId: id(1) }],
  },
  csrfToken: 'token',
  menu: [{ path: '/admin/targets/benchmarks', label: 'targets.menu.benchmarks' }],
  abilities: [{ action: 'library.write', scopes: ['/1/'] }],
};
const region = (n: number, code: string, name: string) => ({
  id: id(n),
  code,
  name,
  kind: 'peer',
  sort: n,
  isDemo: false,
});
const regions = [region(1, 'FL', '涪陵区'), region(2, 'ES', '恩施州')];
const gdp = {
  id: id(11),
  code: 'ECO-001',
  name: '地区生产总值',
  measure: '亿元',
  direction: 'higher',
  category: 'economy',
  source: '',
  frequency: 'quarterly',
  isDemo: false,
  negativeAllowed: false,
};
const value = (r: (typeof regions)[number], v: number, period = '2026Q2') => ({
  regionId: r.id,
  regionCode: r.code,
  regionName: r.name,
  indicatorId: gdp.id,
  indicatorCode: gdp.code,
  indicatorName: gdp.name,
  period,
  value: v,
  source: '统计公报',
  isDemo: false,
});

type Api = Partial<Record<string, (request: Request) => Response | Promise<Response>>>;
/** The fake API: the session, the regions, the indicators and the values unless a test says otherwise. */
function renderPage(api: Api = {}) {
  const requests: Request[] = [];
  const answers: Api = {
    'GET /api/v1/auth/session': () => json(session),
    'GET /api/v1/targets/regions': () => json(regions),
    'GET /api/v1/targets/indicators': () => json({ items: [gdp], total: 1 }),
    'GET /api/v1/targets/benchmarks': () => json([value(regions[0]!, 412.5), value(regions[1]!, 388)]),
    ...api,
  };
  renderRoute('/admin/targets/benchmarks', BenchmarksPage, async (request) => {
    requests.push(request.clone());
    const answer = answers[`${request.method} ${new URL(request.url).pathname}`];
    return answer ? answer(request) : notFound();
  });
  return requests;
}
const valuesTable = async () =>
  (await screen.findByText('标杆值', { selector: '.ant-card-head-title' })).closest(
    '.ant-card',
  ) as HTMLElement;

describe('the peer regions and benchmarks page', () => {
  it('lists the regions and their values by name, never by id', async () => {
    renderPage();
    const card = await valuesTable();
    expect(await within(card).findByText('412.5')).toBeTruthy();
    const rows = [...card.querySelectorAll('tr.ant-table-row')].map((tr) =>
      [...tr.querySelectorAll('td')].slice(0, 4).map((td) => td.textContent),
    );
    expect(rows).toEqual([
      ['涪陵区', 'ECO-001 地区生产总值', '2026年第2季度', '412.5'],
      ['恩施州', 'ECO-001 地区生产总值', '2026年第2季度', '388'],
    ]);
    expect(screen.getAllByText('恩施州').length).toBeGreaterThan(1);
    expect(document.body.textContent).not.toContain(id(1));
  });

  it('does not read as empty while the values load', async () => {
    renderPage({ 'GET /api/v1/targets/benchmarks': () => new Promise<Response>(() => {}) });
    const card = await valuesTable();
    await screen.findAllByText('涪陵区');
    expect(card.querySelector('.ant-spin-spinning')).toBeTruthy();
    expect(within(card).queryByText('没有符合条件的标杆值')).toBeNull();
    expect(card.querySelector('.ant-empty')).toBeNull();
  });

  it('adds a region, and shows a code already used under the code field', async () => {
    const sent: unknown[] = [];
    renderPage({
      'POST /api/v1/targets/regions': async (request) => {
        sent.push(await request.json());
        return json(
          {
            type: 'about:blank',
            title: 'Conflict',
            status: 409,
            code: 'CONFLICT',
            errors: [{ path: 'code', message: 'taken', code: 'taken' }],
          },
          409,
        );
      },
    });
    fireEvent.change(await screen.findByLabelText('地区编码'), { target: { value: 'FL' } });
    fireEvent.change(screen.getByLabelText('地区名称'), { target: { value: '涪陵' } });
    fireEvent.click(screen.getByRole('button', { name: '新增地区' }));
    const field = (await screen.findByText('已被使用')).closest('.ant-form-item')!;
    expect(field.querySelector('label')?.textContent).toBe('地区编码');
    expect(sent).toEqual([{ code: 'FL', name: '涪陵', kind: 'peer', sort: 0 }]);
  });

  it('reports a refused import row by row, each with its row number and column', async () => {
    renderPage({
      'POST /api/v1/targets/benchmarks/import': () =>
        validationProblem([
          {
            path: 'row 3.regionCode',
            message: 'no region has this code',
            code: 'unknown_region',
            params: { value: 'XX', column: '地区编码' },
          },
        ]),
    });
    await screen.findByRole('button', { name: '导入 Excel' });
    const picker = document.querySelector('input[type=file][accept=".xlsx"]') as HTMLInputElement;
    fireEvent.change(picker, { target: { files: [new File(['PK'], 'benchmarks.xlsx')] } });
    const dialog = (await screen.findByText('导入未完成')).closest('.ant-modal')!;
    const rows = [...dialog.querySelectorAll('tr.ant-table-row')].map((tr) =>
      [...tr.querySelectorAll('td')].slice(0, 2).map((td) => td.textContent),
    );
    expect(rows).toEqual([['3', '地区编码']]);
  });

  it("names each row's edit button by its region, indicator and period, under an actions header", async () => {
    renderPage();
    const card = await valuesTable();
    await within(card).findByText('412.5');
    const button = within(card).getByRole('button', { name: '修改：涪陵区 · 地区生产总值 · 2026年第2季度' });
    // The visible verb is the start of the spoken name (label in name), never "修 改".
    expect(button.textContent).toBe('修改');
    expect(
      within(card).getByRole('button', { name: '修改：恩施州 · 地区生产总值 · 2026年第2季度' }),
    ).toBeTruthy();
    expect(within(card).getByRole('columnheader', { name: '操作' })).toBeTruthy();
  });

  it('changes one value in place and lists the values again', async () => {
    let stored = 412.5;
    const sent: unknown[] = [];
    renderPage({
      'GET /api/v1/targets/benchmarks': () => json([value(regions[0]!, stored)]),
      'PUT /api/v1/targets/benchmarks': async (request) => {
        const body = (await request.json()) as { value: number };
        sent.push(body);
        stored = body.value;
        return new Response(null, { status: 204 });
      },
    });
    const card = await valuesTable();
    await within(card).findByText('412.5');
    fireEvent.click(
      within(card).getByRole('button', { name: '修改：涪陵区 · 地区生产总值 · 2026年第2季度' }),
    );
    const dialog = (await screen.findByText(/修改标杆值：涪陵区/)).closest('.ant-modal') as HTMLElement;
    fireEvent.change(within(dialog).getByLabelText('数值'), { target: { value: '420.75' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /保\s?存/ }));
    expect(await within(card).findByText('420.75')).toBeTruthy();
    expect(sent).toEqual([
      { regionId: id(1), indicatorId: gdp.id, period: '2026Q2', value: 420.75, source: '统计公报' },
    ]);
  });

  it('asks for the values of the indicator chosen and charts them across the regions', async () => {
    const requests = renderPage();
    const card = await valuesTable();
    await within(card).findByText('412.5');
    fireEvent.mouseDown(within(card).getByLabelText('指标'));
    fireEvent.click(await screen.findByTitle('ECO-001 地区生产总值'));
    await waitFor(() =>
      expect(requests.some((r) => new URL(r.url).searchParams.get('indicatorId') === gdp.id)).toBe(true),
    );
    expect(
      await screen.findByRole('img', { name: /地区生产总值（亿元）：2026年第2季度各地区标杆值/ }),
    ).toBeTruthy();
  });
});
