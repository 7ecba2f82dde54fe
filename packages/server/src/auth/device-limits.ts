import { and, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import { audit } from '../audit/audit.js';
import type { ServiceContext } from '../context.js';
import { transaction } from '../db/transaction.js';
import type { LoginAttempt } from './login-limits.js';
import { rememberedDevices } from './schema.js';
import { sha256 } from './tokens.js';

/**
 * Remembered devices, after OWASP's device cookies ("Slow Down Online Guessing Attacks with
 * Device Cookies"). An attack on an account from many addresses takes it to the ceiling of
 * login-limits.ts, one try a minute among all unfamiliar addresses; its owner on a browser that
 * signed in to it before must not share that minute. A try that presents such a browser's token
 * for the account it tries is judged by that device alone: `failures` wrong tries in a row, and
 * the device is forgotten (audited), its next tries limited as any other's. Neither the
 * account's, the pair's nor the address's counters see its tries. A token is kept `days` from
 * the sign-in that made it, at most `perAccount` per account (the least recently used goes).
 */
export const deviceLimits = { failures: 5, days: 180, perAccount: 10 } as const;

/** A try judged by its device: say whether the password was right once it is known. */
export interface DeviceAttempt extends LoginAttempt {
  deviceId: string;
  failed(): Promise<void>;
}

/**
 * Counts a try against the first live device among `tokens` remembered for `userId`, or answers
 * null (no such device, or it has used its wrong tries) for the ordinary limits to judge it. One
 * statement counts and answers, under the row's lock, so tries sent at once are let through no
 * more than the device's limit.
 */
export async function admitDevice(
  ctx: Pick<ServiceContext, 'db' | 'ip' | 'requestId'>,
  user: { id: string; login: string },
  tokens: readonly string[],
): Promise<DeviceAttempt | null> {
  if (tokens.length === 0) return null;
  const d = rememberedDevices;
  const live = and(
    eq(d.userId, user.id),
    inArray(
      d.tokenHash,
      tokens.map((t) => sha256(t)),
    ),
    gt(d.expiresAt, sql`now()`),
    lt(d.failures, deviceLimits.failures),
  );
  const [row] = await ctx.db
    .update(d)
    .set({ failures: sql`${d.failures} + 1` })
    .where(and(live, eq(d.id, sql`(select ${d.id} from ${d} where ${live} limit 1)`)))
    .returning({ id: d.id, failures: d.failures, address: d.address, browser: d.browser });
  if (!row) return null;
  return {
    deviceId: row.id,
    async succeeded() {
      await ctx.db.update(d).set({ failures: 0 }).where(eq(d.id, row.id));
    },
    async failed() {
      if (row.failures < deviceLimits.failures) return;
      await transaction(ctx.db, async (tx) => {
        const gone = await tx.delete(d).where(eq(d.id, row.id)).returning({ id: d.id });
        if (gone.length === 0) return;
        await audit(
          tx,
          { userId: null, label: 'login-limits', requestId: ctx.requestId },
          {
            action: 'device.forget',
            entityType: 'device',
            entityId: row.id,
            before: { userId: user.id, address: row.address, browser: row.browser },
            after: { cause: 'failures', failures: row.failures },
          },
        );
      });
    },
  };
}
