import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test-support/app.js';
import { makeUser } from '../../test-support/factories.js';
import { userIdByLogin } from '../users/api.js';

/**
 * A firm's staff account may have its mobile number as its login: the firm's staff list shows it
 * masked, as the accounts' page does, to the office that reads both.
 */
let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business'] });
});
afterAll(() => t.close());

describe('a firm’s staff member whose login is their phone', () => {
  it('is listed with the login masked', async () => {
    const phone = '13955550003';
    const staff = await makeUser(t, { login: phone, phone });
    const firm1 = (await userIdByLogin(t.database.db, 'firm1'))!;
    const rows = (await t.database.db.execute(
      sql`select firm_id from business_firm_members where user_id = ${firm1}`,
    )) as unknown as { rows: Array<{ firm_id: string }> };
    const firmId = rows.rows[0]!.firm_id;
    await t.database.db.execute(
      sql`insert into business_firm_members (user_id, firm_id) values (${staff.id}, ${firmId})`,
    );
    const office = await t.as('office');
    const members = await office.get<Array<{ userId: string; login: string }>>(
      `/api/v1/business/firms/${firmId}/members`,
    );
    expect(members.status).toBe(200);
    expect(members.body).toEqual(
      expect.arrayContaining([expect.objectContaining({ userId: staff.id, login: '139****0003' })]),
    );
    expect(JSON.stringify(members.body)).not.toContain(phone);
  });
});
