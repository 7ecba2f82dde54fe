import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test-support/app.js';
import { type MadeUser, makeUnit, makeUser } from '../test-support/factories.js';
import { loginLimits } from './login-limits.js';

let t: TestContext;
/** An account for each test, so the limits one test reaches do not reach the next. */
let account: () => Promise<MadeUser>;
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  const district = await makeUnit(t);
  account = () => makeUser(t, { roles: [['expert', district]] });
});
afterAll(() => t.close());

const tryLogin = (ip: string, login: string, password: string) =>
  t.client(ip).post<{ code: string }>('/api/v1/auth/login', { login, password });

const statuses = (responses: Array<{ status: number }>) => {
  const by: Record<number, number> = {};
  for (const r of responses) by[r.status] = (by[r.status] ?? 0) + 1;
  return by;
};

/** Sets a counter as if that many tries had been made in the current window. */
async function setCount(key: string, n: number) {
  await t.database.db.execute(sql`
    insert into throttles (key, count, reset_at) values (${key}, ${n}, now() + interval '15 minutes')
    on conflict (key) do update set count = excluded.count, reset_at = excluded.reset_at`);
}

describe('sign-in limits', () => {
  it('lets no more than the limit of 20 parallel tries through for one account from one address', async () => {
    const { login, password } = await account();
    const tries = await Promise.all(
      Array.from({ length: 20 }, (_, i) => tryLogin('10.60.0.1', login, `wrong-password-${i}`)),
    );
    expect(statuses(tries)).toEqual({ 401: loginLimits.pair.limit, 429: 20 - loginLimits.pair.limit });
    // The right password from that address waits too; the owner elsewhere does not.
    expect((await tryLogin('10.60.0.1', login, password)).status).toBe(429);
    expect((await tryLogin('10.60.0.2', login, password)).status).toBe(200);
  });

  it('lets one try per back-off window through for an account guessed at from many addresses past the ceiling', async () => {
    const { login } = await account();
    await setCount(`login-account:${login}`, loginLimits.account.ceiling);
    const tries = await Promise.all(
      Array.from({ length: 20 }, (_, i) => tryLogin(`10.61.0.${i + 1}`, login, `wrong-password-${i}`)),
    );
    expect(statuses(tries)).toEqual({ 401: 1, 429: 19 });
    const refused = tries.find((r) => r.status === 429)!;
    // The wait is capped (a second more for rounding up the stored milliseconds).
    const retry = Number(refused.headers.get('retry-after'));
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(loginLimits.account.maxDelaySeconds + 1);
  });

  it('spares the owner on an address they signed in from, however hard others guess', async () => {
    const { login, password } = await account();
    expect((await tryLogin('10.62.0.1', login, password)).status).toBe(200);
    await setCount(`login-account:${login}`, 500);
    const guesses = await Promise.all(
      Array.from({ length: 10 }, (_, i) => tryLogin(`10.63.0.${i + 1}`, login, `wrong-password-${i}`)),
    );
    expect(guesses.filter((r) => r.status === 401).length).toBeLessThanOrEqual(1);
    expect((await tryLogin('10.62.0.1', login, password)).status).toBe(200);
  });

  it('does not lock out a shared address after many wrong tries for other accounts', async () => {
    const office = '10.64.0.1';
    const { login, password } = await account();
    for (let i = 0; i < 40; i++)
      expect((await tryLogin(office, `nobody${i}`, 'wrong-password')).status).toBe(401);
    expect((await tryLogin(office, login, password)).status).toBe(200);
  });

  it('refuses an address past its ceiling, and gives a successful try back', async () => {
    const { login, password } = await account();
    await setCount('login-ip:10.65.0.1', loginLimits.address.limit - 1);
    expect((await tryLogin('10.65.0.1', login, password)).status).toBe(200);
    expect((await tryLogin('10.65.0.1', 'nobody', 'wrong-password')).status).toBe(401);
    const refused = await tryLogin('10.65.0.1', login, password);
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('RATE_LIMITED');
  });
});

