import { drawInspections } from '@qianxing/core/draw';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { contextOf, holdingCommit, racing } from '../../test-support/racing.js';
import { announceTask } from './commands/announceTask.js';
import type { InspectionTask } from './contracts.js';
import type { PublicDraw } from './contracts-public.js';
import type { FrozenInput } from './queries/draw-input.js';
import { inspectionInspectors, inspectionTasks } from './schema.js';
import { itemsOf, unitId } from './test-helpers.js';

/**
 * A task's pools are read and held in the announcement's write: an inspector taken off duty just
 * before it is not frozen into the draw's input, and one taken off duty while it is being written
 * waits for it, so the input is the pools as they stood at its commit, and the published input
 * still reproduces the draw. Run on PGlite, and on PostgreSQL with DATABASE_URL set.
 */
let t: TestContext;
let office: TestClient;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business', 'inspections'] });
  office = await t.as('office');
});
afterAll(() => t.close());

const codes = ['QJ-D19', 'QJ-D20'];

async function createdTask(title: string): Promise<string> {
  const res = await office.post<InspectionTask>('/api/v1/inspections/tasks', {
    title,
    unitIds: await Promise.all(codes.map((c) => unitId(t, c))),
    itemIds: (await Promise.all(codes.map((c) => itemsOf(t, c)))).flat().map((i) => i.id),
    sample: { high: 1, medium: 1, low: 0 },
    periodStart: '2026-12-01',
    periodEnd: '2026-12-31',
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

/** An inspector on duty of the task's first department. */
async function pooledInspector(): Promise<string> {
  const [row] = await t.database.db
    .select()
    .from(inspectionInspectors)
    .where(
      and(eq(inspectionInspectors.unitId, await unitId(t, codes[0]!)), eq(inspectionInspectors.active, true)),
    )
    .limit(1);
  return row!.id;
}

const setActive = async (inspectorId: string, active: boolean) =>
  expect((await office.patch(`/api/v1/inspections/inspectors/${inspectorId}`, { active })).status).toBe(200);

const frozenOf = async (id: string) =>
  (await t.database.db.select().from(inspectionTasks).where(eq(inspectionTasks.id, id)))[0]!
    .input as FrozenInput;

describe('announcing a task while an inspector is taken off duty', () => {
  it('leaves out one taken off duty after its check, and the published input reproduces the draw', async () => {
    const id = await createdTask('公告时人员停用');
    const inspector = await pooledInspector();
    const ctx = await contextOf(t, office);
    await announceTask({ ...ctx, db: racing(ctx.db, () => setActive(inspector, false)) }, id);
    expect((await frozenOf(id)).inspectors.map((p) => p.id)).not.toContain(inspector);

    expect((await office.post(`/api/v1/inspections/tasks/${id}/draw`)).status).toBe(200);
    const board = await t
      .client()
      .get<{ items: PublicDraw[] }>('/api/v1/public/inspections/draws?page=1&pageSize=100');
    const published = board.body.items.find((d) => d.id === id)!;
    const redrawn = drawInspections(published.input as Parameters<typeof drawInspections>[0]);
    expect(redrawn).toEqual(published.result);
    expect(redrawn.visits.flatMap((v) => v.inspectors)).not.toContain(inspector);
    await setActive(inspector, true);
  });

  /*
   * The change of duty starts while the announcement is still uncommitted: on PostgreSQL it waits
   * for the announcement's hold on the inspector's row, so the input (which holds them) was true
   * at its commit. Two transactions open at once need two connections, so only PostgreSQL runs
   * this race as written; on PGlite (one connection) the change waits for the commit anyway.
   */
  it('makes a change of duty started during its write wait for its commit', async () => {
    const id = await createdTask('公告写入时人员停用');
    const inspector = await pooledInspector();
    const ctx = await contextOf(t, office);
    const held = holdingCommit(ctx.db);
    const order: string[] = [];
    // The announcement's commit, not its answer: the task it reads back after the commit may
    // come after the change of duty that waited for the commit.
    void held.committed.then(() => order.push('announced'));
    const offDuty = held.holding.then(() => setActive(inspector, false)).then(() => order.push('off duty'));
    await Promise.all([announceTask({ ...ctx, db: held.db }, id), offDuty]);
    expect(order).toEqual(['announced', 'off duty']);
    expect((await frozenOf(id)).inspectors.map((p) => p.id)).toContain(inspector);
    await setActive(inspector, true);
  });
});
