import '../../i18n';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { id, json, notFound, renderRoute } from '../../test-support';
import { RegionalPage } from './RegionalPage';
import type { RegionalReport } from './shared';

// jsdom draws no canvas: the charts are replaced by their labels.
vi.mock('../../components/Chart', () => ({
  Chart: ({ ariaLabel }: { ariaLabel?: string }) => <div role="img" aria-label={ariaLabel} />,
}));

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

function renderRegional(body: RegionalReport, methods: string[] = []) {
  const fetch = async (request: Request) => {
    const url = new URL(request.url);
    const path = url.pathname;
    if (path === '/api/v1/targets/regional/report') methods.push(url.searchParams.get('method') ?? '');
    if (path === '/api/v1/auth/session') return json({ user: null, csrfToken: 'token' });
    if (path === '/api/v1/targets/regional/report') return json(body);
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
});
