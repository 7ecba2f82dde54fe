import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../audit/schema.js';
import { throttles } from '../../auth/schema.js';
import { todayInChina } from '../../kernel/deadlines.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { type District, makeDistrict, signedIn } from '../../test-support/factories.js';
import { type MadeCampaign, makeCampaign, suggestionInput } from '../../test-support/factories-ideas.js';
import { currentCampaign } from './queries/campaigns.js';
import { computeStats } from './queries/stats.js';
import { ideaCampaigns, ideaParticipations, ideaSuggestions, ideaSurveyResponses } from './schema.js';
import { auditRows } from './test-helpers.js';

let t: TestContext;
let tree: District;
let office: TestClient;
let campaign: MadeCampaign;
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  tree = await makeDistrict(t);
  office = await signedIn(t, 'admin', tree.district);
  campaign = await makeCampaign(office);
});
afterAll(() => t.close());

type Problem = {
  title: string;
  detail?: string;
  errors: Array<{ path: string; code?: string; params?: Record<string, string> }>;
};

/** What a refused request must leave as it was. */
async function written() {
  const db = t.database.db;
  const count = { n: sql<number>`count(*)::int` };
  const [[s], [p], [a], [r]] = await Promise.all([
    db.select(count).from(ideaSuggestions),
    db.select(count).from(ideaParticipations),
    db.select(count).from(auditEvents),
    db.select(count).from(ideaSurveyResponses),
  ]);
  return { suggestions: s!.n, participations: p!.n, audit: a!.n, answers: r!.n };
}

let answerers = 0;
/** One survey answer from a visitor of their own (the survey takes one per browser and address). */
const answer = () =>
  t.client(`203.0.113.${++answerers}`).post<Problem>('/api/v1/public/survey', {
    townId: tree.town.id,
    authorKind: 'resident',
    answers: { travel: '公交' },
  });
// A survey answer is refused in words of its own: the survey closed, not the suggestions' intake.
const closedOn = (endsOn: string) => [
  expect.objectContaining({ path: 'campaign', code: 'survey_closed', params: { endsOn } }),
];

const isPublicOpen = async () =>
  (await t.client().get<{ intakeOpen: boolean; endsOn: string }>('/api/v1/public/campaign')).body;

