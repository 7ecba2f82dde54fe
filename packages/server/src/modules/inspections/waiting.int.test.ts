import { and, eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WaitingItem } from '../../kernel/waiting.js';
import { createTestContext, type TestContext } from '../../test-support/app.js';
import { accountsByIds } from '../users/api.js';
import type { VisitBrief } from './contracts-visits.js';
import { inspectionInspectors, inspectionPlans, inspectionVisits } from './schema.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business', 'inspections'] });
});
afterAll(() => t.close());

describe('what waits for an inspector', () => {
  it('counts the visits of their published plans not yet completed, as their phone lists them', async () => {
    const [open] = await t.database.db
      .select({ inspectorIds: inspectionVisits.inspectorIds })
      .from(inspectionVisits)
      .innerJoin(inspectionPlans, eq(inspectionPlans.id, inspectionVisits.planId))
      .where(and(eq(inspectionPlans.status, 'published'), ne(inspectionVisits.status, 'completed')));
    const [inspector] = await t.database.db
      .select()
      .from(inspectionInspectors)
      .where(eq(inspectionInspectors.id, open!.inspectorIds[0]!));
    const login = (await accountsByIds(t.database.db, [inspector!.userId])).get(inspector!.userId)!.login;
    const phone = await t.as(login);
    const visits = (await phone.get<VisitBrief[]>('/api/v1/inspections/visits')).body;
    const todo = visits.filter((v) => v.status !== 'completed');
    expect(todo.length).toBeGreaterThan(0);
    const waiting = (await phone.get<{ items: WaitingItem[] }>('/api/v1/me/waiting')).body.items;
    expect(waiting.find((w) => w.module === 'inspections')).toMatchObject({
      key: 'toVisit',
      count: todo.length,
      path: '/inspections/visits',
    });
  });

  it('counts nothing for the district office, who inspects no visit', async () => {
    const office = await t.as('office');
    const res = await office.get<{ items: WaitingItem[] }>('/api/v1/me/waiting');
    // This district has no campaign yet: the ideas counter counts nothing rather than failing.
    expect(res.status).toBe(200);
    const waiting = res.body.items;
    expect(waiting.find((w) => w.module === 'inspections')).toBeUndefined();
  });
});
