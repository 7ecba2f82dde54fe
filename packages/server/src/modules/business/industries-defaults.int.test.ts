import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../audit/schema.js';
import { createTestContext, type TestContext } from '../../test-support/app.js';
import type { Industry } from './contracts.js';
import { industrySections } from './industry-sections.js';

let t: TestContext;
beforeAll(async () => {
  // No business demo: the industries are read here for the first time.
  t = await createTestContext({ seed: ['units', 'users'] });
});
afterAll(() => t.close());

const seeded = () =>
  t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'industry.seedDefaults'));

describe('the default industries', () => {
  it('are filled in on the first read, audited once as the system’s change', async () => {
    expect(await seeded()).toEqual([]);
    const office = await t.as('office');
    const read = async () => {
      const res = await office.get<Industry[]>('/api/v1/business/industries');
      expect(res.status).toBe(200);
      return res.body.map((i) => i.code);
    };
    const codes = industrySections.map((s) => s.code);
    expect(await read()).toEqual(codes);
    const [event, ...more] = await seeded();
    expect(more).toEqual([]);
    expect(event).toMatchObject({
      actorId: null,
      actorLabel: 'defaults',
      entityType: 'industry',
      entityId: 'defaults',
    });
    expect((event!.after as { industries: Industry[] }).industries.map((i) => i.code)).toEqual(codes);
    // Read again: nothing filled, nothing recorded.
    expect(await read()).toEqual(codes);
    expect(await seeded()).toHaveLength(1);
  });
});
