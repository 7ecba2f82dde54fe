import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test-support/app.js';
import { makeUser } from '../../test-support/factories.js';
import { unitByCode } from '../units/api.js';
import type { Inspector } from './contracts.js';

/**
 * Staff may sign in with their mobile number as their login: the inspectors' page shows such a
 * login masked, as the accounts' page does, to the office that reads both.
 */
let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users'] });
});
afterAll(() => t.close());

describe('an inspector whose login is their phone', () => {
  it('is listed, made and edited with the login masked', async () => {
    const office = await t.as('office');
    const unit = (await unitByCode(t.database.db, 'QJ-D01'))!;
    const phone = '13955550002';
    const staff = await makeUser(t, { login: phone, phone, roles: [['department_staff', unit]] });
    const made = await office.post<Inspector>('/api/v1/inspections/inspectors', {
      login: phone,
      unitId: unit.id,
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const edited = await office.patch<Inspector>(`/api/v1/inspections/inspectors/${made.body.id}`, {
      qualifications: ['行政执法证'],
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    const listed = await office.get<{ items: Inspector[] }>(
      `/api/v1/inspections/inspectors?unitId=${unit.id}&pageSize=100`,
    );
    const row = listed.body.items.find((i) => i.userId === staff.id);
    for (const shown of [made.body, edited.body, row])
      expect(shown).toMatchObject({ userId: staff.id, login: '139****0002' });
    expect(JSON.stringify([made.body, edited.body, listed.body])).not.toContain(phone);
    // The accounts' page masks it so too.
    const accounts = await office.get<{ items: Array<{ id: string; login: string }> }>(
      `/api/v1/users?q=${phone.slice(-4)}`,
    );
    expect(accounts.body.items.find((u) => u.id === staff.id)?.login).toBe('139****0002');
  });
});
