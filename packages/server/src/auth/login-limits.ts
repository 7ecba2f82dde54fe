import { and, eq, gt } from 'drizzle-orm';
import type { ServiceContext } from '../context.js';
import { addressKey } from './address-key.js';
import { sessions } from './schema.js';
import { count, hit, reset, undo } from './throttle.js';

/**
 * Sign-in limits, after OWASP's Authentication Cheat Sheet (login throttling, and lockouts that
 * an attacker must not be able to turn against the owner):
 *
 * - one account from one address: 5 tries in 15 minutes. Only that address waits, so
 *   guessing from elsewhere never locks the owner out.
 * - one account from addresses it has not signed in from in 30 days: 10 tries in 15 minutes,
 *   then each try waits for the one before, 1 s, 2 s, 4 s … up to 60 s. Many addresses together
 *   get about 25 guesses in 15 minutes, and a person on a new address waits a minute at most.
 *   The owner's usual addresses are spared this ceiling altogether.
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
  account: { free: 10, windowSeconds: 900, maxDelaySeconds: 60 },
  address: { limit: 100, windowSeconds: 900 },
  knownAddressDays: 30,
  currentPassword: { limit: 5, windowSeconds: 900 },
} as const;

/** A try that has been let through; say whether the password was right once it is known. */
export interface LoginAttempt {
  succeeded(): Promise<void>;
}

async function signedInFrom(ctx: Pick<ServiceContext, 'db'>, userId: string, ip: string): Promise<boolean> {
  const since = new Date(Date.now() - loginLimits.knownAddressDays * 86_400_000);
  const [row] = await ctx.db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), eq(sessions.ip, ip), gt(sessions.createdAt, since)))
    .limit(1);
  return row !== undefined;
}

/** Counts a sign-in try for `login` (whose account is `userId`, if any) and refuses it over a limit. */
export async function admitLogin(
  ctx: Pick<ServiceContext, 'db' | 'ip'>,
  login: string,
  userId: string | null,
): Promise<LoginAttempt> {
  const name = login.toLowerCase();
  // Limits count an IPv6 client by its /64 (address-key.ts); the owner's own addresses are
  // recognised as they were recorded.
  const from = addressKey(ctx.ip);
  const addressCount = `login-ip:${from}`;
  const pairKey = `login:${name}|${from}`;
  const accountKey = `login-account:${name}`;
  const { address, pair, account } = loginLimits;
  await hit(ctx.db, addressCount, address.limit, address.windowSeconds);
  await hit(ctx.db, pairKey, pair.limit, pair.windowSeconds);
  const known =
    userId !== null && !!ctx.ip && ctx.ip !== 'unknown' && (await signedInFrom(ctx, userId, ctx.ip));
  if (!known) {
    const tries = (await count(ctx.db, accountKey, account.windowSeconds)).count;
    if (tries > account.free) {
      // One try per back-off window: a refused try does not lengthen the window it falls in.
      const delay = Math.min(2 ** (tries - account.free - 1), account.maxDelaySeconds);
      await hit(ctx.db, `login-account-wait:${name}`, 1, delay);
    }
  }
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