describe('the campaign’s period', () => {
  it('takes the public’s suggestions until the end of the period, then refuses them with a 409 that writes nothing', async () => {
    expect((await isPublicOpen()).intakeOpen).toBe(true);
    const open = await t.client().post('/api/v1/public/suggestions', suggestionInput(tree.town));
    expect(open.status).toBe(201);
    // The office ends the period in the past (an edit of the campaign).
    const ended = await office.patch(`/api/v1/ideas/campaigns/${campaign.id}`, { endsOn: '2026-05-31' });
    expect(ended.status).toBe(200);
    expect(await isPublicOpen()).toMatchObject({ intakeOpen: false, endsOn: '2026-05-31' });
    const before = await written();
    const refused = await t.client().post<Problem>('/api/v1/public/suggestions', suggestionInput(tree.town));
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body.title).toBe('与现有数据冲突');
    expect(refused.body.errors).toEqual([
      expect.objectContaining({
        path: 'campaign',
        code: 'campaign_closed',
        params: { endsOn: '2026-05-31' },
      }),
    ]);
    const en = await t
      .client()
      .request<Problem>('POST', '/api/v1/public/suggestions', suggestionInput(tree.town), {
        'accept-language': 'en',
      });
    expect(en.status).toBe(409);
    expect(en.body.title).toBe('Conflicts with existing data');
    expect(await written()).toEqual(before);
  });

  it('refuses the public’s survey answers too once the period has ended, writing nothing', async () => {
    const before = await written();
    const refused = await answer();
    expect(refused.status).toBe(409);
    expect(refused.body.errors).toEqual(closedOn('2026-05-31'));
    expect(refused.body.detail).toBe('the survey closed on 2026-05-31');
    expect(await written()).toEqual(before);
  });

  it('still lets staff enter the letters collected during the period', async () => {
    const organiser = await signedIn(t, 'organiser', tree.district);
    const res = await organiser.post('/api/v1/ideas/suggestions', {
      ...suggestionInput(tree.town),
      channel: 'written',
    });
    expect(res.status).toBe(201);
  });

  it('is extended by the office only, to a later end, audited; the public may submit again', async () => {
    const organiser = await signedIn(t, 'organiser', tree.street);
    const before = await written();
    const earlier = await office.post<Problem>(`/api/v1/ideas/campaigns/${campaign.id}/extend`, {
      endsOn: '2026-05-01',
    });
    expect(earlier.status).toBe(400);
    expect(earlier.body.errors).toEqual([
      expect.objectContaining({ path: 'endsOn', code: 'not_after_end', params: { endsOn: '2026-05-31' } }),
    ]);
    const notTheirs = await organiser.post(`/api/v1/ideas/campaigns/${campaign.id}/extend`, {
      endsOn: '2099-12-31',
    });
    expect(notTheirs.status).toBe(403);
    const unknown = await office.post(`/api/v1/ideas/campaigns/${crypto.randomUUID()}/extend`, {
      endsOn: '2099-12-31',
    });
    expect(unknown.status).toBe(404);
    expect(await written()).toEqual(before);

    const res = await office.post<{ endsOn: string }>(`/api/v1/ideas/campaigns/${campaign.id}/extend`, {
      endsOn: '2099-12-31',
    });
    expect(res.status).toBe(200);
    expect(res.body.endsOn).toBe('2099-12-31');
    const [event] = await auditRows(t.database.db, 'campaign.extend', campaign.id);
    expect(event).toMatchObject({ before: { endsOn: '2026-05-31' }, after: { endsOn: '2099-12-31' } });
    expect((await isPublicOpen()).intakeOpen).toBe(true);
    const again = await t.client().post('/api/v1/public/suggestions', suggestionInput(tree.town));
    expect(again.status).toBe(201);
    expect((await answer()).status).toBe(200);
  });

  it('refuses a survey answer once another process ended the period, this one’s campaign still cached', async () => {
    const db = t.database.db;
    expect((await currentCampaign(db)).endsOn).toBe('2099-12-31');
    await db.update(ideaCampaigns).set({ endsOn: '2026-06-30' }).where(eq(ideaCampaigns.id, campaign.id));
    try {
      const before = await written();
      const refused = await answer();
      expect(refused.status).toBe(409);
      expect(refused.body.errors).toEqual(closedOn('2026-06-30'));
      expect(await written()).toEqual(before);
    } finally {
      await db.update(ideaCampaigns).set({ endsOn: '2099-12-31' }).where(eq(ideaCampaigns.id, campaign.id));
    }
  });

  it('refuses a suggestion once another process ended the period, this one’s campaign still cached', async () => {
    const db = t.database.db;
    expect((await currentCampaign(db)).endsOn).toBe('2099-12-31');
    await db.update(ideaCampaigns).set({ endsOn: '2026-06-30' }).where(eq(ideaCampaigns.id, campaign.id));
    try {
      const before = await written();
      const refused = await t
        .client()
        .post<Problem>('/api/v1/public/suggestions', suggestionInput(tree.town));
      expect(refused.status).toBe(409);
      expect(refused.body.errors).toEqual([
        expect.objectContaining({
          path: 'campaign',
          code: 'campaign_closed',
          params: { endsOn: '2026-06-30' },
        }),
      ]);
      expect(await written()).toEqual(before);
    } finally {
      await db.update(ideaCampaigns).set({ endsOn: '2099-12-31' }).where(eq(ideaCampaigns.id, campaign.id));
    }
  });

  it('costs the citizen no try of their address’s limit when the write refuses it as the period ended meanwhile', async () => {
    const db = t.database.db;
    const citizen = t.client('198.51.100.7');
    const tries = async () =>
      (await db.select().from(throttles).where(eq(throttles.key, 'ideas.submit:198.51.100.7')))[0]?.count;
    expect((await citizen.post('/api/v1/public/suggestions', suggestionInput(tree.town))).status).toBe(201);
    expect(await tries()).toBe(1);
    await db.update(ideaCampaigns).set({ endsOn: '2026-06-30' }).where(eq(ideaCampaigns.id, campaign.id));
    try {
      const refused = await citizen.post<Problem>('/api/v1/public/suggestions', suggestionInput(tree.town));
      expect(refused.status).toBe(409);
      expect(refused.body.errors).toEqual([expect.objectContaining({ code: 'campaign_closed' })]);
      expect(await tries()).toBe(1);
    } finally {
      await db.update(ideaCampaigns).set({ endsOn: '2099-12-31' }).where(eq(ideaCampaigns.id, campaign.id));
    }
  });

  it('charts every day of the period up to today, a day without participation at 0', async () => {
    const [row] = await t.database.db.select().from(ideaCampaigns).where(eq(ideaCampaigns.id, campaign.id));
    const stats = await computeStats(t.database.db);
    const days = stats.byDay.map((d) => d.key);
    const today = todayInChina();
    expect(days[0]).toBe(row!.startsOn);
    expect(days.at(-1)).toBe([today, row!.endsOn].sort()[0]);
    // One day after another, no gap and no jump.
    for (let i = 1; i < days.length; i++)
      expect(Date.parse(days[i]!) - Date.parse(days[i - 1]!)).toBe(86_400_000);
    expect(stats.byDay.find((d) => d.key === today)?.n).toBeGreaterThanOrEqual(3);
    expect(stats.byDay.filter((d) => d.n === 0).length).toBeGreaterThan(0);
    expect(stats.participations).toBe(stats.byDay.reduce((s, d) => s + d.n, 0));
  });
});
