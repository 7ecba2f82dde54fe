import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test-support/app.js';
import { type MadeUser, makeUnit, makeUser } from '../test-support/factories.js';
import { loginLimits } from './login-limits.js';

let t: TestContext;
let account: () => Promise<MadeUser>;
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  const district = await makeUnit(t);
  account = () => makeUser(t, { roles: [['expert', district]] });
});
afterAll(() => t.close());

const tryLogin = (ip: string, login: string) =>
  t.client(ip).post<{ code: string }>('/api/v1/auth/login', { login, password: 'not-the-password' });

describe('per-address limits and IPv6', () => {
  it('counts the sign-in tries of one /64 together, however many of its addresses they come from', async () => {
    const { login } = await account();
    const statuses: number[] = [];
    for (let i = 1; i <= loginLimits.pair.limit + 1; i++)
      statuses.push((await tryLogin(`2001:db8:60:1:${i}::${i}`, login)).status);
    expect(statuses).toEqual([...Array(loginLimits.pair.limit).fill(401), 429]);
    // The next /64 is another client.
    expect((await tryLogin('2001:db8:60:2::1', login)).status).toBe(401);
  });

  it('counts an IPv4 client the same whether its address comes plain or IPv4-mapped', async () => {
    const { login } = await account();
    const statuses: number[] = [];
    for (let i = 0; i <= loginLimits.pair.limit; i++)
      statuses.push((await tryLogin(i % 2 ? '::ffff:198.51.100.9' : '198.51.100.9', login)).status);
    expect(statuses.at(-1)).toBe(429);
  });

  it('sends one /64 no more than ten verification codes an hour', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await t
        .client(`2001:db8:61:1::${(i + 1).toString(16)}`)
        .post('/api/v1/auth/register/code', { phone: `1390000${String(1000 + i)}` });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 10).every((s) => s < 300)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});
