import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { throttles } from '../../auth/schema.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { sampleSuggestion, scopeTowns, showOnSubmission } from './test-helpers.js';

/** A signed-in account cannot flood the screeners' queue and the participation count with comments. */
let t: TestContext;
let citizen: TestClient;
let suggestion: string;
beforeAll(async () => {
  t = await createTestContext();
  const { own } = await scopeTowns(t.database.db);
  await showOnSubmission(await t.as('office'));
  citizen = await t.as('citizen');
  const made = await t.client().post<{ id: string }>('/api/v1/public/suggestions', sampleSuggestion(own, 1));
  suggestion = made.body.id;
});
afterAll(() => t.close());

const comment = (client: TestClient, n: number) =>
  client.post<{ code?: string }>(`/api/v1/public/suggestions/${suggestion}/comments`, {
    body: `第${n}条评论：换乘指引还可以更清楚一些`,
  });

describe('comments from a signed-in account', () => {
  it('are limited per account by the minute, whatever the address', async () => {
    for (let n = 1; n <= 20; n++) expect((await comment(citizen, n)).status, `comment ${n}`).toBe(201);
    const over = await comment(citizen, 21);
    expect(over.status).toBe(429);
    expect(over.body.code).toBe('RATE_LIMITED');
    // Another account, or an anonymous writer, is not held back by this one.
    expect((await comment(await t.as('screener'), 22)).status).toBe(201);
    expect((await comment(t.client(), 23)).status).toBe(201);
  });

  it('are limited per account by the day', async () => {
    const organiser = await t.as('organiser');
    const me = await organiser.get<{ user: { id: string } }>('/api/v1/auth/session');
    // The day's count as if the account had written a hundred comments earlier today.
    await t.database.db.insert(throttles).values({
      key: `ideas.comment:account:${me.body.user.id}:day`,
      count: 100,
      resetAt: new Date(Date.now() + 3_600_000),
    });
    const over = await comment(organiser, 1);
    expect(over.status).toBe(429);
    expect(over.headers.get('retry-after')).toBeTruthy();
  });
});

describe('the comment moderation queue', () => {
  it('refuses a page past 100,000, as every other list does', async () => {
    const screener = await t.as('screener');
    type Problem = { code: string; errors: Array<{ path: string }> };
    const far = await screener.get<Problem>('/api/v1/ideas/comments?page=100001');
    expect(far.status).toBe(400);
    expect(far.body.code).toBe('VALIDATION');
    expect(far.body.errors).toEqual([expect.objectContaining({ path: 'page' })]);
    expect((await screener.get('/api/v1/ideas/comments?page=100000')).status).toBe(200);
  });
});
