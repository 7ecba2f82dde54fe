import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { type District, makeDistrict, signedIn } from '../../test-support/factories.js';
import { type MadeCampaign, makeCampaign, makeSuggestion } from '../../test-support/factories-ideas.js';
import { hardProblems } from './queries/hard-problems.js';

let t: TestContext;
let tree: District;
let campaign: MadeCampaign;
let office: TestClient;
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  tree = await makeDistrict(t);
  office = await signedIn(t, 'admin', tree.district);
  campaign = await makeCampaign(office);
});
afterAll(() => t.close());

const letter = (n: number) => ({
  title: `正阳工业园区货车夜间噪音扰民${n}`,
  body: `正阳工业园区货车夜间频繁进出，噪音很大影响周边居民休息，建议规定货车夜间行驶时段。第${n}封`,
});
const unscreened = (n: number) => ({
  title: `张三丰家门口垃圾站臭气熏天${n}`,
  body: `我是张三丰，电话就不留了，家门口垃圾站夏天臭气熏天，建议搬迁垃圾站或者每天清运两次。第${n}次`,
});

describe('hard-problem candidates', () => {
  it('cluster only suggestions the screeners accepted: none unscreened, rejected or merged', async () => {
    const make = (extra: Record<string, unknown>, state: 'submitted' | 'accepted' | 'rejected') =>
      makeSuggestion(t, { town: tree.street, state, screener: office, extra });
    const accepted: string[] = [];
    for (let n = 0; n < 4; n++) accepted.push((await make(letter(n), 'accepted')).id);
    const waiting: string[] = [];
    for (let n = 0; n < 4; n++) waiting.push((await make(unscreened(n), 'submitted')).id);
    const rejected = (await make(unscreened(9), 'rejected')).id;
    const merged = (await make(letter(8), 'submitted')).id;
    const res = await office.post(`/api/v1/ideas/suggestions/${merged}/screen`, {
      decision: 'merge',
      into: accepted[0],
    });
    expect(res.status).toBe(200);

    const clusters = await hardProblems(t.database.db, campaign.id);
    const members = clusters.flatMap((c) => c.memberIds);
    expect(clusters.some((c) => accepted.every((id) => c.memberIds.includes(id)))).toBe(true);
    for (const id of [...waiting, rejected, merged]) expect(members).not.toContain(id);
    for (const c of clusters) expect(c.title).not.toContain('张三丰');
    const listed = await office.get<Array<{ title: string; memberIds: string[] }>>(
      '/api/v1/ideas/lists/hard_problem/candidates',
    );
    expect(listed.status).toBe(200);
    expect(listed.body.flatMap((c) => c.memberIds)).not.toContain(waiting[0]);
  });
});
