import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { makeDistrict, signedIn } from '../../test-support/factories.js';
import { makeIndicator, makePlan } from '../../test-support/factories-targets.js';
import { contextOf, holdingCommit, racing, refusal } from '../../test-support/racing.js';
import { loadWorkbook } from '../../test-support/workbook.js';
import { importReportValues } from './commands/importReportValues.js';
import { updateReport } from './commands/updateReport.js';
import type { Report } from './contracts/reports.js';

/**
 * A report's Excel form imported while someone saves the report by the form: a value saved after
 * the file was checked is not removed by a blank cell of the file (`blank_removes_value`), since
 * the import checks its blank cells again against the values held under the report's lock. The
 * test with `racing` fails without that on PGlite and PostgreSQL; the one holding the save
 * uncommitted while the import checks its file only on PostgreSQL (on PGlite the import waits
 * for the save's commit before reading anything). Run on PGlite, and on PostgreSQL with
 * DATABASE_URL set.
 */
let t: TestContext;
let dept: TestClient;
let planId: string;
let planned: string[];
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  const tree = await makeDistrict(t);
  const office = await signedIn(t, 'admin', tree.district);
  dept = await signedIn(t, 'department_staff', tree.department);
  const indicators = [await makeIndicator(office), await makeIndicator(office)];
  planned = indicators.map((i) => i.id);
  const plan = await makePlan({ unit: tree.department, staff: dept, indicators, state: 'approved', office });
  planId = plan.id;
});
afterAll(() => t.close());

/** A new report of `period` holding a value for the first indicator only, and its form with that value changed. */
async function halfFilled(period: string) {
  const created = await dept.post<Report>('/api/v1/targets/reports', {
    planId,
    period,
    values: [{ indicatorId: planned[0]!, value: 1, note: '' }],
  });
  expect(created.status).toBe(201);
  const res = await dept.get<Uint8Array>(`/api/v1/targets/reports/${created.body.id}/workbook`);
  const book = await loadWorkbook(res.body);
  book.worksheets[0]!.getRow(2).getCell(4).value = 7;
  return { report: created.body, file: new Uint8Array(await book.xlsx.writeBuffer()) };
}

/** Both values saved by the form, as the unit's other clerk does. */
const bothSaved = (report: Report) => ({
  values: planned.map((indicatorId, k) => ({ indicatorId, value: k + 3, note: '' })),
  updatedAt: report.updatedAt,
});

const valuesOf = async (report: Report) =>
  (await dept.get<Report>(`/api/v1/targets/reports/${report.id}`)).body.values.map((v) => v.value);

const blankRemoves = {
  code: 'VALIDATION',
  errors: [
    expect.objectContaining({
      path: 'row 3.value',
      code: 'blank_removes_value',
      params: expect.objectContaining({ value: 4 }),
    }),
  ],
};

describe('a report form imported while the report is saved', () => {
  it('refuses a blank cell where a value was saved after the file was checked', async () => {
    const { report, file } = await halfFilled('2026Q1');
    const saved = async () =>
      expect((await dept.put(`/api/v1/targets/reports/${report.id}`, bothSaved(report))).status).toBe(200);
    const ctx = await contextOf(t, dept);
    const importing = importReportValues({ ...ctx, db: racing(ctx.db, saved) }, report.id, async () => file);
    expect(await refusal(importing)).toMatchObject(blankRemoves);
    expect(await valuesOf(report)).toEqual([3, 4]);
  });

  it('waits for a save not yet committed, then refuses the blank cell (PostgreSQL)', async () => {
    const { report, file } = await halfFilled('2026Q2');
    const ctx = await contextOf(t, dept);
    // Held long enough for the import to read its file (in a thread of its own) and check it.
    const held = holdingCommit(ctx.db, 3000);
    const saving = updateReport({ ...ctx, db: held.db }, report.id, bothSaved(report));
    await held.holding;
    const importing = refusal(importReportValues(ctx, report.id, async () => file));
    await saving;
    expect(await importing).toMatchObject(blankRemoves);
    expect(await valuesOf(report)).toEqual([3, 4]);
  });
});
