import { and, eq, gt, isNull, ne } from 'drizzle-orm';
import { audit } from '../audit/audit.js';
import { actor, type ServiceContext } from '../context.js';
import { transaction } from '../db/transaction.js';
import { AppError } from '../errors.js';
import {
  accountForSignIn,
  passwordHashOf,
  principalAccountOf,
  storeOwnPassword,
} from '../modules/users/api.js';
import { admitDevice } from './device-limits.js';
import { forgetAllDevices, rememberDevice } from './devices.js';
import { admitCurrentPassword, admitLogin } from './login-limits.js';
import { dummyHash, hashPassword, verifyPassword } from './password.js';
import { assertStrongPassword } from './password-rules.js';
import type { Principal } from './principal.js';
import { sessions } from './schema.js';
import { newToken, sha256 } from './tokens.js';

export interface LoginResult {
  token: string;
  expiresAt: Date;
  principal: Principal;
  /** The tokens the device cookie is to hold from now on; null when it stays as it is. */
  deviceTokens: string[] | null;
}

export async function login(
  ctx: ServiceContext,
  input: {
    login: string;
    password: string;
    userAgent?: string | undefined;
    /** The tokens of the browser's device cookie (device-cookie.ts). */
    deviceTokens?: readonly string[];
  },
  sessionDays: number,
): Promise<LoginResult> {
  const user = await accountForSignIn(ctx.db, input.login);
  const deviceTokens = input.deviceTokens ?? [];
  // The try is counted before the password is checked: by the device the browser proves it
  // signed in from before, else by the ordinary limits (device-limits.ts, login-limits.ts).
  const device = user ? await admitDevice(ctx, user, deviceTokens) : null;
  const attempt = device ?? (await admitLogin(ctx, input.login, user?.id ?? null));
  // Without an account, still spend the time of one verification so timing reveals nothing.
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), input.password);
  if (!user || !ok || user.disabled) {
    await device?.failed();
    throw new AppError('INVALID_CREDENTIALS', 'wrong login or password');
  }
  await attempt.succeeded();
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(Date.now() + sessionDays * 86_400_000);
  const { sessionId, cookie } = await transaction(ctx.db, async (tx) => {
    const [row] = await tx
      .insert(sessions)
      .values({
        tokenHash: sha256(token),
        userId: user.id,
        csrfToken,
        expiresAt,
        userAgent: input.userAgent ?? null,
        ip: ctx.ip ?? null,
      })
      .returning({ id: sessions.id });
    await audit(
      tx,
      { userId: user.id, label: user.login, requestId: ctx.requestId },
      {
        action: 'session.login',
        entityType: 'session',
        entityId: row!.id,
        after: { ip: ctx.ip ?? null, device: device !== null },
      },
    );
    const cookie = await rememberDevice(
      tx,
      { userId: user.id, label: user.login, requestId: ctx.requestId },
      { deviceId: device?.deviceId ?? null, tokens: deviceTokens, ip: ctx.ip, userAgent: input.userAgent },
    );
    return { sessionId: row!.id, cookie };
  });
  const principal = await loadPrincipal(ctx, token);
  if (!principal || principal.sessionId !== sessionId) throw new AppError('INTERNAL');
  return { token, expiresAt, principal, deviceTokens: cookie };
}

/**
 * The principal behind a session cookie, or null when the session is unknown, expired or revoked,
 * or its account disabled. One round trip: the accounts module hands the account with its grants
 * as an expression selected beside the session.
 */
export async function loadPrincipal(
  ctx: Pick<ServiceContext, 'db'>,
  token: string,
): Promise<Principal | null> {
  const [row] = await ctx.db
    .select({ id: sessions.id, csrfToken: sessions.csrfToken, account: principalAccountOf(sessions.userId) })
    .from(sessions)
    .where(
      and(
        eq(sessions.tokenHash, sha256(token)),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, new Date()),
      ),
    );
  const account = row?.account;
  if (!account || account.disabled) return null;
  return {
    userId: account.id,
    login: account.login,
    displayName: account.displayName,
    grants: account.grants,
    sessionId: row.id,
    csrfToken: row.csrfToken,
    mustChangePassword: account.mustChangePassword,
  };
}

export async function logout(ctx: ServiceContext): Promise<void> {
  const p = ctx.principal;
  if (!p) return;
  await transaction(ctx.db, async (tx) => {
    await tx.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.id, p.sessionId));
    await audit(tx, actor(ctx), { action: 'session.logout', entityType: 'session', entityId: p.sessionId });
  });
}

export async function changePassword(
  ctx: ServiceContext,
  input: { current: string; next: string },
): Promise<void> {
  const p = ctx.principal;
  if (!p) throw new AppError('UNAUTHENTICATED');
  // The try is counted before the password is checked (see login-limits.ts).
  const attempt = await admitCurrentPassword(ctx, p.userId);
  const stored = await passwordHashOf(ctx.db, p.userId);
  if (!stored || !(await verifyPassword(stored, input.current))) {
    throw new AppError('INVALID_CREDENTIALS', 'the current password is wrong', [
      { path: 'current', message: 'wrong', code: 'wrong_password' },
    ]);
  }
  await attempt.succeeded();
  if (input.current === input.next) {
    throw new AppError('VALIDATION', 'the new password must differ', [
      { path: 'next', message: 'same as current', code: 'same_as_current' },
    ]);
  }
  assertStrongPassword(input.next, p.login, 'next');
  const passwordHash = await hashPassword(input.next);
  await transaction(ctx.db, async (tx) => {
    // Only over the password just checked: a reset made meanwhile stands (see storeOwnPassword).
    await storeOwnPassword(tx, p.userId, passwordHash, stored);
    // Other sessions end; this one stays signed in. An ended session is never reopened: one an
    // administrator ended while this change was being checked stays ended.
    await tx
      .update(sessions)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(sessions.userId, p.userId),
          ne(sessions.id, p.sessionId),
          isNull(sessions.revokedAt),
          gt(sessions.expiresAt, new Date()),
        ),
      );
    await audit(tx, actor(ctx), { action: 'user.changePassword', entityType: 'user', entityId: p.userId });
    await forgetAllDevices(tx, actor(ctx), p.userId, 'password');
  });
}
