import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSheet } from '../../excel/workbook.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { makeDistrict, signedIn } from '../../test-support/factories.js';
import { type MadeIndicator, makeIndicator, makePlan } from '../../test-support/factories-targets.js';
import { contextOf, holdingCommit, racing, refusal } from '../../test-support/racing.js';
import { importIndicators } from './commands/importIndicators.js';
import { submitPlan } from './commands/submitPlan.js';
import type { Plan } from './contracts/plans.js';
import { indicatorColumns } from './excel.js';
import { targetIndicators, targetPlans } from './schema.js';

/**
 * A change of an indicator's direction (by the library's form or by import) and the submission
 * of a plan using it, at the same moment: one of the two is refused, never both let through, or
 * a plan would be submitted with targets checked against the other direction. The tests with
 * `racing` put the other user's step between the checks and the write, and fail without the
 * fix on PGlite and PostgreSQL; those with `holdingCommit` keep the submission uncommitted while
 * the change runs, which only PostgreSQL can (on PGlite's one connection the change waits for the
 * commit and so passes either way). Run on PGlite, and on PostgreSQL with DATABASE_URL set.
 */
let t: TestContext;
let office: TestClient;
let dept: TestClient;
let unit: string;
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  const tree = await makeDistrict(t);
  office = await signedIn(t, 'admin', tree.district);
  dept = await signedIn(t, 'department_staff', tree.department);
  unit = tree.department.id;
});
afterAll(() => t.close());

interface Problem {
  status: number;
  body: { code: string; errors: Array<{ path: string; code: string; params?: Record<string, unknown> }> };
}

/** A draft plan of its own year with one new indicator, higher is better. */
async function draftWith(year: number) {
  const indicator = await makeIndicator(office);
  const plan = await makePlan({ unit: { id: unit }, staff: dept, indicators: [indicator], year });
  return { indicator, plan };
}

const flip = (indicator: MadeIndicator): Promise<Problem> =>
  office.patch(`/api/v1/targets/indicators/${indicator.id}`, { direction: 'lower' });

/** The indicator's row of the library's workbook, lower now better. */
const flippedFile = (indicator: MadeIndicator) =>
  writeSheet('指标库', indicatorColumns, [
    {
      code: indicator.code,
      name: indicator.name,
      measure: '%',
      direction: '越低越好',
      category: '经济',
      source: '区统计局',
      frequency: '季度',
    },
  ]);

const directionOf = async (indicator: MadeIndicator) =>
  (await t.database.db.select().from(targetIndicators).where(eq(targetIndicators.id, indicator.id)))[0]!
    .direction;
const statusOf = async (plan: { id: string }) =>
  (await t.database.db.select().from(targetPlans).where(eq(targetPlans.id, plan.id)))[0]!.status;

const directionInUse = (path: string, year: number) => [
  expect.objectContaining({ path, code: 'direction_in_use', params: expect.objectContaining({ year }) }),
];

describe('a plan submitted while its indicator’s direction changes', () => {
  it('is checked against the direction changed meanwhile, and refused where its targets now go the wrong way', async () => {
    const { indicator, plan } = await draftWith(2031);
    const ctx = await contextOf(t, dept);
    const flipped = async () => expect((await flip(indicator)).status).toBe(200);
    expect(await refusal(submitPlan({ ...ctx, db: racing(ctx.db, flipped) }, plan.id))).toMatchObject({
      code: 'VALIDATION',
      errors: expect.arrayContaining([
        expect.objectContaining({ path: 'items.0.targets.0', code: 'target_wrong_way' }),
        expect.objectContaining({ path: 'items.0.justification', code: 'justification_required' }),
      ]),
    });
    expect(await statusOf(plan)).toBe('draft');
    expect(await directionOf(indicator)).toBe('lower');
  });

  it('refuses an import flipping the direction once the plan is submitted meanwhile', async () => {
    const { indicator, plan } = await draftWith(2032);
    const file = await flippedFile(indicator);
    const ctx = await contextOf(t, office);
    const submitted = async () =>
      expect((await dept.post<Plan>(`/api/v1/targets/plans/${plan.id}/submit`)).status).toBe(200);
    const refused = await refusal(
      importIndicators({ ...ctx, db: racing(ctx.db, submitted) }, async () => file),
    );
    expect(refused).toMatchObject({ code: 'VALIDATION', errors: directionInUse('row 2.direction', 2032) });
    expect(await statusOf(plan)).toBe('submitted');
    expect(await directionOf(indicator)).toBe('higher');
  });

  it('makes a flip by form wait for a submission not yet committed, then refuses it (PostgreSQL)', async () => {
    const { indicator, plan } = await draftWith(2033);
    const ctx = await contextOf(t, dept);
    const held = holdingCommit(ctx.db);
    const submitting = submitPlan({ ...ctx, db: held.db }, plan.id);
    await held.holding;
    const refused = await flip(indicator);
    await submitting;
    expect(refused.status).toBe(409);
    expect(refused.body.errors).toEqual(directionInUse('direction', 2033));
    expect(await statusOf(plan)).toBe('submitted');
    expect(await directionOf(indicator)).toBe('higher');
  });

  it('makes an import wait for a submission not yet committed, then refuses its row (PostgreSQL)', async () => {
    const { indicator, plan } = await draftWith(2034);
    const file = await flippedFile(indicator);
    const ctx = await contextOf(t, dept);
    // Held long enough for the import to read its file (in a thread of its own) and check it.
    const held = holdingCommit(ctx.db, 3000);
    const submitting = submitPlan({ ...ctx, db: held.db }, plan.id);
    await held.holding;
    const refused = await refusal(importIndicators(await contextOf(t, office), async () => file));
    await submitting;
    expect(refused).toMatchObject({ code: 'VALIDATION', errors: directionInUse('row 2.direction', 2034) });
    expect(await statusOf(plan)).toBe('submitted');
    expect(await directionOf(indicator)).toBe('higher');
  });
});
