import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { type District, makeDistrict, signedIn } from '../../test-support/factories.js';
import { type MadeCampaign, makeCampaign, makeSuggestion } from '../../test-support/factories-ideas.js';
import { hardProblems, refreshHardProblems } from './queries/hard-problems.js';

let t: TestContext;
let tree: District;
let campaign: MadeCampaign;
let office: TestClient;
/** An accepted suggestion: only those are clustered. */
const accepted = () => makeSuggestion(t, { town: tree.street, state: 'accepted', screener: office });
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  tree = await makeDistrict(t);
  office = await signedIn(t, 'admin', tree.district);
  campaign = await makeCampaign(office);
  for (let n = 0; n < 4; n++) await accepted();
});
afterAll(() => t.close());

const members = (clusters: Array<{ memberIds: string[] }>) => clusters.flatMap((c) => c.memberIds);

describe('the background refresh of hard-problem candidates', () => {
  it('clusters the current campaign once at start, and not again during intake nobody looks at', async () => {
    await refreshHardProblems(t.database.db, campaign.id);
    const late = await accepted();
    // Suggestions arrive; no one has asked for the candidates, so the refresh leaves them be.
    await refreshHardProblems(t.database.db, campaign.id);
    await refreshHardProblems(t.database.db);
    // The first ask answers from the start-up clustering, which predates the late suggestion.
    const first = await hardProblems(t.database.db, campaign.id);
    expect(first.length).toBeGreaterThan(0);
    expect(members(first)).not.toContain(late.id);
  });

  it('keeps the candidates fresh once asked for', async () => {
    // The ask above started a clustering that includes the late suggestion.
    await refreshHardProblems(t.database.db);
    const asked = await hardProblems(t.database.db, campaign.id);
    const added = await accepted();
    expect(members(await hardProblems(t.database.db, campaign.id))).not.toContain(added.id);
    await refreshHardProblems(t.database.db);
    const fresh = await hardProblems(t.database.db, campaign.id);
    expect(fresh).not.toBe(asked);
    expect(members(fresh)).toContain(added.id);
  });
});
