import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client.js';
import { AppError } from '../../errors.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { contextOf, racing, refusal, waitedForCommit } from '../../test-support/racing.js';
import { announceTask } from './commands/announceTask.js';
import type { InspectionTask } from './contracts.js';
import type { FrozenInput } from './queries/draw-input.js';
import { inspectionInspectors, inspectionTasks } from './schema.js';
import { itemsOf, unitId } from './test-helpers.js';

/**
 * Announcing a task reads its items and its inspectors' accounts in its write and holds them: an
 * item's qualification changed after the checks counts as it is now, and an account disabled
 * while the announcement is written waits for its commit, so the draw's input never names an
 * inspector who could not sign in when it was frozen. Run on PGlite, and on PostgreSQL with
 * DATABASE_URL set.
 */
let t: TestContext;
let office: TestClient;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business', 'inspections'] });
  office = await t.as('office');
});
afterAll(() => t.close());

const code = 'QJ-D19';

async function createdTask(title: string): Promise<{ id: string; itemId: string }> {
  const items = await itemsOf(t, code);
  const res = await office.post<InspectionTask>('/api/v1/inspections/tasks', {
    title,
    unitIds: [await unitId(t, code)],
    itemIds: items.map((i) => i.id),
    sample: { high: 1, medium: 0, low: 0 },
    periodStart: '2026-12-01',
    periodEnd: '2026-12-31',
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { id: res.body.id, itemId: items[0]!.id };
}

const frozenOf = async (id: string) =>
  (await t.database.db.select().from(inspectionTasks).where(eq(inspectionTasks.id, id)))[0]!;

const setQualification = async (itemId: string, qualification: string | null) => {
  const res = await office.patch(`/api/v1/inspections/items/${itemId}`, { qualification });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
};

const setDisabled = async (userId: string, disabled: boolean) => {
  const res = await office.patch(`/api/v1/users/${userId}`, { disabled });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
};

describe('announcing a task while its items or inspectors change', () => {
  it('counts an item’s qualification changed after its checks, refusing what no inspector holds', async () => {
    const { id, itemId } = await createdTask('公告时检查事项资格变更');
    const before = (await itemsOf(t, code)).find((i) => i.id === itemId)!.qualification;
    const ctx = await contextOf(t, office);
    const refused = await refusal(
      announceTask({ ...ctx, db: racing(ctx.db, () => setQualification(itemId, '无人持有的执法资格')) }, id),
    ).finally(() => setQualification(itemId, before));
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).errors).toEqual([
      expect.objectContaining({ path: 'qualifications', code: 'no_qualified_inspector' }),
    ]);
    const task = await frozenOf(id);
    expect([task.status, task.seedHash]).toEqual(['draft', null]);
  });

  /*
   * The account is disabled once the announcement is written, still uncommitted: held, the
   * change waits for its commit (it ends only after the announcement's transaction has), so the
   * input, which names the inspector, was true when it was frozen. On PGlite (one connection) the change
   * waits for the commit anyway.
   */
  it('makes an account disabled during its write wait for its commit', async () => {
    const { id } = await createdTask('公告写入时账号停用');
    const [inspector] = await t.database.db
      .select()
      .from(inspectionInspectors)
      .where(
        and(eq(inspectionInspectors.unitId, await unitId(t, code)), eq(inspectionInspectors.active, true)),
      )
      .orderBy(inspectionInspectors.id)
      .limit(1);
    const ctx = await contextOf(t, office);
    const announce = (db: Db) => announceTask({ ...ctx, db }, id);
    expect(await waitedForCommit(ctx.db, announce, () => setDisabled(inspector!.userId, true))).toBe(true);
    expect(((await frozenOf(id)).input as FrozenInput).inspectors.map((p) => p.id)).toContain(inspector!.id);
    await setDisabled(inspector!.userId, false);
  });
});
