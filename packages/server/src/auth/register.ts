import { randomInt } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { ServiceContext } from '../context.js';
import { AppError } from '../errors.js';
import { districtRoot } from '../modules/units/api.js';
import { insertUser, type UserView } from '../modules/users/api.js';
import { verificationCodes } from './schema.js';
import { hit } from './throttle.js';
import { sha256 } from './tokens.js';

const CODE_MINUTES = 10;
const MAX_ATTEMPTS = 5;

/** Sends a six-digit code to the phone; one a minute per phone, ten an hour per address. */
export async function requestRegistrationCode(
  ctx: ServiceContext,
  phone: string,
): Promise<{ expiresInSeconds: number }> {
  await hit(ctx.db, `sms:${phone}`, 1, 60);
  await hit(ctx.db, `sms-ip:${ctx.ip ?? 'unknown'}`, 10, 3600);
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const expiresAt = new Date(Date.now() + CODE_MINUTES * 60_000);
  await ctx.db
    .insert(verificationCodes)
    .values({ phone, codeHash: sha256(`${phone}:${code}`), attempts: 0, expiresAt })
    .onConflictDoUpdate({
      target: verificationCodes.phone,
      set: { codeHash: sha256(`${phone}:${code}`), attempts: 0, expiresAt },
    });
  await ctx.sms.send(phone, `【黔行】您的注册验证码为 ${code}，${CODE_MINUTES} 分钟内有效。`);
  return { expiresInSeconds: CODE_MINUTES * 60 };
}

/** A citizen's own account: the login is the phone number, the role citizen over the whole district. */
export async function registerCitizen(
  ctx: ServiceContext,
  input: { phone: string; code: string; password: string; displayName: string },
): Promise<UserView> {
  const [entry] = await ctx.db
    .select()
    .from(verificationCodes)
    .where(eq(verificationCodes.phone, input.phone));
  const wrong = () =>
    new AppError('VALIDATION', 'the code is wrong or has expired', [
      { path: 'code', message: 'invalid', code: 'invalid_code' },
    ]);
  if (!entry || entry.expiresAt <= new Date() || entry.attempts >= MAX_ATTEMPTS) throw wrong();
  if (entry.codeHash !== sha256(`${input.phone}:${input.code}`)) {
    await ctx.db
      .update(verificationCodes)
      .set({ attempts: sql`${verificationCodes.attempts} + 1` })
      .where(eq(verificationCodes.phone, input.phone));
    throw wrong();
  }
  const root = await districtRoot(ctx.db);
  if (!root) throw new AppError('INVALID_STATE', 'the unit tree has no district yet');
  const { user } = await insertUser(
    { ...ctx, principal: null },
    {
      login: input.phone,
      displayName: input.displayName,
      phone: input.phone,
      password: input.password,
      roles: [{ role: 'citizen', unitId: root.id }],
    },
    {
      mustChangePassword: false,
      within: async (tx) => {
        await tx.delete(verificationCodes).where(eq(verificationCodes.phone, input.phone));
      },
    },
  );
  return user;
}
