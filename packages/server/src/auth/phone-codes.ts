import { randomInt } from 'node:crypto';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { ServiceContext } from '../context.js';
import type { Tx } from '../db/transaction.js';
import { AppError } from '../errors.js';
import { settings } from '../settings.js';
import { addressKey } from './address-key.js';
import { verificationCodes } from './schema.js';
import { count, hit } from './throttle.js';
import { sha256 } from './tokens.js';

const CODE_MINUTES = 10;
const MAX_ATTEMPTS = 5;
/** Seconds a phone waits between two codes for one purpose (a text-message provider may allow fewer). */
const codeIntervalSeconds = () => settings().QIANXING_SMS_INTERVAL_S;
/** Codes one phone is sent in a day (China Standard Time) for one purpose. */
export const smsDailyLimit = () => settings().QIANXING_SMS_DAILY_LIMIT;

/**
 * What a code is for: a code sent for one purpose does not pass for another (its hash is of the
 * purpose too), and a phone holds one pending code per purpose.
 */
export type CodePurpose = 'register' | 'survey' | 'support' | 'claim' | 'recover';

/**
 * The limits on codes sent, per phone and purpose: one per interval and QIANXING_SMS_DAILY_LIMIT a day,
 * besides ten an hour per address. Anyone may ask for a code for any phone, so a limit the
 * phone's purposes shared would be theirs to spend: asking for registration codes for a
 * stranger's phone would use up the day in which its owner can recover a password. Kept per
 * purpose, what a stranger spends is only that purpose's day, and a phone is sent at most
 * QIANXING_SMS_DAILY_LIMIT times the number of purposes a day, each message fixed words.
 */
const limitKeys = (phone: string, purpose: CodePurpose) => ({
  interval: `sms:${phone}:${purpose}`,
  day: `sms-day:${phone}:${purpose}`,
});

const hashOf = (purpose: CodePurpose, phone: string, code: string) => sha256(`${purpose}:${phone}:${code}`);

/**
 * The text of each purpose's message: fixed words, the code and its minutes, nothing a user
 * wrote. Anyone may have a code sent to any phone, so a title or a name in the message would let
 * them have the platform's sender text a stranger words of their own.
 */
const messages: Record<CodePurpose, (code: string, minutes: number) => string> = {
  register: (code, minutes) => `【黔行】您的注册验证码为 ${code}，${minutes} 分钟内有效。`,
  survey: (code, minutes) => `【黔行】您参与问卷的验证码为 ${code}，${minutes} 分钟内有效。`,
  support: (code, minutes) => `【黔行】您支持建议的验证码为 ${code}，${minutes} 分钟内有效。`,
  claim: (code, minutes) => `【黔行】您关联建议到本人账号的验证码为 ${code}，${minutes} 分钟内有效。`,
  recover: (code, minutes) =>
    `【黔行】您找回密码的验证码为 ${code}，${minutes} 分钟内有效。如非本人操作，请忽略。`,
};

/** Seconds until midnight in China (UTC+8 all year, no daylight saving), when a phone's day ends. */
export const secondsToChinaMidnight = (now = Date.now()): number =>
  86_400 - (Math.floor(now / 1000 + 8 * 3600) % 86_400);

/** The refusal of a phone's code past its day's codes for the purpose, said of the phone field. */
async function withinDailyCodes(ctx: ServiceContext, key: string): Promise<void> {
  const { count: sent, retry } = await count(ctx.db, key, secondsToChinaMidnight());
  const limit = smsDailyLimit();
  if (sent > limit)
    throw new AppError(
      'RATE_LIMITED',
      `this phone has been sent its ${limit} codes of this kind for today; retry tomorrow`,
      [
        {
          path: 'phone',
          message: 'daily limit',
          code: 'sms_daily_limit',
          params: { limit },
        },
      ],
      retry,
    );
}

/** Counts a code asked for this phone and purpose against its limits, or refuses it. */
async function admitPhoneCode(ctx: ServiceContext, phone: string, purpose: CodePurpose): Promise<void> {
  const keys = limitKeys(phone, purpose);
  await hit(ctx.db, keys.interval, 1, codeIntervalSeconds());
  await hit(ctx.db, `sms-ip:${addressKey(ctx.ip)}`, 10, 3600);
  await withinDailyCodes(ctx, keys.day);
}

/** What the answer to a sent code says: how long it holds, and the wait before another. */
export const codeTimes = () => ({
  expiresInSeconds: CODE_MINUTES * 60,
  resendInSeconds: codeIntervalSeconds(),
});

