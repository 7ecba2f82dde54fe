import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEnv } from '../http/env.js';
import { createTestContext, type TestClient, type TestContext } from '../test-support/app.js';
import { type MadeUser, makeUnit, makeUser, signIn } from '../test-support/factories.js';
import { DEVICE_COOKIE } from './device-cookie.js';
import { deviceLimits } from './device-limits.js';
import { setDeviceCookie } from './device-routes.js';
import { sha256 } from './tokens.js';

/** How long a device is remembered, what ends it, and what is kept of it. */
let t: TestContext;
let account: () => Promise<MadeUser>;
let admin: MadeUser;
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  const district = await makeUnit(t);
  account = () => makeUser(t, { roles: [['expert', district]] });
  admin = await makeUser(t, { roles: [['admin', district]] });
});
afterAll(() => t.close());

const CHROME_ON_WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

type Device = { id: string; address: string; browser: string; current: boolean; createdAt: string };
type Problem = { code: string; title: string };

const rows = async <T>(query: ReturnType<typeof sql>) =>
  ((await t.database.db.execute(query)) as unknown as { rows: T[] }).rows;

const devicesOf = (userId: string) =>
  rows<{ id: string; token_hash: string }>(
    sql`select id, token_hash from remembered_devices where user_id = ${userId}`,
  );

/** Signs in as a browser would, answering the device cookie's Set-Cookie line and its tokens. */
async function signInOn(client: TestClient, user: MadeUser) {
  const res = await client.request<{ csrfToken: string }>(
    'POST',
    '/api/v1/auth/login',
    { login: user.login, password: user.password },
    { 'user-agent': CHROME_ON_WINDOWS },
  );
  expect(res.status).toBe(200);
  client.csrf = res.body.csrfToken;
  const line = res.headers.getSetCookie().find((l) => l.startsWith(`${DEVICE_COOKIE}=`));
  const value = line?.split(';')[0]?.slice(DEVICE_COOKIE.length + 1);
  const tokens = value ? value.split('.') : [];
  return { line, tokens };
}

/**
 * The answer to a sign-in from the browser, on a new address, while the account is past its
 * ceiling and the shared minute is taken: 200 for a try judged by its device, 429 otherwise.
 * Signs out again after a 200.
 */
let fresh = 0;
async function underAttack(client: TestClient, user: MadeUser, password = user.password) {
  await t.database.db.execute(sql`
    insert into throttles (key, count, reset_at) values (${`login-account-wait:${user.login}`}, 1, now() + interval '1 minute'),
      (${`login-account:${user.login}`}, 500, now() + interval '15 minutes')
    on conflict (key) do update set count = excluded.count, reset_at = excluded.reset_at`);
  const res = await client.request<{ csrfToken: string }>(
    'POST',
    '/api/v1/auth/login',
    { login: user.login, password },
    // An address the account has never signed in from (one it had would keep its own turns).
    { 'x-forwarded-for': `10.99.9.${++fresh}` },
  );
  await t.database.db.execute(sql`delete from throttles where key like ${`login-account%:${user.login}`}`);
  if (res.status === 200) {
    client.csrf = res.body.csrfToken;
    await signOut(client);
  }
  return res.status;
}

async function signOut(client: TestClient) {
  expect((await client.post('/api/v1/auth/logout')).status).toBe(204);
  client.csrf = '';
}

describe('the device cookie', () => {
  it('is HttpOnly, SameSite=Lax, for the sign-in routes only, and kept 180 days', async () => {
    const { line } = await signInOn(t.client(), await account());
    expect(line).toMatch(/; HttpOnly/);
    expect(line).toMatch(/; SameSite=Lax/);
    expect(line).toMatch(/; Path=\/api\/v1\/auth(;|$)/);
    expect(line).toContain(`; Max-Age=${deviceLimits.days * 86_400}`);
    // The test app speaks plain HTTP.
    expect(line).not.toMatch(/; Secure/);
  });

  it('is Secure when the site is served over HTTPS', async () => {
    const app = new Hono<AppEnv>().get('/', (c) => {
      setDeviceCookie(c, ['x'.repeat(43)], true);
      return c.body(null, 204);
    });
    const res = await app.request('/');
    expect(res.headers.get('set-cookie')).toMatch(/; Secure/);
  });

  it('holds a token that is stored only as its hash, and never in the audit log', async () => {
    const user = await account();
    const { tokens } = await signInOn(t.client(), user);
    expect(tokens).toHaveLength(1);
    const token = tokens[0]!;
    expect(await devicesOf(user.id)).toEqual([expect.objectContaining({ token_hash: sha256(token) })]);
    const like = `%${token}%`;
    const [{ n }] = (await rows<{ n: number }>(sql`select
      (select count(*) from remembered_devices r where r::text like ${like})
      + (select count(*) from audit_events a where a::text like ${like}) as n`)) as [{ n: number }];
    expect(Number(n)).toBe(0);
  });
});

