import { asc, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transaction } from '../db/transaction.js';
import { notifications } from '../kernel/schema.js';
import type { Unit } from '../modules/units/api.js';
import { createTestContext, type TestContext } from '../test-support/app.js';
import { type MadeUser, makeUnit, makeUser, signIn } from '../test-support/factories.js';
import { auditEvents } from './schema.js';
import { sealAuditChain } from './seal.js';
import { verifyAuditChain } from './verify.js';

let t: TestContext;
let root: Unit;
let people: Record<'office' | 'supervisor' | 'screener', MadeUser>;
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  root = await makeUnit(t);
  people = {
    office: await makeUser(t, { roles: [['admin', root]] }),
    supervisor: await makeUser(t, { roles: [['supervisor', root]] }),
    screener: await makeUser(t, { roles: [['screener', root]] }),
  };
});
afterAll(() => t.close());

describe('the audit hash chain', () => {
  it('seals every committed event, including those written concurrently, and verifies', async () => {
    const admin = await signIn(t, people.office);
    const writes = Array.from({ length: 40 }, (_, i) =>
      admin.post('/api/v1/units', {
        code: `AUD-${i}`,
        name: `审计测试${i}`,
        kind: 'other',
        parentId: root.id,
      }),
    );
    // Seal while the writes are still arriving: nothing may slip between two seals.
    const sealing = [sealAuditChain(t.database.db), sealAuditChain(t.database.db)];
    expect((await Promise.all(writes)).every((r) => r.status === 201)).toBe(true);
    await Promise.all(sealing);
    await sealAuditChain(t.database.db);
    const result = await verifyAuditChain(t.database.db);
    expect(result.ok).toBe(true);
    expect(result.unsealed).toBe(0);
    const [count] = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(auditEvents);
    expect(result.sealed).toBe(count!.n);
    const creates = await t.database.db
      .select()
      .from(auditEvents)
      .where(sql`${auditEvents.entityType} = 'unit' and ${auditEvents.action} = 'unit.create'`);
    expect(creates.length).toBeGreaterThanOrEqual(40);
  });

  // The status read the sealed chain, then counted the events waiting: one sealed in between was
  // in neither, and a chain reported with nothing waiting ended one event short.
  it('counts every event in its status, sealed or waiting, when the sealer runs while it reads', async () => {
    const admin = await signIn(t, people.office);
    const made = await admin.post('/api/v1/units', {
      code: 'AUD-RACE',
      name: '审计并发',
      kind: 'other',
      parentId: root.id,
    });
    expect(made.status).toBe(201);
    const [count] = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(auditEvents);
    // The sealer's turn comes just before the status reads the refused events: after the walk.
    const db = t.database.db;
    const sealingMidway = new Proxy(db, {
      get(target, key, receiver) {
        if (key !== 'select') return Reflect.get(target, key, receiver);
        return (fields?: Record<string, unknown>) => {
          const select = () => (fields ? target.select(fields as never) : target.select());
          if (!fields || !('refusal' in fields)) return select();
          return {
            from: (table: typeof auditEvents) => ({
              where: (cond: never) => ({
                orderBy: (order: never) => ({
                  limit: async (n: number) => {
                    await sealAuditChain(db);
                    return select().from(table).where(cond).orderBy(order).limit(n);
                  },
                }),
              }),
            }),
          };
        };
      },
    });
    const result = await verifyAuditChain(sealingMidway);
    expect(result.problems).toEqual([]);
    expect(result.lastSeq + result.unsealed).toBe(count!.n);
  });

  it('names the first event whose content was altered by hand', async () => {
    const rows = await t.database.db.select().from(auditEvents).orderBy(asc(auditEvents.seq)).limit(5);
    const target = rows[3]!;
    await t.database.db.execute(
      sql`update audit_events set actor_label = 'someone-else' where id = ${target.id}`,
    );
    const result = await verifyAuditChain(t.database.db);
    expect(result.ok).toBe(false);
    expect(result.broken?.id).toBe(target.id);
    expect(result.broken?.reason).toMatch(/content/);
    await t.database.db.execute(
      sql`update audit_events set actor_label = ${target.actorLabel} where id = ${target.id}`,
    );
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });

  it('names the gap when an event is deleted', async () => {
    const rows = await t.database.db.select().from(auditEvents).orderBy(asc(auditEvents.seq)).limit(10);
    await t.database.db.execute(sql`delete from audit_events where id = ${rows[6]!.id}`);
    const result = await verifyAuditChain(t.database.db);
    expect(result.ok).toBe(false);
    expect(result.broken?.id).toBe(rows[7]!.id);
    expect(result.broken?.reason).toMatch(/missing/);
  });

  it('lets the admin and the supervisor read the log, and no one else', async () => {
    for (const who of [people.office, people.supervisor]) {
      const c = await signIn(t, who);
      const res = await c.get<{ items: Array<{ action: string }> }>(
        '/api/v1/audit/events?action=unit.&pageSize=5',
      );
      expect(res.status).toBe(200);
      expect(res.body.items.every((e) => e.action.startsWith('unit.'))).toBe(true);
    }
    const screener = await signIn(t, people.screener);
    expect((await screener.get('/api/v1/audit/events')).status).toBe(403);
  });

  it('shows a phone used as a login masked, in the actor and in what the event recorded', async () => {
    // A resident's login is their phone; the account's creation records it, and so do their acts.
    const resident = await makeUser(t, { login: '13800001111', roles: [['admin', root]] });
    const c = await signIn(t, resident);
    expect(
      (
        await c.post('/api/v1/units', {
          code: 'PHONE-1',
          name: '手机号测试单位',
          kind: 'department',
          parentId: root.id,
        })
      ).status,
    ).toBe(201);
    const office = await signIn(t, people.office);
    const res = await office.get<{ items: Array<{ actor: string; action: string; after: unknown }> }>(
      '/api/v1/audit/events?pageSize=200',
    );
    const text = JSON.stringify(res.body.items);
    expect(text).not.toContain('13800001111');
    expect(res.body.items.some((e) => e.actor === '138****1111' && e.action === 'unit.create')).toBe(true);
    expect(res.body.items.some((e) => JSON.stringify(e.after).includes('138****1111'))).toBe(true);
    // Asked by the whole number, the log still finds the person's acts.
    const mine = await office.get<{ items: Array<{ actor: string }> }>(
      '/api/v1/audit/events?actor=13800001111',
    );
    expect(mine.body.items.length).toBeGreaterThan(0);
  });

  it('answers a date outside what the database holds with a 400 naming the field', async () => {
    const office = await signIn(t, people.office);
    for (const query of ['from=0000-01-01', 'to=9999-12-31']) {
      const res = await office.get<{ code: string; errors: Array<{ path: string }> }>(
        `/api/v1/audit/events?${query}`,
      );
      expect(res.status).toBe(400);
      expect(res.body.errors[0]!.path).toBe(query.split('=')[0]);
    }
  });

  it('rolls the change back when its audit event cannot be written', async () => {
    const { audit } = await import('./audit.js');
    const before = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(notifications);
    await expect(
      transaction(t.database.db, async (tx) => {
        await tx.insert(notifications).values({ trackingCode: 'ROLLBACK', key: 'x', params: {} });
        await audit(
          tx,
          { userId: 'not-a-uuid', label: 'x' },
          { action: 'unit.create', entityType: 'unit', entityId: 'x' },
        );
      }),
    ).rejects.toThrow();
    const after = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(notifications);
    expect(after[0]!.n).toBe(before[0]!.n);
  });
});
