import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { makeDistrict, makeUser, signedIn } from '../../test-support/factories.js';
import { users } from './schema.js';

/** A street's admin manages the accounts of its street; role-less accounts are the district office's. */
let t: TestContext;
let office: TestClient;
let streetAdmin: TestClient;
const ids: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  const tree = await makeDistrict(t);
  office = await signedIn(t, 'admin', tree.district);
  const street = tree.street.id;
  const otherTown = tree.town.id;
  await makeUser(t, { login: 'organiser', roles: [['organiser', tree.street]] });
  ids.supervisor = (await makeUser(t, { login: 'supervisor', roles: [['supervisor', tree.district]] })).id;
  const create = async (login: string, roles: Array<{ role: string; unitId: string }>) => {
    const res = await office.post<{ user: { id: string } }>('/api/v1/users', {
      login,
      displayName: login,
      password: 'Chengxi-street-2026',
      roles,
    });
    expect(res.status).toBe(201);
    ids[login] = res.body.user.id;
  };
  await create('street.admin', [{ role: 'admin', unitId: street }]);
  await create('street.screener', [{ role: 'screener', unitId: street }]);
  await create('street.and.town', [
    { role: 'screener', unitId: street },
    { role: 'screener', unitId: otherTown },
  ]);
  await create('no.role', []);
  streetAdmin = t.client();
  await streetAdmin.login('street.admin', 'Chengxi-street-2026');
});
afterAll(() => t.close());

describe("a street's admin", () => {
  it('lists only the accounts whose roles all lie in its street', async () => {
    const res = await streetAdmin.get<{ total: number; items: Array<{ login: string }> }>(
      '/api/v1/users?pageSize=200',
    );
    expect(res.status).toBe(200);
    const logins = res.body.items.map((u) => u.login);
    // The organiser, made before this admin, works in this street too.
    expect(logins.sort()).toEqual(['organiser', 'street.admin', 'street.screener']);
    expect(res.body.total).toBe(3);
  });

  it.each([
    ['reads', 'GET', ''],
    ['resets the password of', 'POST', '/reset-password'],
    ['signs out', 'POST', '/revoke-sessions'],
    ['renames', 'PATCH', ''],
  ])('neither %s a role-less account nor one with a role outside its street', async (_, method, suffix) => {
    for (const login of ['no.role', 'street.and.town', 'supervisor']) {
      const id = ids[login]!;
      const res = await streetAdmin.request<{ code: string }>(
        method,
        `/api/v1/users/${id}${suffix}`,
        method === 'PATCH' ? { displayName: '改名' } : undefined,
      );
      expect(res.status, `${method} ${login}${suffix}`).toBe(404);
    }
  });

  it('manages an account of its street, and creates none without a role', async () => {
    expect((await streetAdmin.post(`/api/v1/users/${ids['street.screener']}/reset-password`)).status).toBe(
      200,
    );
    const roleless = await streetAdmin.post<{ code: string }>('/api/v1/users', {
      login: 'street.made.roleless',
      displayName: 'x',
      roles: [],
    });
    expect(roleless.status).toBe(403);
  });
});

describe('the district office', () => {
  it('lists and manages role-less accounts', async () => {
    const listed = await office.get<{ items: Array<{ login: string }> }>('/api/v1/users?q=no.role');
    expect(listed.body.items.map((u) => u.login)).toEqual(['no.role']);
    expect((await office.post(`/api/v1/users/${ids['no.role']}/reset-password`)).status).toBe(200);
    const all = await office.get<{ total: number }>('/api/v1/users?pageSize=1');
    const count = await t.database.db.$count(users);
    expect(all.body.total).toBe(count);
  });
});
