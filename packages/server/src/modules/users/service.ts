import { and, eq, isNull } from 'drizzle-orm';
import { audit } from '../../audit/audit.js';
import { generatePassword, hashPassword } from '../../auth/password.js';
import { assertStrongPassword } from '../../auth/password-rules.js';
import { sessions } from '../../auth/schema.js';
import { actor, type ServiceContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { type Tx, transaction } from '../../db/transaction.js';
import { AppError, forbidden } from '../../errors.js';
import { unitsByIds } from '../units/api.js';
import type { CreateUserInput, RoleGrant, UserView } from './contracts.js';
import { canUser, type UserAction, userScope } from './policy.js';
import { getUserView, grantsOf, type ListUsersQuery, listUserViews } from './queries.js';
import { userRoles, users } from './schema.js';

async function unitPaths(db: Db, unitIds: string[]): Promise<string[]> {
  const ids = [...new Set(unitIds)];
  if (ids.length === 0) return [];
  const rows = [...(await unitsByIds(db, ids)).values()];
  if (rows.length !== ids.length) {
    throw new AppError('VALIDATION', 'a role names a unit that does not exist', [
      { path: 'roles', message: 'unknown unit', code: 'unknown_unit' },
    ]);
  }
  return rows.map((r) => r.path);
}

/** Authorises an action on an existing user: the admin's scope must hold all the user's units. */
async function authoriseOnUser(ctx: ServiceContext, action: UserAction, userId: string): Promise<UserView> {
  if (!canUser(ctx.principal, 'user.list')) throw forbidden();
  const target = await getUserView(ctx.db, userId);
  const paths = (await grantsOf(ctx.db, [userId])).map((g) => g.unitPath);
  // Out of scope looks the same as absent, so scopes do not reveal who exists elsewhere.
  if (!canUser(ctx.principal, action, paths)) throw new AppError('NOT_FOUND', 'user not found');
  return target;
}

export async function listUsers(ctx: ServiceContext, query: ListUsersQuery) {
  if (!canUser(ctx.principal, 'user.list')) throw forbidden();
  return listUserViews(ctx.db, query, userScope(ctx.principal));
}

export async function readUser(ctx: ServiceContext, id: string) {
  return authoriseOnUser(ctx, 'user.read', id);
}

async function ensureLoginFree(db: Db, login: string, phone?: string) {
  const [taken] = await db.select({ id: users.id }).from(users).where(eq(users.login, login));
  if (taken)
    throw new AppError('CONFLICT', `login ${login} is taken`, [
      { path: 'login', message: 'taken', code: 'taken' },
    ]);
  if (phone) {
    const [p] = await db.select({ id: users.id }).from(users).where(eq(users.phone, phone));
    if (p)
      throw new AppError('CONFLICT', 'the phone number is registered', [
        { path: 'phone', message: 'taken', code: 'taken' },
      ]);
  }
}

export async function createUser(
  ctx: ServiceContext,
  input: CreateUserInput,
  options: { isDemo?: boolean } = {},
): Promise<{ user: UserView; initialPassword: string | null }> {
  if (
    !canUser(
      ctx.principal,
      'user.create',
      await unitPaths(
        ctx.db,
        input.roles.map((r) => r.unitId),
      ),
    )
  )
    throw forbidden();
  return insertUser(ctx, input, options);
}

/** Creates the account without authorising: callers are createUser, invitations and the CLI. */
export async function insertUser(
  ctx: ServiceContext,
  input: CreateUserInput,
  options: {
    isDemo?: boolean;
    mustChangePassword?: boolean;
    /** Runs in the same transaction, after the user row exists (e.g. consuming an invitation). */
    within?: (tx: Tx, userId: string) => Promise<void>;
  } = {},
): Promise<{ user: UserView; initialPassword: string | null }> {
  if (input.password) assertStrongPassword(input.password, input.login, 'password');
  await ensureLoginFree(ctx.db, input.login, input.phone);
  const initialPassword = input.password ? null : generatePassword();
  const passwordHash = await hashPassword(input.password ?? initialPassword!);
  const id = await transaction(ctx.db, async (tx) => {
    const [row] = await tx
      .insert(users)
      .values({
        login: input.login,
        displayName: input.displayName,
        phone: input.phone ?? null,
        passwordHash,
        mustChangePassword: options.mustChangePassword ?? initialPassword !== null,
        isDemo: options.isDemo ?? false,
      })
      .returning({ id: users.id });
    const grants = dedupe(input.roles);
    if (grants.length) await tx.insert(userRoles).values(grants.map((g) => ({ userId: row!.id, ...g })));
    await audit(tx, actor(ctx), {
      action: 'user.create',
      entityType: 'user',
      entityId: row!.id,
      after: { login: input.login, displayName: input.displayName, roles: grants },
    });
    await options.within?.(tx, row!.id);
    return row!.id;
  });
  return { user: await getUserView(ctx.db, id), initialPassword };
}

const dedupe = (grants: RoleGrant[]) => [
  ...new Map(grants.map((g) => [`${g.role}:${g.unitId}`, g])).values(),
];

export async function updateUser(
  ctx: ServiceContext,
  id: string,
  input: { displayName?: string | undefined; disabled?: boolean | undefined },
) {
  const before = await authoriseOnUser(ctx, 'user.update', id);
  if (input.disabled && id === ctx.principal?.userId) {
    throw new AppError('INVALID_STATE', 'you cannot disable your own account');
  }
  await transaction(ctx.db, async (tx) => {
    await tx
      .update(users)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(users.id, id));
    if (input.disabled) await revokeAll(tx, id);
    await audit(tx, actor(ctx), {
      action: 'user.update',
      entityType: 'user',
      entityId: id,
      before: { displayName: before.displayName, disabled: before.disabled },
      after: {
        displayName: input.displayName ?? before.displayName,
        disabled: input.disabled ?? before.disabled,
      },
    });
  });
  return getUserView(ctx.db, id);
}

