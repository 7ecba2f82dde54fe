import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test-support/app.js';
import { type MadeUser, makeUnit, makeUser, signIn } from '../../test-support/factories.js';
import type { Unit } from '../units/api.js';

/**
 * A login in the form of a mobile number is the login only of the account with that phone: an
 * invitee or an admin cannot give it to another account, which would take the phone from its
 * owner (who could never register) or stand beside the owner's account.
 */
let t: TestContext;
let district: Unit;
let office: MadeUser;
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  district = await makeUnit(t);
  office = await makeUser(t, { roles: [['admin', district]] });
});
afterAll(() => t.close());

type Problem = { code: string; title: string; errors: Array<{ path: string; code: string }> };

async function invitation() {
  const admin = await signIn(t, office);
  const inv = await admin.post<{ token: string }>('/api/v1/invitations', {
    displayName: '科员 周敏',
    roles: [{ role: 'department_staff', unitId: district.id }],
  });
  expect(inv.status).toBe(201);
  return inv.body.token;
}

const accept = (token: string, login: string, lang = 'zh-CN') =>
  t
    .client()
    .request<Problem>(
      'POST',
      `/api/v1/auth/invitations/${token}/accept`,
      { login, password: 'staff-password-9' },
      { 'accept-language': lang },
    );

const accountsNamed = async (phone: string) =>
  (
    (await t.database.db.execute(
      sql`select count(*)::int as n from users where login = ${phone} or phone = ${phone}`,
    )) as unknown as { rows: Array<{ n: number }> }
  ).rows[0]!.n;

describe('a mobile number as a login', () => {
  it('is refused to an invitee when a resident registered with it, and the invitation stays open', async () => {
    const phone = '13955550001';
    const resident = await makeUser(t, { login: phone, phone, roles: [['citizen', district]] });
    const token = await invitation();
    const zh = await accept(token, phone);
    expect(zh.status).toBe(400);
    expect(zh.body.code).toBe('VALIDATION');
    expect(zh.body.errors).toEqual([expect.objectContaining({ path: 'login', code: 'login_is_phone' })]);
    expect(zh.body.title).toMatch(/[\u4e00-\u9fff]/);
    const en = await accept(token, phone, 'en');
    expect(en.body.title).toMatch(/^[\x20-\x7e]+$/);
    expect(await accountsNamed(phone)).toBe(1);
    await t.client().login(resident.login, resident.password);
    expect((await accept(token, 'zhou.min')).status).toBe(201);
  });

  it('is refused to an invitee before anyone registered with it, so its owner still can', async () => {
    const phone = '13955550002';
    const token = await invitation();
    expect((await accept(token, phone)).body.errors).toEqual([
      expect.objectContaining({ path: 'login', code: 'login_is_phone' }),
    ]);
    const c = t.client();
    expect((await c.post('/api/v1/auth/register/code', { phone })).status).toBe(200);
    const code = t.sms.messages.findLast((m) => m.phone === phone)?.message.match(/(\d{6})/)?.[1];
    const registered = await c.post('/api/v1/auth/register', {
      phone,
      code,
      password: 'citizen-password-1',
      displayName: '市民周先生',
    });
    expect(registered.status).toBe(201);
    expect(await accountsNamed(phone)).toBe(1);
  });

  it('is given by an admin only to the account whose phone it is', async () => {
    const admin = await signIn(t, office);
    const user = (login: string, phone?: string) =>
      admin.post<Problem>('/api/v1/users', {
        login,
        displayName: '王科员',
        ...(phone ? { phone } : {}),
        roles: [{ role: 'department_staff', unitId: district.id }],
      });
    const other = await user('13955550003');
    expect(other.status).toBe(400);
    expect(other.body.errors).toEqual([expect.objectContaining({ path: 'login', code: 'login_is_phone' })]);
    expect((await user('13955550003', '13955550004')).status).toBe(400);
    expect((await user('13955550003', '13955550003')).status).toBe(201);
  });
});
