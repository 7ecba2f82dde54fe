import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { type District, makeDistrict, signedIn } from '../../test-support/factories.js';
import { makeCampaign } from '../../test-support/factories-ideas.js';
import { ideaReviews } from './schema.js';
import { auditRows, sampleSuggestion } from './test-helpers.js';

let t: TestContext;
let tree: District;
let office: TestClient;
let experts: Awaited<ReturnType<typeof signedIn>>[];
let secret: { id: string; trackingCode: string };
let citizenId: string;
const rubric = { value: 8, feasibility: 7, innovation: 6, benefit: 9 };

beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  tree = await makeDistrict(t);
  office = await signedIn(t, 'admin', tree.district);
  await makeCampaign(office);
  experts = [];
  for (let i = 0; i < 3; i++) experts.push(await signedIn(t, 'expert', tree.district));
  const citizen = await signedIn(t, 'citizen', tree.district);
  citizenId = citizen.user.id;
  const made = await citizen.post<{ id: string; trackingCode: string }>('/api/v1/public/suggestions', {
    ...sampleSuggestion(tree.town.id, 1),
    realName: '赵六保密',
    phone: '13612345678',
  });
  secret = made.body;
  await office.post(`/api/v1/ideas/suggestions/${secret.id}/screen`, { decision: 'accept' });
});
afterAll(() => t.close());

/** A new suggestion, accepted, shortlisted and assigned to three experts, scored by one of them. */
async function shortlistedAndScoredOnce(sample: number) {
  const made = await t
    .client()
    .post<{ id: string }>('/api/v1/public/suggestions', sampleSuggestion(tree.town.id, sample));
  await office.post(`/api/v1/ideas/suggestions/${made.body.id}/screen`, { decision: 'accept' });
  await office.post('/api/v1/ideas/shortlist/edit', { add: [made.body.id] });
  await office.post('/api/v1/ideas/reviews/assign', { k: 3 });
  const assigned = await t.database.db
    .select()
    .from(ideaReviews)
    .where(eq(ideaReviews.suggestionId, made.body.id));
  const first = experts.find((e) => assigned.some((a) => a.expertId === e.user.id))!;
  expect((await first.put(`/api/v1/ideas/reviews/${made.body.id}`, { scores: rubric })).status).toBe(200);
  return { made, assigned };
}

