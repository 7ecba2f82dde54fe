import { randomInt } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { ServiceContext } from '../context.js';
import type { Tx } from '../db/transaction.js';
import { AppError } from '../errors.js';
import { verificationCodes } from './schema.js';
import { hit } from './throttle.js';
import { sha256 } from './tokens.js';

const CODE_MINUTES = 10;
const MAX_ATTEMPTS = 5;
/** Seconds a phone waits between two codes (a text-message provider may allow fewer). */
const CODE_INTERVAL_S = Number(process.env.QIANXING_SMS_INTERVAL_S ?? 60);

/**
 * What a code is for: a code sent for one purpose does not pass for another (its hash is of the
 * purpose too), though a phone holds one pending code at a time.
 */
export type CodePurpose = 'register' | 'survey' | 'support' | 'claim';

const hashOf = (purpose: CodePurpose, phone: string, code: string) => sha256(`${purpose}:${phone}:${code}`);

/** Sends a six-digit code to the phone; one per interval (a minute) per phone, ten an hour per address. */
export async function sendPhoneCode(
  ctx: ServiceContext,
  phone: string,
  purpose: CodePurpose,
  message: (code: string, minutes: number) => string,
): Promise<{ expiresInSeconds: number }> {
  await hit(ctx.db, `sms:${phone}`, 1, CODE_INTERVAL_S);
  await hit(ctx.db, `sms-ip:${ctx.ip ?? 'unknown'}`, 10, 3600);
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const expiresAt = new Date(Date.now() + CODE_MINUTES * 60_000);
  const codeHash = hashOf(purpose, phone, code);
  await ctx.db
    .insert(verificationCodes)
    .values({ phone, codeHash, attempts: 0, expiresAt })
    .onConflictDoUpdate({ target: verificationCodes.phone, set: { codeHash, attempts: 0, expiresAt } });
  await ctx.sms.send(phone, message(code, CODE_MINUTES));
  return { expiresInSeconds: CODE_MINUTES * 60 };
}

const wrong = () =>
  new AppError('VALIDATION', 'the code is wrong or has expired', [
    { path: 'code', message: 'invalid', code: 'invalid_code' },
  ]);

/**
 * Checks the code sent to the phone without using it up; a wrong one counts against the five
 * attempts a code allows. Returns the hash to consume in the transaction that acts on it.
 */
export async function checkPhoneCode(
  ctx: ServiceContext,
  phone: string,
  code: string,
  purpose: CodePurpose,
): Promise<string> {
  const [entry] = await ctx.db.select().from(verificationCodes).where(eq(verificationCodes.phone, phone));
  if (!entry || entry.expiresAt <= new Date() || entry.attempts >= MAX_ATTEMPTS) throw wrong();
  if (entry.codeHash !== hashOf(purpose, phone, code)) {
    await ctx.db
      .update(verificationCodes)
      .set({ attempts: sql`${verificationCodes.attempts} + 1` })
      .where(eq(verificationCodes.phone, phone));
    throw wrong();
  }
  return entry.codeHash;
}

/** Uses the checked code up, in the transaction of what it allowed: of two racing uses, one wins. */
export async function consumePhoneCode(tx: Tx, phone: string, codeHash: string): Promise<void> {
  const gone = await tx
    .delete(verificationCodes)
    .where(and(eq(verificationCodes.phone, phone), eq(verificationCodes.codeHash, codeHash)))
    .returning({ phone: verificationCodes.phone });
  if (gone.length === 0) throw wrong();
}
