import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../audit/schema.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { type District, makeDistrict, signedIn } from '../../test-support/factories.js';
import { contextOf, racing, refusal } from '../../test-support/racing.js';
import { acceptInvitation } from './commands/acceptInvitation.js';
import { revokeInvitation } from './commands/revokeInvitation.js';
import { invitations, users } from './schema.js';

/** The campaign office sees the invitations it could have issued, and withdraws unused ones. */
let t: TestContext;
let tree: District;
let office: TestClient;
let streetAdmin: TestClient;
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  tree = await makeDistrict(t);
  office = await signedIn(t, 'admin', tree.district, { displayName: '区办管理员' });
  streetAdmin = await signedIn(t, 'admin', tree.street);
});
afterAll(() => t.close());

async function invite(by: TestClient, displayName: string, unitId: string) {
  const res = await by.post<{ token: string }>('/api/v1/invitations', {
    displayName,
    roles: [{ role: 'screener', unitId }],
  });
  expect(res.status).toBe(201);
  const listed = await by.get<{ items: Array<{ id: string; displayName: string }> }>(
    '/api/v1/invitations?pageSize=100',
  );
  return { token: res.body.token, id: listed.body.items[0]!.id };
}

type Listed = {
  total: number;
  items: Array<{ id: string; displayName: string; invitedBy: string; state: string; roles: unknown[] }>;
};

describe('invitations', () => {
  it('lists open invitations newest first, names masked, each admin only those of its scope', async () => {
    const district = await invite(office, '张三丰', tree.district.id);
    const street = await invite(streetAdmin, '李四光', tree.street.id);
    const all = await office.get<Listed>('/api/v1/invitations?pageSize=100');
    expect(all.status).toBe(200);
    const ids = all.body.items.map((i) => i.id);
    expect(ids.indexOf(street.id)).toBeLessThan(ids.indexOf(district.id));
    const mine = all.body.items.find((i) => i.id === district.id)!;
    expect(mine).toMatchObject({ displayName: '张**', invitedBy: '区****', state: 'open' });
    expect(mine.roles).toEqual([
      { role: 'screener', unitId: tree.district.id, unitName: tree.district.name },
    ]);
    const streets = await streetAdmin.get<Listed>('/api/v1/invitations?pageSize=100');
    expect(streets.body.items.map((i) => i.id)).toEqual([street.id]);
    expect(streets.body.total).toBe(1);
  });

  it('revokes an open invitation: its link opens nothing, the revocation is audited, a second is refused', async () => {
    const { token, id } = await invite(office, '王五', tree.district.id);
    // Out of a street admin's scope reads as absent.
    expect((await streetAdmin.post(`/api/v1/invitations/${id}/revoke`)).status).toBe(404);
    expect((await office.post(`/api/v1/invitations/${id}/revoke`)).status).toBe(204);
    const guest = t.client();
    expect((await guest.get(`/api/v1/auth/invitations/${token}`)).status).toBe(404);
    const accept = await guest.post(`/api/v1/auth/invitations/${token}/accept`, {
      login: 'wang.five',
      password: 'a-long-password-9',
    });
    expect(accept.status).toBe(404);
    const again = await office.post<{ errors: Array<{ code: string }> }>(`/api/v1/invitations/${id}/revoke`);
    expect(again.status).toBe(409);
    expect(again.body.errors[0]?.code).toBe('invitation_revoked');
    const revoked = await office.get<Listed>('/api/v1/invitations?state=revoked&pageSize=100');
    expect(revoked.body.items.map((i) => i.id)).toContain(id);
    const open = await office.get<Listed>('/api/v1/invitations?pageSize=100');
    expect(open.body.items.map((i) => i.id)).not.toContain(id);
    const events = await t.database.db.select().from(auditEvents).where(eq(auditEvents.entityId, id));
    expect(events.map((e) => e.action)).toEqual(['invitation.create', 'invitation.revoke']);
  });

  it('refuses to revoke an accepted or expired invitation, and lists each in its state', async () => {
    const accepted = await invite(office, '赵六', tree.district.id);
    const guest = t.client();
    const made = await guest.post(`/api/v1/auth/invitations/${accepted.token}/accept`, {
      login: 'zhao.six',
      password: 'a-long-password-9',
    });
    expect(made.status).toBe(201);
    const refused = await office.post<{ errors: Array<{ code: string }> }>(
      `/api/v1/invitations/${accepted.id}/revoke`,
    );
    expect(refused.status).toBe(409);
    expect(refused.body.errors[0]?.code).toBe('invitation_accepted');
    const expired = await invite(office, '孙七', tree.district.id);
    await t.database.db
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invitations.id, expired.id));
    const late = await office.post<{ errors: Array<{ code: string }> }>(
      `/api/v1/invitations/${expired.id}/revoke`,
    );
    expect(late.body.errors[0]?.code).toBe('invitation_expired');
    const states = async (state: string) =>
      (await office.get<Listed>(`/api/v1/invitations?state=${state}&pageSize=100`)).body.items.map(
        (i) => i.id,
      );
    expect(await states('accepted')).toContain(accepted.id);
    expect(await states('expired')).toContain(expired.id);
  });

  it('keeps the account of an acceptance that committed after the revocation had checked', async () => {
    const { token, id } = await invite(office, '周八', tree.district.id);
    const ctx = await contextOf(t, office);
    const accept = () =>
      t.client().post(`/api/v1/auth/invitations/${token}/accept`, {
        login: 'zhou.eight',
        password: 'a-long-password-9',
      });
    const error = (await refusal(
      revokeInvitation(
        { ...ctx, db: racing(ctx.db, async () => expect((await accept()).status).toBe(201)) },
        id,
      ),
    )) as { code?: string; errors?: Array<{ code: string }> } | undefined;
    expect(error?.code).toBe('CONFLICT');
    expect(error?.errors?.[0]?.code).toBe('invitation_accepted');
    const [row] = await t.database.db.select().from(invitations).where(eq(invitations.id, id));
    expect(row?.revokedAt).toBeNull();
    expect(row?.acceptedAt).not.toBeNull();
  });

  it('makes no account from an acceptance that a revocation beat to its write', async () => {
    const { token, id } = await invite(office, '吴九', tree.district.id);
    const ctx = { ...(await contextOf(t, office)), principal: null };
    const revoke = async () =>
      expect((await office.post(`/api/v1/invitations/${id}/revoke`)).status).toBe(204);
    const error = (await refusal(
      acceptInvitation({ ...ctx, db: racing(ctx.db, revoke) }, token, {
        login: 'wu.nine',
        password: 'a-long-password-9',
      }),
    )) as { code?: string; errors?: Array<{ path: string; code: string }> } | undefined;
    expect(error?.code).toBe('CONFLICT');
    expect(error?.errors).toMatchObject([{ path: 'invitation', code: 'invitation_closed_meanwhile' }]);
    const made = await t.database.db.select().from(users).where(eq(users.login, 'wu.nine'));
    expect(made).toEqual([]);
  });
});
