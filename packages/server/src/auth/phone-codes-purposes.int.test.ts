import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test-support/app.js';
import { makeDistrict } from '../test-support/factories.js';
import { freshPhone, lastCode, minutePassed } from '../test-support/factories-ideas.js';
import { smsDailyLimit } from './phone-codes.js';

const SMS_DAILY_LIMIT = smsDailyLimit();

/**
 * A phone's codes are kept per purpose: anyone may ask for a code for any phone, and what a
 * stranger asks for must not take away the code its owner is waiting for, nor the codes left to
 * them today.
 */
let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  await makeDistrict(t);
});
afterAll(() => t.close());

let addresses = 0;
/** Each request from an address of its own, as the owner and a stranger would be. */
const post = <T>(path: string, body: unknown) =>
  t.client(`10.42.${Math.floor(++addresses / 250)}.${addresses % 250}`).post<T>(path, body);

interface Problem {
  code: string;
  errors?: Array<{ path: string; code: string }>;
}

/** The newest code of the kind the message's words say (找回密码, 注册 …) sent to the phone. */
function codeOf(phone: string, words: RegExp): string {
  const sent = t.sms.messages.findLast((m) => m.phone === phone && words.test(m.message));
  const code = sent?.message.match(/验证码为 (\d{6})/)?.[1];
  if (!code) throw new Error(`no such code was sent to ${phone}`);
  return code;
}

async function citizen(password: string) {
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

describe('a phone’s codes for different purposes', () => {
  it('keeps the owner’s recovery code when a stranger asks for a registration code for the phone', async () => {
    const phone = await citizen('Own-choice-2026');
    expect((await post('/api/v1/auth/recover/code', { phone })).status).toBe(200);
    const recovery = codeOf(phone, /找回密码/);
    await minutePassed(t, phone);
    expect((await post('/api/v1/auth/register/code', { phone })).status).toBe(200);
    expect(t.sms.messages.at(-1)?.message).toContain('注册');
    const done = await post('/api/v1/auth/recover', {
      phone,
      code: recovery,
      password: 'A-new-one-for-2027',
    });
    expect(done.status, JSON.stringify(done.body)).toBe(204);
    await t.client().login(phone, 'A-new-one-for-2027');
  });

  it('leaves the owner codes to recover with after a stranger spent the day’s registration codes', async () => {
    const phone = await citizen('Own-choice-2026');
    for (let i = 0; i < SMS_DAILY_LIMIT - 1; i++) {
      await minutePassed(t, phone);
      expect((await post('/api/v1/auth/register/code', { phone })).status).toBe(200);
    }
    await minutePassed(t, phone);
    const spent = await post<Problem>('/api/v1/auth/register/code', { phone });
    expect(spent.status).toBe(429);
    expect(spent.body.errors).toEqual([expect.objectContaining({ path: 'phone', code: 'sms_daily_limit' })]);
    expect((await post('/api/v1/auth/recover/code', { phone })).status).toBe(200);
    const done = await post('/api/v1/auth/recover', {
      phone,
      code: codeOf(phone, /找回密码/),
      password: 'A-new-one-for-2027',
    });
    expect(done.status, JSON.stringify(done.body)).toBe(204);
  });
});

describe('asking again for the same purpose', () => {
  it('waits the resend interval, then sends a fresh code and the one before stops working', async () => {
    const phone = await citizen('Own-choice-2026');
    const first = await post<{ resendInSeconds: number }>('/api/v1/auth/recover/code', { phone });
    expect(first.status).toBe(200);
    const old = codeOf(phone, /找回密码/);
    const early = await post('/api/v1/auth/recover/code', { phone });
    expect(early.status).toBe(429);
    expect(Number(early.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(early.headers.get('retry-after'))).toBeLessThanOrEqual(first.body.resendInSeconds);
    // The wait is the purpose's: a code for another purpose is sent within it.
    expect((await post('/api/v1/auth/register/code', { phone })).status).toBe(200);
    await minutePassed(t, phone);
    expect((await post('/api/v1/auth/recover/code', { phone })).status).toBe(200);
    const fresh = codeOf(phone, /找回密码/);
    if (fresh !== old) {
      const stale = await post<Problem>('/api/v1/auth/recover', {
        phone,
        code: old,
        password: 'Stale-code-2027',
      });
      expect(stale.status).toBe(400);
      expect(stale.body.errors).toEqual([expect.objectContaining({ path: 'code', code: 'invalid_code' })]);
    }
    const done = await post('/api/v1/auth/recover', { phone, code: fresh, password: 'A-new-one-for-2027' });
    expect(done.status).toBe(204);
  });
});
