import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../audit/schema.js';
import { createTestContext, type TestContext } from '../test-support/app.js';
import { type District, makeDistrict, makeUser } from '../test-support/factories.js';
import { freshPhone, lastCode, minutePassed } from '../test-support/factories-ideas.js';

/** A citizen who forgot their password sets a new one with a code sent to their phone. */
let t: TestContext;
let tree: District;
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  tree = await makeDistrict(t);
});
afterAll(() => t.close());

let addresses = 0;
const post = <T>(path: string, body: unknown) =>
  t.client(`10.41.${Math.floor(++addresses / 250)}.${addresses % 250}`).post<T>(path, body);

async function registered(password = 'Own-choice-2026') {
  const phone = freshPhone();
  await post('/api/v1/auth/register/code', { phone });
  const made = await post('/api/v1/auth/register', {
    phone,
    code: lastCode(t, phone),
    password,
    displayName: '黔江市民',
  });
  expect(made.status).toBe(201);
  await minutePassed(t, phone);
  return phone;
}

const sentTo = (phone: string) => t.sms.messages.filter((m) => m.phone === phone).length;

describe('password recovery', () => {
  it('sets a new password with the code, signs the account out everywhere, and audits it', async () => {
    const phone = await registered();
    const session = t.client();
    await session.login(phone, 'Own-choice-2026');
    const asked = await post<{ expiresInSeconds: number; resendInSeconds: number }>(
      '/api/v1/auth/recover/code',
      { phone },
    );
    expect(asked.status).toBe(200);
    expect(asked.body.expiresInSeconds).toBeGreaterThan(0);
    expect(t.sms.messages.at(-1)?.message).toContain('找回密码');
    const done = await post('/api/v1/auth/recover', {
      phone,
      code: lastCode(t, phone),
      password: 'A-new-one-for-2027',
    });
    expect(done.status).toBe(204);
    const after = await session.get<{ user: unknown }>('/api/v1/auth/session');
    expect(after.body.user).toBeNull();
    expect(
      (await t.client().post('/api/v1/auth/login', { login: phone, password: 'Own-choice-2026' })).status,
    ).toBe(401);
    await t.client().login(phone, 'A-new-one-for-2027');
    const [user] = await t.database.db
      .select({ id: auditEvents.entityId })
      .from(auditEvents)
      .where(eq(auditEvents.action, 'user.recoverPassword'));
    expect(user?.id).toBeTruthy();
    // The browser that signed in with the old password is remembered no longer.
    const [forgot] = await t.database.db
      .select({ after: auditEvents.after })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'device.forgetAll'), eq(auditEvents.entityId, user!.id)));
    expect(forgot?.after).toEqual({ cause: 'recover', devices: 1 });
    // The code is used up.
    const again = await post<{ errors: Array<{ code: string }> }>('/api/v1/auth/recover', {
      phone,
      code: lastCode(t, phone),
      password: 'Yet-another-2027',
    });
    expect(again.status).toBe(400);
    expect(again.body.errors[0]?.code).toBe('invalid_code');
  });

  it('answers alike for a phone without an account, and sends it nothing', async () => {
    const phone = freshPhone();
    const asked = await post<{ expiresInSeconds: number }>('/api/v1/auth/recover/code', { phone });
    expect(asked.status).toBe(200);
    expect(asked.body.expiresInSeconds).toBeGreaterThan(0);
    expect(sentTo(phone)).toBe(0);
    // Counted as a sent code would be: the phone's minute holds either way.
    expect((await post('/api/v1/auth/recover/code', { phone })).status).toBe(429);
  });

  it('sends nothing for a staff account, which its admin resets', async () => {
    const phone = freshPhone();
    await makeUser(t, { login: phone, phone, roles: [['screener', tree.district]] });
    expect((await post('/api/v1/auth/recover/code', { phone })).status).toBe(200);
    expect(sentTo(phone)).toBe(0);
  });

  it('refuses a code sent for another purpose, and a weak password', async () => {
    const phone = await registered();
    await post('/api/v1/auth/register/code', { phone });
    const other = await post<{ errors: Array<{ code: string }> }>('/api/v1/auth/recover', {
      phone,
      code: lastCode(t, phone),
      password: 'A-new-one-for-2027',
    });
    expect(other.body.errors[0]?.code).toBe('invalid_code');
    await minutePassed(t, phone);
    await post('/api/v1/auth/recover/code', { phone });
    const weak = await post<{ errors: Array<{ code: string }> }>('/api/v1/auth/recover', {
      phone,
      code: lastCode(t, phone),
      password: 'password123',
    });
    expect(weak.status).toBe(400);
    expect(weak.body.errors[0]?.code).toBe('common_password');
  });
});
