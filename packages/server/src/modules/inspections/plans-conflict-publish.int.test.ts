import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import type { Plan } from './contracts-plans.js';
import { inspectionConflicts, inspectionPlans } from './schema.js';
import { auditOf } from './test-helpers.js';

/**
 * A drawn inspector who declares a conflict with a firm (回避) after a draft plan sent them there:
 * the publication refuses the draft, naming the visit and the inspector, as it refuses one whose
 * inspector went off duty. Nobody stands in for a drawn inspector; the draft made again lists
 * that inspection unplanned. Run on PGlite, and on PostgreSQL with DATABASE_URL set.
 */
let t: TestContext;
let office: TestClient;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business', 'inspections'] });
  office = await t.as('office');
});
afterAll(() => t.close());

const conflictsOf = async (inspectorId: string) =>
  (
    await t.database.db
      .select({ firmId: inspectionConflicts.firmId })
      .from(inspectionConflicts)
      .where(eq(inspectionConflicts.inspectorId, inspectorId))
  ).map((c) => c.firmId);

const declare = async (inspectorId: string, conflictFirmIds: string[]) => {
  const res = await office.patch(`/api/v1/inspections/inspectors/${inspectorId}`, { conflictFirmIds });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
};

describe('a conflict declared after a plan was drafted', () => {
  it('keeps the draft from being published, naming the visit and the inspector', async () => {
    const [draft] = await t.database.db
      .select()
      .from(inspectionPlans)
      .where(eq(inspectionPlans.status, 'draft'));
    const plan = (await office.get<Plan>(`/api/v1/inspections/plans/${draft!.id}`)).body;
    const visit = plan.visits.find((w) => w.inspectors.length > 0)!;
    const inspector = visit.inspectors[0]!;
    const before = await conflictsOf(inspector.id);
    await declare(inspector.id, [...before, visit.firm.id]);
    try {
      const res = await office.post<{ errors: { path: string; code: string; params: object }[] }>(
        `/api/v1/inspections/plans/${plan.id}/publish`,
      );
      expect(res.status).toBe(409);
      expect(res.body.errors[0]).toMatchObject({ path: 'visits', code: 'conflict_declared_meanwhile' });
      // The first visit (by date) of an inspector with a conflict with its firm is named.
      const named = res.body.errors[0]!.params as { visitId: string; inspector: string };
      const at = plan.visits.find((w) => w.id === named.visitId)!;
      expect(await conflictsOf(at.inspectors.find((p) => p.name === named.inspector)!.id)).toContain(
        at.firm.id,
      );
      expect(named).toMatchObject({ date: at.date, firm: at.firm.name });
      const [after] = await t.database.db
        .select()
        .from(inspectionPlans)
        .where(eq(inspectionPlans.id, plan.id));
      expect(after!.status).toBe('draft');
      expect(await auditOf(t, plan.id)).not.toContain('inspectionPlan.publish');
    } finally {
      await declare(inspector.id, before);
    }
    // With the conflict withdrawn the same draft is published.
    const published = await office.post(`/api/v1/inspections/plans/${plan.id}/publish`);
    expect(published.status, JSON.stringify(published.body)).toBe(200);
  });
});
