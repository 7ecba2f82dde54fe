import { calendarWithLoaded } from '@qianxing/core/calendar';
import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadCalendarYear } from '../modules/calendar/commands/loadYear.js';
import { forgetLoadedYears, refreshLoadedYears } from '../modules/calendar/loaded-years.js';
import { calendarYears } from '../modules/calendar/schema.js';
import { completeVisit } from '../modules/inspections/commands/completeVisit.js';
import { visitItemIds } from '../modules/inspections/commands/visit-common.js';
import {
  inspectionFindings,
  inspectionInspectors,
  inspectionPlans,
  inspectionVisits,
} from '../modules/inspections/schema.js';
import { accountsByIds } from '../modules/users/api.js';
import { createTestContext, type TestContext } from '../test-support/app.js';
import { contextOf, racing } from '../test-support/racing.js';
import { year2027 } from '../test-support/year-2027.js';
import { dueAfterOn } from './deadlines.js';

/**
 * A visit completed after another instance loaded a year of holidays, before this process read it
 * again (each process reads the loaded years once a minute): its issues' due dates count on the
 * calendar as stored, as the firms' requests do (held-calendar.int.test.ts), not on the process's
 * copy, which no recount would correct. Run on PGlite, and on PostgreSQL with DATABASE_URL set.
 */
let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business', 'inspections'] });
});
afterEach(async () => {
  vi.useRealTimers();
  await t.database.db.delete(calendarYears);
  await refreshLoadedYears(t.database.db);
});
afterAll(() => t.close());

describe('a visit completed while this process has not yet read a year another instance loaded', () => {
  it('dates its issues on the year', async () => {
    const { db } = t.database;
    const [row] = await db
      .select({ visit: inspectionVisits })
      .from(inspectionVisits)
      .innerJoin(inspectionPlans, eq(inspectionPlans.id, inspectionVisits.planId))
      .where(and(eq(inspectionPlans.status, 'published'), eq(inspectionVisits.status, 'started')))
      .limit(1);
    const visit = row!.visit;
    const [inspector] = await db
      .select({ userId: inspectionInspectors.userId })
      .from(inspectionInspectors)
      .where(eq(inspectionInspectors.id, visit.inspectorIds[0]!));
    const login = (await accountsByIds(db, [inspector!.userId])).get(inspector!.userId)!.login;
    const client = await t.as(login);
    for (const itemId of await visitItemIds(db, visit.id)) {
      const recorded = await client.put(`/api/v1/inspections/visits/${visit.id}/findings/${itemId}`, {
        result: 'issue',
        requirement: '按要求整改',
        deadlineDays: 5,
      });
      expect(recorded.status, JSON.stringify(recorded.body)).toBe(200);
    }
    // Signed in before the clock is set forward: a session read on a faked December day would have lapsed.
    const ctx = await contextOf(t, client);
    const office = await contextOf(t, await t.as('office'));
    const today = '2026-12-30';
    const with2027 = dueAfterOn(calendarWithLoaded([year2027]), today, 5);
    expect(with2027).not.toBe(dueAfterOn(calendarWithLoaded([]), today, 5));
    vi.useFakeTimers({ toFake: ['Date'], now: new Date(`${today}T10:00:00+08:00`) });
    // 2027 loaded as another instance would: stored through a database handle of its own, whose
    // years this process then forgets, so that its calendar is the one it held before.
    const elsewhere = racing(db, async () => undefined);
    await loadCalendarYear({ ...office, db: elsewhere }, 2027, year2027);
    forgetLoadedYears(elsewhere);
    await completeVisit(ctx, visit.id);
    const due = await db
      .select({ dueDate: inspectionFindings.dueDate })
      .from(inspectionFindings)
      .where(eq(inspectionFindings.visitId, visit.id));
    expect(due.length).toBeGreaterThan(0);
    expect(new Set(due.map((f) => f.dueDate))).toEqual(new Set([with2027]));
  });
});
