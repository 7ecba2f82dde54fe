import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../test-support/app.js';
import { makeUnit, signedIn } from '../test-support/factories.js';

/** A password someone else set (initial or reset) is replaced before the account does anything else. */
let t: TestContext;
let office: TestClient;
let userId: string;
let given: string;
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  const district = await makeUnit(t);
  office = await signedIn(t, 'admin', district);
  const created = await office.post<{ user: { id: string }; initialPassword: string }>('/api/v1/users', {
    login: 'new.supervisor',
    displayName: '新督查员',
    roles: [{ role: 'supervisor', unitId: district.id }],
  });
  userId = created.body.user.id;
  given = created.body.initialPassword;
});
afterAll(() => t.close());

interface Problem {
  code: string;
  title: string;
  status: number;
}

describe('a password someone else set', () => {
  it('answers every route but the session, sign-out and password change with PASSWORD_CHANGE_REQUIRED', async () => {
    const c = t.client();
    await c.login('new.supervisor', given);
    const session = await c.get<{ user: { mustChangePassword: boolean } }>('/api/v1/auth/session');
    expect(session.status).toBe(200);
    expect(session.body.user.mustChangePassword).toBe(true);
    for (const [method, path, body] of [
      ['GET', '/api/v1/units'],
      ['GET', '/api/v1/audit/events'],
      ['GET', '/api/v1/public/campaign'],
      ['GET', '/api/v1/inbox'],
      ['POST', '/api/v1/public/suggestions/similar', { text: '公交' }],
    ] as const) {
      const res = await c.request<Problem>(method, path, body);
      expect(res.status, path).toBe(403);
      expect(res.body.code, path).toBe('PASSWORD_CHANGE_REQUIRED');
    }
    const en = await c.request<Problem>('GET', '/api/v1/units', undefined, { 'accept-language': 'en' });
    expect(en.body.title).toBe('Change the password you were given before anything else');
    expect(
      (await c.post('/api/v1/auth/password', { current: given, next: 'Audit-the-district-2026' })).status,
    ).toBe(204);
    expect((await c.get('/api/v1/units')).status).toBe(200);
    expect((await c.get('/api/v1/audit/events')).status).toBe(200);
  });

  it('holds after a reset by an admin too, and lets the person sign out', async () => {
    const reset = await office.post<{ password: string }>(`/api/v1/users/${userId}/reset-password`);
    const c = t.client();
    await c.login('new.supervisor', reset.body.password);
    expect((await c.get<Problem>('/api/v1/audit/events')).body.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await c.post('/api/v1/auth/logout')).status).toBe(204);
    expect((await c.get<{ user: unknown }>('/api/v1/auth/session')).body.user).toBeNull();
  });
});
