import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { type District, makeDistrict, makeUnit, signedIn } from '../../test-support/factories.js';
import { makeIndicator, makePlan } from '../../test-support/factories-targets.js';
import { loadWorkbook } from '../../test-support/workbook.js';
import type { Report } from './contracts/reports.js';
import { auditOf } from './test-helpers.js';

const XLSX = { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };

let t: TestContext;
let tree: District;
let dept: TestClient;
let report: Report;
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  tree = await makeDistrict(t);
  const office = await signedIn(t, 'admin', tree.district);
  dept = await signedIn(t, 'department_staff', tree.department);
  const indicators = [];
  for (const direction of ['higher', 'lower', 'higher'] as const)
    indicators.push(await makeIndicator(office, { direction }));
  const plan = await makePlan({ unit: tree.department, staff: dept, indicators, state: 'approved', office });
  report = (
    await dept.post<Report>('/api/v1/targets/reports', { planId: plan.id, period: '2026Q1', values: [] })
  ).body;
});
afterAll(() => t.close());

/** The report's own form, downloaded, with values typed into rows (2 is the first indicator). */
async function filledForm(values: Record<number, unknown>, extra: unknown[][] = []): Promise<Uint8Array> {
  const form = await dept.get<Uint8Array>(`/api/v1/targets/reports/${report.id}/workbook`);
  const book = await loadWorkbook(form.body);
  const sheet = book.worksheets[0]!;
  for (const [row, value] of Object.entries(values))
    sheet.getRow(Number(row)).getCell(4).value = value as number;
  for (const row of extra) sheet.addRow(row);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe('filling a report from Excel', () => {
  it('refuses a form with bad rows, naming each, and leaves the report as it was', async () => {
    const file = await filledForm({ 2: 101 }, [
      ['NOPE-1', '不在计划中', 1, 5],
      ['', '', '', ''],
    ]);
    const bad = await filledForm({ 2: 101, 3: 'abc' as unknown as number });
    const res = await dept.request<{ errors: Array<{ path: string; code: string }> }>(
      'POST',
      `/api/v1/targets/reports/${report.id}/import`,
      file,
      XLSX,
    );
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e) => [e.path, e.code])).toEqual([['row 5.indicatorCode', 'not_in_plan']]);
    const notNumber = await dept.request<{ errors: Array<{ path: string }> }>(
      'POST',
      `/api/v1/targets/reports/${report.id}/import`,
      bad,
      XLSX,
    );
    expect(notNumber.body.errors.map((e) => e.path)).toEqual(['row 3.value']);
    expect((await dept.get<Report>(`/api/v1/targets/reports/${report.id}`)).body.values).toEqual([]);
  });

  it('names the row that repeats an indicator, and the row it repeats', async () => {
    const form = await loadWorkbook(
      (await dept.get<Uint8Array>(`/api/v1/targets/reports/${report.id}/workbook`)).body,
    );
    const first = form.worksheets[0]!.getRow(2);
    const file = await filledForm({ 2: 101 }, [[first.getCell(1).value, first.getCell(2).value, '', 102]]);
    const res = await dept.request<{ errors: Array<{ path: string; code: string; params?: unknown }> }>(
      'POST',
      `/api/v1/targets/reports/${report.id}/import`,
      file,
      XLSX,
    );
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        path: 'row 5.indicatorCode',
        code: 'duplicate_of_row',
        params: expect.objectContaining({ row: 2 }),
      }),
    ]);
  });

  it('writes the typed values and audits the change as made from Excel; another unit sees nothing', async () => {
    const file = await filledForm({ 2: 101, 4: 77.5 });
    const res = await dept.request<Report>('POST', `/api/v1/targets/reports/${report.id}/import`, file, XLSX);
    expect(res.status).toBe(200);
    expect(res.body.values.map((v) => v.value)).toEqual([101, 77.5]);
    expect(await auditOf(t, report.id)).toEqual(['report.create', 'report.update']);
    const otherUnit = await makeUnit(t, { parent: tree.district, kind: 'department' });
    const other = await signedIn(t, 'department_staff', otherUnit);
    expect(
      (await other.request('POST', `/api/v1/targets/reports/${report.id}/import`, file, XLSX)).status,
    ).toBe(404);
  });
});
