import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../errors.js';
import { problemBody } from '../../http/problem.js';
import { attachments } from '../../kernel/schema.js';
import { createTestContext, type TestContext } from '../../test-support/app.js';
import { contextOf, racing, refusal } from '../../test-support/racing.js';
import { accountsByIds } from '../users/api.js';
import { addPhoto } from './commands/photos.js';
import { saveFinding } from './commands/saveFinding.js';
import { visitItemIds } from './commands/visit-common.js';
import {
  inspectionFindings,
  inspectionInspectors,
  inspectionPlans,
  inspectionVisits,
  type VisitStatus,
} from './schema.js';
import { pngBytes } from './test-helpers.js';

/**
 * A finding or a photo whose check saw the visit started, written after the team completed it:
 * refused at the write (the visit moved meanwhile), so nothing lands on a completed visit. Run on
 * PGlite, and on PostgreSQL with DATABASE_URL set.
 */
let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business', 'inspections'] });
});
afterAll(() => t.close());

type VisitRow = typeof inspectionVisits.$inferSelect;

/** A visit of the demo's published week in `status`, and its first inspector's login. */
async function visitIn(status: VisitStatus): Promise<{ visit: VisitRow; login: string }> {
  const [row] = await t.database.db
    .select({ visit: inspectionVisits })
    .from(inspectionVisits)
    .innerJoin(inspectionPlans, eq(inspectionPlans.id, inspectionVisits.planId))
    .where(and(eq(inspectionPlans.status, 'published'), eq(inspectionVisits.status, status)))
    .limit(1);
  expect(row).toBeDefined();
  const [inspector] = await t.database.db
    .select()
    .from(inspectionInspectors)
    .where(eq(inspectionInspectors.id, row!.visit.inspectorIds[0]!));
  const login = (await accountsByIds(t.database.db, [inspector!.userId])).get(inspector!.userId)!.login;
  return { visit: row!.visit, login };
}

/** A started visit with every item recorded compliant: ready to complete. Its team's client. */
async function readyToComplete(visit: VisitRow, login: string) {
  const team = await t.as(login);
  const items = await visitItemIds(t.database.db, visit.id);
  for (const itemId of items)
    expect(
      (await team.put(`/api/v1/inspections/visits/${visit.id}/findings/${itemId}`, { result: 'compliant' }))
        .status,
    ).toBe(200);
  const complete = async () =>
    expect((await team.post(`/api/v1/inspections/visits/${visit.id}/complete`)).status).toBe(200);
  return { team, items, complete };
}

const findingOf = async (visitId: string, itemId: string) =>
  (
    await t.database.db
      .select()
      .from(inspectionFindings)
      .where(and(eq(inspectionFindings.visitId, visitId), eq(inspectionFindings.itemId, itemId)))
  )[0]!;

/** The problem+json its route answers with for what a command threw. */
const problemOf = (e: unknown) => {
  expect(e).toBeInstanceOf(AppError);
  return problemBody(e as AppError, 'en');
};
const movedMeanwhile = {
  status: 422,
  code: 'INVALID_STATE',
  errors: [{ path: 'status', code: 'moved_meanwhile' }],
};

describe('a visit completed between a team step’s check and its write', () => {
  it('refuses the finding, and keeps the one the completion counted', async () => {
    const { visit, login } = await visitIn('started');
    const { team, items, complete } = await readyToComplete(visit, login);
    const ctx = await contextOf(t, team);
    const itemId = items[0]!;
    const late = saveFinding(
      { ...ctx, db: racing(ctx.db, complete) },
      {
        visitId: visit.id,
        itemId,
        finding: { result: 'issue', note: '灭火器过期', requirement: '更换灭火器', deadlineDays: 5 },
      },
    );
    expect(problemOf(await refusal(late))).toMatchObject(movedMeanwhile);
    expect(await findingOf(visit.id, itemId)).toMatchObject({ result: 'compliant', requirement: null });
  });

  it('refuses the photo, and stores none', async () => {
    // A second visit under way, as the demo seeds the first: started on its day by its team.
    const { visit, login } = await visitIn('planned');
    const team = await t.database.db
      .select({ userId: inspectionInspectors.userId })
      .from(inspectionInspectors)
      .where(eq(inspectionInspectors.id, visit.inspectorIds[0]!));
    await t.database.db
      .update(inspectionVisits)
      .set({ status: 'started', startedAt: new Date(), startedBy: team[0]!.userId })
      .where(eq(inspectionVisits.id, visit.id));
    const { team: client, items, complete } = await readyToComplete(visit, login);
    const finding = await findingOf(visit.id, items[0]!);
    const ctx = await contextOf(t, client);
    const late = addPhoto({ ...ctx, db: racing(ctx.db, complete) }, finding.id, async () => ({
      name: '迟到.png',
      bytes: pngBytes,
    }));
    expect(problemOf(await refusal(late))).toMatchObject(movedMeanwhile);
    expect(await t.database.db.select().from(attachments).where(eq(attachments.ownerId, finding.id))).toEqual(
      [],
    );
  });
});
