import '../../i18n';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { id, json, notFound, renderRoute, validationProblem } from '../../test-support';
import { RegionalPage } from './RegionalPage';
import type { RegionalReport } from './shared';

const metric = (code: 'Gdpct01' | 'Gdpct02', name: string, direction: number) => ({
  code,
  name,
  nameEn: code,
  measure: code === 'Gdpct01' ? '亿元' : '%',
  direction,
});

function report(overrides: Partial<RegionalReport> = {}): RegionalReport {
  return {
    year: 2019,
    method: 'entropy',
    metrics: [metric('Gdpct01', '地区生产总值', 1), metric('Gdpct02', '第一产业占比', -1)],
    weights: [0.6, 0.4],
    consistency: null,
    rows: [
      {
        regionId: id(1),
        regionCode: 'CN420500',
        regionName: '宜昌市',
        kind: 'wuling_city',
        isSelf: false,
        values: [4460.82, 10.5],
        provenance: ['real', 'real'],
        score: 100,
        rank: 1,
      },
      {
        regionId: id(2),
        regionCode: 'QJ',
        regionName: '黔江区',
        kind: 'self',
        isSelf: true,
        values: [243.3, 11.2],
        provenance: ['entered', 'generated'],
        score: 12.5,
        rank: 2,
      },
    ],
    excluded: [],
    gaps: [],
    trends: [],
    demoRegions: ['黔江区'],
    selfGenerated: ['Gdpct02'],
    sources: ['test'],
    ...overrides,
  } as RegionalReport;
}

function renderRegional(
  body: RegionalReport,
  methods: string[] = [],
  abilities: string[] = [],
  answer: (url: URL) => Response | null = () => null,
) {
  const fetch = async (request: Request) => {
    const url = new URL(request.url);
    const path = url.pathname;
    if (path === '/api/v1/targets/regional/report') methods.push(url.searchParams.get('method') ?? '');
    if (path === '/api/v1/auth/session')
      return json({
        user: { id: id(9), login: 'u', displayName: '用户', mustChangePassword: false, grants: [] },
        csrfToken: 'token',
        menu: [],
        abilities: abilities.map((action) => ({ action, scopes: ['*'] })),
      });
    if (path === '/api/v1/targets/regional/report') return answer(url) ?? json(body);
    return notFound();
  };
  renderRoute('/targets/regional', RegionalPage, fetch);
}

