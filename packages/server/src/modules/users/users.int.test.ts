import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../audit/schema.js';
import { createTestContext, type TestContext } from '../../test-support/app.js';
import {
  type District,
  type MadeUser,
  makeDistrict,
  makeUser,
  signIn,
} from '../../test-support/factories.js';
import { resetPasswordByLogin } from './api.js';
import { users } from './schema.js';

interface Problem {
  code: string;
  errors?: Array<{ path: string; code?: string }>;
}

let t: TestContext;
let tree: District;
let office: MadeUser;
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  tree = await makeDistrict(t);
  office = await makeUser(t, { roles: [['admin', tree.district]] });
});
afterAll(() => t.close());

const lastAudit = async (action: string) =>
  (
    await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, action))
      .orderBy(desc(auditEvents.id))
      .limit(1)
  )[0];

describe('user administration', () => {
  it('creates a user with a random initial password shown once, and audits it', async () => {
    const admin = await signIn(t, office);
    const res = await admin.post<{
      user: { id: string; login: string; mustChangePassword: boolean };
      initialPassword: string;
    }>('/api/v1/users', {
      login: 'wang.screener',
      displayName: '王筛选',
      phone: '13812345678',
      roles: [{ role: 'screener', unitId: tree.district.id }],
    });
    expect(res.status).toBe(201);
    expect(res.body.initialPassword).toHaveLength(16);
    expect(res.body.user.mustChangePassword).toBe(true);
    const event = await lastAudit('user.create');
    expect(event?.entityId).toBe(res.body.user.id);
    expect(event?.actorLabel).toBe(office.login);
    expect(JSON.stringify(event?.after)).not.toContain(res.body.initialPassword);
    const listed = await admin.get<{ items: Array<{ login: string; phoneMasked: string }> }>(
      '/api/v1/users?q=wang',
    );
    expect(listed.body.items[0]?.phoneMasked).toBe('138****5678');
    expect(JSON.stringify(listed.body)).not.toContain('13812345678');
    await t.client().login('wang.screener', res.body.initialPassword);
  });

  it('masks a citizen’s login, their phone, in the list as it masks the phone', async () => {
    await makeUser(t, {
      login: '13987650001',
      phone: '13987650001',
      displayName: '市民向女士',
      roles: [['citizen', tree.district]],
    });
    const admin = await signIn(t, office);
    const listed = await admin.get<{ items: Array<{ login: string; phoneMasked: string }> }>(
      '/api/v1/users?q=13987650001',
    );
    expect(listed.body.items).toHaveLength(1);
    expect(listed.body.items[0]).toMatchObject({ login: '139****0001', phoneMasked: '139****0001' });
    expect(JSON.stringify(listed.body)).not.toContain('13987650001');
  });

  it('refuses a login that is taken, naming the field', async () => {
    const admin = await signIn(t, office);
    const res = await admin.post<{ code: string; errors: Array<{ path: string }> }>('/api/v1/users', {
      login: office.login,
      displayName: 'x',
      roles: [],
    });
    expect(res.status).toBe(409);
    expect(res.body.errors[0]?.path).toBe('login');
  });

  it('resets a password, signs the user out and audits it', async () => {
    const admin = await signIn(t, office);
    const user = await makeUser(t, { roles: [['expert', tree.district]] });
    const victim = await signIn(t, user);
    const res = await admin.post<{ password: string }>(`/api/v1/users/${user.id}/reset-password`);
    expect(res.status).toBe(200);
    expect((await victim.get<{ user: unknown }>('/api/v1/auth/session')).body.user).toBeNull();
    expect((await lastAudit('user.resetPassword'))?.entityId).toBe(user.id);
    const old = { login: user.login, password: user.password };
    expect((await t.client().post('/api/v1/auth/login', old)).status).toBe(401);
    await t.client().login(user.login, res.body.password);
  });

  it('resets a password from the command line without enabling a disabled account unless asked', async () => {
    const user = await makeUser(t, { roles: [['expert', tree.district]] });
    await t.database.db.update(users).set({ disabled: true }).where(eq(users.id, user.id));
    const kept = await resetPasswordByLogin(t.database.db, user.login);
    const disabled = async () =>
      (await t.database.db.select({ disabled: users.disabled }).from(users).where(eq(users.id, user.id)))[0]
        ?.disabled;
    expect(await disabled()).toBe(true);
    expect((await t.client().post('/api/v1/auth/login', { login: user.login, password: kept })).status).toBe(
      401,
    );
    expect(await lastAudit('user.resetPassword')).toMatchObject({
      entityId: user.id,
      before: { disabled: true, mustChangePassword: false },
      after: { disabled: true, mustChangePassword: true },
    });
    const given = await resetPasswordByLogin(t.database.db, user.login, undefined, { enable: true });
    expect(await disabled()).toBe(false);
    expect((await t.client().post('/api/v1/auth/login', { login: user.login, password: given })).status).toBe(
      200,
    );
    expect(await lastAudit('user.resetPassword')).toMatchObject({
      before: { disabled: true, mustChangePassword: true },
      after: { disabled: false, mustChangePassword: true },
    });
  });

  it('keeps a town-scoped admin inside its town', async () => {
    const admin = await signIn(t, office);
    const town = tree.street.id;
    const created = await admin.post<{ initialPassword: string }>('/api/v1/users', {
      login: 'town.admin',
      displayName: '城西街道管理员',
      roles: [{ role: 'admin', unitId: town }],
    });
    const townAdmin = t.client();
    await townAdmin.firstLogin('town.admin', created.body.initialPassword);
    const outside = await townAdmin.post('/api/v1/users', {
      login: 'district.x',
      displayName: 'x',
      roles: [{ role: 'screener', unitId: tree.district.id }],
    });
    expect(outside.status).toBe(403);
    const inside = await townAdmin.post('/api/v1/users', {
      login: 'town.x',
      displayName: 'x',
      roles: [{ role: 'organiser', unitId: town }],
    });
    expect(inside.status).toBe(201);
    const districtUser = await makeUser(t, { roles: [['supervisor', tree.district]] });
    expect((await townAdmin.post(`/api/v1/users/${districtUser.id}/reset-password`)).status).toBe(404);
  });

  it('invites by link: the invitee sets login and password and gets the roles', async () => {
    const admin = await signIn(t, office);
    const inv = await admin.post<{ token: string }>('/api/v1/invitations', {
      displayName: '专家 赵博士',
      roles: [{ role: 'expert', unitId: tree.district.id }],
    });
    expect(inv.status).toBe(201);
    const guest = t.client();
    expect(
      (await guest.get<{ displayName: string }>(`/api/v1/auth/invitations/${inv.body.token}`)).body
        .displayName,
    ).toBe('专家 赵博士');
    const accepted = await guest.post<{ roles: Array<{ role: string }> }>(
      `/api/v1/auth/invitations/${inv.body.token}/accept`,
      {
        login: 'zhao.expert',
        password: 'expert-password-9',
      },
    );
    expect(accepted.status).toBe(201);
    expect(accepted.body.roles[0]?.role).toBe('expert');
    const again = await t.client().post(`/api/v1/auth/invitations/${inv.body.token}/accept`, {
      login: 'zhao2',
      password: 'expert-password-9',
    });
    expect(again.status).toBe(404);
  });

  it('refuses to let an admin remove their own admin role', async () => {
    const admin = await signIn(t, office);
    const session = await admin.get<{ user: { id: string } }>('/api/v1/auth/session');
    const res = await admin.put<Problem>(`/api/v1/users/${session.body.user.id}/roles`, { roles: [] });
    expect(res.status).toBe(422);
    expect(res.body.errors).toMatchObject([{ path: 'roles', code: 'own_admin_role' }]);
  });

  it('refuses to let an admin disable their own account, naming the field', async () => {
    const admin = await signIn(t, office);
    const session = await admin.get<{ user: { id: string } }>('/api/v1/auth/session');
    const res = await admin.patch<Problem>(`/api/v1/users/${session.body.user.id}`, { disabled: true });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      code: 'INVALID_STATE',
      errors: [{ path: 'disabled', code: 'own_account_disabled' }],
    });
  });
});
