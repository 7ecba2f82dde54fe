import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestContext, type TestContext } from '../test-support/app.js';
import { type MadeUser, makeUnit, makeUser, signIn } from '../test-support/factories.js';
import { loadPrincipal } from './service.js';

let t: TestContext;
let admin: MadeUser;
let other: () => Promise<MadeUser>;
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  // Registration makes citizens of the district at the root of the tree.
  const district = await makeUnit(t);
  admin = await makeUser(t, { roles: [['admin', district]] });
  other = () => makeUser(t, { roles: [['expert', district]] });
});
afterAll(() => t.close());

describe('sign-in and sessions', () => {
  it('signs in with the right password and sets an HttpOnly, SameSite session cookie', async () => {
    const c = t.client();
    const res = await c.post<{ user: { login: string }; csrfToken: string }>('/api/v1/auth/login', {
      login: admin.login,
      password: admin.password,
    });
    expect(res.status).toBe(200);
    expect(res.body.user.login).toBe(admin.login);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/qx_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it('refuses a wrong password with a problem in the client language', async () => {
    const c = t.client();
    const zh = await c.post<{ code: string; title: string }>('/api/v1/auth/login', {
      login: admin.login,
      password: 'wrong-password',
    });
    expect(zh.status).toBe(401);
    expect(zh.headers.get('content-type')).toContain('application/problem+json');
    expect(zh.body.code).toBe('INVALID_CREDENTIALS');
    expect(zh.body.title).toBe('账号或密码错误');
    const en = await c.request<{ title: string }>(
      'POST',
      '/api/v1/auth/login',
      { login: admin.login, password: 'nope-nope' },
      { 'accept-language': 'en-US,en' },
    );
    expect(en.body.title).toBe('Wrong account or password');
  });

  it('throttles an account after five failures, even with the right password', async () => {
    const c = t.client();
    const expert = await other();
    for (let i = 0; i < 5; i++) {
      expect(
        (await c.post('/api/v1/auth/login', { login: expert.login, password: `bad-${i}-password` })).status,
      ).toBe(401);
    }
    const blocked = await c.post<{ code: string; retryAfterSeconds: number }>('/api/v1/auth/login', {
      login: expert.login,
      password: expert.password,
    });
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('RATE_LIMITED');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    // The body says it too, so a page can say when to try again.
    expect(blocked.body.retryAfterSeconds).toBe(Number(blocked.headers.get('retry-after')));
  });

  it('requires the CSRF token on cookie-authenticated writes', async () => {
    const c = await signIn(t, admin);
    const token = c.csrf;
    c.csrf = '';
    const refused = await c.post<{ code: string }>('/api/v1/invitations', { displayName: 'x', roles: [] });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('CSRF');
    c.csrf = token;
    expect((await c.post('/api/v1/auth/logout')).status).toBe(204);
  });

  it('logout revokes the session on the server', async () => {
    const c = await signIn(t, await other());
    const before = await c.get<{ user: unknown }>('/api/v1/auth/session');
    expect(before.body.user).not.toBeNull();
    const stolen = (c as unknown as { cookie: string }).cookie;
    await c.post('/api/v1/auth/logout');
    // The cookie as it was before the logout, replayed by someone who copied it.
    const after = await t.client().request<{ user: unknown }>('GET', '/api/v1/auth/session', undefined, {
      cookie: stolen,
    });
    expect(after.body.user).toBeNull();
  });

  it('refuses more than five wrong current passwords when changing it, even the right one, in both languages', async () => {
    const user = await other();
    const c = await signIn(t, user);
    const next = 'a-new-long-password-2';
    for (let i = 0; i < 5; i++)
      expect((await c.post('/api/v1/auth/password', { current: `guess-${i}-password`, next })).status).toBe(
        401,
      );
    const zh = await c.post<{ code: string; title: string }>('/api/v1/auth/password', {
      current: user.password,
      next,
    });
    expect(zh.status).toBe(429);
    expect(zh.headers.get('content-type')).toContain('application/problem+json');
    expect(Number(zh.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(zh.body.code).toBe('RATE_LIMITED');
    expect(zh.body.title).toBe('操作过于频繁，请稍后再试');
    const en = await c.request<{ title: string }>(
      'POST',
      '/api/v1/auth/password',
      { current: user.password, next },
      { 'accept-language': 'en' },
    );
    expect(en.status).toBe(429);
    expect(en.body.title).toBe('Too many requests; try again later');
    // The password is unchanged: the owner still signs in with it.
    expect(
      (await t.client().post('/api/v1/auth/login', { login: user.login, password: user.password })).status,
    ).toBe(200);
  });

  it('changes the password, keeps this session and ends the others', async () => {
    const user = await other();
    const a = await signIn(t, user);
    const b = await signIn(t, user);
    const next = 'a-new-long-password-1';
    expect((await a.post('/api/v1/auth/password', { current: user.password, next })).status).toBe(204);
    expect((await a.get<{ user: unknown }>('/api/v1/auth/session')).body.user).not.toBeNull();
    expect((await b.get<{ user: unknown }>('/api/v1/auth/session')).body.user).toBeNull();
    const fresh = t.client();
    await fresh.login(user.login, next);
    expect(
      (await t.client().post('/api/v1/auth/login', { login: user.login, password: user.password })).status,
    ).toBe(401);
  });
});

describe('the principal of a request', () => {
  const tokenOf = (c: unknown) => /qx_session=([^;]+)/.exec((c as { cookie: string }).cookie)![1]!;

  it('is the session, the account and its grants with their unit paths, read in one round trip', async () => {
    const district = await makeUnit(t);
    const street = await makeUnit(t, { parent: district, kind: 'subdistrict' });
    const user = await makeUser(t, {
      roles: [
        ['admin', street],
        ['expert', district],
      ],
    });
    const c = await signIn(t, user);
    const driver = (t.database.db as unknown as { $client: { query: (...args: unknown[]) => unknown } })
      .$client;
    const query = vi.spyOn(driver, 'query');
    const p = await loadPrincipal({ db: t.database.db }, tokenOf(c));
    expect(query).toHaveBeenCalledTimes(1);
    query.mockRestore();
    expect(p).toMatchObject({
      userId: user.id,
      login: user.login,
      displayName: user.displayName,
      csrfToken: c.csrf,
      mustChangePassword: false,
    });
    expect(p!.grants.sort((a, b) => a.role.localeCompare(b.role))).toEqual([
      { role: 'admin', unitId: street.id, unitPath: street.path },
      { role: 'expert', unitId: district.id, unitPath: district.path },
    ]);
    const roleless = await signIn(t, await makeUser(t));
    expect((await loadPrincipal({ db: t.database.db }, tokenOf(roleless)))?.grants).toEqual([]);
  });

  it('is nobody for an unknown token or a disabled account', async () => {
    expect(await loadPrincipal({ db: t.database.db }, 'no-such-token')).toBeNull();
    const user = await other();
    const c = await signIn(t, user);
    const office = await signIn(t, admin);
    expect((await office.patch(`/api/v1/users/${user.id}`, { disabled: true })).status).toBe(200);
    expect(await loadPrincipal({ db: t.database.db }, tokenOf(c))).toBeNull();
    expect((await c.get<{ user: unknown }>('/api/v1/auth/session')).body.user).toBeNull();
  });
});

describe('citizen registration by phone', () => {
  it('sends a code through the SMS provider and registers the citizen', async () => {
    const c = t.client();
    const phone = '13912345678';
    expect((await c.post('/api/v1/auth/register/code', { phone })).status).toBe(200);
    const sms = t.sms.messages.find((m) => m.phone === phone);
    const code = sms?.message.match(/(\d{6})/)?.[1];
    expect(code).toBeDefined();
    const wrong = await c.post<{ code: string }>('/api/v1/auth/register', {
      phone,
      code: code === '000000' ? '111111' : '000000',
      password: 'citizen-password-1',
      displayName: '市民李女士',
    });
    expect(wrong.status).toBe(400);
    const ok = await c.post<{ login: string; phoneMasked: string; roles: Array<{ role: string }> }>(
      '/api/v1/auth/register',
      {
        phone,
        code,
        password: 'citizen-password-1',
        displayName: '市民李女士',
      },
    );
    expect(ok.status).toBe(201);
    expect(ok.body.phoneMasked).toBe('139****5678');
    expect(ok.body.roles.map((r) => r.role)).toEqual(['citizen']);
    await t.client().login(phone, 'citizen-password-1');
  });

  it('allows one code a minute per phone', async () => {
    const c = t.client();
    expect((await c.post('/api/v1/auth/register/code', { phone: '13700000001' })).status).toBe(200);
    expect((await c.post('/api/v1/auth/register/code', { phone: '13700000001' })).status).toBe(429);
  });

  it('refuses a phone already in use of the phone field, so the page can offer to sign in', async () => {
    const phone = '13600000009';
    await makeUser(t, { phone });
    const c = t.client();
    expect((await c.post('/api/v1/auth/register/code', { phone })).status).toBe(200);
    const code = t.sms.messages.findLast((m) => m.phone === phone)?.message.match(/(\d{6})/)?.[1];
    const res = await c.post<{ code: string; errors: Array<{ path: string; code: string }> }>(
      '/api/v1/auth/register',
      { phone, code, password: 'citizen-password-1', displayName: '市民王先生' },
    );
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('CONFLICT');
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'phone', code: 'phone_registered' })]);
  });
});
