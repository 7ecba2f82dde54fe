import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { makeDistrict, makeUnit, signedIn } from '../../test-support/factories.js';
import { makeIndicator, makePlan } from '../../test-support/factories-targets.js';
import type { Report } from './contracts/reports.js';

const XLSX = { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };

let t: TestContext;
let dept: TestClient;
let report: Report;
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  const tree = await makeDistrict(t);
  const unit = await makeUnit(t, { parent: tree.district, kind: 'department', name: '区发展改革委' });
  const office = await signedIn(t, 'admin', tree.district);
  dept = await signedIn(t, 'department_staff', unit);
  const indicators = [await makeIndicator(office), await makeIndicator(office)];
  const plan = await makePlan({ unit, staff: dept, indicators, state: 'approved', office });
  report = (
    await dept.post<Report>('/api/v1/targets/reports', { planId: plan.id, period: '2026Q4', values: [] })
  ).body;
});
afterAll(() => t.close());

async function download(language: string) {
  const res = await dept.request<Uint8Array>(
    'GET',
    `/api/v1/targets/reports/${report.id}/workbook`,
    undefined,
    { 'accept-language': language },
  );
  expect(res.status).toBe(200);
  const header = res.headers.get('content-disposition') ?? '';
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.body as unknown as ArrayBuffer);
  return {
    name: decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(header)?.[1] ?? ''),
    book,
  };
}

describe('the report form as a workbook', () => {
  it('is named by the unit and the quarter in words, in the reader’s language', async () => {
    const zh = await download('zh-CN,zh;q=0.9');
    expect(zh.name).toBe('指标填报-区发展改革委-2026年第4季度.xlsx');
    expect(zh.book.worksheets[0]!.name).toBe('2026年第4季度');
    const en = await download('en');
    expect(en.name).toBe('Report-区发展改革委-Q4 2026.xlsx');
    expect(en.book.worksheets[0]!.name).toBe('Q4 2026');
  });

  it('is headed in the reader’s language', async () => {
    const headers = async (language: string) =>
      ((await download(language)).book.worksheets[0]!.getRow(1).values as unknown[]).slice(1);
    expect(await headers('zh-CN')).toEqual([
      '指标编码',
      '指标名称',
      '本季目标',
      '实际值',
      '说明',
      '季度',
      '报告编号',
    ]);
    expect(await headers('en')).toEqual([
      'Indicator code',
      'Indicator name',
      'Quarter target',
      'Actual value',
      'Note',
      'Quarter',
      'Report ID',
    ]);
  });

  it('imports back once filled in, whatever the name of its sheet or the language of its headers', async () => {
    for (const [language, value] of [
      ['zh-CN', 112],
      ['en', 113],
    ] as const) {
      const { book } = await download(language);
      book.worksheets[0]!.getRow(2).getCell(4).value = value;
      const file = new Uint8Array(await book.xlsx.writeBuffer());
      const res = await dept.request<Report>(
        'POST',
        `/api/v1/targets/reports/${report.id}/import`,
        file,
        XLSX,
      );
      expect(res.status).toBe(200);
      expect(res.body.values.map((v) => v.value)).toEqual([value]);
    }
  });
});
