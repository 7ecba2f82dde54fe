import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { currentCampaign } from './queries/campaigns.js';
import { hardProblems, refreshHardProblems } from './queries/hard-problems.js';
import { unitId } from './test-helpers.js';

let t: TestContext;
let office: TestClient;
let screener: TestClient;
let campaignId: string;
beforeAll(async () => {
  t = await createTestContext();
  office = await t.as('office');
  screener = await t.as('screener');
  campaignId = (await currentCampaign(t.database.db)).id;
});
afterAll(() => t.close());

type Candidate = { memberIds: string[]; title: string };

describe('hard-problem candidates', () => {
  it('are clustered once and kept while the suggestions stay the same', async () => {
    const first = await hardProblems(t.database.db, campaignId);
    expect(first.length).toBeGreaterThan(0);
    expect(await hardProblems(t.database.db, campaignId)).toBe(first);
  });

  it('are clustered again once suggestions are accepted, and the new problem shows', async () => {
    const before = await hardProblems(t.database.db, campaignId);
    const townId = await unitId(t.database.db, 'QJ-S03');
    const ids: string[] = [];
    for (let n = 0; n < 6; n++) {
      const res = await t.client().post<{ id: string }>('/api/v1/public/suggestions', {
        title: `黔江站出租车夜间拒载绕路${n}`,
        body: `黔江高铁站晚上出租车拒载、绕路、不打表，建议加强出租车夜间管理并设监督电话。第${n}次反映`,
        townId,
        authorKind: 'resident',
      });
      expect(res.status).toBe(201);
      ids.push(res.body.id);
    }
    const accepted = await screener.post('/api/v1/ideas/screening/bulk', { ids, decision: 'accept' });
    expect(accepted.status).toBe(200);
    // A clustering this recent answers at once while the next one runs in the background.
    expect(await hardProblems(t.database.db, campaignId)).toBe(before);
    await refreshHardProblems(t.database.db);
    const after = await hardProblems(t.database.db, campaignId);
    expect(after).not.toBe(before);
    expect(after.some((c) => ids.every((id) => c.memberIds.includes(id)))).toBe(true);
    const listed = await office.get<Candidate[]>('/api/v1/ideas/lists/hard_problem/candidates');
    expect(listed.status).toBe(200);
    expect(listed.body.some((c) => ids.every((id) => c.memberIds.includes(id)))).toBe(true);
  });
});
