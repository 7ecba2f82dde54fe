import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { loadWorkbook, sheetNames } from '../../test-support/workbook.js';
import type { RegionalReport } from './contracts/regional.js';

let t: TestContext;
let office: TestClient;
beforeAll(async () => {
  t = await createTestContext();
  office = await t.as('office');
});
afterAll(() => t.close());

describe('the provenance of each regional value', () => {
  it('marks the published prefecture values real and the demo district values generated', async () => {
    const res = await office.get<RegionalReport>('/api/v1/targets/regional/report?year=2019');
    expect(res.status).toBe(200);
    const self = res.body.rows.find((r) => r.isSelf)!;
    expect(self.provenance).toEqual(self.values.map(() => 'generated'));
    for (const row of res.body.rows.filter((r) => !r.isSelf))
      expect(row.provenance).toEqual(row.values.map(() => 'real'));
    expect(res.body.selfGenerated).toEqual(res.body.metrics.map((m) => m.code));
  });

  it('writes the provenance beside every value in the workbook and warns in the printable report', async () => {
    const xlsx = await office.get<Uint8Array>(
      '/api/v1/targets/regional/report.xlsx?year=2019&metrics=Gdpct01,Gdpct02',
    );
    const book = await loadWorkbook(xlsx.body);
    const sheet = book.getWorksheet('综合排名')!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      '排名',
      '地区',
      '地区生产总值(亿元)',
      '地区生产总值来源',
      '第一产业占比(%)',
      '第一产业占比来源',
      '综合指数',
    ]);
    const rows = sheet.getRows(2, sheet.rowCount - 1)!;
    const district = rows.find((r) => r.getCell(2).value === '黔江区')!;
    expect([district.getCell(4).value, district.getCell(6).value]).toEqual(['演示生成', '演示生成']);
    const yichang = rows.find((r) => r.getCell(2).value === '宜昌市')!;
    expect([yichang.getCell(4).value, yichang.getCell(6).value]).toEqual(['公开统计', '公开统计']);
    const notes = book.getWorksheet('说明')!;
    const warning = notes.getRows(2, notes.rowCount - 1)!.find((r) => r.getCell(1).value === '本区生成数据')!;
    expect(String(warning.getCell(2).value)).toContain('地区生产总值、第一产业占比');

    expect(xlsx.headers.get('content-disposition')).toContain(encodeURIComponent('区域比较-2019.xlsx'));
    const sources = notes.getRows(2, notes.rowCount - 1)!.find((r) => r.getCell(1).value === '数据来源')!;
    expect(String(sources.getCell(2).value)).toContain('武陵山区各地级市（州）经济统计数据');
    expect(String(sources.getCell(2).value)).not.toMatch(/eileen|PhD_/i);

    const html = await office.get<string>('/api/v1/targets/regional/report.html?year=2019');
    expect(html.body).toContain('并非真实统计');
    expect(html.body).toContain('title="演示生成"');
    expect(html.body).toContain('title="公开统计"');
  });

  it('hands an English reader the workbook in English, values rounded as the page shows them', async () => {
    const xlsx = await office.request<Uint8Array>(
      'GET',
      '/api/v1/targets/regional/report.xlsx?year=2019&metrics=Gdpct01,Gdpct02',
      undefined,
      { 'accept-language': 'en' },
    );
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-disposition')).toContain("''regional-2019.xlsx");
    const book = await loadWorkbook(xlsx.body);
    expect(await sheetNames(book)).toEqual([
      'Ranking',
      'Weights',
      'Gaps',
      'Trend-GDP',
      'Trend-Primary sector share',
      'Notes',
    ]);
    const ranking = book.getWorksheet('Ranking')!;
    expect(ranking.getRow(1).values).toEqual([
      undefined,
      'Rank',
      'Region',
      'GDP (100 million yuan)',
      'GDP source',
      'Primary sector share (%)',
      'Primary sector share source',
      'Composite index',
    ]);
    const rows = ranking.getRows(2, ranking.rowCount - 1)!;
    const district = rows.find((r) => r.getCell(2).value === '黔江区')!;
    expect(district.getCell(4).value).toBe('Generated for the demo');
    // Every value and score to at most two decimals, as the page shows them.
    for (const row of rows)
      for (const at of [3, 5, 7]) {
        const v = row.getCell(at).value as number;
        expect(Math.round(v * 100) / 100).toBe(v);
      }
    const gaps = book.getWorksheet('Gaps')!;
    expect(gaps.getRow(1).values).toEqual([
      undefined,
      'Indicator',
      'District',
      'Best',
      'Best region',
      'Mean',
      'Gap to best',
      'Gap to mean',
      'District rank',
    ]);
    expect(gaps.getCell('A2').value).toBe('GDP');
    // Gaps are fractions shown as percentages (−0.9406 reads −94.1%), the number kept.
    expect(gaps.getCell('F2').numFmt).toBe('+0.0%;-0.0%;0.0%');
    expect(typeof gaps.getCell('F2').value).toBe('number');
    expect(Math.abs(gaps.getCell('F2').value as number)).toBeLessThanOrEqual(1);
    expect(book.getWorksheet('Weights')!.getCell('C2').numFmt).toBe('0.0%');
    expect(book.getWorksheet('Weights')!.getCell('B3').value).toBe('Cost');
    const notes = book.getWorksheet('Notes')!;
    const text = notes.getRows(2, notes.rowCount - 1)!.map((r) => [r.getCell(1).value, r.getCell(2).value]);
    expect(text[0]).toEqual(['Method', 'Entropy weights']);
    expect(String(text[1]![1])).toContain(
      'Economic statistics of the Wuling Mountain prefecture-level cities',
    );
    expect(String(text[1]![1])).not.toMatch(/eileen|PhD_/i);
    expect(String(text[3]![1])).toContain('generated for the demo, not real statistics');
  });
});
