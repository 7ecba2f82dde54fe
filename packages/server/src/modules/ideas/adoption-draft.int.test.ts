import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { type District, makeDistrict, signedIn } from '../../test-support/factories.js';
import { makeCampaign, makeSuggestion } from '../../test-support/factories-ideas.js';

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

type List = { id: string; publishedAt: string | null; entries: Array<{ id: string }> };

describe('adopting an entry of a list', () => {
  it('is refused while the list is a draft, which stays editable, and done once it is published', async () => {
    const a = await makeSuggestion(t, { town: tree.street, state: 'accepted', screener: office });
    const b = await makeSuggestion(t, { town: tree.street, state: 'accepted', screener: office });
    const entry = (suggestionId: string, rank: number) => ({
      rank,
      suggestionId,
      memberIds: [],
      title: `金点子${rank}`,
      citation: '贴近民生',
    });
    const draft = await office.put<List>('/api/v1/ideas/lists/golden_idea', { entries: [entry(a.id, 1)] });
    expect(draft.status).toBe(200);
    const action = (entryId: string) => ({
      entryId,
      title: '落实金点子',
      ownerUnitId: tree.department.id,
      dueOn: '2099-06-30',
    });
    const refused = await office.request<{ code: string; title: string; errors: Array<{ code: string }> }>(
      'POST',
      '/api/v1/ideas/actions',
      action(draft.body.entries[0]!.id),
      { 'accept-language': 'en' },
    );
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('INVALID_STATE');
    expect(refused.body.title).toBe('Not allowed in the current state');
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ code: 'list_unpublished', path: 'entryId' }),
    ]);
    // The draft is still the office's to change.
    const resaved = await office.put<List>('/api/v1/ideas/lists/golden_idea', {
      entries: [entry(b.id, 1), entry(a.id, 2)],
    });
    expect(resaved.status).toBe(200);
    expect((await office.post('/api/v1/ideas/lists/golden_idea/publish')).status).toBe(200);
    const adopted = await office.post('/api/v1/ideas/actions', action(resaved.body.entries[0]!.id));
    expect(adopted.status).toBe(201);
  });
});
