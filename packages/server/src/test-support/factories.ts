import type { Principal } from '../auth/principal.js';
import type { ServiceContext } from '../context.js';
import { createUnit, type Unit, type UnitKind } from '../modules/units/api.js';
import { insertUser, type Role } from '../modules/users/api.js';
import { silentLog, type TestClient, type TestContext } from './app.js';

/**
 * Test data from small factories: the few rows a test needs, made through the modules' own
 * commands (so each row is valid and audited as in use), on a context made with `seed: []`.
 * Codes and logins are numbered, so a file may make as many as it likes.
 */
type World = Pick<TestContext, 'database' | 'sms' | 'client'>;

let serial = 0;

/**
 * Who plants a test's unit tree: an admin whose scope is every path ('/' begins each one), so the
 * units module's own command creates roots too. Nobody signs in as it; its audit events carry its
 * label and the nil id.
 */
const planter: Principal = {
  userId: '00000000-0000-0000-0000-000000000000',
  login: 'test-planter',
  displayName: 'test-planter',
  grants: [{ role: 'admin', unitId: '/', unitPath: '/' }],
  sessionId: '',
  csrfToken: '',
  mustChangePassword: false,
};

const systemCtx = (t: World, principal: Principal | null): ServiceContext => ({
  db: t.database.db,
  principal,
  log: silentLog,
  sms: t.sms,
  requestId: 'factory',
  systemLabel: 'test',
});

/** A unit: a root district by default, or a town (unless `kind` says otherwise) under `parent`. */
export async function makeUnit(
  t: World,
  options: { parent?: Pick<Unit, 'id'>; kind?: UnitKind; code?: string; name?: string } = {},
): Promise<Unit> {
  const n = ++serial;
  return createUnit(systemCtx(t, planter), {
    code: options.code ?? `U${n}`,
    name: options.name ?? `测试单位${n}`,
    kind: options.kind ?? (options.parent ? 'town' : 'district'),
    parentId: options.parent?.id ?? null,
    sort: n,
  });
}

export interface District {
  district: Unit;
  /** A street (subdistrict) of the district, as the demo's 城西街道 for the organiser. */
  street: Unit;
  /** A town outside the street. */
  town: Unit;
  department: Unit;
}

/** A district with one street, one town and one department under it. */
export async function makeDistrict(t: World): Promise<District> {
  const district = await makeUnit(t);
  return {
    district,
    street: await makeUnit(t, { parent: district, kind: 'subdistrict' }),
    town: await makeUnit(t, { parent: district, kind: 'town' }),
    department: await makeUnit(t, { parent: district, kind: 'department' }),
  };
}

/** A password every factory account has unless told otherwise: long and uncommon enough. */
export const factoryPassword = 'Made-for-this-test-2026';

export interface MadeUser {
  id: string;
  login: string;
  displayName: string;
  password: string;
}

/**
 * An account holding each of `roles` (a role over a unit), created by the accounts module as the
 * system would (the CLI, an invitation). It has chosen its password, unless `mustChangePassword`.
 */
export async function makeUser(
  t: World,
  options: {
    roles?: Array<[Role, Pick<Unit, 'id'>]>;
    login?: string;
    displayName?: string;
    phone?: string;
    password?: string;
    mustChangePassword?: boolean;
  } = {},
): Promise<MadeUser> {
  const n = ++serial;
  const roles = options.roles ?? [];
  const login = options.login ?? `${roles[0]?.[0] ?? 'nobody'}.${n}`;
  const displayName = options.displayName ?? `测试用户${n}`;
  const password = options.password ?? factoryPassword;
  const { user } = await insertUser(
    systemCtx(t, null),
    {
      login,
      displayName,
      ...(options.phone ? { phone: options.phone } : {}),
      password,
      roles: roles.map(([role, unit]) => ({ role, unitId: unit.id })),
    },
    { mustChangePassword: options.mustChangePassword ?? false },
  );
  return { id: user.id, login, displayName, password };
}

/** A client signed in as `user`, from an address of its own. */
export async function signIn(t: World, user: Pick<MadeUser, 'login' | 'password'>): Promise<TestClient> {
  const client = t.client();
  await client.login(user.login, user.password);
  return client;
}

/** A client signed in as a new account holding `role` over `unit`; the account rides along. */
export async function signedIn(
  t: World,
  role: Role,
  unit: Pick<Unit, 'id'>,
  options: Parameters<typeof makeUser>[1] = {},
): Promise<TestClient & { user: MadeUser }> {
  const user = await makeUser(t, { ...options, roles: [[role, unit], ...(options.roles ?? [])] });
  return Object.assign(await signIn(t, user), { user });
}
