import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '../openapi/document.js';
import { createTestContext, type TestClient, type TestContext } from '../test-support/app.js';
import type { Ids } from '../test-support/authz.js';
import { authzByModule as byModule, demoLogin, authzMatrix as matrix } from './authz-matrix.js';
import { modules } from './registry.js';
import { unitByCode } from './units/api.js';
import { roles } from './users/api.js';

/**
 * The authorisation matrix (authz-matrix.ts): every route of the API, and which roles may call
 * it. A refused call gets UNAUTHENTICATED (anonymous) or FORBIDDEN / NOT_FOUND (signed in); an
 * allowed one never gets UNAUTHENTICATED or FORBIDDEN (it may still fail for other reasons, such
 * as a wrong password).
 */
const operationsOf = (doc: unknown) =>
  Object.values((doc as { paths: Record<string, Record<string, { operationId: string }>> }).paths).flatMap(
    (p) => Object.values(p).map((o) => o.operationId),
  );

let t: TestContext;
let ids: Ids;
let streetAdmin: TestClient;
beforeAll(async () => {
  t = await createTestContext();
  const admin = await t.as('office');
  const root = (await unitByCode(t.database.db, 'QJ'))!.id;
  const target = await admin.post<{ user: { id: string } }>('/api/v1/users', {
    login: 'matrix.target',
    displayName: '矩阵对象',
    roles: [],
  });
  const unit = await admin.post<{ id: string }>('/api/v1/units', {
    code: 'MATRIX',
    name: '矩阵单位',
    kind: 'other',
    parentId: root,
  });
  ids = { root, target: target.body.user.id, unit: unit.body.id };
  // An admin over one street only, past the change of the password the office gave them.
  const street = (await unitByCode(t.database.db, 'QJ-S03'))!.id;
  const created = await admin.post<{ initialPassword: string }>('/api/v1/users', {
    login: 'matrix.street.admin',
    displayName: '街道管理员',
    roles: [{ role: 'admin', unitId: street }],
  });
  streetAdmin = t.client();
  await streetAdmin.login('matrix.street.admin', created.body.initialPassword);
  const next = `Qx-${crypto.randomUUID()}`;
  await streetAdmin.post('/api/v1/auth/password', { current: created.body.initialPassword, next });
  await streetAdmin.login('matrix.street.admin', next);
});
afterAll(() => t.close());

/**
 * A role's signed-in client, kept from case to case: signing in (argon2id) was most of the
 * matrix's time. It is asked again whenever its session no longer answers as its own, as after
 * a case that signs out, so each case still starts signed in.
 */
const signedIn = new Map<string, TestClient>();
async function clientAs(login: string): Promise<TestClient> {
  const kept = signedIn.get(login);
  if (kept) {
    const session = await kept.get<{ user: { login: string; mustChangePassword: boolean } | null }>(
      '/api/v1/auth/session',
    );
    if (session.body.user?.login === login && !session.body.user.mustChangePassword) return kept;
  }
  const fresh = await t.as(login);
  signedIn.set(login, fresh);
  return fresh;
}

// Each call from an address of its own, as each fresh client had: the per-address limits would
// otherwise answer 429 before the route's own check, for a reason that is not authorisation.
let calls = 0;
const fromNewAddress = () => {
  calls += 1;
  return { 'x-forwarded-for': `10.2.${Math.floor(calls / 250) % 250}.${calls % 250}` };
};

describe('authorisation matrix', () => {
  it('covers every route of the OpenAPI document', () => {
    expect(operationsOf(openApiDocument()).sort()).toEqual(Object.keys(matrix).sort());
  });

  it.each(modules.filter((m) => m.router).map((m) => m.name))(
    'has the rows of %s beside its code',
    (name) => {
      const m = modules.find((x) => x.name === name)!;
      const own = operationsOf(
        m.router!.getOpenAPI31Document({ openapi: '3.1.0', info: { title: name, version: '0' } }),
      );
      expect(Object.keys(byModule[name] ?? {}).sort()).toEqual(own.sort());
    },
  );

  const cases = Object.entries(matrix).flatMap(([op, row]) =>
    [...roles, 'anonymous' as const].map((role) => {
      const allowed =
        row.who === 'public' || (role !== 'anonymous' && (row.who === 'signedIn' || row.who.includes(role)));
      return { op, role, allowed };
    }),
  );

  const scoped = Object.entries(matrix).flatMap(([op, row]) =>
    row.streetAdmin === undefined ? [] : [{ op, allowed: row.streetAdmin }],
  );

  it('has rows for an admin of one street', () => {
    expect(scoped.length).toBeGreaterThan(5);
  });

  it.each(scoped)("$op as a street's admin → allowed: $allowed", async ({ op, allowed }) => {
    const [method, path, body] = matrix[op]!.call(ids);
    const res = await streetAdmin.request<{ code?: string }>(method, path, body);
    const code = res.status < 400 ? 'OK' : (res.body.code ?? String(res.status));
    if (allowed) expect(['UNAUTHENTICATED', 'FORBIDDEN']).not.toContain(code);
    else expect(['FORBIDDEN', 'NOT_FOUND']).toContain(code);
  });

  it.each(cases)('$op as $role → allowed: $allowed', async ({ op, role, allowed }) => {
    const client: TestClient = role === 'anonymous' ? t.client() : await clientAs(demoLogin[role]);
    const [method, path, body] = matrix[op]!.call(ids);
    const res = await client.request<{ code?: string }>(method, path, body, fromNewAddress());
    const code = res.status < 400 ? 'OK' : (res.body.code ?? String(res.status));
    if (allowed) expect(['UNAUTHENTICATED', 'FORBIDDEN']).not.toContain(code);
    else expect(role === 'anonymous' ? ['UNAUTHENTICATED'] : ['FORBIDDEN', 'NOT_FOUND']).toContain(code);
  });
});
