import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { contextOf, holdingCommit, racing, refusal } from '../../test-support/racing.js';
import { createPlan, draftPlan } from './commands/createPlan.js';
import { setFirmRisk } from './commands/setFirmRisk.js';
import { type Plan, PlanInput } from './contracts-plans.js';
import { inspectionFirmProfiles, inspectionPlans, inspectionVisits } from './schema.js';
import { drawnTask } from './test-helpers.js';

/**
 * A date the office marks as one a firm cannot be visited on, while a draft plan visits the firm
 * that day: refused, naming the plan (move the visit first); under a published plan's visit,
 * recorded, the visit kept as the firm was told; and a plan being made while the date is blocked is refused, never saved
 * with a visit on it. Its own year (2025) keeps the demo's plans out.
 */
let t: TestContext;
let office: TestClient;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business', 'inspections'] });
  office = await t.as('office');
});
afterAll(() => t.close());

const profileOf = async (firmId: string) =>
  (
    await t.database.db.select().from(inspectionFirmProfiles).where(eq(inspectionFirmProfiles.firmId, firmId))
  )[0];

async function planOf(unit: string, period: { periodStart: string; periodEnd: string }) {
  await drawnTask(t, office, [`QJ-${unit}`], period, `不宜检查日期 ${unit}`);
  const made = await office.post<Plan>('/api/v1/inspections/plans', period);
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  const [visit] = await t.database.db
    .select()
    .from(inspectionVisits)
    .where(eq(inspectionVisits.planId, made.body.id))
    .limit(1);
  return { plan: made.body, visit: visit! };
}

describe('blocking a date a plan visits the firm on', () => {
  it('is refused while a draft visits it, naming the plan; another date is blocked', async () => {
    const period = { periodStart: '2025-03-03', periodEnd: '2025-03-28' };
    const { visit } = await planOf('D20', period);
    const before = await profileOf(visit.firmId);
    const risk = before?.risk ?? 'low';
    const wanted = [...(before?.blockedDates ?? []).filter((d) => d !== visit.date), visit.date].sort();
    const refused = await office.put(`/api/v1/inspections/firms/${visit.firmId}/risk`, {
      risk,
      blockedDates: wanted,
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      errors: [
        {
          path: 'blockedDates',
          code: 'visit_planned',
          params: { date: visit.date, start: period.periodStart, end: period.periodEnd },
        },
      ],
    });
    expect((await profileOf(visit.firmId))?.blockedDates ?? []).toEqual(before?.blockedDates ?? []);

    const free = '2025-03-31';
    const accepted = await office.put(`/api/v1/inspections/firms/${visit.firmId}/risk`, {
      risk,
      blockedDates: [...(before?.blockedDates ?? []), free],
    });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect((await profileOf(visit.firmId))?.blockedDates).toContain(free);
  });

  it('is recorded once the plan is published, whose visit stays as the firm was told', async () => {
    const { plan, visit } = await planOf('D21', { periodStart: '2025-04-07', periodEnd: '2025-04-30' });
    expect((await office.post(`/api/v1/inspections/plans/${plan.id}/publish`)).status).toBe(200);
    const accepted = await office.put(`/api/v1/inspections/firms/${visit.firmId}/risk`, {
      risk: 'high',
      blockedDates: [visit.date],
    });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect((await profileOf(visit.firmId))?.blockedDates).toContain(visit.date);
    const [kept] = await t.database.db
      .select()
      .from(inspectionVisits)
      .where(eq(inspectionVisits.id, visit.id));
    expect(kept!.date).toBe(visit.date);
  });
});

describe('a date blocked while a plan is being made', () => {
  const period = { periodStart: '2025-05-05', periodEnd: '2025-05-30' };
  const input = PlanInput.parse(period);
  const settings = { ...input, inspectorsPerVisit: 2 };

  it('refuses the plan, which writes nothing, when the block commits after the plan was drafted', async () => {
    await drawnTask(t, office, ['QJ-D21'], period, '不宜检查日期 编制中');
    const { visits } = await draftPlan(t.database.db, settings);
    const first = visits[0]!;
    const blocker = await contextOf(t, await t.as('office'));
    const maker = await contextOf(t, office);
    const plansBefore = await t.database.db.select().from(inspectionPlans);
    const refused = await refusal(
      createPlan(
        {
          ...maker,
          db: racing(maker.db, () =>
            setFirmRisk(blocker, first.firmId, { risk: 'medium', blockedDates: [first.date] }),
          ),
        },
        input,
      ),
    );
    expect(refused).toMatchObject({
      code: 'CONFLICT',
      errors: [
        expect.objectContaining({
          path: 'periodStart',
          code: 'blocked_meanwhile',
          params: { date: first.date, firm: expect.any(String) },
        }),
      ],
    });
    expect(await t.database.db.select().from(inspectionPlans)).toHaveLength(plansBefore.length);

    // Made again, the plan goes around the blocked date.
    const made = await office.post<Plan>('/api/v1/inspections/plans', period);
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const onIt = await t.database.db
      .select()
      .from(inspectionVisits)
      .where(eq(inspectionVisits.firmId, first.firmId));
    expect(onIt.map((v) => v.date)).not.toContain(first.date);
    expect((await office.delete(`/api/v1/inspections/plans/${made.body.id}`)).status).toBe(204);
    await setFirmRisk(blocker, first.firmId, { risk: 'medium', blockedDates: [] });
  });

  it('makes the plan wait for a block not yet committed, and refuses it (PostgreSQL)', async () => {
    const { visits } = await draftPlan(t.database.db, settings);
    const first = visits[0]!;
    const blocker = await contextOf(t, await t.as('office'));
    const held = holdingCommit(blocker.db);
    const maker = await contextOf(t, office);
    let blocking: Promise<unknown> = Promise.resolve();
    const making = refusal(
      createPlan(
        {
          ...maker,
          db: racing(maker.db, async () => {
            blocking = setFirmRisk({ ...blocker, db: held.db }, first.firmId, {
              risk: 'medium',
              blockedDates: [first.date],
            });
            // The plan's write starts while the block's transaction is still open.
            await held.holding;
          }),
        },
        input,
      ),
    );
    const refused = await making;
    await blocking;
    expect(refused).toMatchObject({
      code: 'CONFLICT',
      errors: [expect.objectContaining({ code: 'blocked_meanwhile' })],
    });
    expect((await profileOf(first.firmId))?.blockedDates).toContain(first.date);
  });
});
