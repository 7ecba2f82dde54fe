import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../context.js';
import { createTestContext, type TestContext } from '../../test-support/app.js';
import { contextOf, racing, refusal } from '../../test-support/racing.js';
import { approveReport } from './commands/approveReport.js';
import { submitReport } from './commands/submitReport.js';
import { updateReport } from './commands/updateReport.js';
import type { Report } from './contracts/reports.js';
import type { Scorecard } from './contracts/scorecards.js';
import { reportingDepartment } from './test-helpers.js';

// A report's write checks again, in its transaction, what its checks read: the plan still
// approved and the quarter not published. `racing` puts the other step between the checks and
// the write, so these fail without the checks in the transaction on PGlite and PostgreSQL.
type Problem = { code: string; errors?: Array<{ path: string; code: string }> };

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
});
afterAll(() => t.close());

const ctxWith = (ctx: ServiceContext, meanwhile: () => Promise<unknown>): ServiceContext => ({
  ...ctx,
  db: racing(ctx.db, meanwhile),
});

/** The office reopens the unit's plan, as it does between a report's checks and its write. */
const reopened = async (unit: Awaited<ReturnType<typeof reportingDepartment>>) =>
  expect(
    (await unit.office.post(`/api/v1/targets/plans/${unit.plan.id}/reopen`, { reason: '目标偏低' })).status,
  ).toBe(200);

describe('a quarterly report and the publication of its quarter', () => {
  it('refuses a submission the publication overtook, and leaves the report a draft', async () => {
    const ranked = await reportingDepartment(t, 2025);
    const first = await ranked.draft('2025Q1');
    expect((await ranked.dept.post(`/api/v1/targets/reports/${first.id}/submit`)).status).toBe(200);
    const waiting = await reportingDepartment(t, 2025);
    const draft = await waiting.draft('2025Q1');
    const card = await ranked.office.post<Scorecard>('/api/v1/targets/scorecards', { period: '2025Q1' });
    const publish = async () =>
      expect((await ranked.office.post(`/api/v1/targets/scorecards/${card.body.id}/publish`)).status).toBe(
        200,
      );
    const ctx = ctxWith(await contextOf(t, waiting.dept), publish);
    expect(await refusal(submitReport(ctx, draft.id))).toMatchObject({
      code: 'INVALID_STATE',
      errors: [expect.objectContaining({ path: 'period', code: 'quarter_published' })],
    });
    const after = await waiting.dept.get<Report>(`/api/v1/targets/reports/${draft.id}`);
    expect(after.body.status).toBe('draft');
    // The ranking that stands on the first unit's report keeps it: it is not returned.
    const back = await ranked.office.post<Problem>(`/api/v1/targets/reports/${first.id}/return`, {
      reason: '请补充佐证',
    });
    expect(back.status).toBe(422);
    expect(back.body.errors).toEqual([
      expect.objectContaining({ path: 'period', code: 'report_ranked_published' }),
    ]);
    expect((await ranked.dept.get<Report>(`/api/v1/targets/reports/${first.id}`)).body.status).toBe(
      'submitted',
    );
  });
});

describe('a quarterly report and the reopening of its plan', () => {
  it('refuses a submission the reopening overtook', async () => {
    const unit = await reportingDepartment(t, 2024);
    const draft = await unit.draft('2024Q2');
    const ctx = ctxWith(await contextOf(t, unit.dept), () => reopened(unit));
    expect(await refusal(submitReport(ctx, draft.id))).toMatchObject({
      code: 'INVALID_STATE',
      errors: [expect.objectContaining({ path: 'planId', code: 'plan_not_approved' })],
    });
    expect((await unit.dept.get<Report>(`/api/v1/targets/reports/${draft.id}`)).body.status).toBe('draft');
  });

  it('refuses values saved after the reopening, and keeps those saved before', async () => {
    const unit = await reportingDepartment(t, 2023);
    const draft = await unit.draft('2023Q1');
    const ctx = ctxWith(await contextOf(t, unit.dept), () => reopened(unit));
    const saved = draft.values.map((v) => ({ indicatorId: v.indicatorId, value: 200, note: '' }));
    expect(
      await refusal(updateReport(ctx, draft.id, { values: saved, updatedAt: draft.updatedAt })),
    ).toMatchObject({
      code: 'INVALID_STATE',
      errors: [expect.objectContaining({ code: 'plan_not_approved' })],
    });
    const after = await unit.dept.get<Report>(`/api/v1/targets/reports/${draft.id}`);
    expect(after.body.values.map((v) => v.value)).toEqual([104]);
  });
});

describe('a quarterly report approved while its plan is reopened', () => {
  const submitted = async (unit: Awaited<ReturnType<typeof reportingDepartment>>, period: string) => {
    const draft = await unit.draft(period);
    expect((await unit.dept.post(`/api/v1/targets/reports/${draft.id}/submit`)).status).toBe(200);
    return draft;
  };

  it('refuses the approval of a report whose plan was reopened, and keeps it submitted', async () => {
    const unit = await reportingDepartment(t, 2022);
    const report = await submitted(unit, '2022Q3');
    await reopened(unit);
    const res = await unit.office.post<Problem>(`/api/v1/targets/reports/${report.id}/approve`);
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'planId', code: 'plan_not_approved' })]);
    expect((await unit.dept.get<Report>(`/api/v1/targets/reports/${report.id}`)).body.status).toBe(
      'submitted',
    );
  });

  it('refuses an approval the reopening overtook, checked in its transaction', async () => {
    const unit = await reportingDepartment(t, 2021);
    const report = await submitted(unit, '2021Q4');
    const ctx = ctxWith(await contextOf(t, unit.office), () => reopened(unit));
    expect(await refusal(approveReport(ctx, report.id))).toMatchObject({
      code: 'INVALID_STATE',
      errors: [expect.objectContaining({ path: 'planId', code: 'plan_not_approved' })],
    });
    expect((await unit.dept.get<Report>(`/api/v1/targets/reports/${report.id}`)).body.status).toBe(
      'submitted',
    );
  });
});