describe('regional comparison page', () => {
  it('tags each value with where it came from, with a legend, and warns that the district has generated values', async () => {
    renderRegional(report());
    const rows = await screen.findAllByTestId('regional-row');
    const tags = (row: HTMLElement) =>
      within(row)
        .getAllByTestId('provenance')
        .map((tag) => tag.textContent);
    expect(within(rows[0]!).getByText('宜昌市')).toBeTruthy();
    expect(tags(rows[0]!)).toEqual(['公开统计', '公开统计']);
    expect(tags(rows[1]!)).toEqual(['区填报', '演示生成']);
    const legend = screen.getByTestId('provenance-legend').textContent;
    expect(legend).toContain('为演示生成，非真实统计');
    expect(legend).toContain('区里录入或导入的数据');
    expect(screen.getByTestId('generated-warning').textContent).toContain('第一产业占比（%）');
  });

  it("says nothing of generated values when all of the district's values are real or entered", async () => {
    renderRegional(report({ selfGenerated: [] }));
    await screen.findAllByTestId('regional-row');
    expect(screen.queryByTestId('generated-warning')).toBeNull();
  });

  it('switches to TOPSIS and to grey relational analysis, naming and explaining each', async () => {
    const asked: string[] = [];
    renderRegional(report(), asked);
    await screen.findAllByTestId('regional-row');
    expect(screen.getByTestId('method-explain').textContent).toContain('熵权法');
    fireEvent.mouseDown(screen.getByRole('combobox', { name: '评价方法' }));
    fireEvent.click(await screen.findByTitle('TOPSIS（熵权）'));
    expect(await screen.findByText(/与理想解、负理想解的距离/)).toBeTruthy();
    fireEvent.mouseDown(screen.getByRole('combobox', { name: '评价方法' }));
    fireEvent.click(await screen.findByTitle('灰色关联分析（熵权）'));
    expect(await screen.findByText(/灰色关联度/)).toBeTruthy();
    await vi.waitFor(() => expect(asked).toEqual(['entropy', 'topsis', 'gra']));
  });

  it('asks for the district’s statistics only those who may enter them', async () => {
    renderRegional(report());
    const warning = await screen.findByTestId('generated-warning');
    expect(warning.textContent).not.toContain('录入或导入');
  });

  it('asks the office, who may enter them, for the district’s statistics', async () => {
    renderRegional(report(), [], ['regional.write']);
    expect((await screen.findByTestId('generated-warning')).textContent).toContain('请在下方录入或导入');
  });

  it('heads each value column with the indicator library’s words for its direction', async () => {
    renderRegional(report());
    await screen.findAllByTestId('regional-row');
    expect(screen.getByRole('columnheader', { name: /地区生产总值.*越高越好/ })).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: /第一产业占比.*越低越好/ })).toBeTruthy();
  });

  it('says how many AHP judgements the indicators need, counts them, and computes once all are in', async () => {
    const asked: string[] = [];
    renderRegional(report(), [], [], (url) => {
      asked.push(url.searchParams.get('ahp') ?? '');
      return null;
    });
    await screen.findAllByTestId('regional-row');
    fireEvent.mouseDown(screen.getByRole('combobox', { name: '评价方法' }));
    fireEvent.click(await screen.findByTitle('层次分析法'));
    const help = await screen.findByTestId('judgements-help');
    // The eight default indicators: 8·7/2 = 28 judgements.
    expect(help.textContent).toContain('所选 8 个指标需 28 个判断值');
    expect(help.textContent).toContain('已填 0 / 28');
    const field = screen.getByRole('combobox', { name: /两两比较/ });
    fireEvent.change(field, { target: { value: '3,1/3,12' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    await vi.waitFor(() =>
      expect(screen.getByTestId('judgements-help').textContent).toContain('已填 3 / 28'),
    );
    expect(screen.getByTestId('judgements-bad').textContent).toContain('12');
    // Incomplete: no ranking is computed nor shown from them.
    expect(screen.queryAllByTestId('regional-row')).toHaveLength(0);
    expect(asked.filter(Boolean)).toEqual([]);
  });

  it('shows no earlier ranking as current once the settings fail', async () => {
    renderRegional(report(), [], [], (url) =>
      url.searchParams.get('year') === '2021'
        ? validationProblem([{ path: 'year', message: 'no data', code: 'not_found' }])
        : null,
    );
    await screen.findAllByTestId('regional-row');
    fireEvent.change(screen.getByRole('spinbutton', { name: '年份' }), { target: { value: '2021' } });
    expect(await screen.findByTestId('regional-failed')).toBeTruthy();
    expect(screen.queryAllByTestId('regional-row')).toHaveLength(0);
  });

  it('asks for whole years only, in the server’s bounds, from a labelled field', async () => {
    const years: string[] = [];
    renderRegional(report(), [], [], (url) => {
      years.push(url.searchParams.get('year') ?? '');
      return null;
    });
    await screen.findAllByTestId('regional-row');
    const field = screen.getByLabelText('年份') as HTMLInputElement;
    expect(field.getAttribute('aria-valuemin')).toBe('2000');
    expect(field.getAttribute('aria-valuemax')).toBe('2099');
    fireEvent.change(field, { target: { value: '2020.5' } });
    fireEvent.blur(field);
    await vi.waitFor(() => expect(years).toContain('2021'));
    expect(field.value).toBe('2021');
    expect(years).not.toContain('2020.5');
  });
});
