import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { documentedErrors } from '../../test-support/documented-errors.js';
import { type District, makeDistrict, signedIn } from '../../test-support/factories.js';
import { users } from './schema.js';

/**
 * An invitation gives its roles on its issuer's authority: once the issuer is disabled or no
 * longer an admin over them, its link makes no account, least of all an admin's, and opening it
 * says so at once, before the form is filled in.
 */
let t: TestContext;
let tree: District;
let office: TestClient;
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  tree = await makeDistrict(t);
  office = await signedIn(t, 'admin', tree.district);
});
afterAll(() => t.close());

let accounts = 0;

/** An admin of the district, and the token of an invitation to be an admin of it that they issued. */
async function adminInvitation() {
  const issuer = await signedIn(t, 'admin', tree.district);
  const res = await issuer.post<{ token: string }>('/api/v1/invitations', {
    displayName: '新管理员',
    roles: [{ role: 'admin', unitId: tree.district.id }],
  });
  expect(res.status).toBe(201);
  return { issuer, token: res.body.token };
}

const accept = (token: string) =>
  t.client().post<{ code: string; errors: Array<{ path: string; code: string }> }>(acceptPath(token), {
    login: `invited.admin.${++accounts}`,
    password: 'a-long-password-9',
  });

const acceptPath = (token: string) => `/api/v1/auth/invitations/${token}/accept`;

const open = (token: string) =>
  t
    .client()
    .get<{ code: string; errors: Array<{ path: string; code: string }> }>(
      `/api/v1/auth/invitations/${token}`,
    );

const withdrawn = {
  status: 422,
  body: { errors: [expect.objectContaining({ code: 'invitation_issuer_withdrawn' })] },
};

describe('an invitation whose issuer lost the authority to give its roles', () => {
  it('is refused when opened and makes no account once the issuer is disabled', async () => {
    const { issuer, token } = await adminInvitation();
    const off = await office.request('PATCH', `/api/v1/users/${issuer.user.id}`, { disabled: true });
    expect(off.status).toBe(200);
    expect(await open(token)).toMatchObject(withdrawn);
    expect(await accept(token)).toMatchObject(withdrawn);
    expect(
      await t.database.db
        .select()
        .from(users)
        .where(eq(users.login, `invited.admin.${accounts}`)),
    ).toEqual([]);
  });

  it('is refused when opened and makes no account once the issuer can no longer give its roles', async () => {
    const { issuer, token } = await adminInvitation();
    const demoted = await office.request('PUT', `/api/v1/users/${issuer.user.id}/roles`, {
      roles: [{ role: 'admin', unitId: tree.street.id }],
    });
    expect(demoted.status).toBe(200);
    expect(await open(token)).toMatchObject(withdrawn);
    expect(await accept(token)).toMatchObject(withdrawn);
  });

  it('is a refusal the API document lists, for opening and for accepting', async () => {
    const { issuer, token } = await adminInvitation();
    expect(
      (await office.request('PATCH', `/api/v1/users/${issuer.user.id}`, { disabled: true })).status,
    ).toBe(200);
    const opened = await open(token);
    const accepted = await accept(token);
    expect([opened.status, accepted.status]).toEqual([422, 422]);
    expect(documentedErrors('GET', `/api/v1/auth/invitations/${token}`)).toContain(opened.body.code);
    expect(documentedErrors('POST', acceptPath(token))).toContain(accepted.body.code);
  });

  it('opens and makes the account while the issuer holds the authority', async () => {
    const { token } = await adminInvitation();
    expect(await open(token)).toMatchObject({ status: 200, body: { displayName: '新管理员' } });
    expect((await accept(token)).status).toBe(201);
  });
});
