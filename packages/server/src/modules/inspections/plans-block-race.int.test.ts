import { officialCalendar } from '@qianxing/core/calendar';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { contextOf, holdingCommit, refusal } from '../../test-support/racing.js';
import { moveVisit } from './commands/moveVisit.js';
import { setFirmRisk } from './commands/setFirmRisk.js';
import { checkVisitMove } from './commands/visit-rules.js';
import type { Plan } from './contracts-plans.js';
import { inspectionFirmProfiles, inspectionPlans, inspectionVisits } from './schema.js';
import { drawnTask } from './test-helpers.js';

/**
 * The office blocks a date for a firm while another office user moves the firm's visit onto it:
 * the move holds the firm's blocked dates, so it waits for the block and is refused, never both
 * written. Its own year (2025) keeps the demo's plans out. Run on PostgreSQL with DATABASE_URL
 * set (on PGlite, with one connection, the move always waits for the block).
 */
let t: TestContext;
let office: TestClient;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business', 'inspections'] });
  office = await t.as('office');
});
afterAll(() => t.close());

const passes = (work: Promise<unknown>) =>
  work.then(
    () => true,
    () => false,
  );

describe('a date blocked at the same moment as a visit moves onto it', () => {
  it('refuses the move, which writes nothing', async () => {
    await blockWhileMoving({ periodStart: '2025-09-01', periodEnd: '2025-09-26' }, 'D20', true);
  });

  it('refuses it too for a firm whose first blocked date it is (no profile yet)', async () => {
    await blockWhileMoving({ periodStart: '2025-10-08', periodEnd: '2025-10-31' }, 'D21', false);
  });
});

/** A plan of one drawn task, a visit of it moved onto a day the office blocks meanwhile. */
async function blockWhileMoving(
  period: { periodStart: string; periodEnd: string },
  unit: string,
  withProfile: boolean,
) {
  await drawnTask(t, office, [`QJ-${unit}`], period, `封存日期竞争 ${unit}`);
  const made = await office.post<Plan>('/api/v1/inspections/plans', period);
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  const db = t.database.db;
  const [plan] = await db.select().from(inspectionPlans).where(eq(inspectionPlans.id, made.body.id));
  const visits = await db.select().from(inspectionVisits).where(eq(inspectionVisits.planId, plan!.id));
  let found: { visit: (typeof visits)[number]; day: string } | undefined;
  for (const visit of visits)
    for (const day of officialCalendar.workdaysIn(period.periodStart, period.periodEnd))
      if (!found && day !== visit.date)
        if (await passes(checkVisitMove(db, plan!, visit, { date: day, inspectorIds: visit.inspectorIds })))
          found = { visit, day };
  expect(found, 'a visit and a day it may move to').toBeDefined();
  const { visit, day } = found!;
  if (!withProfile)
    await db.delete(inspectionFirmProfiles).where(eq(inspectionFirmProfiles.firmId, visit.firmId));
  const [profile] = await db
    .select()
    .from(inspectionFirmProfiles)
    .where(eq(inspectionFirmProfiles.firmId, visit.firmId));
  expect(Boolean(profile)).toBe(withProfile);

  const blocker = await contextOf(t, await t.as('office'));
  const held = holdingCommit(blocker.db);
  const blocking = setFirmRisk({ ...blocker, db: held.db }, visit.firmId, {
    risk: profile?.risk ?? 'low',
    blockedDates: [...(profile?.blockedDates ?? []), day],
  });
  await held.holding;
  const mover = await contextOf(t, office);
  const refused = await refusal(
    moveVisit(mover, {
      planId: plan!.id,
      visitId: visit.id,
      move: { date: day, inspectorIds: visit.inspectorIds },
    }),
  );
  await blocking;
  expect(refused).toMatchObject({
    code: 'VALIDATION',
    errors: [expect.objectContaining({ path: 'date', code: 'blocked_date' })],
  });
  const [kept] = await db.select().from(inspectionVisits).where(eq(inspectionVisits.id, visit.id));
  expect(kept!.date).toBe(visit.date);
}
