import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboxItem } from '../../kernel/notifications.js';
import { notifications } from '../../kernel/schema.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { accountsByIds } from '../users/api.js';
import type { Plan } from './contracts-plans.js';
import { inspectionInspectors, inspectionPlans } from './schema.js';
import { auditOf } from './test-helpers.js';

/**
 * Publishing a joint plan tells its inspectors too: each of a visit's team hears, in the inbox,
 * the firm, the date and the departments going, with the visit to open. Run on PGlite, and on
 * PostgreSQL with DATABASE_URL set.
 */
let t: TestContext;
let office: TestClient;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business', 'inspections'] });
  office = await t.as('office');
});
afterAll(() => t.close());

describe('a published plan’s inspectors', () => {
  it('are each told of each of their visits by name of firm and date, once', async () => {
    const { db } = t.database;
    const [draft] = await db.select().from(inspectionPlans).where(eq(inspectionPlans.status, 'draft'));
    const plan = (await office.get<Plan>(`/api/v1/inspections/plans/${draft!.id}`)).body;
    expect(plan.visits.length).toBeGreaterThan(0);
    const res = await office.post<Plan>(`/api/v1/inspections/plans/${plan.id}/publish`);
    expect(res.status).toBe(200);

    const inspectors = await db.select().from(inspectionInspectors);
    const userOf = new Map(inspectors.map((p) => [p.id, p.userId]));
    // This plan's (the demo's published week left its own).
    const ours = new Set(plan.visits.map((v) => v.id));
    const told = (await db.select().from(notifications)).filter(
      (n) => n.key === 'inspections.notice.assigned' && ours.has(String(n.params.visitId)),
    );
    const expected = plan.visits.flatMap((v) =>
      v.inspectors.map((p) => ({
        userId: userOf.get(p.id),
        params: {
          visitId: v.id,
          firm: v.firm.name,
          date: v.date,
          departments: expect.any(String),
        },
      })),
    );
    expect(told.map((n) => ({ userId: n.userId, params: n.params }))).toEqual(
      expect.arrayContaining(expected),
    );
    expect(told).toHaveLength(expected.length);
    for (const n of told) {
      expect(n.params.firm).not.toBe('');
      expect(n.params.departments).not.toBe('');
    }
    expect(await auditOf(t, plan.id)).toContain('inspectionPlan.publish');

    // The inspector reads it in the inbox and opens the visit it names.
    const first = plan.visits[0]!.inspectors[0]!;
    const account = (await accountsByIds(db, [userOf.get(first.id)!])).get(userOf.get(first.id)!)!;
    const inspector = await t.as(account.login);
    const inbox = (await inspector.get<InboxItem[]>('/api/v1/inbox')).body.filter(
      (n) => n.key === 'inspections.notice.assigned' && n.params.visitId === plan.visits[0]!.id,
    );
    expect(inbox).toHaveLength(1);
    expect((await inspector.get(`/api/v1/inspections/visits/${plan.visits[0]!.id}`)).status).toBe(200);
  });
});
