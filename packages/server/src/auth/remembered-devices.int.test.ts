import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../test-support/app.js';
import { type MadeUser, makeUnit, makeUser } from '../test-support/factories.js';
import { deviceLimits } from './device-limits.js';

/**
 * An account guessed at from many addresses shares one try a minute among all unfamiliar
 * addresses; a browser it signed in from before is judged by its own wrong tries alone.
 */
let t: TestContext;
let account: () => Promise<MadeUser>;
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  const district = await makeUnit(t);
  account = () => makeUser(t, { roles: [['expert', district]] });
});
afterAll(() => t.close());

type Problem = { code: string };

/** A sign-in by `client` (its cookies) from `ip`, which need not be the address it signed in from before. */
async function signInFrom(client: TestClient, ip: string, login: string, password: string) {
  const res = await client.request<Problem & { csrfToken: string }>(
    'POST',
    '/api/v1/auth/login',
    { login, password },
    { 'x-forwarded-for': ip },
  );
  if (res.status === 200) client.csrf = res.body.csrfToken;
  return res;
}

async function signOut(client: TestClient) {
  expect((await client.post('/api/v1/auth/logout')).status).toBe(204);
  client.csrf = '';
}

const rows = async <T>(query: ReturnType<typeof sql>) =>
  ((await t.database.db.execute(query)) as unknown as { rows: T[] }).rows;

const counter = async (key: string) =>
  (await rows<{ count: number }>(sql`select count from throttles where key = ${key}`))[0]?.count ?? 0;

const failuresOf = async (userId: string) =>
  rows<{ failures: number }>(sql`select failures from remembered_devices where user_id = ${userId}`);

/** A browser that signed in to the account once and signed out, keeping its device cookie. */
async function rememberedBrowser(user: MadeUser, ip: string) {
  const browser = t.client(ip);
  await browser.login(user.login, user.password);
  await signOut(browser);
  return browser;
}

/** Takes the account past its ceiling, and the minute's one try of unfamiliar addresses with it. */
async function underAttack(login: string, net: string) {
  await t.database.db.execute(sql`
    insert into throttles (key, count, reset_at) values (${`login-account:${login}`}, 500, now() + interval '15 minutes')
    on conflict (key) do update set count = excluded.count, reset_at = excluded.reset_at`);
  expect((await t.client(`${net}.1`).post('/api/v1/auth/login', { login, password: 'guess-1' })).status).toBe(
    401,
  );
  expect((await t.client(`${net}.2`).post('/api/v1/auth/login', { login, password: 'guess-2' })).status).toBe(
    429,
  );
}

describe('a remembered device under an attack on its account from many addresses', () => {
  it('signs in at once with the right password, from an address the account has never used', async () => {
    const user = await account();
    const browser = await rememberedBrowser(user, '10.90.0.1');
    await underAttack(user.login, '10.91.0');
    // Anyone else on a new address waits for the shared minute, the owner's browser does not.
    const stranger = t.client('10.92.0.2');
    expect(
      (await stranger.post('/api/v1/auth/login', { login: user.login, password: user.password })).status,
    ).toBe(429);
    const owner = await signInFrom(browser, '10.92.0.1', user.login, user.password);
    expect(owner.status).toBe(200);
  });

  it('counts a wrong password from the device against the device only', async () => {
    const user = await account();
    const browser = await rememberedBrowser(user, '10.90.1.1');
    await underAttack(user.login, '10.91.1');
    const before = await counter(`login-account:${user.login}`);
    const wrong = await signInFrom(browser, '10.92.1.1', user.login, 'not-the-password');
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    expect(await counter(`login-account:${user.login}`)).toBe(before);
    expect(await counter(`login:${user.login}|10.92.1.1`)).toBe(0);
    expect(await counter('login-ip:10.92.1.1')).toBe(0);
    expect(await failuresOf(user.id)).toEqual([{ failures: 1 }]);
    // The right one next clears the device's count.
    expect((await signInFrom(browser, '10.92.1.1', user.login, user.password)).status).toBe(200);
    expect(await failuresOf(user.id)).toEqual([{ failures: 0 }]);
  });

  it(`forgets the device after ${deviceLimits.failures} wrong tries in a row, and audits it`, async () => {
    const user = await account();
    const browser = await rememberedBrowser(user, '10.90.2.1');
    await underAttack(user.login, '10.91.2');
    for (let i = 0; i < deviceLimits.failures; i++)
      expect((await signInFrom(browser, '10.92.2.1', user.login, `wrong-${i}`)).status).toBe(401);
    expect(await failuresOf(user.id)).toEqual([]);
    const [forgotten] = await rows<{ actor_label: string; after: { cause: string } }>(
      sql`select actor_label, after from audit_events
          where action = 'device.forget' and before->>'userId' = ${user.id}`,
    );
    expect(forgotten?.after.cause).toBe('failures');
    // Now its tries are limited as any unfamiliar address's: the shared minute is taken.
    expect((await signInFrom(browser, '10.92.2.1', user.login, user.password)).status).toBe(429);
  });

  it('lets no more than its wrong tries through when they are sent at once', async () => {
    const user = await account();
    const browser = await rememberedBrowser(user, '10.90.3.1');
    await underAttack(user.login, '10.91.3');
    const tries = await Promise.all(
      Array.from({ length: 20 }, (_, i) => signInFrom(browser, '10.92.3.1', user.login, `wrong-${i}`)),
    );
    const by = (s: number) => tries.filter((r) => r.status === s).length;
    // The device's own tries, then the shared minute (already taken) refuses the rest.
    expect(by(401)).toBe(deviceLimits.failures);
    expect(by(429)).toBe(20 - deviceLimits.failures);
    expect(await failuresOf(user.id)).toEqual([]);
  });

  it('is not the device of another account: its token for one account does nothing for the next', async () => {
    const [one, two] = [await account(), await account()];
    const browser = await rememberedBrowser(one, '10.90.4.1');
    await underAttack(two.login, '10.91.4');
    expect((await signInFrom(browser, '10.92.4.1', two.login, two.password)).status).toBe(429);
    expect((await signInFrom(browser, '10.92.4.1', one.login, one.password)).status).toBe(200);
  });

  it('keeps a token for each account a shared browser signs in to', async () => {
    const [one, two] = [await account(), await account()];
    const browser = await rememberedBrowser(one, '10.90.5.1');
    await browser.login(two.login, two.password);
    await signOut(browser);
    await underAttack(one.login, '10.91.5');
    await underAttack(two.login, '10.91.6');
    expect((await signInFrom(browser, '10.92.5.1', one.login, one.password)).status).toBe(200);
    await signOut(browser);
    expect((await signInFrom(browser, '10.92.5.1', two.login, two.password)).status).toBe(200);
  });
});
