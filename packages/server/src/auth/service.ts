import { and, eq, gt, isNull } from 'drizzle-orm';
import { audit } from '../audit/audit.js';
import { actor, type ServiceContext } from '../context.js';
import { transaction } from '../db/transaction.js';
import { AppError } from '../errors.js';
import { units } from '../modules/units/schema.js';
import { userRoles, users } from '../modules/users/schema.js';
import { admitLogin } from './login-limits.js';
import { dummyHash, hashPassword, verifyPassword } from './password.js';
import { assertStrongPassword } from './password-rules.js';
import type { Principal } from './principal.js';
import { sessions } from './schema.js';
import { newToken, sha256 } from './tokens.js';

export interface LoginResult {
  token: string;
  expiresAt: Date;
  principal: Principal;
}

export async function login(
  ctx: ServiceContext,
  input: { login: string; password: string; userAgent?: string | undefined },
  sessionDays: number,
): Promise<LoginResult> {
  const [user] = await ctx.db.select().from(users).where(eq(users.login, input.login));
  // The try is counted before the password is checked (see login-limits.ts).
  const attempt = await admitLogin(ctx, input.login, user?.id ?? null);
  // Without an account, still spend the time of one verification so timing reveals nothing.
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), input.password);
  if (!user || !ok || user.disabled) throw new AppError('INVALID_CREDENTIALS', 'wrong login or password');
  await attempt.succeeded();
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(Date.now() + sessionDays * 86_400_000);
  const sessionId = await transaction(ctx.db, async (tx) => {
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
        after: { ip: ctx.ip ?? null },
      },
    );
    return row!.id;
  });
  const principal = await loadPrincipal(ctx, token);
  if (!principal || principal.sessionId !== sessionId) throw new AppError('INTERNAL');
  return { token, expiresAt, principal };
}

/** The principal behind a session cookie, or null when the session is unknown, expired or revoked. */
export async function loadPrincipal(
  ctx: Pick<ServiceContext, 'db'>,
  token: string,
): Promise<Principal | null> {
  const [row] = await ctx.db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.tokenHash, sha256(token)),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, new Date()),
      ),
    );
  if (!row || row.user.disabled) return null;
  const grants = await ctx.db
    .select({ role: userRoles.role, unitId: userRoles.unitId, unitPath: units.path })
    .from(userRoles)
    .innerJoin(units, eq(units.id, userRoles.unitId))
    .where(eq(userRoles.userId, row.user.id));
  return {
    userId: row.user.id,
    login: row.user.login,
    displayName: row.user.displayName,
    grants,
    sessionId: row.session.id,
    csrfToken: row.session.csrfToken,
    mustChangePassword: row.user.mustChangePassword,
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
  const [user] = await ctx.db.select().from(users).where(eq(users.id, p.userId));
  if (!user || !(await verifyPassword(user.passwordHash, input.current))) {
    throw new AppError('INVALID_CREDENTIALS', 'the current password is wrong', [
      { path: 'current', message: 'wrong', code: 'wrong_password' },
    ]);
  }
  if (input.current === input.next) {
    throw new AppError('VALIDATION', 'the new password must differ', [
      { path: 'next', message: 'same as current', code: 'same_as_current' },
    ]);
  }
  assertStrongPassword(input.next, p.login, 'next');
  const passwordHash = await hashPassword(input.next);
  await transaction(ctx.db, async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false, updatedAt: new Date() })
      .where(eq(users.id, p.userId));
    // Other sessions end; this one stays signed in.
    await tx
      .update(sessions)
      .set({ revokedAt: new Date() })
      .where(
        and(eq(sessions.userId, p.userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, new Date())),
      )
      .then(() => tx.update(sessions).set({ revokedAt: null }).where(eq(sessions.id, p.sessionId)));
    await audit(tx, actor(ctx), { action: 'user.changePassword', entityType: 'user', entityId: p.userId });
  });
}
