import { and, asc, eq, ilike, inArray, isNull, notInArray, or, sql } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import type { Db } from '../../../db/client.js';
import { AppError, forbidden, notFound } from '../../../errors.js';
import { maskPhone } from '../../../privacy.js';
import { unitIdsUnder, unitsByIds } from '../../units/api.js';
import type { Role, UserView } from '../contracts.js';
import { canUser, type UserAction, type UserScope, userScope } from '../policy.js';
import { userRoles, users } from '../schema.js';
import { listedLogin } from './listed-login.js';

/** The roles of these users, each with its unit's name and path (from the unit tree's API). */
export async function grantsOf(db: Db, userIds: string[]) {
  if (userIds.length === 0) return [];
  const rows = await db
    .select({ userId: userRoles.userId, role: userRoles.role, unitId: userRoles.unitId })
    .from(userRoles)
    .where(inArray(userRoles.userId, userIds));
  const unitOf = await unitsByIds(
    db,
    rows.map((r) => r.unitId),
  );
  return rows.flatMap((r) => {
    const unit = unitOf.get(r.unitId);
    return unit ? [{ ...r, unitName: unit.name, unitPath: unit.path }] : [];
  });
}

export async function getUserView(db: Db, id: string): Promise<UserView> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  if (!row) throw notFound('user');
  const grants = await grantsOf(db, [id]);
  return toView(row, grants);
}

function toView(row: typeof users.$inferSelect, grants: Awaited<ReturnType<typeof grantsOf>>): UserView {
  return {
    id: row.id,
    // A citizen signs in with their phone: the login is masked as the phone column is, or the
    // list would show in one column the number it masks in the next.
    login: listedLogin(row.login, row.phone),
    displayName: row.displayName,
    phoneMasked: maskPhone(row.phone),
    disabled: row.disabled,
    mustChangePassword: row.mustChangePassword,
    isDemo: row.isDemo,
    roles: grants
      .filter((g) => g.userId === row.id)
      .map((g) => ({ role: g.role, unitId: g.unitId, unitName: g.unitName })),
    createdAt: row.createdAt.toISOString(),
  };
}

export interface ListUsersQuery {
  q?: string | undefined;
  role?: Role | undefined;
  page: number;
  pageSize: number;
}

/**
 * Accounts inside `scope`: every role of theirs on a unit under one of the admin's paths, and
 * (for the district office) accounts with no role at all.
 */
function inScope(scope: UserScope, insideIds: string[]) {
  const allInside = sql`not exists (select 1 from ${userRoles}
    where ${userRoles.userId} = ${users.id} and ${notInArray(userRoles.unitId, insideIds)})`;
  if (scope.roleless) return allInside;
  return and(sql`exists (select 1 from ${userRoles} where ${userRoles.userId} = ${users.id})`, allInside);
}

/**
 * What a search finds by phone. A phone is searched by what the list already shows of it, never
 * by a part that would let one guess the hidden digits one query at a time: the whole number
 * (+86, spaces and dashes allowed), its last four digits, or its masked form (138****5678).
 */
function phoneCondition(q: string) {
  const typed = q.trim();
  const masked = /^(1\d{2})\*{4}(\d{4})$/.exec(typed);
  if (masked) return sql`${users.phone} like ${`${masked[1]}____${masked[2]}`}`;
  if (!/^[+\d\s\-()]+$/.test(typed)) return undefined;
  const digits = typed.replace(/\D/g, '').replace(/^86(?=1\d{10}$)/, '');
  if (digits.length === 11) return eq(users.phone, digits);
  if (digits.length === 4) return sql`right(${users.phone}, 4) = ${digits}`;
  return undefined;
}

export async function listUserViews(db: Db, query: ListUsersQuery, scope: UserScope) {
  const conditions = [inScope(scope, await unitIdsUnder(db, scope.adminPaths))];
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    // A citizen's login is their phone: such a login is searched only as the phone is, or its
    // hidden middle digits could be found by searching runs of digits.
    const loginMatches = and(
      ilike(users.login, pattern),
      or(isNull(users.phone), sql`${users.login} <> ${users.phone}`),
    );
    conditions.push(or(loginMatches, ilike(users.displayName, pattern), phoneCondition(query.q)));
  }
  if (query.role) {
    conditions.push(
      sql`exists (select 1 from ${userRoles} where ${userRoles.userId} = ${users.id} and ${userRoles.role} = ${query.role})`,
    );
  }
  const where = conditions.length ? and(...conditions) : undefined;
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(users).where(where);
  const rows = await db
    .select()
    .from(users)
    .where(where)
    .orderBy(asc(users.login))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const grants = await grantsOf(
    db,
    rows.map((r) => r.id),
  );
  return { total: count?.n ?? 0, items: rows.map((r) => toView(r, grants)) };
}

export async function listUsers(ctx: ServiceContext, query: ListUsersQuery) {
  if (!canUser(ctx.principal, 'user.list')) throw forbidden();
  return listUserViews(ctx.db, query, userScope(ctx.principal));
}

/** Authorises an action on an existing user: the admin's scope must hold all the user's units. */
export async function authoriseOnUser(
  ctx: ServiceContext,
  action: UserAction,
  userId: string,
): Promise<UserView> {
  if (!canUser(ctx.principal, 'user.list')) throw forbidden();
  const target = await getUserView(ctx.db, userId);
  const paths = (await grantsOf(ctx.db, [userId])).map((g) => g.unitPath);
  // Out of scope looks the same as absent, so scopes do not reveal who exists elsewhere.
  if (!canUser(ctx.principal, action, paths)) throw new AppError('NOT_FOUND', 'user not found');
  return target;
}

export async function readUser(ctx: ServiceContext, id: string) {
  return authoriseOnUser(ctx, 'user.read', id);
}