export async function setUserRoles(ctx: ServiceContext, id: string, grants: RoleGrant[]) {
  const before = await authoriseOnUser(ctx, 'user.assignRoles', id);
  if (
    !canUser(
      ctx.principal,
      'user.assignRoles',
      await unitPaths(
        ctx.db,
        grants.map((g) => g.unitId),
      ),
    )
  )
    throw forbidden();
  const next = dedupe(grants);
  if (id === ctx.principal?.userId && !next.some((g) => g.role === 'admin')) {
    throw new AppError('INVALID_STATE', 'you cannot remove your own admin role');
  }
  await transaction(ctx.db, async (tx) => {
    await tx.delete(userRoles).where(eq(userRoles.userId, id));
    if (next.length) await tx.insert(userRoles).values(next.map((g) => ({ userId: id, ...g })));
    await audit(tx, actor(ctx), {
      action: 'user.assignRoles',
      entityType: 'user',
      entityId: id,
      before: before.roles.map(({ role, unitId }) => ({ role, unitId })),
      after: next,
    });
  });
  return getUserView(ctx.db, id);
}

async function revokeAll(tx: Tx, userId: string) {
  await tx
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}

/** Sets a new random password, shown once, and signs the user out everywhere. */
export async function resetPassword(ctx: ServiceContext, id: string): Promise<{ password: string }> {
  await authoriseOnUser(ctx, 'user.resetPassword', id);
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  await transaction(ctx.db, async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: true, updatedAt: new Date() })
      .where(eq(users.id, id));
    await revokeAll(tx, id);
    await audit(tx, actor(ctx), { action: 'user.resetPassword', entityType: 'user', entityId: id });
  });
  return { password };
}

export async function revokeSessions(ctx: ServiceContext, id: string): Promise<void> {
  await authoriseOnUser(ctx, 'user.revokeSessions', id);
  await transaction(ctx.db, async (tx) => {
    await revokeAll(tx, id);
    await audit(tx, actor(ctx), { action: 'user.revokeSessions', entityType: 'user', entityId: id });
  });
}
