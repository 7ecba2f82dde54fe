import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../context.js';
import { createTestContext, type TestContext } from '../../test-support/app.js';
import { makeDistrict, signedIn } from '../../test-support/factories.js';
import { makeIndicator, planItems } from '../../test-support/factories-targets.js';
import { contextOf, racing, refusal } from '../../test-support/racing.js';
import { createPlan } from './commands/createPlan.js';
import { createReport } from './commands/createReport.js';
import { PlanInput } from './contracts/plans.js';
import { ReportInput } from './contracts/reports.js';
import { reportingDepartment } from './test-helpers.js';

// Two forms sent at once for the same plan or report get past the check for one already there
// and meet at the unique index: the second is refused as the check would refuse it, by its field.
let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
});
afterAll(() => t.close());

const ctxWith = (ctx: ServiceContext, meanwhile: () => Promise<unknown>): ServiceContext => ({
  ...ctx,
  db: racing(ctx.db, meanwhile),
});

describe('a plan or report started twice at once', () => {
  it('refuses the second plan of a unit and year with the field taken', async () => {
    const tree = await makeDistrict(t);
    const office = await signedIn(t, 'admin', tree.district);
    const dept = await signedIn(t, 'department_staff', tree.department);
    const body = {
      unitId: tree.department.id,
      year: 2026,
      contactName: '联络员',
      contactPhone: '13912345678',
      items: planItems([await makeIndicator(office)]),
    };
    const first = async () => expect((await dept.post('/api/v1/targets/plans', body)).status).toBe(201);
    const ctx = ctxWith(await contextOf(t, dept), first);
    expect(await refusal(createPlan(ctx, PlanInput.parse(body)))).toMatchObject({
      code: 'CONFLICT',
      errors: [expect.objectContaining({ path: 'year', code: 'taken' })],
    });
    const plans = await dept.get<unknown[]>(`/api/v1/targets/plans?year=2026&unitId=${tree.department.id}`);
    expect(plans.body).toHaveLength(1);
  });

  it('refuses the second report of a plan and quarter with the field taken', async () => {
    const unit = await reportingDepartment(t, 2025);
    const first = async () => unit.draft('2025Q2');
    const ctx = ctxWith(await contextOf(t, unit.dept), first);
    expect(
      await refusal(
        createReport(ctx, ReportInput.parse({ planId: unit.plan.id, period: '2025Q2', values: [] })),
      ),
    ).toMatchObject({
      code: 'CONFLICT',
      errors: [expect.objectContaining({ path: 'period', code: 'taken' })],
    });
  });
});
