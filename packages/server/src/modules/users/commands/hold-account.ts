import { and, eq, ne, sql } from 'drizzle-orm';
import type { Principal } from '../../../auth/principal.js';
import type { ServiceContext } from '../../../context.js';
import type { Tx } from '../../../db/transaction.js';
import { AppError, forbidden, notFound } from '../../../errors.js';
import { steadyUnitTree } from '../../units/api.js';
import type { RoleGrant } from '../contracts.js';
import { canUser, type UserAction } from '../policy.js';
import { grantsOf } from '../queries/users.js';
import { userRoles, users } from '../schema.js';

/** Distinct from every other advisory lock the platform takes (the calendar's is 7_310_004); its second key is the district's. */
const DISTRICT_ADMINS_LOCK = 7_310_005;

const isRootPath = (path: string) => path.split('/').filter(Boolean).length === 1;

export interface HeldAccount {
  displayName: string;
  disabled: boolean;
  /** The account's grants as they are now, each with its unit's path. */
  grants: Array<RoleGrant & { unitPath: string }>;
  /** The districts (root units) where the account is an admin now, their admin changes held. */
  districts: string[];
  /** The acting admin as the database has them now (their grants as they stand). */
  acting: Principal | null;
}

/**
 * In a command's transaction on an account: its row locked until the transaction ends, and the
 * change authorised again on the grants as they are now, the acting admin's and the account's.
 * The checks before the transaction can be overtaken (a password hashed meanwhile, another
 * admin's grant): a street's admin must not reset the password of an account the district
 * office made its admin a moment ago. The districts where the account is an admin are held
 * (an advisory lock each) before the acting admin is read, so that two admins acting on each
 * other at once take turns and the second sees what the first did. The unit tree is steadied
 * first of all: the grants' units, read after, stay where they are seen until the change commits,
 * so a unit moved out of the admin's scope at the same moment is seen where it now sits.
 */
export async function holdAccount(
  tx: Tx,
  ctx: ServiceContext,
  action: UserAction,
  id: string,
): Promise<HeldAccount> {
  // Before any row: the tree's lock comes first in every transaction that takes it (the units'
  // places, then the account), and a move under way has committed before the grants are read.
  await steadyUnitTree(tx);
  const [row] = await tx
    .select({ displayName: users.displayName, disabled: users.disabled })
    .from(users)
    .where(eq(users.id, id))
    .for('no key update');
  if (!row) throw notFound('user');
  const grants = await grantsNow(tx, id);
  const districts = [
    ...new Set(grants.filter((g) => g.role === 'admin' && isRootPath(g.unitPath)).map((g) => g.unitId)),
  ].sort();
  for (const district of districts)
    await tx.execute(sql`select pg_advisory_xact_lock(${DISTRICT_ADMINS_LOCK}, hashtext(${district}))`);
  const acting = await actingNow(tx, ctx.principal);
  const paths = grants.map((g) => g.unitPath);
  if (!canUser(acting, action, paths)) {
    // Still allowed as the admin was when the request came: the admin's own scope shrank.
    if (canUser(ctx.principal, action, paths)) throw forbidden();
    throw new AppError('CONFLICT', 'the account was given a role outside your scope meanwhile', [
      { path: 'roles', message: 'granted meanwhile', code: 'granted_meanwhile' },
    ]);
  }
  return { displayName: row.displayName, disabled: row.disabled, grants, districts, acting };
}

/** The acting admin as the database has them now: null once disabled, their grants as they stand. */
async function actingNow(tx: Tx, principal: Principal | null): Promise<Principal | null> {
  if (!principal) return null;
  const [me] = await tx
    .select({ disabled: users.disabled })
    .from(users)
    .where(eq(users.id, principal.userId));
  if (!me || me.disabled) throw forbidden('your account was disabled');
  return { ...principal, grants: await grantsNow(tx, principal.userId) };
}

/** An account's grants as the database has them now, each with its unit's path. */
async function grantsNow(tx: Tx, id: string) {
  return (await grantsOf(tx, [id])).map(({ role, unitId, unitPath }) => ({ role, unitId, unitPath }));
}

/**
 * Refuses a change that leaves one of `held.districts` with no enabled admin of its own: the
 * account is its admin no more (`after`), and no other enabled account is. Run after
 * `holdAccount`, whose locks keep another such change from passing the same count at once.
 */
export async function keepDistrictAdmin(
  tx: Tx,
  id: string,
  held: HeldAccount,
  after: { disabled: boolean; grants: RoleGrant[] },
  field: 'disabled' | 'roles',
): Promise<void> {
  // A disabled account is no district's admin now: the change takes none away.
  if (held.disabled) return;
  for (const district of held.districts) {
    const stays = !after.disabled && after.grants.some((g) => g.role === 'admin' && g.unitId === district);
    if (stays) continue;
    const [other] = await tx
      .select({ id: users.id })
      .from(userRoles)
      .innerJoin(users, eq(users.id, userRoles.userId))
      .where(
        and(
          eq(userRoles.unitId, district),
          eq(userRoles.role, 'admin'),
          eq(users.disabled, false),
          ne(users.id, id),
        ),
      )
      .limit(1);
    if (!other)
      throw new AppError('INVALID_STATE', 'the district would be left with no enabled administrator', [
        { path: field, message: 'last administrator', code: 'last_district_admin' },
      ]);
  }
}