describe('one address signing in to its own account between guesses at others', () => {
  it('is refused once its wrong tries pass the ceiling, however many sign-ins succeed between them', async () => {
    const own = await account();
    const address = '10.66.0.1';
    await setCount(`login-ip:${address}`, loginLimits.address.limit - 5);
    const answers: number[] = [];
    for (let i = 0; i < 10; i++) {
      answers.push((await tryLogin(address, `victim${i}`, 'wrong-password')).status);
      answers.push((await tryLogin(address, own.login, own.password)).status);
    }
    expect(answers.slice(0, 8)).toEqual([401, 200, 401, 200, 401, 200, 401, 200]);
    expect(answers.slice(-4)).toEqual([429, 429, 429, 429]);
  });
});

describe('the back-off of an account guessed at from addresses it does not know', () => {
  it('keeps each address’s turns its own: a guesser taking every turn of theirs does not stop the owner elsewhere', async () => {
    const { login, password } = await account();
    // Guesses from three addresses take the account past its free tries.
    for (let a = 1; a <= 3; a++)
      for (let i = 0; i < loginLimits.pair.limit; i++)
        await tryLogin(`10.70.0.${a}`, login, `wrong-${a}-${i}`);
    // A fourth address tries the moment its turn comes; the owner, on an address the account has
    // never signed in from, signs in right after it.
    const taken = await tryLogin('10.70.0.4', login, 'wrong-password');
    expect((await tryLogin('10.71.0.1', login, password)).status).toBe(200);
    // The guesser had its turn, and waits for the next one.
    expect(taken.status).toBe(401);
    const again = await tryLogin('10.70.0.4', login, 'wrong-password');
    expect(again.status).toBe(429);
    expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('lets every address its own try while many guess below the ceiling', async () => {
    const { login } = await account();
    await setCount(`login-account:${login}`, 20);
    const tries = await Promise.all(
      Array.from({ length: 20 }, (_, i) => tryLogin(`10.72.0.${i + 1}`, login, `wrong-password-${i}`)),
    );
    expect(statuses(tries)).toEqual({ 401: 20 });
    // Each of them waits for its own next turn (ten of them, keeping the account at the ceiling).
    const next = await Promise.all(
      Array.from({ length: 10 }, (_, i) => tryLogin(`10.72.0.${i + 1}`, login, `wrong-again-${i}`)),
    );
    expect(statuses(next)).toEqual({ 429: 10 });
  });

  it('shares one try a minute among all unfamiliar addresses once together they pass the ceiling', async () => {
    const { login, password } = await account();
    expect((await tryLogin('10.73.0.200', login, password)).status).toBe(200);
    const { ceiling } = loginLimits.account;
    const addresses = Math.ceil(ceiling / loginLimits.pair.limit);
    for (let a = 1; a <= addresses; a++)
      for (let i = 0; i < loginLimits.pair.limit; i++)
        await tryLogin(`10.73.0.${a}`, login, `wrong-${a}-${i}`);
    expect((await tryLogin('10.73.1.1', login, 'wrong-password')).status).toBe(401);
    const refused = await tryLogin('10.73.1.2', login, 'wrong-password');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(
      loginLimits.account.maxDelaySeconds + 1,
    );
    expect((await tryLogin('10.73.1.3', login, password)).status).toBe(429);
    // The owner's own address keeps its turns.
    expect((await tryLogin('10.73.0.200', login, password)).status).toBe(200);
  });

  it('knows the owner’s IPv6 client by its /64, whichever of its addresses it comes from today', async () => {
    const { login, password } = await account();
    expect((await tryLogin('2001:db8:74:1::a', login, password)).status).toBe(200);
    await setCount(`login-account:${login}`, 500);
    // A guesser on another network takes the minute's one try of unfamiliar addresses.
    expect((await tryLogin('2001:db8:74:2::1', login, 'wrong-password')).status).toBe(401);
    expect((await tryLogin('2001:db8:74:1:5e1f::b7', login, password)).status).toBe(200);
    expect((await tryLogin('2001:db8:74:3::1', login, password)).status).toBe(429);
  });
});
