import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { ideaCampaigns } from './schema.js';

type Problem = { code: string; errors?: Array<{ path: string; code: string }> };

let t: TestContext;
let office: TestClient;
beforeAll(async () => {
  // The demo's current campaign, whose experts have scored on its rubric.
  t = await createTestContext();
  office = await t.as('office');
});
afterAll(() => t.close());

const current = async () =>
  (await t.database.db.select().from(ideaCampaigns).where(eq(ideaCampaigns.isCurrent, true)))[0]!;

describe('the rubric of a campaign its experts have scored on', () => {
  it('keeps its criteria and weights, and lets their names be reworded', async () => {
    const campaign = await current();
    const rubric = campaign.rubric;
    const reweighted = rubric.map((c, i) => ({
      ...c,
      weight: i === 0 ? c.weight + 0.1 : c.weight - 0.1 / 3,
    }));
    const added = [...rubric, { code: 'urgency', name: '紧迫性', weight: 0.1 }];
    for (const attempt of [reweighted, added]) {
      const res = await office.patch<Problem>(`/api/v1/ideas/campaigns/${campaign.id}`, { rubric: attempt });
      expect(res.status).toBe(409);
      expect(res.body.errors).toEqual([expect.objectContaining({ path: 'rubric', code: 'rubric_scored' })]);
    }
    expect((await current()).rubric).toEqual(rubric);

    const renamed = rubric.map((c) => ({ ...c, name: `${c.name}（评分项）` }));
    const ok = await office.patch(`/api/v1/ideas/campaigns/${campaign.id}`, { rubric: renamed });
    expect(ok.status).toBe(200);
    expect((await current()).rubric.map((c) => c.name)).toEqual(renamed.map((c) => c.name));
  });
});