describe('expert review', () => {
  it('assigns k experts per shortlisted suggestion, balanced, and audits it', async () => {
    // Nothing shortlisted yet: nothing to review, said plainly.
    const empty = await office.post<{ errors: Array<{ code: string }> }>('/api/v1/ideas/reviews/assign', {
      k: 3,
    });
    expect(empty.status).toBe(422);
    expect(empty.body.errors[0]!.code).toBe('shortlist_empty');
    expect((await office.post('/api/v1/ideas/shortlist/edit', { add: [secret.id] })).status).toBe(200);
    const res = await office.post<{ assigned: number; short: number }>('/api/v1/ideas/reviews/assign', {
      k: 3,
    });
    expect(res.status).toBe(200);
    expect(res.body.assigned).toBeGreaterThan(0);
    const mine = await t.database.db
      .select()
      .from(ideaReviews)
      .where(eq(ideaReviews.suggestionId, secret.id));
    expect(mine).toHaveLength(3);
    expect(await auditRows(t.database.db, 'review.assign')).toHaveLength(1);
    const again = await office.post<{ assigned: number }>('/api/v1/ideas/reviews/assign', { k: 3 });
    expect(again.body.assigned).toBe(0);
    expect((await experts[0]!.post('/api/v1/ideas/reviews/assign', { k: 3 })).status).toBe(403);
  });

  it('never shows an expert who wrote a suggestion', async () => {
    for (const expert of experts) {
      const mine = await expert.get<{ items: Array<{ suggestionId: string }> }>('/api/v1/ideas/reviews/mine');
      expect(mine.status).toBe(200);
      expect(mine.body.items.map((i) => i.suggestionId)).toContain(secret.id);
      const submitted = await expert.put(`/api/v1/ideas/reviews/${secret.id}`, {
        scores: rubric,
        comment: '好',
      });
      const publicRead = await expert.get(`/api/v1/public/suggestions/${secret.id}`);
      const conflict = await expert.post('/api/v1/ideas/reviews/conflicts', { unitId: crypto.randomUUID() });
      for (const res of [mine, submitted, publicRead, conflict]) {
        const text = JSON.stringify(res.body);
        // Not even the masked phone (its last four digits); a bare "5678" could be part of an id.
        for (const leak of ['赵六保密', '13612345678', '****5678', citizenId, secret.trackingCode])
          expect(text).not.toContain(leak);
      }
      // The staff routes that show (masked) contact details are closed to experts.
      expect((await expert.get(`/api/v1/ideas/suggestions/${secret.id}`)).status).toBe(404);
      expect((await expert.get('/api/v1/ideas/suggestions')).status).toBe(403);
    }
  });

  it('takes scores for every criterion (1–10) from an assigned expert only', async () => {
    const e = experts[0]!;
    const partial = await e.put<{ errors: unknown[] }>(`/api/v1/ideas/reviews/${secret.id}`, {
      scores: { value: 8 },
    });
    expect(partial.status).toBe(400);
    expect(partial.body.errors).toEqual([
      expect.objectContaining({ path: 'scores', code: 'rubric_mismatch' }),
    ]);
    expect(
      (await e.put(`/api/v1/ideas/reviews/${secret.id}`, { scores: { ...rubric, value: 11 } })).status,
    ).toBe(400);
    expect((await e.put(`/api/v1/ideas/reviews/${crypto.randomUUID()}`, { scores: rubric })).status).toBe(
      404,
    );
    expect((await office.put(`/api/v1/ideas/reviews/${secret.id}`, { scores: rubric })).status).toBe(403);
    const ok = await e.put<{ total: number }>(`/api/v1/ideas/reviews/${secret.id}`, { scores: rubric });
    expect(ok.body.total).toBeCloseTo(0.3 * 8 + 0.3 * 7 + 0.2 * 6 + 0.2 * 9);
    expect((await auditRows(t.database.db, 'review.submit')).length).toBeGreaterThanOrEqual(4);
  });

  it('shows progress per expert and results with reliability', async () => {
    const progress = await office.get<Array<{ assigned: number; done: number }>>(
      '/api/v1/ideas/reviews/progress',
    );
    expect(progress.body).toHaveLength(3);
    expect(progress.body.every((p) => p.done >= 1 && p.assigned >= p.done)).toBe(true);
    const results = await office.get<{
      alpha: number | null;
      items: Array<{ item: string; disputed: boolean }>;
    }>('/api/v1/ideas/reviews/results');
    expect(results.status).toBe(200);
    expect(results.body.items.map((i) => i.item)).toContain(secret.id);
    expect((await experts[1]!.get('/api/v1/ideas/reviews/results')).status).toBe(403);
  });

  it('honours a declared conflict: the expert is left out and the item is short of one', async () => {
    const town = tree.street.id;
    const made = await t
      .client()
      .post<{ id: string }>('/api/v1/public/suggestions', sampleSuggestion(town, 2));
    await office.post(`/api/v1/ideas/suggestions/${made.body.id}/screen`, { decision: 'accept' });
    await office.post('/api/v1/ideas/shortlist/edit', { add: [made.body.id] });
    const declared = await experts[0]!.post('/api/v1/ideas/reviews/conflicts', { unitId: town });
    expect(declared.status).toBe(204);
    expect(await auditRows(t.database.db, 'review.declareConflict')).toHaveLength(1);
    const res = await office.post<{ assigned: number; short: number }>('/api/v1/ideas/reviews/assign', {
      k: 3,
    });
    expect(res.body.short).toBeGreaterThanOrEqual(1);
    const rows = await t.database.db
      .select()
      .from(ideaReviews)
      .where(eq(ideaReviews.suggestionId, made.body.id));
    expect(rows).toHaveLength(2);
    // The expert sees the declaration by the unit's name, and may withdraw it.
    const listed = await experts[0]!.get<Array<{ unitId: string; name: string }>>(
      '/api/v1/ideas/reviews/conflicts',
    );
    expect(listed.body).toEqual([{ unitId: town, name: tree.street.name }]);
    expect((await experts[0]!.delete(`/api/v1/ideas/reviews/conflicts/${town}`)).status).toBe(204);
    expect((await experts[0]!.delete(`/api/v1/ideas/reviews/conflicts/${town}`)).status).toBe(404);
    expect((await experts[0]!.get<unknown[]>('/api/v1/ideas/reviews/conflicts')).body).toEqual([]);
    expect(await auditRows(t.database.db, 'review.withdrawConflict')).toHaveLength(1);
  });

  it('tells in the results how many of an item’s reviews are in, so one ranked on a single review shows it', async () => {
    const { made, assigned } = await shortlistedAndScoredOnce(3);
    const results = await office.get<{ items: Array<{ item: string; reviews: number; assigned: number }> }>(
      '/api/v1/ideas/reviews/results',
    );
    expect(results.body.items.find((i) => i.item === made.body.id)).toMatchObject({
      reviews: 1,
      assigned: assigned.length,
    });
    expect(assigned.length).toBeGreaterThan(1);
    expect(results.body.items.find((i) => i.item === secret.id)).toMatchObject({ reviews: 3, assigned: 3 });
  });

  it('leaves out of the results a suggestion rejected after it was scored', async () => {
    const { made } = await shortlistedAndScoredOnce(4);
    const rejected = await office.post(`/api/v1/ideas/suggestions/${made.body.id}/screen`, {
      decision: 'reject',
      reason: 'off_topic',
    });
    expect(rejected.status).toBe(200);
    const results = await office.get<{ items: Array<{ item: string }> }>('/api/v1/ideas/reviews/results');
    expect(results.body.items.map((i) => i.item)).not.toContain(made.body.id);
    expect(results.body.items.map((i) => i.item)).toContain(secret.id);
  });
});
