import { and, eq, gt, isNotNull } from 'drizzle-orm';
import type { ServiceContext } from '../context.js';
import { addressKey } from './address-key.js';
import { sessions } from './schema.js';
import { count, hit, reset, undo } from './throttle.js';

/**
 * Sign-in limits, after OWASP's Authentication Cheat Sheet (login throttling, and lockouts that
 * an attacker must not be able to turn against the owner). Tries are counted per account and
 * address together, so that what one address does waits at that address:
 *
 * - one account from one address: 5 tries in 15 minutes. Only that address waits.
 * - one account from addresses it has not signed in from in 30 days (compared as every limit
 *   compares addresses, an IPv6 client by its /64), all together:
 *   - after 10 tries in 15 minutes, each such address waits for its own try before, 1 s, 2 s,
 *     4 s … up to 60 s as the account's tries mount. The wait is kept per address: a guesser
 *     who tries the moment each wait ends takes only their own turns, never the owner's on
 *     another address, whose first try goes through at once.
 *   - after 50 tries in 15 minutes, one try a minute among all of them: the ceiling on what
 *     many addresses together may guess. One address cannot reach it (its own limit lets it 5
 *     tries in 15 minutes, 10 across the edge of two windows); it takes a guesser on at least
 *     five addresses at once, and then a person on a new address shares the minute with them.
 *   - the owner's own addresses of the last 30 days keep their own turns: neither applies.
 * - one address, all accounts: 100 tries in 15 minutes, generous because a whole office or
 *   school signs in from one address; a successful sign-in gives its own try back, so a busy
 *   office is never locked out by its staff signing in. It gives back that one try and no more:
 *   the count is the address's wrong tries (and those still being checked), which no number of
 *   successes lowers, so signing in to an account of one's own between guesses at others buys
 *   no further guesses.
 *
 * Every try is counted before the password is checked, in one statement that both counts and
 * answers the count, so parallel requests cannot pass a limit together.
 */
export const loginLimits = {
  pair: { limit: 5, windowSeconds: 900 },
  account: { free: 10, ceiling: 50, windowSeconds: 900, maxDelaySeconds: 60 },
  address: { limit: 100, windowSeconds: 900 },
  knownAddressDays: 30,
  currentPassword: { limit: 5, windowSeconds: 900 },
} as const;

/** A try that has been let through; say whether the password was right once it is known. */
export interface LoginAttempt {
  succeeded(): Promise<void>;
}

/** Whether the account signed in from this client (its address key) in the last 30 days. */
async function signedInFrom(ctx: Pick<ServiceContext, 'db'>, userId: string, from: string): Promise<boolean> {
  const since = new Date(Date.now() - loginLimits.knownAddressDays * 86_400_000);
  const rows = await ctx.db
    .selectDistinct({ ip: sessions.ip })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.createdAt, since), isNotNull(sessions.ip)))
    .limit(500);
  return rows.some((r) => addressKey(r.ip) === from);
}

/**
 * The turn an unfamiliar address waits for, once the account has had `tries` tries from such
 * addresses in the window: its own back-off past `free`, one shared minute past `ceiling`.
 */
async function awaitTurn(ctx: Pick<ServiceContext, 'db'>, name: string, from: string, tries: number) {
  const { free, ceiling, maxDelaySeconds } = loginLimits.account;
  if (tries > ceiling) await hit(ctx.db, `login-account-wait:${name}`, 1, maxDelaySeconds);
  else if (tries > free) {
    // One try per back-off window: a refused try does not lengthen the window it falls in.
    const delay = Math.min(2 ** (tries - free - 1), maxDelaySeconds);
    await hit(ctx.db, `login-account-wait:${name}|${from}`, 1, delay);
  }
}

/** Counts a sign-in try for `login` (whose account is `userId`, if any) and refuses it over a limit. */
export async function admitLogin(
  ctx: Pick<ServiceContext, 'db' | 'ip'>,
  login: string,
  userId: string | null,
): Promise<LoginAttempt> {
  const name = login.toLowerCase();
  // Limits count an IPv6 client by its /64 (address-key.ts), the owner's own addresses too.
  const from = addressKey(ctx.ip);
  const addressCount = `login-ip:${from}`;
  const pairKey = `login:${name}|${from}`;
  const accountKey = `login-account:${name}`;
  const { address, pair, account } = loginLimits;
  await hit(ctx.db, addressCount, address.limit, address.windowSeconds);
  await hit(ctx.db, pairKey, pair.limit, pair.windowSeconds);
  const known = userId !== null && from !== 'unknown' && (await signedInFrom(ctx, userId, from));
  if (!known)
    await awaitTurn(ctx, name, from, (await count(ctx.db, accountKey, account.windowSeconds)).count);
  return {
    async succeeded() {
      await reset(ctx.db, pairKey);
      // This try's own hit, never more (see above): a reset here would wipe the wrong tries.
      await undo(ctx.db, addressCount);
      if (!known) await undo(ctx.db, accountKey);
    },
  };
}

/**
 * Counts a try at an account's current password when it is being changed, and refuses it past
 * 5 in 15 minutes, as one account from one address is limited at sign-in. Per account, whatever
 * the address: a session left open or taken over must not become a way to guess the password it
 * lacks. Counted before the password is checked; the right password clears the count.
 */
export async function admitCurrentPassword(
  ctx: Pick<ServiceContext, 'db'>,
  userId: string,
): Promise<LoginAttempt> {
  const key = `password-current:${userId}`;
  const { limit, windowSeconds } = loginLimits.currentPassword;
  await hit(ctx.db, key, limit, windowSeconds);
  return {
    async succeeded() {
      await reset(ctx.db, key);
    },
  };
}
