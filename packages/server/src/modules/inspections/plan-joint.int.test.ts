import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test-support/app.js';
import type { Plan } from './contracts-plans.js';
import { inspectionVisitSources, inspectionVisits } from './schema.js';

/** A plan's figures tell its visits from its joint ones. Run on PGlite, and on PostgreSQL with DATABASE_URL set. */
let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business', 'inspections'] });
});
afterAll(() => t.close());

describe('a plan’s figures', () => {
  it('count every visit, and as joint only those carrying two departments or more', async () => {
    const office = await t.as('office');
    const list = await office.get<{ items: Plan[] }>('/api/v1/inspections/plans');
    expect(list.body.items.length).toBeGreaterThan(0);
    let single = 0;
    for (const brief of list.body.items) {
      const rows = await t.database.db
        .select({ visitId: inspectionVisits.id, unitId: inspectionVisitSources.unitId })
        .from(inspectionVisits)
        .innerJoin(inspectionVisitSources, eq(inspectionVisitSources.visitId, inspectionVisits.id))
        .where(eq(inspectionVisits.planId, brief.id));
      const departments = new Map<string, Set<string>>();
      for (const r of rows)
        departments.set(r.visitId, (departments.get(r.visitId) ?? new Set()).add(r.unitId));
      const joint = [...departments.values()].filter((d) => d.size >= 2).length;
      single += departments.size - joint;
      const plan = (await office.get<Plan>(`/api/v1/inspections/plans/${brief.id}`)).body;
      expect(brief.figures.visits).toBe(departments.size);
      expect(brief.figures.joint).toBe(joint);
      expect(plan.figures.joint).toBe(plan.visits.filter((v) => v.departments.length >= 2).length);
    }
    // The demo's plans have both kinds, so the two figures differ.
    expect(single).toBeGreaterThan(0);
  });
});
