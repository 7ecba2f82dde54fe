import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../context.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { contextOf, racing, refusal } from '../../test-support/racing.js';
import { deletePlan } from './commands/deletePlan.js';
import { deleteTask } from './commands/deleteTask.js';
import { moveVisit } from './commands/moveVisit.js';
import type { InspectionTask } from './contracts.js';
import { inspectionPlans, inspectionTasks, inspectionVisits } from './schema.js';
import { auditOf, itemsOf, unitId } from './test-helpers.js';

/** The office's context, its database doing `meanwhile` before the command's transaction. */
const racingOffice = (meanwhile: () => Promise<unknown>): ServiceContext => ({
  ...officeCtx,
  db: racing(officeCtx.db, meanwhile),
});

/** Another office user publishes the plan (as publishPlan writes it). */
const publishElsewhere = () =>
  t.database.db
    .update(inspectionPlans)
    .set({ status: 'published', publishedAt: new Date() })
    .where(eq(inspectionPlans.id, planId));
const backToDraft = () =>
  t.database.db
    .update(inspectionPlans)
    .set({ status: 'draft', publishedAt: null })
    .where(eq(inspectionPlans.id, planId));

let t: TestContext;
let office: TestClient;
let planId: string;
let officeCtx: ServiceContext;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business', 'inspections'] });
  office = await t.as('office');
  officeCtx = await contextOf(t, office);
  const [draft] = await t.database.db
    .select()
    .from(inspectionPlans)
    .where(eq(inspectionPlans.status, 'draft'));
  planId = draft!.id;
});
afterEach(async () => {
  // Each test starts from the demo's draft, whatever the one before left.
  await backToDraft();
});
afterAll(() => t.close());

describe('a plan published while an office user changes it', () => {
  it('refuses to move its visit: the firm was told the date, and nothing is written', async () => {
    const [visit] = await t.database.db
      .select()
      .from(inspectionVisits)
      .where(eq(inspectionVisits.planId, planId));
    const [plan] = await t.database.db.select().from(inspectionPlans).where(eq(inspectionPlans.id, planId));
    const refused = await refusal(
      moveVisit(racingOffice(publishElsewhere), {
        planId,
        visitId: visit!.id,
        move: { date: visit!.date, inspectorIds: visit!.inspectorIds },
      }),
    );
    expect(refused).toMatchObject({ code: 'INVALID_STATE', errors: [{ code: 'plan_published' }] });
    const [after] = await t.database.db
      .select()
      .from(inspectionVisits)
      .where(eq(inspectionVisits.id, visit!.id));
    expect(after).toEqual(visit);
    const [planAfter] = await t.database.db
      .select()
      .from(inspectionPlans)
      .where(eq(inspectionPlans.id, planId));
    expect(planAfter!.updatedAt).toEqual(plan!.updatedAt);
    expect(await auditOf(t, visit!.id)).toEqual([]);
  });

  it('refuses to delete it: the plan and its visits stay, and no deletion is audited', async () => {
    const visits = await t.database.db
      .select()
      .from(inspectionVisits)
      .where(eq(inspectionVisits.planId, planId));
    expect(visits.length).toBeGreaterThan(0);
    const refused = await refusal(deletePlan(racingOffice(publishElsewhere), planId));
    expect(refused).toMatchObject({ code: 'INVALID_STATE', errors: [{ code: 'plan_published' }] });
    const [plan] = await t.database.db.select().from(inspectionPlans).where(eq(inspectionPlans.id, planId));
    expect(plan!.status).toBe('published');
    expect(
      await t.database.db.select().from(inspectionVisits).where(eq(inspectionVisits.planId, planId)),
    ).toHaveLength(visits.length);
    expect(await auditOf(t, planId)).not.toContain('inspectionPlan.delete');
  });
});

describe('a task announced or removed while an office user deletes it', () => {
  async function draftTask() {
    const items = await itemsOf(t, 'QJ-D20');
    const created = await office.post<InspectionTask>('/api/v1/inspections/tasks', {
      title: '删除竞争测试',
      unitIds: [await unitId(t, 'QJ-D20')],
      itemIds: items.map((i) => i.id),
      sample: { high: 1, medium: 0, low: 0 },
      inspectorsPerVisit: 1,
      periodStart: '2026-12-01',
      periodEnd: '2026-12-31',
    });
    expect(created.status).toBe(201);
    return created.body.id;
  }

  it('refuses when it was announced meanwhile: the task stays and no deletion is audited', async () => {
    const id = await draftTask();
    const announce = () =>
      t.database.db
        .update(inspectionTasks)
        .set({
          status: 'announced',
          seed: 'ab'.repeat(16),
          seedHash: 'cd'.repeat(32),
          announcedAt: new Date(),
        })
        .where(eq(inspectionTasks.id, id));
    expect(await refusal(deleteTask(racingOffice(announce), id))).toMatchObject({
      code: 'INVALID_STATE',
      errors: [{ path: 'status', code: 'task_announced' }],
    });
    const [task] = await t.database.db.select().from(inspectionTasks).where(eq(inspectionTasks.id, id));
    expect(task!.status).toBe('announced');
    expect(await auditOf(t, id)).not.toContain('inspectionTask.delete');
  });

  it('refuses when another user removed it first: only the deletion that happened is audited', async () => {
    const id = await draftTask();
    const removeElsewhere = () => t.database.db.delete(inspectionTasks).where(eq(inspectionTasks.id, id));
    expect(await refusal(deleteTask(racingOffice(removeElsewhere), id))).toMatchObject({
      code: 'INVALID_STATE',
    });
    expect(await auditOf(t, id)).not.toContain('inspectionTask.delete');
  });
});
