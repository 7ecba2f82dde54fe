import { eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { type District, makeDistrict, signedIn } from '../../test-support/factories.js';
import { type MadeCampaign, makeCampaign } from '../../test-support/factories-ideas.js';
import { sheetOf } from '../../test-support/workbook.js';
import { ideaReviews, ideaSuggestions } from './schema.js';
import { auditRows } from './test-helpers.js';

let t: TestContext;
let tree: District;
let office: TestClient;
let organiser: TestClient;
let screener: TestClient;
let experts: Array<TestClient & { user: { id: string } }>;
let campaign: MadeCampaign;
const ids: Record<string, string> = {};
const rubric = { value: 8, feasibility: 7, innovation: 6, benefit: 9 };

interface Item {
  id: string;
  title: string;
  domain: string;
  reason: 'proposed' | 'same_group' | 'over_quota';
  rank: number | null;
  representative: { id: string; title: string } | null;
  shortlisted: boolean;
  groupSize: number;
  actions: { toggle: boolean };
}
interface Page {
  total: number;
  items: Item[];
  domains: Array<{ code: string; name: string; quota: number; accepted: number; proposed: number }>;
  accepted: number;
  proposed: number;
  shortlisted: number;
  actions: { apply: boolean; setQuota: boolean; edit: boolean; export: boolean };
}

/** A suggestion sent on the public form and accepted into `domain`. */
async function accepted(key: string, town: string, domain: string, title: string, body: string) {
  const made = await t.client().post<{ id: string }>('/api/v1/public/suggestions', {
    title,
    body,
    townId: town,
    authorKind: 'resident',
  });
  expect(made.status).toBe(201);
  const screened = await office.post(`/api/v1/ideas/suggestions/${made.body.id}/screen`, {
    decision: 'accept',
    domain,
  });
  expect(screened.status).toBe(200);
  ids[key] = made.body.id;
}

const page = async (c: TestClient, query = 'pageSize=100') =>
  (await c.get<Page>(`/api/v1/ideas/shortlist?${query}`)).body;
const shortlistedIds = async () =>
  (
    await t.database.db
      .select({ id: ideaSuggestions.id })
      .from(ideaSuggestions)
      .where(isNotNull(ideaSuggestions.shortlistedAt))
  ).map((r) => r.id);

beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  tree = await makeDistrict(t);
  office = await signedIn(t, 'admin', tree.district);
  organiser = await signedIn(t, 'organiser', tree.street);
  screener = await signedIn(t, 'screener', tree.district);
  campaign = await makeCampaign(office);
  experts = [];
  for (let i = 0; i < 3; i++) experts.push(await signedIn(t, 'expert', tree.district));
  const station =
    '高铁开通后客流大增，建议开通黔江高铁站到城区的公交接驳专线，末班车延长到晚上十点，方便群众出行。';
  await accepted('bus1', tree.street.id, 'transport', '开通高铁站公交接驳专线', station);
  await accepted('bus2', tree.street.id, 'transport', '建议开通高铁站公交接驳专线', `${station}请尽快落实。`);
  await accepted('bus3', tree.town.id, 'transport', '高铁站公交接驳专线要尽快开通', `${station}谢谢！`);
  await accepted(
    'parking',
    tree.town.id,
    'transport',
    '城区停车难',
    '老城区停车位严重不足，建议利用边角地建设立体停车场，实行错时共享停车。',
  );
  await accepted(
    'lake',
    tree.town.id,
    'tourism',
    '小南海景区提档升级',
    '建议小南海景区完善游客中心和环湖步道，开发地震遗址研学线路，延长游客停留时间。',
  );
  await accepted(
    'homestay',
    tree.street.id,
    'tourism',
    '发展乡村民宿集群',
    '依托濯水古镇周边村落发展特色民宿集群，统一标准、统一推介，带动农户增收。',
  );
  // Supports make bus2 its group's representative.
  await t.database.db.update(ideaSuggestions).set({ supports: 9 }).where(eq(ideaSuggestions.id, ids.bus2!));
});
afterAll(() => t.close());

