import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../context.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { contextOf, holdingCommit, racing, refusal } from '../../test-support/racing.js';
import { correctProgress } from './commands/correctProgress.js';
import { deleteProject } from './commands/deleteProject.js';
import { reformMilestones, reformProgressCorrections } from './schema.js';
import { freshProject } from './test-helpers.js';

/**
 * A correction of a milestone's progress while the office deletes its project: the delete having
 * gone since the correction's checks, it is not found (never a conflict of a changed figure, nor
 * the database's failure), and nothing is written. `racing` puts the delete between the checks
 * and the write on PGlite and PostgreSQL; the delete held uncommitted as the correction writes,
 * which the correction waits for, only PostgreSQL's second connection shows.
 */
let t: TestContext;
let office: TestClient;
let officeCtx: ServiceContext;

beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users'] });
  office = await t.as('office');
  officeCtx = await contextOf(t, office);
});
afterAll(() => t.close());

/**
 * A project whose first milestone stands at 60%. A project with a report stays (its delete is
 * refused), so the figure an approval would give is stored as it: what the race needs is a
 * project still deletable whose progress the office may correct.
 */
async function progressed() {
  const p = await freshProject(t, office, [{ name: '出台实施方案', weight: 1, dueDate: '2026-06-30' }]);
  const milestoneId = p.milestoneList[0]!.id;
  await t.database.db.update(reformMilestones).set({ done: 0.6 }).where(eq(reformMilestones.id, milestoneId));
  return { projectId: p.id, milestoneId };
}
const correction = (m: { projectId: string; milestoneId: string }) => ({
  ...m,
  body: { done: 0.2, reason: '审核时误将60%录入' },
});
const correctionsOf = async (projectId: string) =>
  (
    await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(reformProgressCorrections)
      .where(eq(reformProgressCorrections.projectId, projectId))
  )[0]!.n;

describe('a progress correction of a project deleted since the checks', () => {
  it('is not found, and not written', async () => {
    const m = await progressed();
    const gone = async () =>
      expect((await office.delete(`/api/v1/reforms/projects/${m.projectId}`)).status).toBe(204);
    const ctx = { ...officeCtx, db: racing(officeCtx.db, gone) };
    expect(await refusal(correctProgress(ctx, correction(m)))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await correctionsOf(m.projectId)).toBe(0);
  });
});

describe.runIf(!!process.env.DATABASE_URL)('a progress correction as the project’s delete writes', () => {
  it('waits for the delete, then is not found', async () => {
    const m = await progressed();
    // Once the correction's checks are done, the delete's lock of the project and its removal
    // are open, uncommitted, as the correction writes.
    const held = holdingCommit(officeCtx.db);
    let deleting: Promise<unknown> = Promise.resolve();
    const deleteHeld = async () => {
      deleting = deleteProject({ ...officeCtx, db: held.db }, m.projectId);
      await held.holding;
    };
    const ctx = { ...officeCtx, db: racing(officeCtx.db, deleteHeld) };
    const correcting = refusal(correctProgress(ctx, correction(m)));
    await deleting;
    expect(await correcting).toMatchObject({ code: 'NOT_FOUND' });
    expect(await correctionsOf(m.projectId)).toBe(0);
  });
});
