/**
 * What sign-in asks of the accounts: an account by login with its password hash, and the
 * account of a session with its grants, as one expression that sign-in selects beside the
 * session so that a request costs one round trip.
 */
import { eq, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { Grant } from '../../../auth/principal.js';
import type { Db } from '../../../db/client.js';
import type { Tx } from '../../../db/transaction.js';
import { unitPathOf } from '../../units/api.js';
import { userRoles, users } from '../schema.js';

/** An account as a request's principal needs it, with each grant's unit path. */
export interface PrincipalAccount {
  id: string;
  login: string;
  displayName: string;
  disabled: boolean;
  mustChangePassword: boolean;
  grants: Grant[];
}

/**
 * The account whose id `userId` yields (a column of the caller's query, or a value), with its
 * grants, as one JSON value: null when there is no such account. A subquery the caller selects
 * with its own row, so the account costs no round trip of its own.
 */
export function principalAccountOf(userId: SQLWrapper): SQL<PrincipalAccount | null> {
  const grants = sql`coalesce((select json_agg(json_build_object(
      'role', ${userRoles.role}, 'unitId', ${userRoles.unitId}, 'unitPath', ${unitPathOf(userRoles.unitId)}))
    from ${userRoles} where ${userRoles.userId} = ${users.id}), '[]'::json)`;
  return sql<PrincipalAccount | null>`(select json_build_object(
      'id', ${users.id}, 'login', ${users.login}, 'displayName', ${users.displayName},
      'disabled', ${users.disabled}, 'mustChangePassword', ${users.mustChangePassword}, 'grants', ${grants})
    from ${users} where ${users.id} = ${userId})`;
}

/** The account signing in with `login`, with what checking its password needs; undefined when none. */
export async function accountForSignIn(db: Db, login: string) {
  const [row] = await db
    .select({ id: users.id, login: users.login, passwordHash: users.passwordHash, disabled: users.disabled })
    .from(users)
    .where(eq(users.login, login));
  return row;
}

/** The stored password hash of the account, or undefined when there is no such account. */
export async function passwordHashOf(db: Db, userId: string): Promise<string | undefined> {
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
  return row?.passwordHash;
}

/**
 * The account a phone may recover by a code sent to it: one its owner made by registering with
 * that phone (its login is the phone), enabled, and holding no role but citizen. A staff account
 * is recovered by its admin: a code to a phone alone would hand staff rights to whoever holds, or
 * has taken over, the number.
 */
export async function recoverableByPhone(
  db: Db,
  phone: string,
): Promise<{ id: string; login: string } | undefined> {
  const [row] = await db
    .select({ id: users.id, login: users.login })
    .from(users)
    .where(
      sql`${users.phone} = ${phone} and ${users.login} = ${phone} and not ${users.disabled}
        and not exists (select 1 from ${userRoles}
          where ${userRoles.userId} = ${users.id} and ${userRoles.role} <> 'citizen')`,
    );
  return row;
}

/**
 * Whether the account is still the one the phone may recover, in the transaction that acts on it:
 * its row locked first, so that a role given meanwhile (which locks the same row) either committed
 * before this reads the grants or waits for the recovery to commit.
 */
export async function stillRecoverable(tx: Tx, userId: string, phone: string): Promise<boolean> {
  await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('no key update');
  return (await recoverableByPhone(tx, phone))?.id === userId;
}
