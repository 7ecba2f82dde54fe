import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import type { InspectionTask } from './contracts.js';
import type { PublicDraw } from './contracts-public.js';
import { inspectionDrawnFirms, inspectionTasks } from './schema.js';
import { auditOf, itemsOf, type Problem, taskCount, unitId, verifyWithCli } from './test-helpers.js';

let t: TestContext;
let office: TestClient;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business', 'inspections'] });
  office = await t.as('office');
});
afterAll(() => t.close());

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

async function taskBody(codes: string[], sample = { high: 2, medium: 1, low: 1 }, extra: object = {}) {
  const items = (await Promise.all(codes.map((c) => itemsOf(t, c)))).flat();
  return {
    title: `测试抽查任务 ${codes.join('+')}`,
    unitIds: await Promise.all(codes.map((c) => unitId(t, c))),
    itemIds: items.map((i) => i.id),
    sample,
    inspectorsPerVisit: 2,
    periodStart: '2026-12-01',
    periodEnd: '2026-12-31',
    ...extra,
  };
}

describe('announce → draw → public', () => {
  it('publishes the hash at the announcement, reveals the seed at the draw, and anyone can verify it', async () => {
    const created = await office.post<InspectionTask>(
      '/api/v1/inspections/tasks',
      await taskBody(['QJ-D20', 'QJ-D25']),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'draft',
      seedHash: null,
      seed: null,
      allowed: ['announce', 'delete'],
    });
    const id = created.body.id;

    // Nothing can be drawn (no seed revealed) before the hash is published.
    const early = await office.post<Problem>(`/api/v1/inspections/tasks/${id}/draw`);
    expect(early.status).toBe(422);
    expect(early.body).toMatchObject({ code: 'INVALID_STATE', errors: [{ code: 'task_not_announced' }] });
    const [draft] = await t.database.db.select().from(inspectionTasks).where(eq(inspectionTasks.id, id));
    expect(draft).toMatchObject({ status: 'draft', seed: null, seedHash: null, result: null });

    const announced = await office.post<InspectionTask>(`/api/v1/inspections/tasks/${id}/announce`);
    expect(announced.status).toBe(200);
    expect(announced.body.status).toBe('announced');
    expect(announced.body.seedHash).toMatch(/^[0-9a-f]{64}$/);
    expect(announced.body.seed).toBeNull();
    const publicBefore = await t
      .client()
      .get<{ items: PublicDraw[] }>('/api/v1/public/inspections/draws?page=1&pageSize=50');
    const before = publicBefore.body.items.find((d) => d.id === id)!;
    expect(before).toMatchObject({
      seedHash: announced.body.seedHash,
      seed: null,
      drawnAt: null,
      result: null,
    });
    expect(before.input).not.toHaveProperty('seed');
    // A second announcement would make a second seed: refused.
    const again = await office.post<Problem>(`/api/v1/inspections/tasks/${id}/announce`);
    expect(again.status).toBe(422);
    expect(again.body.errors[0]!.code).toBe('task_announced');

    const drawn = await office.post<InspectionTask>(`/api/v1/inspections/tasks/${id}/draw`);
    expect(drawn.status).toBe(200);
    expect(drawn.body.status).toBe('drawn');
    expect(sha256(drawn.body.seed!)).toBe(announced.body.seedHash);
    expect(drawn.body.visits).toHaveLength(4);
    for (const v of drawn.body.visits) {
      expect(v.inspectors).toHaveLength(2);
      expect(new Set(v.inspectors.map((p) => p.unit))).toEqual(new Set(['区应急管理局', '区消防救援支队']));
      expect(v.firm.name).not.toBe('');
    }
    const redraw = await office.post<Problem>(`/api/v1/inspections/tasks/${id}/draw`);
    expect(redraw.status).toBe(422);
    expect(redraw.body.errors[0]!.code).toBe('task_drawn');
    expect(await auditOf(t, id)).toEqual([
      'inspectionTask.create',
      'inspectionTask.announce',
      'inspectionTask.draw',
    ]);

    const publicAfter = await t
      .client()
      .get<{ items: PublicDraw[] }>('/api/v1/public/inspections/draws?page=1&pageSize=50');
    const after = publicAfter.body.items.find((d) => d.id === id)!;
    expect(after.seed).toBe(drawn.body.seed);
    expect(after.seedHash).toBe(sha256(after.seed!));
    expect(after.drawnAt).not.toBeNull();
    const verdict = verifyWithCli(after.input, after.result);
    expect(verdict.status, verdict.out).toBe(0);
    const names = await t
      .client()
      .get<{ firms: Record<string, string> }>(`/api/v1/public/inspections/draws/${id}/names`);
    expect(Object.keys(names.body.firms).sort()).toEqual(drawn.body.visits.map((v) => v.firm.id).sort());
    expect(
      await t.database.db.select().from(inspectionDrawnFirms).where(eq(inspectionDrawnFirms.taskId, id)),
    ).toHaveLength(4);
  });

  it('never lets a published seed or a drawn result change, even past the commands', async () => {
    const [announced] = await t.database.db
      .select()
      .from(inspectionTasks)
      .where(eq(inspectionTasks.status, 'announced'));
    await expect(
      t.database.db
        .update(inspectionTasks)
        .set({ seed: 'chosen' })
        .where(eq(inspectionTasks.id, announced!.id)),
    ).rejects.toThrow();
    await expect(
      t.database.db
        .update(inspectionTasks)
        .set({ seedHash: sha256('chosen') })
        .where(eq(inspectionTasks.id, announced!.id)),
    ).rejects.toThrow();
    const [drawn] = await t.database.db
      .select()
      .from(inspectionTasks)
      .where(eq(inspectionTasks.status, 'drawn'));
    await expect(
      t.database.db.execute(
        sql`update inspection_tasks set result = '{"seedHash":"x","visits":[]}' where id = ${drawn!.id}`,
      ),
    ).rejects.toThrow();
  });
});

