import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import type { Plan } from './contracts-plans.js';
import { sourceKey, unplannedSources } from './queries/plan-input.js';
import { inspectionPlans, inspectionVisitSources } from './schema.js';
import { auditOf } from './test-helpers.js';

/**
 * One firm, one visit per period: plans never overlap, so each firm's drawn inspections due in a
 * period are merged by one plan. Run on PGlite, and on PostgreSQL with DATABASE_URL set.
 */
let t: TestContext;
let office: TestClient;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business', 'inspections'] });
  office = await t.as('office');
});
afterAll(() => t.close());

const addDays = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
type Problem = { title: string; detail: string; errors: { code: string; params: Record<string, string> }[] };
const plans = () => t.database.db.select().from(inspectionPlans);
const demo = async (status: 'draft' | 'published') => (await plans()).find((p) => p.status === status)!;

describe('plans whose periods overlap', () => {
  it('refuses a plan whose period overlaps a draft’s or a published plan’s, naming it and its period', async () => {
    const draft = await demo('draft');
    const published = await demo('published');
    const before = (await plans()).length;
    for (const [period, other] of [
      [{ periodStart: draft.periodStart, periodEnd: draft.periodEnd }, draft],
      [{ periodStart: addDays(draft.periodStart, -6), periodEnd: addDays(draft.periodStart, 1) }, draft],
      [{ periodStart: draft.periodEnd, periodEnd: draft.periodEnd }, draft],
      [{ periodStart: '2026-11-18', periodEnd: '2026-11-30' }, published],
      [{ periodStart: '2026-11-02', periodEnd: '2026-11-16' }, published],
    ] as const) {
      const res = await office.request<Problem>('POST', '/api/v1/inspections/plans', period, {
        'accept-language': 'en',
      });
      expect(res.status, JSON.stringify(period)).toBe(400);
      expect(res.body.errors[0]).toMatchObject({
        code: 'plan_period_overlaps',
        params: { planId: other.id, status: other.status, start: other.periodStart, end: other.periodEnd },
      });
      expect(res.body.detail).toContain(`${other.periodStart} to ${other.periodEnd}`);
    }
    expect((await plans()).length).toBe(before);
  });

  it('refuses to publish a plan whose period overlaps another’s, and publishes it once alone', async () => {
    // A draft made before plans were kept apart, over some of the demo draft's days.
    const draft = await demo('draft');
    const [old] = await t.database.db
      .insert(inspectionPlans)
      .values({
        periodStart: addDays(draft.periodEnd, -10),
        periodEnd: addDays(draft.periodEnd, 8),
        maxHoursPerVisit: 4,
        inspectorsPerVisit: 2,
        capacityPerDay: 2,
        separateVisits: 0,
        lowerBound: 0,
      })
      .returning();
    const res = await office.post<Problem>(`/api/v1/inspections/plans/${old!.id}/publish`);
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({
      code: 'plan_period_overlaps',
      params: { planId: draft.id, start: draft.periodStart, end: draft.periodEnd },
    });
    const other = await office.post<Problem>(`/api/v1/inspections/plans/${draft.id}/publish`);
    expect(other.body.errors[0]).toMatchObject({ code: 'plan_period_overlaps', params: { planId: old!.id } });
    expect((await plans()).filter((p) => p.status === 'published')).toHaveLength(1);
    expect(await auditOf(t, draft.id)).not.toContain('inspectionPlan.publish');
    expect((await office.delete(`/api/v1/inspections/plans/${old!.id}`)).status).toBe(204);
    expect((await office.post<Plan>(`/api/v1/inspections/plans/${draft.id}/publish`)).status).toBe(200);
  });

  it('never offers an inspection already in a plan, draft or published, to another plan', async () => {
    // The demo's draft, published by now: the plan of the latest days.
    const draft = (await plans()).sort((a, b) => a.periodStart.localeCompare(b.periodStart)).at(-1)!;
    const inPlans = await t.database.db.select().from(inspectionVisitSources);
    expect(inPlans.length).toBeGreaterThan(0);
    const taken = new Set(inPlans.map(sourceKey));
    for (const period of [
      { start: '2026-11-16', end: '2026-11-20' },
      { start: draft.periodStart, end: draft.periodEnd },
      { start: addDays(draft.periodEnd, -10), end: draft.periodEnd },
    ])
      for (const s of await unplannedSources(t.database.db, period)) expect(taken.has(s.key)).toBe(false);
  });
});
