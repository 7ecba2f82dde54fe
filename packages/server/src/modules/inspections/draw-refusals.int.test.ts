import { sha256Hex } from '@qianxing/core/draw';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../errors.js';
import { problemBody } from '../../http/problem.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { contextOf, racing, refusal } from '../../test-support/racing.js';
import { drawTask } from './commands/drawTask.js';
import type { InspectionTask } from './contracts.js';
import type { PublicDraw } from './contracts-public.js';
import { inspectionDrawnFirms, inspectionTasks } from './schema.js';
import { auditOf, itemsOf, type Problem, unitId } from './test-helpers.js';

/**
 * A task is drawn once, with the seed it was announced with: a second draw that passed its check
 * while the first was drawing is refused at its write, and a kept seed that no longer matches its
 * published hash is never revealed. Run on PGlite, and on PostgreSQL with DATABASE_URL set.
 */
let t: TestContext;
let office: TestClient;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business', 'inspections'] });
  office = await t.as('office');
});
afterAll(() => t.close());

async function createdTask(title: string): Promise<string> {
  const res = await office.post<InspectionTask>('/api/v1/inspections/tasks', {
    title,
    unitIds: [await unitId(t, 'QJ-D19')],
    itemIds: (await itemsOf(t, 'QJ-D19')).map((i) => i.id),
    sample: { high: 1, medium: 1, low: 0 },
    periodStart: '2026-12-01',
    periodEnd: '2026-12-31',
  });
  expect(res.status).toBe(201);
  return res.body.id;
}

/** The problem+json a route answers with for what a command threw. */
const problemOf = (e: unknown) => {
  expect(e).toBeInstanceOf(AppError);
  return problemBody(e as AppError, 'en');
};

const taskRow = async (id: string) =>
  (await t.database.db.select().from(inspectionTasks).where(eq(inspectionTasks.id, id)))[0]!;

describe('drawing a task', () => {
  it('refuses the second of two draws crossing, at its write: one draw, one result', async () => {
    const id = await createdTask('两次抽取交叉');
    expect((await office.post(`/api/v1/inspections/tasks/${id}/announce`)).status).toBe(200);
    const ctx = await contextOf(t, office);
    // A colleague's draw commits after this one's check, before its transaction.
    let first: InspectionTask | undefined;
    const crossed = racing(ctx.db, async () => {
      const res = await office.post<InspectionTask>(`/api/v1/inspections/tasks/${id}/draw`);
      expect(res.status).toBe(200);
      first = res.body;
    });
    expect(problemOf(await refusal(drawTask({ ...ctx, db: crossed }, id)))).toMatchObject({
      status: 422,
      code: 'INVALID_STATE',
      errors: [{ path: 'status', code: 'task_drawn' }],
    });
    const row = await taskRow(id);
    expect(row).toMatchObject({ status: 'drawn', seed: first!.seed });
    const drawn = (row.result as { visits: Array<{ firm: string }> }).visits.map((v) => v.firm);
    expect(drawn).toEqual(first!.visits.map((v) => v.firm.id));
    const drawnFirms = await t.database.db
      .select()
      .from(inspectionDrawnFirms)
      .where(eq(inspectionDrawnFirms.taskId, id));
    expect(drawnFirms).toHaveLength(first!.visits.length);
    expect(await auditOf(t, id)).toEqual([
      'inspectionTask.create',
      'inspectionTask.announce',
      'inspectionTask.draw',
    ]);
  });

  it('reveals no seed that does not match its published hash, as in a row restored from an edited backup', async () => {
    const id = await createdTask('种子与哈希不符');
    // The commands never write such a row, and the table's trigger keeps a seed and its hash from
    // changing once set; a restore inserts rows as the backup holds them, so this is written here
    // the way only such a row could be: announced, its seed and its hash set together.
    const published = sha256Hex('the seed that was announced');
    await t.database.db.execute(
      sql`update inspection_tasks set status = 'announced', seed = ${'a different seed'},
        seed_hash = ${published}, input = ${JSON.stringify({ firms: [], inspectors: [] })}::jsonb,
        announced_at = now() where id = ${id}`,
    );
    const res = await office.post<Problem & { status: number }>(`/api/v1/inspections/tasks/${id}/draw`);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      code: 'INVALID_STATE',
      status: 422,
      errors: [{ path: 'seedHash', code: 'seed_mismatch' }],
    });
    expect(await taskRow(id)).toMatchObject({ status: 'announced', result: null, drawnAt: null });
    const shown = await office.get<InspectionTask>(`/api/v1/inspections/tasks/${id}`);
    expect(shown.body).toMatchObject({ status: 'announced', seedHash: published, seed: null });
    const board = await t
      .client()
      .get<{ items: PublicDraw[] }>('/api/v1/public/inspections/draws?page=1&pageSize=100');
    expect(board.body.items.find((d) => d.id === id)).toMatchObject({ seedHash: published, seed: null });
    expect(await auditOf(t, id)).toEqual(['inspectionTask.create']);
  });
});
