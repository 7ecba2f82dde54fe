import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { contextOf, waitedForCommit } from '../../test-support/racing.js';
import { accountsByIds } from '../users/api.js';
import { moveVisit } from './commands/moveVisit.js';
import { publishPlan } from './commands/publishPlan.js';
import { startVisit } from './commands/startVisit.js';
import { inspectionInspectors, inspectionPlans, inspectionVisits } from './schema.js';
import { publishedVisit } from './test-helpers.js';

/**
 * A publication, a visit's move and a visit's start each check that the inspectors they rely on
 * are on duty, their accounts enabled, and hold those accounts in the write: an account disabled
 * while the write is open, uncommitted, waits for its commit (given over a second to land before,
 * it does not), so the plan told to firms, or the visit started, never rests on an inspector who
 * could no longer sign in. PostgreSQL only: on PGlite's one connection the disabling waits for
 * the commit whether held or not.
 */
let t: TestContext;
let office: TestClient;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business', 'inspections'] });
  office = await t.as('office');
});
afterAll(() => t.close());

const setDisabled = async (userId: string, disabled: boolean) => {
  const res = await office.patch(`/api/v1/users/${userId}`, { disabled });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
};

const userOf = async (inspectorId: string) =>
  (
    await t.database.db
      .select({ userId: inspectionInspectors.userId })
      .from(inspectionInspectors)
      .where(eq(inspectionInspectors.id, inspectorId))
  )[0]!.userId;

/** Whether disabling `userId`, started while `work`'s transaction was held open, waited for it. */
async function disabledDuring(userId: string, db: Db, work: (db: Db) => Promise<unknown>) {
  const waited = await waitedForCommit(db, work, () => setDisabled(userId, true));
  await setDisabled(userId, false);
  return waited;
}

/** The demo's draft plan and its first visit. */
async function draftVisit() {
  const [draft] = await t.database.db
    .select()
    .from(inspectionPlans)
    .where(eq(inspectionPlans.status, 'draft'));
  const [visit] = await t.database.db
    .select()
    .from(inspectionVisits)
    .where(eq(inspectionVisits.planId, draft!.id))
    .orderBy(inspectionVisits.id)
    .limit(1);
  return { draft, visit };
}

describe.runIf(!!process.env.DATABASE_URL)(
  'an inspector’s account disabled as a write relying on it commits',
  () => {
    it('waits for a visit’s move to the same date and team', async () => {
      const { draft, visit } = await draftVisit();
      const ctx = await contextOf(t, office);
      const move = { date: visit!.date, inspectorIds: visit!.inspectorIds };
      const run = (db: Db) => moveVisit({ ...ctx, db }, { planId: draft!.id, visitId: visit!.id, move });
      expect(await disabledDuring(await userOf(visit!.inspectorIds[0]!), ctx.db, run)).toBe(true);
    });

    it('waits for a plan’s publication', async () => {
      const { draft, visit } = await draftVisit();
      const ctx = await contextOf(t, office);
      const run = (db: Db) => publishPlan({ ...ctx, db }, draft!.id);
      expect(await disabledDuring(await userOf(visit!.inspectorIds[0]!), ctx.db, run)).toBe(true);
      const [after] = await t.database.db
        .select()
        .from(inspectionPlans)
        .where(eq(inspectionPlans.id, draft!.id));
      expect(after!.status).toBe('published');
    });

    it('waits for a visit’s start by that inspector', async () => {
      const visit = await publishedVisit(t, 'planned');
      const userId = await userOf(visit.inspectorIds[0]!);
      const login = (await accountsByIds(t.database.db, [userId])).get(userId)!.login;
      const ctx = await contextOf(t, await t.as(login));
      const run = (db: Db) => startVisit({ ...ctx, db }, visit.id);
      expect(await disabledDuring(userId, ctx.db, run)).toBe(true);
    });
  },
);