describe('how long a device is remembered', () => {
  it('is no longer judged on its own once it has expired', async () => {
    const user = await account();
    const browser = t.client();
    await signInOn(browser, user);
    await signOut(browser);
    expect(await underAttack(browser, user)).toBe(200);
    await t.database.db.execute(
      sql`update remembered_devices set expires_at = now() - interval '1 second' where user_id = ${user.id}`,
    );
    expect(await underAttack(browser, user)).toBe(429);
  });

  it('keeps at most the cap per account, forgetting the least recently used', async () => {
    const user = await account();
    for (let i = 0; i <= deviceLimits.perAccount; i++) await signInOn(t.client(), user);
    expect(await devicesOf(user.id)).toHaveLength(deviceLimits.perAccount);
    const evicted = await rows(
      sql`select 1 from audit_events where action = 'device.forget' and before->>'userId' = ${user.id}
          and after->>'cause' = 'cap'`,
    );
    expect(evicted).toHaveLength(1);
  });
});

describe('what forgets every device of an account', () => {
  it('changing the password', async () => {
    const user = await account();
    const browser = t.client();
    await signInOn(browser, user);
    await signInOn(t.client(), user);
    const next = 'Another-good-password-2026';
    expect((await browser.post('/api/v1/auth/password', { current: user.password, next })).status).toBe(204);
    expect(await devicesOf(user.id)).toEqual([]);
    const [audited] = await rows<{ after: { cause: string; devices: number } }>(
      sql`select after from audit_events where action = 'device.forgetAll' and entity_id = ${user.id}`,
    );
    expect(audited?.after).toEqual({ cause: 'password', devices: 2 });
    await signOut(browser);
    expect(await underAttack(browser, user, next)).toBe(429);
  });

  it('an admin disabling the account', async () => {
    const user = await account();
    await signInOn(t.client(), user);
    const office = await signIn(t, admin);
    expect((await office.patch(`/api/v1/users/${user.id}`, { disabled: true })).status).toBe(200);
    expect(await devicesOf(user.id)).toEqual([]);
    const [audited] = await rows<{ actor_id: string; after: { cause: string } }>(
      sql`select actor_id, after from audit_events where action = 'device.forgetAll' and entity_id = ${user.id}`,
    );
    expect(audited).toEqual({ actor_id: admin.id, after: { cause: 'disabled', devices: 1 } });
  });

  it('an admin signing the account out of every session', async () => {
    const user = await account();
    await signInOn(t.client(), user);
    const office = await signIn(t, admin);
    expect((await office.post(`/api/v1/users/${user.id}/revoke-sessions`)).status).toBe(204);
    expect(await devicesOf(user.id)).toEqual([]);
    const [audited] = await rows<{ after: { cause: string } }>(
      sql`select after from audit_events where action = 'device.forgetAll' and entity_id = ${user.id}`,
    );
    expect(audited?.after).toEqual({ cause: 'revoked', devices: 1 });
  });

  it('an admin resetting the password', async () => {
    const user = await account();
    await signInOn(t.client(), user);
    const office = await signIn(t, admin);
    expect((await office.post(`/api/v1/users/${user.id}/reset-password`)).status).toBe(200);
    expect(await devicesOf(user.id)).toEqual([]);
  });
});

describe("the owner's list of remembered devices", () => {
  it('shows when each was first and last used, its masked address and its browser, and marks this one', async () => {
    const user = await account();
    const browser = t.client('10.98.7.65');
    await signInOn(browser, user);
    await signInOn(t.client('10.98.8.1'), user);
    const list = await browser.get<{ items: Device[] }>('/api/v1/auth/devices');
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(2);
    const mine = list.body.items.find((d) => d.current)!;
    expect(mine).toMatchObject({ address: '10.98.7.*', browser: 'Chrome, Windows' });
    expect(list.body.items.filter((d) => d.current)).toHaveLength(1);
    expect(JSON.stringify(list.body)).not.toContain('10.98.7.65');
  });

  it('forgets one the owner names, audited, and answers 404 for one not theirs', async () => {
    const [user, other] = [await account(), await account()];
    const browser = t.client();
    await signInOn(browser, user);
    await signInOn(t.client(), other);
    const [theirs] = await devicesOf(other.id);
    const refused = await browser.request<Problem>(
      'DELETE',
      `/api/v1/auth/devices/${theirs!.id}`,
      undefined,
      {
        'accept-language': 'en',
      },
    );
    expect(refused.status).toBe(404);
    expect(refused.body).toMatchObject({ code: 'NOT_FOUND', title: 'Not found' });
    expect((await browser.delete<Problem>(`/api/v1/auth/devices/${theirs!.id}`)).body.title).toBe('未找到');
    expect(await devicesOf(other.id)).toHaveLength(1);
    const [mine] = await devicesOf(user.id);
    expect((await browser.delete(`/api/v1/auth/devices/${mine!.id}`)).status).toBe(204);
    expect(await devicesOf(user.id)).toEqual([]);
    const [audited] = await rows<{ actor_id: string; after: { cause: string } }>(
      sql`select actor_id, after from audit_events where action = 'device.forget' and entity_id = ${mine!.id}`,
    );
    expect(audited).toEqual({ actor_id: user.id, after: { cause: 'owner' } });
  });

  it('is for a signed-in person only', async () => {
    expect((await t.client().get('/api/v1/auth/devices')).status).toBe(401);
  });
});
