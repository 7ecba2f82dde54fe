import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { makeUser } from '../../test-support/factories.js';
import { unitByCode } from '../units/api.js';
import type { InspectionItem, Inspector } from './contracts.js';

/**
 * A change to an item or an inspector changes only what it names: the fields left out keep their
 * values, never the defaults of a new record (an inspector's declared conflicts, kept out of the
 * draws, cleared by taking them off duty).
 */
let t: TestContext;
let office: TestClient;
let unit: { id: string };
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business'] });
  office = await t.as('office');
  unit = (await unitByCode(t.database.db, 'QJ-D01'))!;
});
afterAll(() => t.close());

describe('changing a pool record', () => {
  it('keeps an inspector’s conflicts, qualifications and working days when only the standing changes', async () => {
    const staff = await makeUser(t, { roles: [['department_staff', unit]] });
    const { rows: firms } = (await t.database.db.execute(
      sql`select id, name from business_firms order by id limit 1`,
    )) as { rows: Array<{ id: string; name: string }> };
    const made = await office.post<Inspector>('/api/v1/inspections/inspectors', {
      login: staff.login,
      unitId: unit.id,
      qualifications: ['行政执法证'],
      workingDays: [1, 3],
      conflictFirmIds: firms.map((f) => f.id),
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const off = await office.patch<Inspector>(`/api/v1/inspections/inspectors/${made.body.id}`, {
      active: false,
    });
    expect(off.status, JSON.stringify(off.body)).toBe(200);
    expect(off.body).toMatchObject({
      active: false,
      qualifications: ['行政执法证'],
      workingDays: [1, 3],
      conflicts: firms,
    });
    // Back on duty with other working days: still off duty only where said.
    const days = await office.patch<Inspector>(`/api/v1/inspections/inspectors/${made.body.id}`, {
      workingDays: [2],
    });
    expect(days.body).toMatchObject({ active: false, qualifications: ['行政执法证'], conflicts: firms });
  });

  it('keeps an item’s qualification when only its name changes', async () => {
    const made = await office.post<InspectionItem>('/api/v1/inspections/items', {
      unitId: unit.id,
      code: 'PATCH-KEEP-1',
      name: '消防设施检查',
      legalBasis: '《中华人民共和国消防法》',
      qualification: '消防监督员证',
      expectedMinutes: 30,
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const renamed = await office.patch<InspectionItem>(`/api/v1/inspections/items/${made.body.id}`, {
      name: '消防设施与通道检查',
    });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    expect(renamed.body).toMatchObject({ name: '消防设施与通道检查', qualification: '消防监督员证' });
  });
});
