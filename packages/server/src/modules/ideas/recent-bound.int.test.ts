import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test-support/app.js';
import { makeUnit, signedIn } from '../../test-support/factories.js';
import { makeCampaign } from '../../test-support/factories-ideas.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  const district = await makeUnit(t);
  const town = await makeUnit(t, { parent: district });
  const campaign = await makeCampaign(await signedIn(t, 'admin', district));
  await t.database.db.execute(sql`
    insert into idea_suggestions (campaign_id, title, body, domain, town_id, author_kind, channel,
      tracking_code, status, created_at)
    select ${campaign.id}, '关于第' || g || '号问题的建议', '建议相关部门研究解决第' || g || '号问题。', 'transport',
      ${town.id}, 'resident', 'online', 'R' || lpad(g::text, 9, '0'), 'accepted',
      timestamptz '2026-04-02' + make_interval(secs => g)
    from generate_series(1, 80) g`);
});
afterAll(() => t.close());

type Problem = { code: string; errors: Array<{ path: string }> };

describe('the newest suggestions, to anyone', () => {
  it('answers 20 unless asked, and at most 50', async () => {
    const anyone = t.client('10.8.1.1');
    expect((await anyone.get<unknown[]>('/api/v1/public/suggestions/recent')).body).toHaveLength(20);
    const most = await anyone.get<Array<{ title: string }>>('/api/v1/public/suggestions/recent?limit=50');
    expect(most.body).toHaveLength(50);
    expect(most.body[0]!.title).toBe('关于第80号问题的建议');
  });

  it('refuses to be asked for more than 50, naming the field', async () => {
    for (const limit of [51, 5000]) {
      const res = await t.client('10.8.1.2').get<Problem>(`/api/v1/public/suggestions/recent?limit=${limit}`);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION');
      expect(res.body.errors.map((e) => e.path)).toEqual(['limit']);
    }
  });
});
