import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../context.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { type District, makeDistrict, signedIn } from '../../test-support/factories.js';
import { type MadeCampaign, makeCampaign, makeSuggestion } from '../../test-support/factories-ideas.js';
import { contextOf, racing, refusal } from '../../test-support/racing.js';
import { mergeSuggestion } from './commands/mergeSuggestion.js';
import { publishList } from './commands/publishList.js';
import { rejectSuggestion } from './commands/rejectSuggestion.js';
import { saveList } from './commands/saveList.js';
import { submitReview } from './commands/submitReview.js';
import { ideaListEntries, ideaLists, ideaReviews, ideaSuggestions } from './schema.js';

let t: TestContext;
let tree: District;
let office: TestClient;
let expert: TestClient & { user: { id: string } };
let campaign: MadeCampaign;
let officeCtx: ServiceContext;
let expertCtx: ServiceContext;
const scores = { value: 8, feasibility: 7, innovation: 6, benefit: 9 };

beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  tree = await makeDistrict(t);
  office = await signedIn(t, 'admin', tree.district);
  campaign = await makeCampaign(office);
  expert = await signedIn(t, 'expert', tree.district);
  officeCtx = await contextOf(t, office);
  expertCtx = await contextOf(t, expert);
});
beforeEach(async () => {
  // Each test starts with its campaign's idea lists unpublished.
  const lists = await t.database.db.select().from(ideaLists).where(eq(ideaLists.campaignId, campaign.id));
  for (const l of lists) {
    await t.database.db.delete(ideaListEntries).where(eq(ideaListEntries.listId, l.id));
    await t.database.db.delete(ideaLists).where(eq(ideaLists.id, l.id));
  }
});
afterAll(() => t.close());

/** An accepted suggestion on the shortlist, assigned to the expert. */
async function underReview() {
  const { id } = await makeSuggestion(t, { town: tree.town, state: 'accepted', screener: office });
  expect((await office.post('/api/v1/ideas/shortlist/edit', { add: [id] })).status).toBe(200);
  expect((await office.post('/api/v1/ideas/reviews/assign', { k: 1 })).status).toBe(200);
  return id;
}
const reviewOf = async (id: string) =>
  (
    await t.database.db
      .select()
      .from(ideaReviews)
      .where(and(eq(ideaReviews.suggestionId, id), eq(ideaReviews.expertId, expert.user.id)))
  )[0];
const publishGolden = async (id: string) => {
  await saveList(officeCtx, 'golden_idea', {
    entries: [{ rank: 1, suggestionId: id, memberIds: [], title: '金点子', citation: '' }],
  });
  return publishList(officeCtx, 'golden_idea');
};

describe('an expert’s scores once the idea lists are published', () => {
  it('are refused, first or changed, with a reason the page words', async () => {
    const id = await underReview();
    expect((await expert.put(`/api/v1/ideas/reviews/${id}`, { scores })).status).toBe(200);
    await publishGolden(id);
    const changed = await expert.put<{ code: string; errors: Array<{ code: string }> }>(
      `/api/v1/ideas/reviews/${id}`,
      { scores: { ...scores, value: 2 } },
    );
    expect(changed.status).toBe(422);
    expect(changed.body.errors[0]!.code).toBe('idea_lists_published');
    expect((await reviewOf(id))!.scores).toEqual(scores);
  });

  it('are refused when the lists were published after the checks, before the write', async () => {
    const id = await underReview();
    const refused = await refusal(
      submitReview({ ...expertCtx, db: racing(expertCtx.db, () => publishGolden(id)) }, id, {
        scores,
        comment: '',
      }),
    );
    expect(refused).toMatchObject({ code: 'INVALID_STATE', errors: [{ code: 'idea_lists_published' }] });
    expect((await reviewOf(id))!.submittedAt).toBeNull();
  });
});

describe('an expert’s scores once its entry is withdrawn from the published list', () => {
  it('are taken again, and the review page offers them: the list no longer holds it', async () => {
    const id = await underReview();
    expect((await expert.put(`/api/v1/ideas/reviews/${id}`, { scores })).status).toBe(200);
    const list = await publishGolden(id);
    const withdrawn = await office.post(
      `/api/v1/ideas/lists/golden_idea/entries/${list.entries[0]!.id}/withdraw`,
      {
        reason: '经核实系抄袭他人文章',
      },
    );
    expect(withdrawn.status).toBe(200);
    const page = await expert.get<{ items: Array<{ suggestionId: string; actions: { score: boolean } }> }>(
      '/api/v1/ideas/reviews/mine',
    );
    expect(page.body.items.find((i) => i.suggestionId === id)?.actions.score).toBe(true);
    const changed = await expert.put(`/api/v1/ideas/reviews/${id}`, { scores: { ...scores, value: 2 } });
    expect(changed.status).toBe(200);
    expect((await reviewOf(id))!.scores).toEqual({ ...scores, value: 2 });
  });
});

describe('an expert’s scores for a suggestion no longer under review', () => {
  it('are refused once it is rejected: a review given before stays as it was', async () => {
    const id = await underReview();
    expect((await expert.put(`/api/v1/ideas/reviews/${id}`, { scores })).status).toBe(200);
    await rejectSuggestion.run(officeCtx, { ids: [id], reason: 'off_topic' });
    const changed = await expert.put<{ errors: Array<{ code: string }> }>(`/api/v1/ideas/reviews/${id}`, {
      scores: { ...scores, value: 2 },
    });
    expect(changed.status).toBe(422);
    expect(changed.body.errors[0]!.code).toBe('not_under_review');
    expect((await reviewOf(id))!.scores).toEqual(scores);
  });

  it('are refused when it was rejected after the checks, before the write', async () => {
    const id = await underReview();
    const reject = () => rejectSuggestion.run(officeCtx, { ids: [id], reason: 'off_topic' });
    const refused = await refusal(
      submitReview({ ...expertCtx, db: racing(expertCtx.db, reject) }, id, { scores, comment: '' }),
    );
    expect(refused).toMatchObject({ code: 'INVALID_STATE', errors: [{ code: 'not_under_review' }] });
    expect((await reviewOf(id))?.submittedAt ?? null).toBeNull();
  });
});

describe('a shortlisted suggestion rejected or merged', () => {
  const shortlisted = async (id: string) =>
    (await t.database.db.select().from(ideaSuggestions).where(eq(ideaSuggestions.id, id)))[0]!.shortlistedAt;

  it('leaves the shortlist when rejected, and its open assignments go', async () => {
    const id = await underReview();
    expect(await reviewOf(id)).toBeDefined();
    await rejectSuggestion.run(officeCtx, { ids: [id], reason: 'off_topic' });
    expect(await shortlisted(id)).toBeNull();
    expect(await reviewOf(id)).toBeUndefined();
  });

  it('leaves the shortlist when merged; a review already submitted stays', async () => {
    const id = await underReview();
    expect((await expert.put(`/api/v1/ideas/reviews/${id}`, { scores })).status).toBe(200);
    const into = (await makeSuggestion(t, { town: tree.town, state: 'accepted', screener: office })).id;
    await mergeSuggestion.run(officeCtx, { ids: [id], into });
    expect(await shortlisted(id)).toBeNull();
    expect((await reviewOf(id))!.scores).toEqual(scores);
  });
});
