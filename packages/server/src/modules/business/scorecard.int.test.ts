import { departmentScorecard } from '@qianxing/core/business';
import { asc, count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInChina } from '../../kernel/deadlines.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import type { PublicScorecard, ScorecardSettings } from './contracts-scorecard.js';
import { endedMonths, publicScorecard, scorecardRequests } from './queries/scorecard.js';
import { businessAnswers, businessAppeals, businessRatings, businessScorecardSettings } from './schema.js';
import type { Problem } from './test-helpers.js';

let t: TestContext;
let office: TestClient;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business'] });
  office = await t.as('office');
});
afterAll(() => t.close());

const settings: ScorecardSettings = {
  deadlineWorkdays: 5,
  weights: { response: 0.3, resolution: 0.3, satisfaction: 0.4, survey: 0 },
  goodFrom: 85,
  poorBelow: 60,
  ratingWorkdays: 10,
};

describe('the published department scorecard', () => {
  it('is open to anyone and is the core scorecard of the routed requests, ranked and tiered', async () => {
    const res = await t.client().get<PublicScorecard>('/api/v1/public/business/scorecard');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const card = res.body;
    expect(card.months).toHaveLength(12);
    expect(card.month).not.toBeNull();
    expect(card.departments.length).toBeGreaterThan(1);
    // The same lines as `qianxing business scorecard` computes from the same requests.
    const core = departmentScorecard({
      month: card.month!,
      deadlineWorkdays: card.settings.deadlineWorkdays,
      // The survey's weight is 0 by default, so the three rates alone make the score.
      weights: (({ survey: _, ...rates }) => rates)(card.settings.weights),
      requests: await scorecardRequests(t.database.db),
    });
    expect(card.departments.map(({ departmentId, score, rank }) => ({ departmentId, score, rank }))).toEqual(
      core.departments.map(({ department, score, rank }) => ({ departmentId: department, score, rank })),
    );
    for (const d of card.departments) {
      expect(d.departmentName).not.toBe('');
      const tier = d.score! >= 85 ? 'good' : d.score! < 60 ? 'poor' : 'fair';
      expect(d.tier).toBe(tier);
    }
    // The trend holds each department's score of the shown month in its place.
    const at = card.months.indexOf(card.month!);
    for (const d of card.departments)
      expect(card.trend.find((x) => x.departmentId === d.departmentId)?.scores[at]).toBe(d.score);
  });

  it('shows only months that have ended, and says so of any other', async () => {
    expect(endedMonths('2026-03-15')).toEqual([
      '2025-03',
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
    const current = todayInChina().slice(0, 7);
    const res = await t.client().get<Problem>(`/api/v1/public/business/scorecard?month=${current}`);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]).toMatchObject({ path: 'month', code: 'month_not_ended' });
  });

  it('is rescored by the settings the district office keeps', async () => {
    const strict = { ...settings, goodFrom: 100, poorBelow: 99.9 };
    const put = await office.put<ScorecardSettings>('/api/v1/business/scorecard/settings', strict);
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const card = await publicScorecard(t.database.db);
    expect(card.settings).toEqual(strict);
    for (const d of card.departments) if (d.score! < 99.9) expect(d.tier).toBe('poor');
    await office.put('/api/v1/business/scorecard/settings', settings);
  });

  it('refuses crossed tiers and all-zero weights, writing nothing', async () => {
    const before = await t.database.db.select({ n: count() }).from(businessScorecardSettings);
    const crossed = await office.put<Problem>('/api/v1/business/scorecard/settings', {
      ...settings,
      goodFrom: 50,
      poorBelow: 70,
    });
    expect(crossed.status).toBe(400);
    expect(crossed.body.errors?.[0]).toMatchObject({ path: 'poorBelow', code: 'tiers_crossed' });
    const zero = await office.put<Problem>('/api/v1/business/scorecard/settings', {
      ...settings,
      weights: { response: 0, resolution: 0, satisfaction: 0 },
    });
    expect(zero.status).toBe(400);
    expect(zero.body.errors?.[0]?.code).toBe('weights_all_zero');
    expect(await t.database.db.select({ n: count() }).from(businessScorecardSettings)).toEqual(before);
    expect((await publicScorecard(t.database.db)).settings).toEqual(settings);
  });

  it("rates a request by the firm's rating of its latest answer, unless an upheld appeal set it aside", async () => {
    const db = t.database.db;
    const ratings = await db
      .select({
        id: businessRatings.id,
        answerId: businessRatings.answerId,
        requestId: businessRatings.requestId,
        score: businessRatings.score,
      })
      .from(businessRatings);
    const upheld = new Set(
      (await db.select().from(businessAppeals)).filter((a) => a.status === 'upheld').map((a) => a.ratingId),
    );
    expect(upheld.size, 'the demo holds upheld appeals').toBeGreaterThan(0);
    const latestAnswer = new Map<string, string>();
    for (const a of await db.select().from(businessAnswers).orderBy(asc(businessAnswers.createdAt)))
      latestAnswer.set(a.requestId, a.id);
    const expected = new Map<string, number | null>();
    for (const r of ratings)
      if (latestAnswer.get(r.requestId) === r.answerId && !upheld.has(r.id))
        expected.set(r.requestId, r.score);
    // The demo rectifies after bad ratings: those ratings are of an earlier answer, not the request's.
    expect(ratings.some((r) => latestAnswer.get(r.requestId) !== r.answerId)).toBe(true);
    const touched = new Set(ratings.filter((r) => upheld.has(r.id)).map((r) => r.requestId));
    const rows = await scorecardRequests(db);
    let checked = 0;
    for (const row of rows) {
      expect(row.rating, row.id).toBe(expected.get(row.id) ?? null);
      if (touched.has(row.id)) checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });
});
