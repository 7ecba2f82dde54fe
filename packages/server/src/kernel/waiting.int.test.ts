import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../test-support/app.js';
import type { WaitingItem } from './waiting.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

const waiting = async (c: TestClient) => {
  const res = await c.get<{ items: WaitingItem[] }>('/api/v1/me/waiting');
  expect(res.status).toBe(200);
  return res.body.items;
};
const item = (items: WaitingItem[], module: string, key: string) =>
  items.find((i) => i.module === module && i.key === key);

describe('what waits for me', () => {
  it('asks for a session', async () => {
    expect((await t.client().get('/api/v1/me/waiting')).status).toBe(401);
  });

  it('counts a screener’s queue as the queue does, and one fewer once one is screened', async () => {
    const screener = await t.as('screener');
    const queue = await screener.get<{ total: number; items: Array<{ id: string }> }>(
      '/api/v1/ideas/suggestions?status=submitted&pageSize=1',
    );
    expect(queue.body.total).toBeGreaterThan(0);
    const before = item(await waiting(screener), 'ideas', 'toScreen');
    expect(before).toEqual({
      module: 'ideas',
      key: 'toScreen',
      count: queue.body.total,
      path: '/admin/ideas/screening',
    });
    const id = queue.body.items[0]!.id;
    expect(
      (await screener.post(`/api/v1/ideas/suggestions/${id}/screen`, { decision: 'accept' })).status,
    ).toBe(200);
    expect(item(await waiting(screener), 'ideas', 'toScreen')?.count).toBe(queue.body.total - 1);
  });

  it('counts the comments waiting for a screener as the moderation queue does', async () => {
    const screener = await t.as('screener');
    const queue = await screener.get<{ total: number }>('/api/v1/ideas/comments?status=pending&pageSize=1');
    expect(queue.body.total).toBeGreaterThan(0);
    expect(item(await waiting(screener), 'ideas', 'toModerate')).toEqual({
      module: 'ideas',
      key: 'toModerate',
      count: queue.body.total,
      path: '/admin/ideas/comments',
    });
    // An expert moderates nothing.
    expect(item(await waiting(await t.as('expert1')), 'ideas', 'toModerate')).toBeUndefined();
  });

  it('counts an expert’s reviews not yet scored', async () => {
    const expert = await t.as('expert1');
    const mine = await expert.get<{ items: Array<{ submittedAt: string | null }> }>(
      '/api/v1/ideas/reviews/mine',
    );
    const open = mine.body.items.filter((i) => !i.submittedAt).length;
    expect(item(await waiting(expert), 'ideas', 'toReview')?.count).toBe(open || undefined);
  });

  it('counts the office’s requests to route and reports to review as their lists do', async () => {
    const office = await t.as('office');
    const items = await waiting(office);
    const routing = await office.get<{ total: number }>(
      '/api/v1/business/requests?status=submitted&pageSize=1',
    );
    expect(item(items, 'business', 'toRoute')?.count).toBe(routing.body.total || undefined);
    const reports = await office.get<{ items: unknown[] }>('/api/v1/reforms/reports?status=submitted');
    expect(reports.body.items.length).toBeGreaterThan(0);
    expect(item(items, 'reforms', 'toReview')?.count).toBe(reports.body.items.length);
    expect(item(items, 'targets', 'toReview')?.count).toBeGreaterThan(0);
    // The office screens too, and nothing it may not act on is counted.
    expect(items.every((i) => i.count > 0)).toBe(true);
    expect(item(items, 'ideas', 'toReview')).toBeUndefined();
  });

  it('counts a department’s requests to answer with the overdue among them', async () => {
    const dept = await t.as('dept');
    const routed = await dept.get<{ total: number }>('/api/v1/business/requests?status=routed&pageSize=1');
    const overdue = await dept.get<{ total: number }>(
      '/api/v1/business/requests?status=routed&flag=overdue&pageSize=1',
    );
    const answer = item(await waiting(dept), 'business', 'toAnswer');
    expect(routed.body.total).toBeGreaterThan(0);
    expect(answer).toMatchObject({ count: routed.body.total, overdue: overdue.body.total });
    expect(item(await waiting(dept), 'business', 'toRoute')).toBeUndefined();
  });

  it('has nothing for a citizen', async () => {
    expect(await waiting(await t.as('citizen'))).toEqual([]);
  });
});
