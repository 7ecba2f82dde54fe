import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { isoWeekday } from './queries/plan-input.js';
import { inspectionInspectors } from './schema.js';
import { demoDraftAndVisit, publishes, refusedPublication } from './test-helpers.js';

/**
 * A drawn inspector whose working days change after a draft plan sent them out on a weekday they
 * no longer work: the publication refuses the draft, naming the visit and the inspector, as it
 * refuses one whose inspector went off duty. Nobody stands in for a drawn inspector; the draft
 * made again plans that inspection on a day its whole team works, or lists it unplanned. Run on
 * PGlite, and on PostgreSQL with DATABASE_URL set.
 */
let t: TestContext;
let office: TestClient;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business', 'inspections'] });
  office = await t.as('office');
});
afterAll(() => t.close());

const workingDaysOf = async (inspectorId: string) =>
  (
    await t.database.db
      .select({ days: inspectionInspectors.workingDays })
      .from(inspectionInspectors)
      .where(eq(inspectionInspectors.id, inspectorId))
  )[0]!.days;

const setWorkingDays = async (inspectorId: string, workingDays: number[]) => {
  const res = await office.patch(`/api/v1/inspections/inspectors/${inspectorId}`, { workingDays });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
};

describe('working days changed after a plan was drafted', () => {
  it('keep the draft from being published when a visit falls on a day off, naming it and who', async () => {
    const { plan, visit } = await demoDraftAndVisit(t, office);
    const inspector = visit.inspectors[0]!;
    const before = await workingDaysOf(inspector.id);
    const dayOff = isoWeekday(visit.date);
    expect(before).toContain(dayOff);
    await setWorkingDays(
      inspector.id,
      before.filter((d) => d !== dayOff),
    );
    try {
      // The first visit (by date) with an inspector not working that weekday is named.
      const { at, inspector: name } = await refusedPublication(t, office, plan, 'inspector_day_off');
      expect(isoWeekday(at.date)).toBe(dayOff);
      expect(at.inspectors.some((p) => p.id === inspector.id && p.name === name)).toBe(true);
    } finally {
      await setWorkingDays(inspector.id, before);
    }
    // With the working day given back the same draft is published.
    await publishes(office, plan);
  });
});
