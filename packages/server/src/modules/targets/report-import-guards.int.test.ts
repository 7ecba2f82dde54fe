import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { makeDistrict, signedIn } from '../../test-support/factories.js';
import { makeIndicator, makePlan } from '../../test-support/factories-targets.js';
import { loadWorkbook } from '../../test-support/workbook.js';
import type { Report } from './contracts/reports.js';

const XLSX = { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };

let t: TestContext;
let dept: TestClient;
let q1: Report;
let q2: Report;
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  const tree = await makeDistrict(t);
  const office = await signedIn(t, 'admin', tree.district);
  dept = await signedIn(t, 'department_staff', tree.department);
  // The first measured in %, the second in 亿元.
  const share = await makeIndicator(office);
  const total = await makeIndicator(office);
  expect((await office.patch(`/api/v1/targets/indicators/${total.id}`, { measure: '亿元' })).status).toBe(
    200,
  );
  const plan = await makePlan({
    unit: tree.department,
    staff: dept,
    indicators: [share, total],
    state: 'approved',
    office,
  });
  const report = async (period: string) =>
    (await dept.post<Report>('/api/v1/targets/reports', { planId: plan.id, period, values: [] })).body;
  q1 = await report('2026Q1');
  q2 = await report('2026Q2');
});
afterAll(() => t.close());

interface Problem {
  errors: Array<{ path: string; code: string; params?: Record<string, unknown> }>;
}

/** A report's own form, downloaded now, with `fill` applied to its sheet. */
async function form(of: Report, fill: (sheet: import('exceljs').Worksheet) => void): Promise<Uint8Array> {
  const res = await dept.get<Uint8Array>(`/api/v1/targets/reports/${of.id}/workbook`);
  const book = await loadWorkbook(res.body);
  fill(book.worksheets[0]!);
  return new Uint8Array(await book.xlsx.writeBuffer());
}
const importInto = (into: Report, file: Uint8Array) =>
  dept.request<Report & Problem>('POST', `/api/v1/targets/reports/${into.id}/import`, file, XLSX);
const valuesOf = async (r: Report) =>
  (await dept.get<Report>(`/api/v1/targets/reports/${r.id}`)).body.values.map((v) => v.value);

describe('importing a report form', () => {
  it('names its quarter and report in every row', async () => {
    const file = await form(q1, () => {});
    const rows = (await loadWorkbook(file)).worksheets[0]!;
    expect(rows.getRow(1).getCell(6).value).toBe('季度');
    expect([rows.getRow(2).getCell(6).value, rows.getRow(2).getCell(7).value]).toEqual(['2026Q1', q1.id]);
  });

  it('refuses the form of another quarter’s report, and one that names no report', async () => {
    const other = await form(q2, (s) => {
      s.getRow(2).getCell(4).value = 12;
    });
    const res = await importInto(q1, other);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        path: 'row 2.period',
        code: 'other_report',
        params: expect.objectContaining({ period: '2026Q2' }),
      }),
      expect.objectContaining({ path: 'row 3.period', code: 'other_report' }),
    ]);
    const nameless = await form(q1, (s) => {
      s.getRow(2).getCell(4).value = 12;
      for (const r of [2, 3]) for (const c of [6, 7]) s.getRow(r).getCell(c).value = null;
    });
    const refused = await importInto(q1, nameless);
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((e) => [e.path, e.code])).toEqual([['file', 'report_unidentified']]);
    expect(await valuesOf(q1)).toEqual([]);
  });

  it('reads a cell typed as a percentage as that percent for a % indicator, as its fraction otherwise', async () => {
    const file = await form(q1, (s) => {
      s.getRow(2).getCell(4).value = 0.052;
      s.getRow(2).getCell(4).numFmt = '0.0%';
      s.getRow(3).getCell(4).value = 0.3;
      s.getRow(3).getCell(4).numFmt = '0%';
    });
    const res = await importInto(q1, file);
    expect(res.status).toBe(200);
    expect(res.body.values.map((v) => v.value)).toEqual([5.2, 0.3]);
  });

  it('refuses a blank cell where the report holds a value, so an older form removes nothing saved since', async () => {
    const older = await form(q2, (s) => {
      s.getRow(2).getCell(4).value = 1;
    });
    const saved = await dept.put<Report>(`/api/v1/targets/reports/${q2.id}`, {
      values: (await planned()).map((indicatorId, k) => ({ indicatorId, value: k + 3 })),
      updatedAt: (await dept.get<Report>(`/api/v1/targets/reports/${q2.id}`)).body.updatedAt,
    });
    expect(saved.status).toBe(200);
    const res = await importInto(q2, older);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        path: 'row 3.value',
        code: 'blank_removes_value',
        params: expect.objectContaining({ value: 4 }),
      }),
    ]);
    expect(await valuesOf(q2)).toEqual([3, 4]);
  });
});

/** The plan's indicators, in the form's order. */
async function planned(): Promise<string[]> {
  const plan = await dept.get<{ items: Array<{ indicatorId: string }> }>(
    `/api/v1/targets/plans/${q1.planId}`,
  );
  return plan.body.items.map((i) => i.indicatorId);
}
