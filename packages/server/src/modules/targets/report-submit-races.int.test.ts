import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test-support/app.js';
import { contextOf, racing, refusal } from '../../test-support/racing.js';
import { submitReport } from './commands/submitReport.js';
import type { Report } from './contracts/reports.js';
import { reportingDepartment, stampOf } from './test-helpers.js';

// A submission is checked against the report as read (it holds a value); a save between those
// checks and the write changes what would be sent, so the write refuses it. `racing` puts the
// save there, so these fail without the check in the transaction on PGlite and PostgreSQL.

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
});
afterAll(() => t.close());

type Unit = Awaited<ReturnType<typeof reportingDepartment>>;

/** The unit saves the report's values from a form read now, as it does while the submission is checked. */
const saved = async (unit: Unit, id: string, values: Report['values']) => {
  const body = {
    values: values.map((v) => ({ indicatorId: v.indicatorId, value: v.value, note: v.note })),
    updatedAt: await stampOf(unit.dept, 'reports', id),
  };
  expect((await unit.dept.request('PUT', `/api/v1/targets/reports/${id}`, body)).status).toBe(200);
};

describe('a report saved between its submission’s checks and its write', () => {
  it('refuses the submission of a report the save emptied, and leaves it a draft', async () => {
    const unit = await reportingDepartment(t, 2025);
    const draft = await unit.draft('2025Q1');
    const ctx = await contextOf(t, unit.dept);
    const emptied = () => saved(unit, draft.id, []);
    expect(await refusal(submitReport({ ...ctx, db: racing(ctx.db, emptied) }, draft.id))).toMatchObject({
      code: 'INVALID_STATE',
      errors: [expect.objectContaining({ path: 'values', code: 'report_empty' })],
    });
    const after = await unit.dept.get<Report>(`/api/v1/targets/reports/${draft.id}`);
    expect([after.body.status, after.body.valueCount]).toEqual(['draft', 0]);
  });

  it('refuses the submission of values other than those checked', async () => {
    const unit = await reportingDepartment(t, 2024);
    const draft = await unit.draft('2024Q2');
    const ctx = await contextOf(t, unit.dept);
    const changed = () => saved(unit, draft.id, [{ ...draft.values[0]!, value: 250 }]);
    expect(await refusal(submitReport({ ...ctx, db: racing(ctx.db, changed) }, draft.id))).toMatchObject({
      code: 'INVALID_STATE',
      errors: [expect.objectContaining({ code: 'moved_meanwhile' })],
    });
    const after = await unit.dept.get<Report>(`/api/v1/targets/reports/${draft.id}`);
    expect([after.body.status, after.body.values.map((v) => v.value)]).toEqual(['draft', [250]]);
  });
});
