import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transaction } from '../../db/transaction.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { writePlanStep } from './commands/plan-common.js';
import type { Plan } from './contracts/plans.js';
import { targetPlans } from './schema.js';
import { firstIndicators, planBody, stampOf, unitId } from './test-helpers.js';

let t: TestContext;
let dept: TestClient;
beforeAll(async () => {
  t = await createTestContext();
  dept = await t.as('dept');
});
afterAll(() => t.close());

interface Problem {
  code: string;
  errors?: Array<{ path: string; code: string }>;
}

describe('submitting a catch-up plan', () => {
  let plan: Plan;

  it('keeps a draft’s blanks as blanks, never as 0', async () => {
    const [a, b] = await firstIndicators(dept, 2);
    const created = await dept.post<Plan>('/api/v1/targets/plans', {
      unitId: await unitId(t, 'QJ-D01'),
      year: 2027,
      items: [
        { indicatorId: a!.id },
        { indicatorId: b!.id, base: 0, targets: [0, null, 2, null], benchmarkValue: 0, weight: null },
      ],
    });
    expect(created.status).toBe(201);
    plan = created.body;
    expect(plan.items[0]).toMatchObject({
      base: null,
      targets: [null, null, null, null],
      benchmarkRegionId: null,
      benchmarkValue: null,
      weight: 1,
    });
    // A real 0 stays 0; a cleared weight stays blank.
    expect(plan.items[1]).toMatchObject({
      base: 0,
      targets: [0, null, 2, null],
      benchmarkValue: 0,
      weight: null,
    });
    const read = await dept.get<Plan>(`/api/v1/targets/plans/${plan.id}`);
    expect(read.body.items.map((i) => i.base)).toEqual([null, 0]);
  });

  it('is refused with one field error per thing missing, each naming its row', async () => {
    const res = await dept.post<Problem>(`/api/v1/targets/plans/${plan.id}/submit`);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION');
    expect(res.body.errors).toEqual([
      { path: 'contactName', message: 'required', code: 'required' },
      { path: 'contactPhone', message: 'required', code: 'required' },
      ...['base', 'targets.0', 'targets.1', 'targets.2', 'targets.3'].map((f) => ({
        path: `items.0.${f}`,
        message: 'required',
        code: 'required',
      })),
      {
        path: 'items.0.benchmarkValue',
        message: 'a benchmark region or value is required',
        code: 'benchmark_missing',
      },
      ...['targets.1', 'targets.3', 'weight'].map((f) => ({
        path: `items.1.${f}`,
        message: 'required',
        code: 'required',
      })),
    ]);
    expect((await dept.get<Plan>(`/api/v1/targets/plans/${plan.id}`)).body.status).toBe('draft');
  });

  it('goes through once everything is filled in (a 0 counts as filled)', async () => {
    const body = planBody(await unitId(t, 'QJ-D01'), await firstIndicators(dept, 2));
    const items = body.items.map((i, k) => (k === 1 ? { ...i, base: 0 } : i));
    expect(
      (
        await dept.put(`/api/v1/targets/plans/${plan.id}`, {
          ...body,
          unitId: undefined,
          year: undefined,
          items,
          updatedAt: await stampOf(dept, 'plans', plan.id),
        })
      ).status,
    ).toBe(200);
    const res = await dept.post<Plan>(`/api/v1/targets/plans/${plan.id}/submit`);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('submitted');
  });

  it('is not written over an edit made after it was checked', async () => {
    const created = await dept.post<Plan>(
      '/api/v1/targets/plans',
      planBody(await unitId(t, 'QJ-D01'), await firstIndicators(dept, 1), 2028),
    );
    const db = t.database.db;
    const now = new Date();
    const loaded = {
      before: 'draft' as const,
      changes: { status: 'submitted' as const, submittedAt: now, returnReason: null, updatedAt: now },
      after: {},
      // As read before an edit that has since changed the plan.
      unchangedSince: new Date(0),
    };
    await expect(
      transaction(db, (tx) => writePlanStep(tx, created.body.id, 'submit', loaded)),
    ).rejects.toMatchObject({ code: 'INVALID_STATE' });
    const [row] = await db.select().from(targetPlans).where(eq(targetPlans.id, created.body.id));
    expect(row!.status).toBe('draft');
  });

  it('refuses to submit a plan with no indicator, naming the items as what is missing', async () => {
    const created = await dept.post<Plan>('/api/v1/targets/plans', {
      unitId: await unitId(t, 'QJ-D01'),
      year: 2029,
      items: [],
    });
    expect(created.status).toBe(201);
    const res = await dept.post<Problem>(`/api/v1/targets/plans/${created.body.id}/submit`);
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'items', code: 'plan_empty' })]);
  });
});
