import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transaction } from '../db/transaction.js';
import { createTestContext, type TestClient, type TestContext } from '../test-support/app.js';
import { audit, systemActor } from './audit.js';

let t: TestContext;
let office: TestClient;
beforeAll(async () => {
  t = await createTestContext();
  office = await t.as('office');
});
afterAll(() => t.close());

interface Item {
  action: string;
  entityType: string;
  entityId: string;
  entityTitle: string | null;
  entityLink: string | null;
}
const events = async (query: string) =>
  (await office.get<{ items: Item[] }>(`/api/v1/audit/events?pageSize=100&${query}`)).body.items;
const rows = async <R>(query: ReturnType<typeof sql>) =>
  ((await t.database.db.execute(query)) as unknown as { rows: R[] }).rows;

describe('the audit log’s titles', () => {
  it('names a suggestion by its title, linked once it is public', async () => {
    const [town] = await rows<{ id: string }>(sql`select id from units where code = 'QJ-S03'`);
    const made = await t.client().post<{ id: string }>('/api/v1/public/suggestions', {
      title: '审计标题测试：高铁站增设夜班公交',
      body: '晚上到站的旅客打不到车，建议增设夜班公交，方便群众出行。',
      townId: town!.id,
      authorKind: 'resident',
    });
    expect(made.status).toBe(201);
    const submitted = (await events(`entityId=${made.body.id}`)).find(
      (e) => e.action === 'suggestion.submit',
    )!;
    expect(submitted).toMatchObject({ entityTitle: '审计标题测试：高铁站增设夜班公交', entityLink: null });
    const screened = await office.post(`/api/v1/ideas/suggestions/${made.body.id}/screen`, {
      decision: 'accept',
    });
    expect(screened.status).toBe(200);
    // The title and link are read when the log is, so the older event links to the page too.
    for (const e of await events(`entityId=${made.body.id}`))
      expect(e).toMatchObject({
        entityTitle: '审计标题测试：高铁站增设夜班公交',
        entityLink: `/ideas/${made.body.id}`,
      });
  });

  it('names a unit, an account, an inspector (masked), a plan with its page and a joint inspection plan', async () => {
    const [root] = await rows<{ id: string }>(sql`select id from units where code = 'QJ'`);
    const unit = await office.post<{ id: string }>('/api/v1/units', {
      code: 'AUD-T1',
      name: '审计标题测试单位',
      kind: 'other',
      parentId: root!.id,
    });
    expect(unit.status).toBe(201);
    const user = await office.post<{ user: { id: string } }>('/api/v1/users', {
      login: 'audit.title',
      displayName: '欧阳审计',
      roles: [{ role: 'screener', unitId: unit.body.id }],
    });
    expect(user.status).toBe(201);
    const [plan] = await rows<{ id: string; name: string; year: number }>(
      sql`select p.id, u.name, p.year from target_plans p join units u on u.id = p.unit_id limit 1`,
    );
    const [inspector] = await rows<{ id: string; name: string }>(
      sql`select i.id, u.display_name as name from inspection_inspectors i join users u on u.id = i.user_id limit 1`,
    );
    const [visits] = await rows<{ id: string; start: string; end: string }>(
      sql`select id, period_start::text as start, period_end::text as end from inspection_plans limit 1`,
    );
    await transaction(t.database.db, async (tx) => {
      await audit(tx, systemActor('test'), { action: 'plan.update', entityType: 'plan', entityId: plan!.id });
      await audit(tx, systemActor('test'), {
        action: 'plan.publish',
        entityType: 'inspectionPlan',
        entityId: visits!.id,
      });
      await audit(tx, systemActor('test'), {
        action: 'inspector.update',
        entityType: 'inspector',
        entityId: inspector!.id,
      });
    });
    const page = await events('');
    const of = (id: string) => page.find((e) => e.entityId === id);
    expect(of(unit.body.id)).toMatchObject({ entityType: 'unit', entityTitle: '审计标题测试单位' });
    expect(of(user.body.user.id)).toMatchObject({ entityType: 'user', entityTitle: '欧***' });
    expect(of(plan!.id)).toMatchObject({
      entityTitle: `${plan!.name} ${plan!.year}`,
      entityLink: `/admin/targets/plans/${plan!.id}`,
    });
    expect(of(inspector!.id)).toMatchObject({
      entityTitle: `${[...inspector!.name][0]}${'*'.repeat([...inspector!.name].length - 1)}`,
      entityLink: null,
    });
    // A joint inspection plan is named by its period, as its page tells plans apart.
    expect(of(visits!.id)).toMatchObject({ entityTitle: `${visits!.start} – ${visits!.end}` });
    // A session has no title; the page shows its type and id instead.
    const login = (await events('action=session.login'))[0]!;
    expect(login).toMatchObject({ entityType: 'session', entityTitle: null, entityLink: null });
  });
});
