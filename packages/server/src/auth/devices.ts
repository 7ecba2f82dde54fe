import { and, desc, eq, gt, inArray, lte, ne, notInArray, sql } from 'drizzle-orm';
import { type Actor, audit } from '../audit/audit.js';
import { actor, type ServiceContext } from '../context.js';
import { type Tx, transaction } from '../db/transaction.js';
import { AppError } from '../errors.js';
import { browserSummary, maskedAddress } from './device-labels.js';
import { deviceLimits } from './device-limits.js';
import { rememberedDevices as d } from './schema.js';
import { newToken, sha256 } from './tokens.js';

/** A remembered device as its owner's list shows it. */
export interface DeviceView {
  id: string;
  createdAt: string;
  lastUsedAt: string;
  expiresAt: string;
  address: string;
  browser: string;
  /** Whether it is the browser asking. */
  current: boolean;
}

const hashes = (tokens: readonly string[]) => tokens.map((t) => sha256(t));

/**
 * After a right password: notes the use of the device it came from (`deviceId`), or remembers
 * this browser with a new token, within the sign-in's transaction. Answers the tokens the
 * browser's cookie is to hold from now on, or null when it stays as it is. The account's expired
 * devices go, and past its cap the least recently used (audited).
 */
export async function rememberDevice(
  tx: Tx,
  who: Actor & { userId: string },
  seen: { deviceId: string | null; tokens: readonly string[]; ip?: string | undefined; userAgent?: string },
): Promise<string[] | null> {
  const noted = {
    lastUsedAt: new Date(),
    address: maskedAddress(seen.ip),
    browser: browserSummary(seen.userAgent),
  };
  if (seen.deviceId) {
    await tx.update(d).set(noted).where(eq(d.id, seen.deviceId));
    return null;
  }
  const userId = who.userId;
  await tx.delete(d).where(and(eq(d.userId, userId), lte(d.expiresAt, sql`now()`)));
  const keep = tx
    .select({ id: d.id })
    .from(d)
    .where(eq(d.userId, userId))
    .orderBy(desc(d.lastUsedAt))
    .limit(deviceLimits.perAccount - 1);
  const evicted = await tx
    .delete(d)
    .where(and(eq(d.userId, userId), notInArray(d.id, keep)))
    .returning({ id: d.id, address: d.address, browser: d.browser });
  for (const e of evicted)
    await audit(tx, who, {
      action: 'device.forget',
      entityType: 'device',
      entityId: e.id,
      before: { userId, address: e.address, browser: e.browser },
      after: { cause: 'cap' },
    });
  const token = newToken();
  const expiresAt = new Date(Date.now() + deviceLimits.days * 86_400_000);
  await tx.insert(d).values({ userId, tokenHash: sha256(token), expiresAt, ...noted });
  // The browser's tokens for other accounts stay while they are live; this account's old one goes.
  const others =
    seen.tokens.length === 0
      ? []
      : await tx
          .select({ tokenHash: d.tokenHash })
          .from(d)
          .where(
            and(inArray(d.tokenHash, hashes(seen.tokens)), ne(d.userId, userId), gt(d.expiresAt, sql`now()`)),
          );
  const live = new Set(others.map((o) => o.tokenHash));
  return [token, ...seen.tokens.filter((t) => live.has(sha256(t)))];
}

/** The signed-in account's remembered devices, the most recently used first. */
export async function listDevices(ctx: ServiceContext, tokens: readonly string[]): Promise<DeviceView[]> {
  const p = ctx.principal;
  if (!p) throw new AppError('UNAUTHENTICATED');
  const mine = new Set(hashes(tokens));
  const rows = await ctx.db
    .select()
    .from(d)
    .where(and(eq(d.userId, p.userId), gt(d.expiresAt, sql`now()`)))
    .orderBy(desc(d.lastUsedAt));
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.createdAt.toISOString(),
    lastUsedAt: r.lastUsedAt.toISOString(),
    expiresAt: r.expiresAt.toISOString(),
    address: r.address,
    browser: r.browser,
    current: mine.has(r.tokenHash),
  }));
}

/** Forgets one of the signed-in account's devices: its next sign-in is limited as any browser's. */
export async function forgetDevice(ctx: ServiceContext, id: string): Promise<void> {
  const p = ctx.principal;
  if (!p) throw new AppError('UNAUTHENTICATED');
  await transaction(ctx.db, async (tx) => {
    const [gone] = await tx
      .delete(d)
      .where(and(eq(d.id, id), eq(d.userId, p.userId)))
      .returning({ address: d.address, browser: d.browser });
    if (!gone) throw new AppError('NOT_FOUND', 'no such remembered device');
    await audit(tx, actor(ctx), {
      action: 'device.forget',
      entityType: 'device',
      entityId: id,
      before: { userId: p.userId, ...gone },
      after: { cause: 'owner' },
    });
  });
}

/**
 * Forgets every device of the account, within the caller's transaction (a password changed or
 * reset, the account disabled): a browser that knew the old password is trusted no longer.
 * Audited when there was any.
 */
export async function forgetAllDevices(
  tx: Tx,
  who: Actor,
  userId: string,
  cause: 'password' | 'reset' | 'recover' | 'disabled' | 'revoked',
): Promise<void> {
  const gone = await tx.delete(d).where(eq(d.userId, userId)).returning({ id: d.id });
  if (gone.length > 0)
    await audit(tx, who, {
      action: 'device.forgetAll',
      entityType: 'user',
      entityId: userId,
      after: { cause, devices: gone.length },
    });
}
