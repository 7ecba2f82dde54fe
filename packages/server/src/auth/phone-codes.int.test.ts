import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, silentLog, type TestClient, type TestContext } from '../test-support/app.js';
import { type District, makeDistrict, signedIn } from '../test-support/factories.js';
import {
  freshPhone,
  lastCode,
  makeCampaign,
  makeSuggestion,
  minutePassed,
} from '../test-support/factories-ideas.js';
import { checkPhoneCode, secondsToChinaMidnight, smsDailyLimit } from './phone-codes.js';
import { verificationCodes } from './schema.js';

const SMS_DAILY_LIMIT = smsDailyLimit();

let t: TestContext;
let tree: District;
let office: TestClient;
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  tree = await makeDistrict(t);
  office = await signedIn(t, 'admin', tree.district);
  await makeCampaign(office);
});
afterAll(() => t.close());

interface Problem {
  code: string;
  title: string;
  retryAfterSeconds?: number;
  errors?: Array<{ path: string; code: string; params?: Record<string, number> }>;
}

let addresses = 0;
/** Asks for a code as a new visitor would: each from an address of its own, past the phone's minute. */
async function ask(path: string, phone: string, language = 'zh-CN') {
  await minutePassed(t, phone);
  return t.app.request(path, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'accept-language': language,
      'x-forwarded-for': `10.40.${Math.floor(++addresses / 250)}.${addresses % 250}`,
    },
    body: JSON.stringify({ phone }),
  });
}

describe('the codes a phone is sent', () => {
  it('texts fixed words and the code, never the title of the suggestion it is for', async () => {
    const title = '您的医保卡已冻结请致电解冻';
    const { id } = await makeSuggestion(t, {
      town: tree.street,
      state: 'accepted',
      screener: office,
      extra: { title },
    });
    const phone = freshPhone();
    const answer = await ask(`/api/v1/public/suggestions/${id}/support-code`, phone);
    expect(answer.status).toBe(200);
    // The form counts down by the interval the server keeps, whatever the operator set it to.
    expect(await answer.json()).toEqual({
      expiresInSeconds: 600,
      resendInSeconds: Number(process.env.QIANXING_SMS_INTERVAL_S ?? 60),
    });
    const sent = t.sms.messages.filter((m) => m.phone === phone).map((m) => m.message);
    expect(sent).toEqual([expect.stringMatching(/^【黔行】您支持建议的验证码为 \d{6}，10 分钟内有效。$/)]);
    expect(sent[0]).not.toContain('冻结');
  });

  it(`sends one phone at most ${SMS_DAILY_LIMIT} codes a day for one purpose, in either language`, async () => {
    const { id } = await makeSuggestion(t, { town: tree.street, state: 'accepted', screener: office });
    const phone = freshPhone();
    const support = `/api/v1/public/suggestions/${id}/support-code`;
    for (let i = 0; i < SMS_DAILY_LIMIT; i++) expect((await ask(support, phone)).status).toBe(200);
    const refused = await ask(support, phone);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await refused.json()) as Problem;
    expect(problem).toMatchObject({ code: 'RATE_LIMITED', title: '操作过于频繁，请稍后再试' });
    expect(problem.errors).toEqual([
      expect.objectContaining({ path: 'phone', code: 'sms_daily_limit', params: { limit: SMS_DAILY_LIMIT } }),
    ]);
    // The day ends at midnight in China, not in 24 hours.
    const wait = Number(refused.headers.get('retry-after'));
    expect(Math.abs(wait - secondsToChinaMidnight())).toBeLessThanOrEqual(2);
    expect(problem.retryAfterSeconds).toBe(wait);
    const english = (await (await ask(support, phone, 'en')).json()) as Problem;
    expect(english).toMatchObject({ code: 'RATE_LIMITED', title: 'Too many requests; try again later' });
    expect(t.sms.messages.filter((m) => m.phone === phone)).toHaveLength(SMS_DAILY_LIMIT);
    // The phone's other purposes keep their own day, and another phone is not held back by this one.
    expect((await ask('/api/v1/auth/register/code', phone)).status).toBe(200);
    expect((await ask('/api/v1/auth/register/code', freshPhone())).status).toBe(200);
  });
});

describe('the day of a phone’s codes', () => {
  it('ends at midnight China Standard Time', () => {
    expect(secondsToChinaMidnight(Date.parse('2026-12-06T23:59:59+08:00'))).toBe(1);
    expect(secondsToChinaMidnight(Date.parse('2026-12-07T00:00:00+08:00'))).toBe(86_400);
    expect(secondsToChinaMidnight(Date.parse('2026-12-06T12:00:00Z'))).toBe(4 * 3600);
  });
});

describe('the attempts a code allows', () => {
  it('compares no more than five guesses with the code, however many arrive at once', async () => {
    const phone = freshPhone();
    expect((await ask('/api/v1/auth/register/code', phone)).status).toBe(200);
    const code = lastCode(t, phone);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    const ctx = { db: t.database.db, principal: null, log: silentLog, sms: t.sms };
    const guesses = await Promise.allSettled(
      Array.from({ length: 20 }, () => checkPhoneCode(ctx, phone, wrong, 'register')),
    );
    expect(guesses.every((g) => g.status === 'rejected')).toBe(true);
    const [row] = await t.database.db
      .select({ attempts: verificationCodes.attempts })
      .from(verificationCodes)
      .where(eq(verificationCodes.phone, phone));
    expect(row!.attempts).toBe(5);
    // The five are spent: the right code no longer passes.
    await expect(checkPhoneCode(ctx, phone, code, 'register')).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('lets the right code through without spending an attempt', async () => {
    const phone = freshPhone();
    expect((await ask('/api/v1/auth/register/code', phone)).status).toBe(200);
    const code = lastCode(t, phone);
    const ctx = { db: t.database.db, principal: null, log: silentLog, sms: t.sms };
    await expect(
      checkPhoneCode(ctx, phone, '000000' === code ? '000001' : '000000', 'register'),
    ).rejects.toThrow();
    await expect(checkPhoneCode(ctx, phone, code, 'register')).resolves.toMatch(/./);
    // The code does not pass for another purpose, whose own code (none here) a guess is counted against.
    await expect(checkPhoneCode(ctx, phone, code, 'survey')).rejects.toThrow();
    const [row] = await t.database.db
      .select({ attempts: verificationCodes.attempts })
      .from(verificationCodes)
      .where(eq(verificationCodes.phone, phone));
    expect(row!.attempts).toBe(1);
  });
});
