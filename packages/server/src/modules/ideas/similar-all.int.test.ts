import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test-support/app.js';
import { makeUnit, signedIn } from '../../test-support/factories.js';
import { type MadeCampaign, makeCampaign } from '../../test-support/factories-ideas.js';
import type { Unit } from '../units/api.js';

let t: TestContext;
let campaign: MadeCampaign;
let town: Unit;
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  const district = await makeUnit(t);
  town = await makeUnit(t, { parent: district });
  campaign = await makeCampaign(await signedIn(t, 'admin', district));
});
afterAll(() => t.close());

const old = {
  title: '阿蓬江沿岸修建滨江步道',
  body: '建议沿阿蓬江城区段修建滨江步道和观景平台，晚上安装路灯，方便市民散步锻炼。',
};
const topics = ['老旧小区加装电梯', '乡村物流站点建设', '中小学课后服务', '农贸市场改造', '城区停车位不足'];

/** Suggestions straight into the table: `count` of them, `days` after the campaign's start. */
async function insert(rows: string, days: number) {
  await t.database.db.execute(sql`
    insert into idea_suggestions (campaign_id, title, body, domain, town_id, author_kind, channel,
      tracking_code, status, created_at)
    select ${campaign.id}, x.title, x.body, 'transport', ${town.id}, 'resident', 'online',
      'S' || lpad(x.n::text, 9, '0'), 'accepted', timestamptz '2026-04-02' + make_interval(days => ${days}, secs => x.n)
    from (${sql.raw(rows)}) x`);
}

describe('similar suggestions while typing', () => {
  it('finds a close match among all of the campaign’s suggestions, not only the newest 1,000', async () => {
    await insert(`select 0 as n, '${old.title}' as title, '${old.body}' as body`, 0);
    const topic = `(array['${topics.join("','")}'])[1 + g % ${topics.length}]`;
    await insert(
      `select g as n, '关于' || ${topic} || '的建议第' || g || '号' as title,
        '群众反映' || ${topic} || '问题较多，建议相关部门第' || g || '次研究解决。' as body
       from generate_series(1, 1200) g`,
      10,
    );

    // The old one is past the newest 1,000 the submit page used to load: 1,200 came after it.
    const anyone = t.client('10.8.0.1');

    const res = await anyone.post<{
      domain: { code: string };
      similar: Array<{ id: string; title: string; similarity: number; duplicate: boolean }>;
    }>('/api/v1/public/suggestions/similar', {
      text: '阿蓬江城区段修滨江步道\n建议在阿蓬江城区一段修建滨江步道和观景台，并安装夜间路灯，方便居民散步健身。',
    });
    expect(res.status).toBe(200);
    const [first] = res.body.similar;
    expect(first!.title).toBe(old.title);
    expect(first!.similarity).toBeGreaterThan(0.5);
    expect(typeof first!.duplicate).toBe('boolean');
    expect(res.body.similar.every((s) => !s.title.includes('加装电梯'))).toBe(true);
    expect(campaign.domains.map((d) => d.code)).toContain(res.body.domain.code);
  });
});
