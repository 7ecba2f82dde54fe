import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test-support/app.js';
import { contextOf, holdingCommit, refusal, sideBySide } from '../../test-support/racing.js';
import { submitReport } from './commands/submitReport.js';
import { updateReport } from './commands/updateReport.js';
import type { Report } from './contracts/reports.js';
import { auditOf, reportingDepartment, stampOf } from './test-helpers.js';

/**
 * A report's submission in a transaction open beside another write of the same report: the
 * submission's write holds the report and finds what the other committed, so an empty report is
 * never submitted and a report is submitted once. PostgreSQL only: the two transactions overlap
 * only on its second connection (on PGlite's one connection they take turns, and the submission's
 * checks already see the other's result, as report-submit-races.int.test.ts covers on both).
 */
let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
});
afterAll(() => t.close());

describe.runIf(!!process.env.DATABASE_URL)('a report submitted beside another write of it', () => {
  it('is refused as empty when a save emptying it is uncommitted as the submission is checked', async () => {
    const unit = await reportingDepartment(t, 2022);
    const draft = await unit.draft('2022Q1');
    const ctx = await contextOf(t, unit.dept);
    // The save's empty values are written, uncommitted, while the submission reads the report
    // (still holding its value) and then waits for the report's lock.
    const held = holdingCommit(ctx.db);
    const saving = updateReport({ ...ctx, db: held.db }, draft.id, {
      values: [],
      updatedAt: await stampOf(unit.dept, 'reports', draft.id),
    });
    await held.holding;
    const submitting = refusal(submitReport(ctx, draft.id));
    await saving;
    expect(await submitting).toMatchObject({
      code: 'INVALID_STATE',
      errors: [expect.objectContaining({ path: 'values', code: 'report_empty' })],
    });
    const after = await unit.dept.get<Report>(`/api/v1/targets/reports/${draft.id}`);
    expect([after.body.status, after.body.valueCount]).toEqual(['draft', 0]);
    expect(await auditOf(t, draft.id)).toEqual(['report.create', 'report.update']);
  });

  it('is submitted once when submitted twice at the same moment', async () => {
    const unit = await reportingDepartment(t, 2021);
    const draft = await unit.draft('2021Q1');
    const ctx = await contextOf(t, unit.dept);
    const together = sideBySide(2, 'before commit');
    const outcomes = await Promise.allSettled([
      submitReport(together(ctx), draft.id),
      submitReport(together(ctx), draft.id),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: 'INVALID_STATE' });
    const after = await unit.dept.get<Report>(`/api/v1/targets/reports/${draft.id}`);
    expect(after.body.status).toBe('submitted');
    expect(await auditOf(t, draft.id)).toEqual(['report.create', 'report.submit']);
  });
});
