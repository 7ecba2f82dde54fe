import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { inspectionConflicts } from './schema.js';
import { demoDraftAndVisit, publishes, refusedPublication } from './test-helpers.js';

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
    const { plan, visit } = await demoDraftAndVisit(t, office);
    const inspector = visit.inspectors[0]!;
    const before = await conflictsOf(inspector.id);
    await declare(inspector.id, [...before, visit.firm.id]);
    try {
      // The first visit (by date) of an inspector with a conflict with its firm is named.
      const named = await refusedPublication(t, office, plan, 'conflict_declared_meanwhile');
      expect(await conflictsOf(named.at.inspectors.find((p) => p.name === named.inspector)!.id)).toContain(
        named.at.firm.id,
      );
    } finally {
      await declare(inspector.id, before);
    }
    // With the conflict withdrawn the same draft is published.
    await publishes(office, plan);
  });
});
