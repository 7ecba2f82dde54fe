import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { freshPhone, supportAnonymously } from '../../test-support/factories-ideas.js';
import { auditRows, sampleSuggestion, unitId } from './test-helpers.js';

let t: TestContext;
let town: string;
let office: TestClient;
beforeAll(async () => {
  t = await createTestContext();
  town = await unitId(t.database.db, 'QJ-S03');
  office = await t.as('office');
});
afterAll(() => t.close());

interface Submitted {
  id: string;
  trackingCode: string;
  similar: Array<{ id: string }>;
}
const listed = async (word: string) =>
  (
    await t
      .client()
      .get<{ items: Array<{ id: string }> }>(
        `/api/v1/public/suggestions?q=${encodeURIComponent(word)}&pageSize=50`,
      )
  ).body.items.map((s) => s.id);

describe('publication after acceptance (the default)', () => {
  it('keeps a new suggestion off the public site until screening accepts it', async () => {
    const campaign = await t.client().get<{ publication: string }>('/api/v1/public/campaign');
    expect(campaign.body.publication).toBe('after_acceptance');
    const input = { ...sampleSuggestion(town, 900), title: '建议在正阳新区增设夜间公交线路' };
    const first = await t.client().post<Submitted>('/api/v1/public/suggestions', input);
    expect(first.status).toBe(201);
    const id = first.body.id;
    const anyone = t.client('10.9.0.1');
    expect((await anyone.get(`/api/v1/public/suggestions/${id}`)).status).toBe(404);
    expect(await listed('夜间公交')).not.toContain(id);
    expect((await anyone.get(`/api/v1/public/suggestions?status=submitted&pageSize=50`)).body).toMatchObject({
      total: 0,
    });
    expect(
      (await anyone.post(`/api/v1/public/suggestions/${id}/support-code`, { phone: freshPhone() })).status,
    ).toBe(404);
    const comment = { body: '赞成，晚上下班确实没有车。', name: '李' };
    expect((await anyone.post(`/api/v1/public/suggestions/${id}/comments`, comment)).status).toBe(404);
    expect((await anyone.get(`/api/v1/public/suggestions/${id}/comments`)).status).toBe(404);
    const recent = await anyone.get<Array<{ id: string }>>('/api/v1/public/suggestions/recent?limit=50');
    expect(recent.body.map((s) => s.id)).not.toContain(id);
    // A near duplicate typed or sent later is not shown the unscreened one either.
    const similar = await anyone.post<{ similar: Array<{ id: string }> }>(
      '/api/v1/public/suggestions/similar',
      {
        text: input.body,
      },
    );
    expect(similar.body.similar.map((s) => s.id)).not.toContain(id);
    const again = await anyone.post<Submitted>('/api/v1/public/suggestions', {
      ...input,
      title: `${input.title}啊`,
    });
    expect(again.body.similar.map((s) => s.id)).not.toContain(id);
    // The author follows it by the tracking code meanwhile, and sees it waits for screening.
    const tracked = await anyone.get<{ suggestion: { status: string }; shownInPublic: boolean }>(
      `/api/v1/public/track/${first.body.trackingCode}`,
    );
    expect(tracked.body).toMatchObject({ suggestion: { status: 'submitted' }, shownInPublic: false });

    const screener = await t.as('screener');
    const accepted = await screener.post(`/api/v1/ideas/suggestions/${id}/screen`, { decision: 'accept' });
    expect(accepted.status).toBe(200);
    expect((await anyone.get(`/api/v1/public/suggestions/${id}`)).status).toBe(200);
    expect(await listed('夜间公交')).toContain(id);
    const trackedAgain = await anyone.get<{ shownInPublic: boolean }>(
      `/api/v1/public/track/${first.body.trackingCode}`,
    );
    expect(trackedAgain.body.shownInPublic).toBe(true);
    // Once accepted, it is among the near duplicates a new submission is shown.
    const third = await anyone.post<Submitted>('/api/v1/public/suggestions', {
      ...input,
      title: `${input.title}呀`,
    });
    expect(third.body.similar.map((s) => s.id)).toContain(id);
    expect((await supportAnonymously(t, anyone, id)).status).toBe(200);
  });

  it('lets the office show suggestions on arrival instead, audited, and refuses other values', async () => {
    const current = await t.client().get<{ id: string }>('/api/v1/public/campaign');
    const bad = await office.patch(`/api/v1/ideas/campaigns/${current.body.id}`, { publication: 'never' });
    expect(bad.status).toBe(400);
    const ok = await office.patch<{ publication: string }>(`/api/v1/ideas/campaigns/${current.body.id}`, {
      publication: 'on_submission',
    });
    expect(ok.status).toBe(200);
    expect(ok.body.publication).toBe('on_submission');
    const [event] = (await auditRows(t.database.db, 'campaign.update', current.body.id)).slice(-1);
    expect(event!.after).toMatchObject({ publication: 'on_submission' });
    const input = { ...sampleSuggestion(town, 901), title: '建议在城南增设早班公交线路' };
    const fresh = await t.client('10.9.0.2').post<Submitted>('/api/v1/public/suggestions', input);
    expect((await t.client('10.9.0.3').get(`/api/v1/public/suggestions/${fresh.body.id}`)).status).toBe(200);
  });
});
