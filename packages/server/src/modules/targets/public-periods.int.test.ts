import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test-support/app.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

describe('the published quarters, for the public leaderboard', () => {
  it('lists every published quarter, the newest first, and no draft, to anyone', async () => {
    const office = await t.as('office');
    const cards = await office.get<Array<{ period: string; status: string }>>('/api/v1/targets/scorecards');
    const published = cards.body
      .filter((c) => c.status === 'published')
      .map((c) => c.period)
      .sort()
      .reverse();
    expect(published.length).toBeGreaterThan(1);
    const listed = await t
      .client()
      .get<Array<{ period: string; publishedAt: string }>>('/api/v1/public/scorecards');
    expect(listed.status).toBe(200);
    expect(listed.body.map((p) => p.period)).toEqual(published);
    const drafts = cards.body.filter((c) => c.status !== 'published').map((c) => c.period);
    for (const draft of drafts) expect(listed.body.map((p) => p.period)).not.toContain(draft);
    // Each listed quarter opens on its own.
    for (const { period } of listed.body)
      expect((await t.client().get(`/api/v1/public/scorecards/${period}`)).status).toBe(200);
  });
});