/**
 * Sends a six-digit code to the phone for the purpose, in place of the phone's pending code for
 * that purpose only; one per interval (a minute) and ten a day per phone and purpose, ten an hour
 * per address. With `answerFirst` the answer does not wait for the provider (see deliverPhoneCode).
 */
export async function sendPhoneCode(
  ctx: ServiceContext,
  phone: string,
  purpose: CodePurpose,
  options: { answerFirst?: boolean } = {},
): Promise<{ expiresInSeconds: number; resendInSeconds: number }> {
  const code = await issuePhoneCode(ctx, phone, purpose);
  await deliverPhoneCode(ctx, phone, purpose, code, options);
  // The interval is the operator's to set: the form counts down by it before offering another.
  return codeTimes();
}

/**
 * Counts a code for the phone and purpose against the limits, or refuses it, and stores a new
 * one in place of the pending one; returns it, not yet sent. A caller that answers alike whether
 * the phone has an account issues one either way and sends it only to an account's phone: the
 * same rows are written, so neither they nor the time their writing takes tell which it was.
 */
export async function issuePhoneCode(
  ctx: ServiceContext,
  phone: string,
  purpose: CodePurpose,
): Promise<string> {
  await admitPhoneCode(ctx, phone, purpose);
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const expiresAt = new Date(Date.now() + CODE_MINUTES * 60_000);
  const codeHash = hashOf(purpose, phone, code);
  await ctx.db
    .insert(verificationCodes)
    .values({ phone, purpose, codeHash, attempts: 0, expiresAt })
    .onConflictDoUpdate({
      target: [verificationCodes.phone, verificationCodes.purpose],
      set: { codeHash, attempts: 0, expiresAt },
    });
  return code;
}

/**
 * Texts an issued code. With `answerFirst` this does not wait for the provider, and a failed send
 * is logged rather than answered: a caller that answers alike whether the phone has an account
 * would otherwise tell by its delay (a gateway's round trip) which numbers are registered.
 */
export async function deliverPhoneCode(
  ctx: ServiceContext,
  phone: string,
  purpose: CodePurpose,
  code: string,
  options: { answerFirst?: boolean } = {},
): Promise<void> {
  const sending = ctx.sms.send(phone, messages[purpose](code, CODE_MINUTES));
  if (options.answerFirst)
    sending.catch((err: unknown) =>
      ctx.log.error({ err, sms: { provider: ctx.sms.name, purpose } }, 'SMS code not sent'),
    );
  else await sending;
}

const wrong = () =>
  new AppError('VALIDATION', 'the code is wrong or has expired', [
    { path: 'code', message: 'invalid', code: 'invalid_code' },
  ]);

/**
 * Checks the code sent to the phone without using it up; a wrong one counts against the five
 * attempts a code allows. Returns the hash to consume in the transaction that acts on it.
 *
 * One statement checks and counts: it takes the code's row only while attempts are left, and
 * counts the attempt when the code is wrong, under the row's lock. Guesses sent at once queue on
 * that lock, so no more than five are ever compared with the code.
 */
export async function checkPhoneCode(
  ctx: ServiceContext,
  phone: string,
  code: string,
  purpose: CodePurpose,
): Promise<string> {
  const given = hashOf(purpose, phone, code);
  const right = sql`${verificationCodes.codeHash} = ${given}`;
  const [entry] = await ctx.db
    .update(verificationCodes)
    .set({ attempts: sql`${verificationCodes.attempts} + case when ${right} then 0 else 1 end` })
    .where(
      and(
        eq(verificationCodes.phone, phone),
        eq(verificationCodes.purpose, purpose),
        gt(verificationCodes.expiresAt, sql`now()`),
        lt(verificationCodes.attempts, MAX_ATTEMPTS),
      ),
    )
    .returning({ codeHash: verificationCodes.codeHash });
  if (entry?.codeHash !== given) throw wrong();
  return given;
}

/** Uses the checked code up, in the transaction of what it allowed: of two racing uses, one wins. */
export async function consumePhoneCode(tx: Tx, phone: string, codeHash: string): Promise<void> {
  const gone = await tx
    .delete(verificationCodes)
    .where(and(eq(verificationCodes.phone, phone), eq(verificationCodes.codeHash, codeHash)))
    .returning({ phone: verificationCodes.phone });
  if (gone.length === 0) throw wrong();
}
