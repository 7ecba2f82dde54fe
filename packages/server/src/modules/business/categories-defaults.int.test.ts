import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../audit/schema.js';
import { createTestContext, type TestContext } from '../../test-support/app.js';
import type { RequestCategory } from './contracts-requests.js';
import { defaultCategories } from './queries/categories.js';

let t: TestContext;
beforeAll(async () => {
  // No business demo: the request categories are read here for the first time.
  t = await createTestContext({ seed: ['units', 'users'] });
});
afterAll(() => t.close());

const seeded = () =>
  t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'requestCategory.seedDefaults'));

describe('the default request categories', () => {
  it('are filled in on the first read, audited once as the system’s change', async () => {
    expect(await seeded()).toEqual([]);
    const office = await t.as('office');
    const read = async () => {
      const res = await office.get<RequestCategory[]>('/api/v1/business/request-categories');
      expect(res.status).toBe(200);
      return res.body.map((c) => c.code);
    };
    const codes = defaultCategories.map((c) => c.code);
    expect(await read()).toEqual(codes);
    const [event, ...more] = await seeded();
    expect(more).toEqual([]);
    expect(event).toMatchObject({ actorId: null, actorLabel: 'defaults', entityType: 'requestCategory' });
    expect((event!.after as { categories: RequestCategory[] }).categories.map((c) => c.code)).toEqual(codes);
    // Read again: nothing filled, nothing recorded.
    expect(await read()).toEqual(codes);
    expect(await seeded()).toHaveLength(1);
  });
});
