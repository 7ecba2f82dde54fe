import { workdaysBetween } from '@qianxing/core/calendar';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshLoadedYears } from '../modules/calendar/loaded-years.js';
import { calendarYears } from '../modules/calendar/schema.js';
import { monthEnd } from '../modules/reforms/queries/deadline.js';
import { reformProjects, reformReports } from '../modules/reforms/schema.js';
import { quarterEnd } from '../modules/targets/queries/deadline.js';
import { targetPlans, targetReports } from '../modules/targets/schema.js';
import { createTestContext, type TestClient, type TestContext } from '../test-support/app.js';
import { lastRecount, year2027FromDecember } from '../test-support/year-2027.js';
import { dueAfter } from './deadlines.js';

let t: TestContext;
let office: TestClient;
const made = { target: '', reform: '' };
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'targets', 'reforms'] });
  office = await t.as('office');
  const { db } = t.database;
  const [plan] = await db
    .select({ id: targetPlans.id, unitId: targetPlans.unitId })
    .from(targetPlans)
    .limit(1);
  const [project] = await db.select({ id: reformProjects.id }).from(reformProjects).limit(1);
  // Counted on 2026's calendar alone, before 2027's notice: the third quarter's report due
  // Wednesday 30 December, November's progress due Thursday 31 December.
  await db.delete(targetReports).where(eq(targetReports.planId, plan!.id));
  made.target = (
    await db
      .insert(targetReports)
      .values({
        planId: plan!.id,
        unitId: plan!.unitId,
        period: '2026Q3',
        status: 'draft',
        deadline: '2026-12-30',
      })
      .returning({ id: targetReports.id })
  )[0]!.id;
  await db.delete(reformReports).where(eq(reformReports.projectId, project!.id));
  made.reform = (
    await db
      .insert(reformReports)
      .values({ projectId: project!.id, period: '2026-11', deadline: '2026-12-31' })
      .returning({ id: reformReports.id })
  )[0]!.id;
});
afterAll(async () => {
  await t.database.db.delete(calendarYears);
  await refreshLoadedYears(t.database.db);
  await t.close();
});

async function deadlines() {
  const { db } = t.database;
  const [target] = await db
    .select({ deadline: targetReports.deadline })
    .from(targetReports)
    .where(eq(targetReports.id, made.target));
  const [reform] = await db
    .select({ deadline: reformReports.deadline })
    .from(reformReports)
    .where(eq(reformReports.id, made.reform));
  return { target: target!.deadline, reform: reform!.deadline };
}

describe('a notice reaching into the December before its year', () => {
  it('moves the due dates in that December when it is loaded, and back when it is removed', async () => {
    // The working days each date was counted with, kept through the recount.
    const targetDays = workdaysBetween(quarterEnd('2026Q3'), '2026-12-30');
    const reformDays = workdaysBetween(monthEnd('2026-11'), '2026-12-31');
    expect(dueAfter(quarterEnd('2026Q3'), targetDays)).toBe('2026-12-30');
    expect(await deadlines()).toEqual({ target: '2026-12-30', reform: '2026-12-31' });
    expect((await office.put('/api/v1/calendar/years/2027', year2027FromDecember)).status).toBe(200);
    // Saturday 26 December is worked now and 31 December is off: each count ends a day earlier.
    expect(await deadlines()).toEqual({ target: '2026-12-29', reform: '2026-12-30' });
    expect(await lastRecount(t)).toMatchObject({ targets: 1, reforms: 1 });
    expect(workdaysBetween(monthEnd('2026-11'), '2026-12-30')).toBe(reformDays);
    expect((await office.delete('/api/v1/calendar/years/2027')).status).toBe(204);
    expect(await deadlines()).toEqual({ target: '2026-12-30', reform: '2026-12-31' });
  });
});