describe('bad input is refused with a reason and writes nothing', () => {
  it('a sample larger than the pool', async () => {
    const n = await taskCount(t);
    const res = await office.request<{
      code: string;
      errors: Array<{ path: string; code: string; params: object }>;
    }>('POST', '/api/v1/inspections/tasks', await taskBody(['QJ-D21'], { high: 100_00, medium: 0, low: 0 }), {
      'accept-language': 'en',
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION');
    expect(res.body.errors[0]).toMatchObject({ path: 'sample.high', code: 'too_few_firms' });
    expect(await taskCount(t)).toBe(n);
    const zh = await office.post<{ title: string }>(
      '/api/v1/inspections/tasks',
      await taskBody(['QJ-D21'], { high: 0, medium: 9999, low: 0 }),
    );
    expect(zh.body.title).toBe('提交的内容有误');
  });

  it('a task with no qualified inspector', async () => {
    const n = await taskCount(t);
    const res = await office.post<{
      code: string;
      errors: Array<{ path: string; code: string; params: object }>;
    }>(
      '/api/v1/inspections/tasks',
      await taskBody(['QJ-D21'], { high: 1, medium: 0, low: 0 }, { qualifications: ['特种设备检验'] }),
    );
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({
      path: 'qualifications',
      code: 'no_qualified_inspector',
      params: { qualification: '特种设备检验' },
    });
    const team = await office.post<{ errors: Array<{ code: string }> }>(
      '/api/v1/inspections/tasks',
      await taskBody(['QJ-D21'], { high: 1, medium: 0, low: 0 }, { inspectorsPerVisit: 6 }),
    );
    expect(team.status).toBe(400);
    expect(team.body.errors[0]!.code).toBe('too_few_inspectors');
    expect(await taskCount(t)).toBe(n);
  });

  it('an item of another department, or a department outside the caller’s scope', async () => {
    const body = await taskBody(['QJ-D21']);
    const other = await itemsOf(t, 'QJ-D11');
    const res = await office.post<{ errors: Array<{ code: string }> }>('/api/v1/inspections/tasks', {
      ...body,
      itemIds: [other[0]!.id],
    });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]!.code).toBe('item_outside_task');
    const dept = await t.as('dept');
    expect((await dept.post('/api/v1/inspections/tasks', body)).status).toBe(403);
  });
});

describe('a department acts on its own tasks only', () => {
  it('its staff define, announce and draw their task, not a joint one with a department they do not serve', async () => {
    const created = await office.post<{ initialPassword: string }>('/api/v1/users', {
      login: 'sj.staff',
      displayName: '市场监管局 经办人',
      roles: [{ role: 'department_staff', unitId: await unitId(t, 'QJ-D21') }],
    });
    const staff = t.client();
    await staff.firstLogin('sj.staff', created.body.initialPassword);
    const own = await staff.post<InspectionTask>('/api/v1/inspections/tasks', await taskBody(['QJ-D21']));
    expect(own.status).toBe(201);
    expect((await staff.post(`/api/v1/inspections/tasks/${own.body.id}/announce`)).status).toBe(200);
    const drawn = await staff.post<InspectionTask>(`/api/v1/inspections/tasks/${own.body.id}/draw`);
    expect(drawn.body.status).toBe('drawn');
    const n = await taskCount(t);
    const joint = await staff.post('/api/v1/inspections/tasks', await taskBody(['QJ-D21', 'QJ-D11']));
    expect(joint.status).toBe(403);
    expect(await taskCount(t)).toBe(n);
    // Nor may it draw another department's announced task.
    const other = await office.post<InspectionTask>('/api/v1/inspections/tasks', await taskBody(['QJ-D11']));
    await office.post(`/api/v1/inspections/tasks/${other.body.id}/announce`);
    expect((await staff.post(`/api/v1/inspections/tasks/${other.body.id}/draw`)).status).toBe(403);
    const [still] = await t.database.db
      .select()
      .from(inspectionTasks)
      .where(eq(inspectionTasks.id, other.body.id));
    expect(still!.status).toBe('announced');
  });
});
