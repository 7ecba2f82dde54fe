import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Unit } from '../modules/units/api.js';
import { createTestContext, type TestContext } from '../test-support/app.js';
import { type MadeUser, makeUnit, makeUser, signIn } from '../test-support/factories.js';
import { auditRow, systemActor } from './audit.js';
import { auditEvents } from './schema.js';

interface Listed {
  action: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

let t: TestContext;
let root: Unit;
let office: MadeUser;
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  root = await makeUnit(t);
  office = await makeUser(t, { roles: [['admin', root]] });
});
afterAll(() => t.close());

describe('the audit list', () => {
  it('masks the names and phones an event recorded, as the lists of those people do', async () => {
    const admin = await signIn(t, office);
    const created = await admin.post<{ user: { id: string } }>('/api/v1/users', {
      login: 'zhang.wei',
      displayName: '张伟',
      phone: '13800002222',
      roles: [{ role: 'department_staff', unitId: root.id }],
    });
    expect(created.status).toBe(201);
    const renamed = await admin.patch(`/api/v1/users/${created.body.user.id}`, { displayName: '张伟民' });
    expect(renamed.status).toBe(200);
    const res = await admin.get<{ items: Listed[] }>(
      `/api/v1/audit/events?entityType=user&entityId=${created.body.user.id}`,
    );
    expect(res.status).toBe(200);
    const text = JSON.stringify(res.body.items);
    expect(text).not.toContain('张伟');
    expect(text).not.toContain('13800002222');
    const create = res.body.items.find((e) => e.action === 'user.create')!;
    expect(create.after).toMatchObject({ login: 'zhang.wei', displayName: '张*' });
    const update = res.body.items.find((e) => e.action === 'user.update')!;
    expect(update.before).toMatchObject({ displayName: '张*' });
    expect(update.after).toMatchObject({ displayName: '张**' });
  });

  it('reads the dates of its filter as days in China, where 07:30 on the 6th is 23:30 UTC on the 5th', async () => {
    const at = (iso: string, entityId: string) => ({
      ...auditRow(systemActor('cli'), { action: 'unit.update', entityType: 'unit', entityId }),
      at: new Date(iso),
    });
    await t.database.db
      .insert(auditEvents)
      .values([at('2026-12-05T23:30:00Z', 'tz-early'), at('2026-12-06T16:30:00Z', 'tz-late')]);
    const admin = await signIn(t, office);
    const ids = async (from: string, to: string) =>
      (
        await admin.get<{ items: Listed[] }>(`/api/v1/audit/events?entityType=unit&from=${from}&to=${to}`)
      ).body.items
        .map((e) => e.entityId)
        .filter((id) => id.startsWith('tz-'));
    expect(await ids('2026-12-06', '2026-12-07')).toEqual(['tz-early']);
    expect(await ids('2026-12-05', '2026-12-06')).toEqual([]);
    expect(await ids('2026-12-07', '2026-12-08')).toEqual(['tz-late']);
  });
});
