import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { type District, makeDistrict, signedIn } from '../../test-support/factories.js';
import { makeCampaign, makeSuggestion } from '../../test-support/factories-ideas.js';
import { ideaFollows } from './schema.js';
import { auditRows } from './test-helpers.js';

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

const keysOf = async (who: TestClient) =>
  (await who.get<Array<{ key: string; params: { suggestionId?: string } }>>('/api/v1/inbox')).body;
const accepted = () => makeSuggestion(t, { town: tree.street, state: 'accepted', screener: office });

describe('following a suggestion', () => {
  it('follows once (audited once), lists it under following, and hears of its merge', async () => {
    const fan = await signedIn(t, 'citizen', tree.district);
    const bystander = await signedIn(t, 'citizen', tree.district);
    const s = await accepted();
    const into = await accepted();
    const path = `/api/v1/me/following/${s.id}`;
    expect((await fan.get(path)).body).toEqual({ following: false });
    expect((await fan.put(path)).body).toEqual({ following: true });
    expect((await fan.put(path)).body).toEqual({ following: true });
    expect(await auditRows(t.database.db, 'suggestion.follow', s.id)).toHaveLength(1);
    expect((await fan.get(path)).body).toEqual({ following: true });
    const list = await fan.get<{ total: number; items: Array<{ id: string; trackingCode: string | null }> }>(
      '/api/v1/me/following',
    );
    expect(list.body).toEqual({
      total: 1,
      items: [expect.objectContaining({ id: s.id, trackingCode: null })],
    });
    await office.post(`/api/v1/ideas/suggestions/${s.id}/screen`, { decision: 'merge', into: into.id });
    const told = (await keysOf(fan)).filter((m) => m.params.suggestionId === s.id);
    expect(told.map((m) => m.key)).toEqual(['ideas.notice.merged']);
    expect(await keysOf(bystander)).toEqual([]);
  });

  it('carries the followers and the signed-in author of a merged suggestion to its target', async () => {
    const fan = await signedIn(t, 'citizen', tree.district);
    const author = await signedIn(t, 'citizen', tree.district);
    const followed = await accepted();
    const written = await makeSuggestion(t, {
      town: tree.street,
      state: 'accepted',
      screener: office,
      author,
    });
    const into = await accepted();
    await fan.put(`/api/v1/me/following/${followed.id}`);
    for (const s of [followed, written])
      expect(
        (await office.post(`/api/v1/ideas/suggestions/${s.id}/screen`, { decision: 'merge', into: into.id }))
          .status,
      ).toBe(200);
    const followers = await t.database.db
      .select()
      .from(ideaFollows)
      .where(eq(ideaFollows.suggestionId, into.id));
    expect(followers.map((f) => f.userId).sort()).toEqual([fan.user.id, author.user.id].sort());
    await office.post(`/api/v1/ideas/suggestions/${into.id}/screen`, {
      decision: 'reject',
      reason: 'off_topic',
    });
    for (const who of [fan, author]) {
      const told = (await keysOf(who)).filter((m) => m.params.suggestionId === into.id);
      expect(told.map((m) => m.key)).toEqual(['ideas.notice.rejected']);
    }
  });

  it('stops hearing once unfollowed', async () => {
    const fan = await signedIn(t, 'enterprise', tree.district);
    const s = await accepted();
    await fan.put(`/api/v1/me/following/${s.id}`);
    expect((await fan.delete(`/api/v1/me/following/${s.id}`)).body).toEqual({ following: false });
    expect((await fan.delete(`/api/v1/me/following/${s.id}`)).status).toBe(200);
    expect(await auditRows(t.database.db, 'suggestion.unfollow', s.id)).toHaveLength(1);
    await office.post(`/api/v1/ideas/suggestions/${s.id}/screen`, {
      decision: 'reject',
      reason: 'off_topic',
    });
    expect(await keysOf(fan)).toEqual([]);
  });

  it('tells the follower of a rejection, once, even when they also support it', async () => {
    const fan = await signedIn(t, 'citizen', tree.district);
    const s = await accepted();
    await fan.put(`/api/v1/me/following/${s.id}`);
    await fan.post(`/api/v1/public/suggestions/${s.id}/support`);
    await office.post(`/api/v1/ideas/suggestions/${s.id}/screen`, {
      decision: 'reject',
      reason: 'off_topic',
    });
    expect((await keysOf(fan)).map((m) => m.key)).toEqual(['ideas.notice.rejected']);
  });

  it('is refused for what the public cannot see, for staff and for the anonymous; writes nothing', async () => {
    const fan = await signedIn(t, 'citizen', tree.district);
    const hidden = await makeSuggestion(t, { town: tree.street });
    expect((await fan.put(`/api/v1/me/following/${hidden.id}`)).status).toBe(404);
    expect((await fan.put(`/api/v1/me/following/${crypto.randomUUID()}`)).status).toBe(404);
    const s = await accepted();
    expect((await office.put(`/api/v1/me/following/${s.id}`)).status).toBe(403);
    expect((await t.client().put(`/api/v1/me/following/${s.id}`)).status).toBe(401);
    expect((await fan.put('/api/v1/me/following/not-an-id')).status).toBe(400);
    expect(await auditRows(t.database.db, 'suggestion.follow', hidden.id)).toHaveLength(0);
    expect(await auditRows(t.database.db, 'suggestion.follow', s.id)).toHaveLength(0);
  });

  it('of two follows at once, one row and one audit event', async () => {
    const fan = await signedIn(t, 'citizen', tree.district);
    const s = await accepted();
    const both = await Promise.all([
      fan.put(`/api/v1/me/following/${s.id}`),
      fan.put(`/api/v1/me/following/${s.id}`),
    ]);
    expect(both.map((r) => r.status)).toEqual([200, 200]);
    expect(await auditRows(t.database.db, 'suggestion.follow', s.id)).toHaveLength(1);
    expect(
      await t.database.db.select().from(ideaFollows).where(eq(ideaFollows.suggestionId, s.id)),
    ).toHaveLength(1);
  });
});
