import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { type District, makeDistrict, signedIn } from '../../test-support/factories.js';
import { makeCampaign, makeSuggestion } from '../../test-support/factories-ideas.js';
import { ideaCampaigns } from './schema.js';
import { auditRows } from './test-helpers.js';

let t: TestContext;
let tree: District;
let office: TestClient;
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  tree = await makeDistrict(t);
  office = await signedIn(t, 'admin', tree.district);
  // The current campaign, with a suggestion labelled with its first domain.
  const current = await makeCampaign(office);
  await makeSuggestion(t, { town: tree.town, extra: { domain: current.domains[0]!.code } });
});
afterAll(() => t.close());

const campaignInput = (code: string) => ({
  code,
  theme: '奋进新时代 共建幸福城',
  startsOn: '2027-03-01',
  endsOn: '2027-05-31',
  focusAreas: [
    { name: '城市更新', description: '老旧小区与街巷' },
    { name: '乡村振兴', description: '' },
  ],
  domains: [
    { code: 'renewal', name: '城市更新', description: '老旧小区 改造 加装电梯 停车' },
    { code: 'rural', name: '乡村振兴', description: '农业 农村 合作社 特色产业' },
  ],
  channels: ['online', 'written'],
  authorKinds: ['resident', 'enterprise'],
  rubric: [
    { code: 'value', name: '价值性', weight: 0.6 },
    { code: 'feasibility', name: '可行性', weight: 0.4 },
  ],
  rejectReasons: ['off_topic', 'duplicate'],
  listSizes: { golden_idea: 10, good_idea: 10, hard_problem: 5 },
});

type Summary = { id: string; code: string; isCurrent: boolean; suggestions: number };

describe('campaign set-up', () => {
  it('lists the campaigns with the current one and its suggestion count', async () => {
    const res = await office.get<{ items: Summary[] }>('/api/v1/ideas/campaigns');
    expect(res.status).toBe(200);
    const current = res.body.items.filter((c) => c.isCurrent);
    expect(current).toHaveLength(1);
    expect(current[0]!.suggestions).toBeGreaterThan(0);
  });

  it('creates a campaign that waits, audited, and refuses a taken code', async () => {
    const res = await office.post<{ id: string; reviewersPerItem: number }>(
      '/api/v1/ideas/campaigns',
      campaignInput('spring-2027'),
    );
    expect(res.status).toBe(201);
    expect(res.body.reviewersPerItem).toBe(3);
    const [row] = await t.database.db.select().from(ideaCampaigns).where(eq(ideaCampaigns.id, res.body.id));
    expect(row!.isCurrent).toBe(false);
    expect(await auditRows(t.database.db, 'campaign.create', res.body.id)).toHaveLength(1);
    const again = await office.post('/api/v1/ideas/campaigns', campaignInput('spring-2027'));
    expect(again.status).toBe(409);
    // Two at once with one new code: one is created, the other is a conflict, never an error.
    const raced = await Promise.all([
      office.post('/api/v1/ideas/campaigns', campaignInput('summer-2027')),
      office.post('/api/v1/ideas/campaigns', campaignInput('summer-2027')),
    ]);
    expect(raced.map((r) => r.status).sort()).toEqual([201, 409]);
  });

  it('names the fields at fault, in both languages', async () => {
    const bad = {
      ...campaignInput('bad-one'),
      endsOn: '2027-01-01',
      domains: [
        { code: 'x', name: '甲', description: '' },
        { code: 'x', name: '乙', description: '' },
      ],
      channels: ['carrier-pigeon'],
    };
    const res = await office.post<{ errors: Array<{ path: string; code?: string }> }>(
      '/api/v1/ideas/campaigns',
      bad,
    );
    expect(res.status).toBe(400);
    const paths = res.body.errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['domains.1', 'channels.0']));
    // Stable reasons, for the pages to word in the reader's language.
    expect(res.body.errors.find((e) => e.path === 'domains.1')?.code).toBe('duplicate');
    expect(res.body.errors.find((e) => e.path === 'channels.0')?.code).toBe('invalid_value');
    const en = await office.request<{ title: string }>('POST', '/api/v1/ideas/campaigns', bad, {
      'accept-language': 'en',
    });
    expect(en.body.title).toMatch(/invalid/i);
    const order = await office.post<{ errors: Array<{ path: string; code?: string }> }>(
      '/api/v1/ideas/campaigns',
      { ...campaignInput('bad-two'), endsOn: '2027-01-01' },
    );
    expect(order.body.errors).toContainEqual(
      expect.objectContaining({ path: 'endsOn', code: 'period_order' }),
    );
    const none = await t.database.db.select().from(ideaCampaigns).where(eq(ideaCampaigns.code, 'bad-one'));
    expect(none).toHaveLength(0);
  });

  it('edits a campaign but will not drop a domain that labels suggestions', async () => {
    const [current] = await t.database.db
      .select()
      .from(ideaCampaigns)
      .where(eq(ideaCampaigns.isCurrent, true));
    const kept = current!.domains.slice(1);
    const res = await office.patch<{ errors: Array<{ message: string }> }>(
      `/api/v1/ideas/campaigns/${current!.id}`,
      { domains: kept },
    );
    expect(res.status).toBe(409);
    const ok = await office.patch<{ theme: string; listSizes: Record<string, number> }>(
      `/api/v1/ideas/campaigns/${current!.id}`,
      {
        theme: '迎接高铁时代 建设中心城市（修订）',
        listSizes: { golden_idea: 12, good_idea: 10, hard_problem: 10 },
      },
    );
    expect(ok.status).toBe(200);
    expect(ok.body.listSizes.golden_idea).toBe(12);
    const pub = await t.client().get<{ theme: string }>('/api/v1/public/campaign');
    expect(pub.body.theme).toBeDefined();
    expect(await auditRows(t.database.db, 'campaign.update', current!.id)).toHaveLength(1);
  });

  it('switches the current campaign, and only the office may', async () => {
    const created = await office.post<{ id: string }>(
      '/api/v1/ideas/campaigns',
      campaignInput('autumn-2027'),
    );
    const others = [
      signedIn(t, 'organiser', tree.street),
      signedIn(t, 'screener', tree.district),
      signedIn(t, 'expert', tree.district),
      signedIn(t, 'department_staff', tree.department),
      signedIn(t, 'supervisor', tree.district),
      signedIn(t, 'enterprise', tree.district),
      signedIn(t, 'citizen', tree.district),
      // An admin, but of a street: the current campaign is the district office's.
      signedIn(t, 'admin', tree.street),
    ];
    for (const c of await Promise.all(others)) {
      expect((await c.post(`/api/v1/ideas/campaigns/${created.body.id}/make-current`)).status).toBe(403);
      expect((await c.get('/api/v1/ideas/campaigns')).status).toBe(403);
    }
    expect((await t.client().get('/api/v1/ideas/campaigns')).status).toBe(401);
    const [before] = await t.database.db
      .select()
      .from(ideaCampaigns)
      .where(eq(ideaCampaigns.isCurrent, true));
    const res = await office.post(`/api/v1/ideas/campaigns/${created.body.id}/make-current`);
    expect(res.status).toBe(200);
    const current = await t.database.db.select().from(ideaCampaigns).where(eq(ideaCampaigns.isCurrent, true));
    expect(current.map((c) => c.id)).toEqual([created.body.id]);
    // Switch back, so that the first campaign stays current for whatever runs after.
    await office.post(`/api/v1/ideas/campaigns/${before!.id}/make-current`);
    expect(await auditRows(t.database.db, 'campaign.makeCurrent')).toHaveLength(2);
  });
});
