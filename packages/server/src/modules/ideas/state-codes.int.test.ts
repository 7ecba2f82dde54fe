import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { type District, makeDistrict, signedIn } from '../../test-support/factories.js';
import { makeCampaign, makeSuggestion } from '../../test-support/factories-ideas.js';

/**
 * A refusal for the state something is in names its reason, so that the page can say which
 * state stops it rather than "not allowed in the current state".
 */
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

type Refusal = { code: string; errors?: Array<{ code: string; path: string }> };

function expectRefused(res: { status: number; body: unknown }, code: string, path: string) {
  expect(res.status).toBe(422);
  expect((res.body as Refusal).code).toBe('INVALID_STATE');
  expect((res.body as Refusal).errors).toEqual([expect.objectContaining({ code, path })]);
}

describe('state refusals of the campaign', () => {
  it('name the list that is empty or published', async () => {
    expectRefused(await office.post('/api/v1/ideas/lists/golden_idea/publish'), 'list_empty', 'entries');
    const a = await makeSuggestion(t, { town: tree.street, state: 'accepted', screener: office });
    const entries = [{ rank: 1, suggestionId: a.id, memberIds: [], title: '金点子', citation: '贴近民生' }];
    expect((await office.put('/api/v1/ideas/lists/golden_idea', { entries })).status).toBe(200);
    expect((await office.post('/api/v1/ideas/lists/golden_idea/publish')).status).toBe(200);
    expectRefused(await office.put('/api/v1/ideas/lists/golden_idea', { entries }), 'list_published', 'kind');
    expectRefused(await office.post('/api/v1/ideas/lists/golden_idea/publish'), 'list_published', 'kind');
  });

  it('name a suggestion that takes no supports or cannot be adopted, and an action that is done', async () => {
    // A merged suggestion is still shown (it points to its target) but is supported there.
    const into = await makeSuggestion(t, { town: tree.street, state: 'accepted', screener: office });
    const merged = await makeSuggestion(t, { town: tree.street });
    const merging = { decision: 'merge', into: into.id };
    expect((await office.post(`/api/v1/ideas/suggestions/${merged.id}/screen`, merging)).status).toBe(200);
    const citizen = await signedIn(t, 'citizen', tree.district);
    expectRefused(
      await citizen.post(`/api/v1/public/suggestions/${merged.id}/support`),
      'support_closed',
      'id',
    );
    const rejected = await makeSuggestion(t, { town: tree.street, state: 'rejected', screener: office });
    const adopt = (suggestionId: string) =>
      office.post<{ id: string }>('/api/v1/ideas/actions', {
        suggestionId,
        title: '落实建议',
        ownerUnitId: tree.department.id,
        dueOn: '2099-06-30',
      });
    expectRefused(await adopt(rejected.id), 'not_adoptable', 'suggestionId');
    const accepted = await makeSuggestion(t, { town: tree.street, state: 'accepted', screener: office });
    const action = await adopt(accepted.id);
    expect(action.status).toBe(201);
    const progress = (status: string) =>
      office.post(`/api/v1/ideas/actions/${action.body.id}/progress`, {
        status,
        progress: 100,
        note: '已完成',
      });
    expect((await progress('done')).status).toBe(200);
    expectRefused(await progress('in_progress'), 'action_closed', 'status');
  });

  it('name the missing experts when reviews are assigned', async () => {
    expectRefused(await office.post('/api/v1/ideas/reviews/assign', { k: 3 }), 'no_experts', 'experts');
  });
});

describe('refusals of a screening decision', () => {
  const screen = (id: string, body: Record<string, unknown>) =>
    office.post(`/api/v1/ideas/suggestions/${id}/screen`, body);

  it('name a suggestion no longer in a state the decision starts from, and a target that takes none', async () => {
    const rejected = await makeSuggestion(t, { town: tree.street, state: 'rejected', screener: office });
    const accepting = await screen(rejected.id, { decision: 'accept' });
    expect(accepting.status).toBe(422);
    expect((accepting.body as Refusal).errors).toEqual([
      expect.objectContaining({ path: rejected.id, code: 'not_screenable' }),
    ]);
    const merged = await makeSuggestion(t, { town: tree.street });
    expectRefused(
      await screen(merged.id, { decision: 'merge', into: rejected.id }),
      'not_mergeable_into',
      'into',
    );
  });

  it('refuse a merge into a suggestion of an earlier campaign, which keeps its supports', async () => {
    const earlier = await makeSuggestion(t, { town: tree.street, state: 'accepted', screener: office });
    const next = await makeCampaign(office);
    expect((await office.post(`/api/v1/ideas/campaigns/${next.id}/make-current`)).status).toBe(200);
    const later = await makeSuggestion(t, { town: tree.street });
    const merging = await screen(later.id, { decision: 'merge', into: earlier.id });
    expect(merging.status).toBe(400);
    expect((merging.body as Refusal).errors).toEqual([
      expect.objectContaining({ path: 'into', code: 'other_campaign' }),
    ]);
  });
});