describe('the shortlist (入围)', () => {
  it('proposes one per near-duplicate group, the hottest first, by each domain’s quota', async () => {
    const res = await office.patch(`/api/v1/ideas/campaigns/${campaign.id}`, {
      shortlistQuota: { perDomain: 1, byDomain: { tourism: 2 } },
    });
    expect(res.status).toBe(200);
    const p = await page(office);
    expect(p.accepted).toBe(6);
    const byKey = (k: string) => p.items.find((i) => i.id === ids[k])!;
    // The three bus suggestions are one group, represented by the most supported.
    expect(byKey('bus2').reason).toBe('proposed');
    expect(byKey('bus2').groupSize).toBe(3);
    for (const k of ['bus1', 'bus3']) {
      expect(byKey(k).reason).toBe('same_group');
      expect(byKey(k).representative).toEqual({ id: ids.bus2, title: '建议开通高铁站公交接驳专线' });
    }
    // One transport place: the bus group is hotter than the parking suggestion alone.
    expect(byKey('parking')).toMatchObject({ reason: 'over_quota', rank: 2 });
    expect(byKey('lake').reason).toBe('proposed');
    expect(byKey('homestay').reason).toBe('proposed');
    expect(p.domains.map((d) => [d.name, d.quota, d.proposed])).toEqual([
      ['交通出行', 1, 1],
      ['文旅融合', 2, 2],
    ]);
    expect(p.proposed).toBe(3);
    expect(p.shortlisted).toBe(0);
    expect(p.actions).toEqual({ apply: true, setQuota: true, edit: true, export: true });
  });

  it('refuses a quota for a domain the campaign does not have, changing nothing', async () => {
    const res = await office.patch<{ errors: Array<{ code: string }> }>(
      `/api/v1/ideas/campaigns/${campaign.id}`,
      {
        shortlistQuota: { perDomain: 5, byDomain: { farming: 3 } },
      },
    );
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e) => e.code)).toContain('unknown_domain');
    expect((await page(office)).domains[0]!.quota).toBe(1);
  });

  it('applies the proposal for the office only, and audits it', async () => {
    expect((await organiser.post('/api/v1/ideas/shortlist/apply', { replace: true })).status).toBe(403);
    const res = await office.post<{ added: number; removed: number; shortlisted: number }>(
      '/api/v1/ideas/shortlist/apply',
      { replace: true },
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ added: 3, removed: 0, shortlisted: 3 });
    expect((await shortlistedIds()).sort()).toEqual([ids.bus2, ids.lake, ids.homestay].sort());
    expect(await auditRows(t.database.db, 'shortlist.apply')).toHaveLength(1);
    const differs = await page(office, 'view=differs');
    expect(differs.total).toBe(0);
  });

  it('lets an organiser edit in their own towns only, all or nothing', async () => {
    const own = await page(organiser);
    // The organiser's street holds bus1, bus2 and homestay.
    expect(own.items.map((i) => i.id).sort()).toEqual([ids.bus1, ids.bus2, ids.homestay].sort());
    expect(own.actions.apply).toBe(false);
    const outside = await organiser.post<{ errors: Array<{ path: string; code: string }> }>(
      '/api/v1/ideas/shortlist/edit',
      { add: [ids.bus1, ids.parking] },
    );
    expect(outside.status).toBe(400);
    expect(outside.body.errors).toEqual([expect.objectContaining({ path: 'add.1', code: 'outside_scope' })]);
    expect(await shortlistedIds()).not.toContain(ids.bus1);
    const ok = await organiser.post<{ added: number; shortlisted: number }>('/api/v1/ideas/shortlist/edit', {
      add: [ids.bus1],
    });
    expect(ok.body).toMatchObject({ added: 1, shortlisted: 4 });
    expect(await auditRows(t.database.db, 'shortlist.edit', ids.bus1)).toHaveLength(1);
    const unknown = await office.post<{ errors: Array<{ code: string }> }>('/api/v1/ideas/shortlist/edit', {
      add: [crypto.randomUUID()],
    });
    expect(unknown.body.errors[0]!.code).toBe('unknown_suggestion');
    expect((await screener.get('/api/v1/ideas/shortlist')).status).toBe(403);
    expect((await screener.post('/api/v1/ideas/shortlist/edit', { add: [ids.bus1] })).status).toBe(403);
  });

  it('opens the selection page to organisers for the shortlist only, and its other parts to the office', async () => {
    const open = async (who: TestClient) => await who.get<Record<string, boolean>>('/api/v1/ideas/selection');
    expect((await open(office)).body).toEqual({ shortlist: true, results: true, lists: true });
    expect((await open(organiser)).body).toEqual({ shortlist: true, results: false, lists: false });
    expect((await open(screener)).status).toBe(403);
    // What the page shows is what the routes behind it answer.
    expect((await organiser.get('/api/v1/ideas/shortlist')).status).toBe(200);
    expect((await organiser.get('/api/v1/ideas/reviews/results')).status).toBe(403);
    expect((await organiser.get('/api/v1/ideas/lists')).status).toBe(403);
  });

  it('refuses to shortlist a suggestion not accepted', async () => {
    const made = await t.client().post<{ id: string }>('/api/v1/public/suggestions', {
      title: '菜市场改造',
      body: '建议改造城西农贸市场，增加遮雨棚和排水沟，规范摊位管理。',
      townId: tree.street.id,
      authorKind: 'resident',
    });
    const res = await office.post<{ errors: Array<{ code: string }> }>('/api/v1/ideas/shortlist/edit', {
      add: [made.body.id],
    });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]!.code).toBe('not_accepted');
  });

  it('assigns only the shortlist, and no expert beyond the cap', async () => {
    const res = await office.post<{ assigned: number; short: number; maxLoad: number }>(
      '/api/v1/ideas/reviews/assign',
      { k: 3, maxLoad: 2 },
    );
    expect(res.status).toBe(200);
    // Four shortlisted × three reviewers wanted, three experts × two each allowed.
    expect(res.body).toMatchObject({ assigned: 6, maxLoad: 2 });
    expect(res.body.short).toBeGreaterThan(0);
    const rows = await t.database.db.select().from(ideaReviews);
    const shortlisted = new Set(await shortlistedIds());
    expect(rows.every((r) => shortlisted.has(r.suggestionId))).toBe(true);
    const load = new Map<string, number>();
    for (const r of rows) load.set(r.expertId, (load.get(r.expertId) ?? 0) + 1);
    expect([...load.values()].sort()).toEqual([2, 2, 2]);
  });

  it('takes an item off with its open assignments, but never one the experts have scored', async () => {
    const rows = await t.database.db.select().from(ideaReviews);
    const scoredItem = rows[0]!.suggestionId;
    const expert = experts.find((e) => e.user.id === rows[0]!.expertId)!;
    expect((await expert.put(`/api/v1/ideas/reviews/${scoredItem}`, { scores: rubric })).status).toBe(200);
    const refused = await office.post<{ errors: Array<{ code: string }> }>('/api/v1/ideas/shortlist/edit', {
      remove: [scoredItem],
    });
    expect(refused.body.errors[0]!.code).toBe('already_reviewed');
    const open = rows.find((r) => r.suggestionId !== scoredItem)!.suggestionId;
    const ok = await office.post<{ removed: number }>('/api/v1/ideas/shortlist/edit', { remove: [open] });
    expect(ok.body.removed).toBe(1);
    const left = await t.database.db.select().from(ideaReviews).where(eq(ideaReviews.suggestionId, open));
    expect(left).toEqual([]);
    // Applying the proposal again keeps what experts already have.
    await office.patch(`/api/v1/ideas/campaigns/${campaign.id}`, {
      shortlistQuota: { perDomain: 0, byDomain: {} },
    });
    const before = (await shortlistedIds()).length;
    const adding = await office.post<{ added: number; removed: number }>('/api/v1/ideas/shortlist/apply', {
      replace: false,
    });
    expect(adding.body).toMatchObject({ added: 0, removed: 0 });
    expect(await shortlistedIds()).toHaveLength(before);
    expect((await office.post('/api/v1/ideas/shortlist/apply', {})).status).toBe(400);
    const again = await office.post<{ kept: number; shortlisted: number }>('/api/v1/ideas/shortlist/apply', {
      replace: true,
    });
    expect(again.body.kept).toBeGreaterThanOrEqual(1);
    expect(await shortlistedIds()).toContain(scoredItem);
  });

  it('exports the shortlist to Excel with named columns', async () => {
    const res = await office.get<Uint8Array>('/api/v1/ideas/shortlist/export');
    expect(res.status).toBe(200);
    const sheet = await sheetOf(res.body);
    expect(sheet.name).toBe('入围名单');
    expect(sheet.getRow(1).getCell(1).value).toBe('建议');
    expect(sheet.rowCount - 1).toBe((await shortlistedIds()).length);
  });
});
