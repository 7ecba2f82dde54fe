import { eq, like, or } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test-support/app.js';
import { makeDistrict, makeUser } from '../test-support/factories.js';
import { freshPhone } from '../test-support/factories-ideas.js';
import { throttles, verificationCodes } from './schema.js';

/**
 * The recovery form does the same work whether the phone has an account: the same answer, and
 * the same rows written (the limits counted, a code stored), only the text message differs. A
 * branch that wrote less would answer sooner, and its time would tell which numbers are registered.
 */
let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
});
afterAll(() => t.close());

/** The rows a code request wrote for the phone and the address, the phone and the address named alike. */
async function rowsOf(phone: string, ip: string) {
  const counted = await t.database.db
    .select({ key: throttles.key, count: throttles.count })
    .from(throttles)
    .where(or(like(throttles.key, `%${phone}%`), like(throttles.key, `%${ip}%`)));
  const codes = await t.database.db
    .select({ purpose: verificationCodes.purpose, attempts: verificationCodes.attempts })
    .from(verificationCodes)
    .where(eq(verificationCodes.phone, phone));
  return {
    counted: counted
      .map((r) => ({ ...r, key: r.key.replace(phone, 'PHONE').replace(ip, 'IP') }))
      .sort((a, b) => (a.key < b.key ? -1 : 1)),
    codes,
  };
}

describe('a recovery code asked for a phone', () => {
  it('answers and writes alike whether the phone has an account, and texts only an account’s phone', async () => {
    const tree = await makeDistrict(t);
    const known = freshPhone();
    await makeUser(t, { login: known, phone: known, roles: [['citizen', tree.district]] });
    const unknown = freshPhone();
    const ask = (phone: string, ip: string) =>
      t.client(ip).post<unknown>('/api/v1/auth/recover/code', { phone });
    const [a, b] = [await ask(known, '10.44.0.1'), await ask(unknown, '10.44.0.2')];
    expect({ status: b.status, body: b.body }).toEqual({ status: a.status, body: a.body });
    const knownRows = await rowsOf(known, '10.44.0.1');
    expect(knownRows.codes).toEqual([{ purpose: 'recover', attempts: 0 }]);
    expect(knownRows.counted.map((r) => r.key).sort()).toEqual(
      ['sms-day:PHONE:recover', 'sms-ip:IP', 'sms:PHONE:recover'].sort(),
    );
    expect(await rowsOf(unknown, '10.44.0.2')).toEqual(knownRows);
    await expect.poll(() => t.sms.messages.filter((m) => m.phone === known)).toHaveLength(1);
    expect(t.sms.messages.filter((m) => m.phone === unknown)).toEqual([]);
  });
});
