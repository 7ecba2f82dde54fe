import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../audit/schema.js';
import type { Unit } from '../modules/units/api.js';
import { roles } from '../modules/users/api.js';
import { createTestContext, silentLog, type TestContext } from '../test-support/app.js';
import { seedDemo } from './demo.js';

/** The demo district's tree and accounts, as a first start seeds them (the rest of the demo aside). */
let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users'] });
});
afterAll(() => t.close());

describe('the demo seed', () => {
  it('plants the demo district, marked as demo data', async () => {
    const res = await t.client().get<Unit[]>('/api/v1/units');
    expect(res.status).toBe(200);
    const names = res.body.map((u) => u.name);
    expect(names).toEqual(expect.arrayContaining(['黔江区', '城西街道', '濯水镇', '区发展改革委']));
    expect(res.body.every((u) => u.isDemo)).toBe(true);
  });

  it('makes an account for every role, each signing in with the password handed back once', async () => {
    const byRole = new Map<string, string>();
    for (const [login, password] of Object.entries(t.accounts)) {
      const session = await t.client().login(login, password);
      const { grants } = (session.body as unknown as { user: { grants: Array<{ role: string }> } }).user;
      for (const { role } of grants) byRole.set(role, login);
    }
    expect([...byRole.keys()].sort()).toEqual([...roles].sort());
  });

  it('names the seed as the actor of the accounts it makes', async () => {
    const rows = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'user.create'));
    expect(rows).toHaveLength(Object.keys(t.accounts).length);
    expect(new Set(rows.map((r) => r.actorLabel))).toEqual(new Set(['seed']));
  });

  it('seeds nothing once any account exists', async () => {
    const ctx = { db: t.database.db, principal: null, log: silentLog, sms: t.sms };
    expect(await seedDemo(ctx)).toBeNull();
    const rows = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'user.create'));
    expect(rows).toHaveLength(Object.keys(t.accounts).length);
  });
});
