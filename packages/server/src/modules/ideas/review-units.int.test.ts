import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { type District, makeDistrict, makeUnit, signedIn } from '../../test-support/factories.js';
import { makeCampaign, makeSuggestion } from '../../test-support/factories-ideas.js';
import type { Unit } from '../units/api.js';
import { ideaReviews } from './schema.js';

let t: TestContext;
let tree: District;
let office: TestClient;
let community: Unit;
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  tree = await makeDistrict(t);
  office = await signedIn(t, 'admin', tree.district);
  await makeCampaign(office);
  community = await makeUnit(t, { parent: tree.street, kind: 'community' });
});
afterAll(() => t.close());

const reviewersOf = async (id: string) =>
  (await t.database.db.select().from(ideaReviews).where(eq(ideaReviews.suggestionId, id))).map(
    (r) => r.expertId,
  );

describe('the conflict of interest in assigning reviewers', () => {
  it('leaves out an expert of a unit inside or around the suggestion’s town, not one of the district', async () => {
    const expertAt = async (unit: Pick<Unit, 'id'>) => (await signedIn(t, 'expert', unit)).user.id;
    const ofCommunity = await expertAt(community);
    const ofStreet = await expertAt(tree.street);
    const ofDistrict = await expertAt(tree.district);
    const ofTown = await expertAt(tree.town);
    const shortlisted = async (town: Pick<Unit, 'id'>) => {
      const s = await makeSuggestion(t, { town, state: 'accepted', screener: office });
      expect((await office.post('/api/v1/ideas/shortlist/edit', { add: [s.id] })).status).toBe(200);
      return s.id;
    };
    const fromStreet = await shortlisted(tree.street);
    const fromCommunity = await shortlisted(community);
    const res = await office.post<{ assigned: number }>('/api/v1/ideas/reviews/assign', { k: 4 });
    expect(res.status).toBe(200);
    // The community lies inside the street: neither of their experts reviews the other's suggestion.
    for (const id of [fromStreet, fromCommunity]) {
      const reviewers = await reviewersOf(id);
      expect(reviewers).not.toContain(ofCommunity);
      expect(reviewers).not.toContain(ofStreet);
      expect(reviewers.sort()).toEqual([ofDistrict, ofTown].sort());
    }
  });
});
