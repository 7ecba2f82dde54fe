import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshLoadedYears } from '../modules/calendar/loaded-years.js';
import { calendarYears } from '../modules/calendar/schema.js';
import { monthEnd } from '../modules/reforms/queries/deadline.js';
import { reformProjects, reformReports } from '../modules/reforms/schema.js';
import { quarterEnd } from '../modules/targets/queries/deadline.js';
import { targetPlans, targetReports } from '../modules/targets/schema.js';
import { createTestContext, type TestClient, type TestContext } from '../test-support/app.js';
import { lastRecount, year2027 } from '../test-support/year-2027.js';
import { dueAfter } from './deadlines.js';

let t: TestContext;
let office: TestClient;
const made: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'targets', 'reforms'] });
  office = await t.as('office');
  const { db } = t.database;
  const [plan] = await db
    .select({ id: targetPlans.id, unitId: targetPlans.unitId })
    .from(targetPlans)
    .limit(1);
  const [project] = await db.select({ id: reformProjects.id }).from(reformProjects).limit(1);
  // Counted before 2027's notice: Monday to Friday through New Year's Day.
  const target = (period: string, status: 'draft' | 'submitted') =>
    db
      .insert(targetReports)
      .values({
        planId: plan!.id,
        unitId: plan!.unitId,
        period,
        status,
        deadline: dueAfter(quarterEnd(period), 10),
      })
      .returning({ id: targetReports.id });
  await db.delete(targetReports).where(eq(targetReports.planId, plan!.id));
  made.q4 = (await target('2026Q4', 'draft'))[0]!.id;
  made.q3 = (await target('2026Q3', 'submitted'))[0]!.id;
  await db
    .delete(reformReports)
    .where(and(eq(reformReports.projectId, project!.id), eq(reformReports.period, '2026-12')));
  made.december = (
    await db
      .insert(reformReports)
      .values({ projectId: project!.id, period: '2026-12', deadline: dueAfter(monthEnd('2026-12'), 5) })
      .returning({ id: reformReports.id })
  )[0]!.id;
});
afterAll(async () => {
  await t.database.db.delete(calendarYears);
  await refreshLoadedYears(t.database.db);
  await t.close();
});

const deadlines = async () => {
  const { db } = t.database;
  const reports = await db
    .select({ id: targetReports.id, deadline: targetReports.deadline })
    .from(targetReports);
  const [december] = await db
    .select({ deadline: reformReports.deadline })
    .from(reformReports)
    .where(eq(reformReports.id, made.december!));
  const of = (id: string) => reports.find((r) => r.id === id)!.deadline;
  return { q4: of(made.q4!), q3: of(made.q3!), december: december!.deadline };
};

describe('loading a year of holidays counts the stored deadlines through it again', () => {
  it('moves the reports still awaited past New Year’s Day, keeping their working days, and says so in the audit', async () => {
    // Monday to Friday: 10 working days after 31 December 2026 end on 14 January; 5 on 7 January.
    expect(await deadlines()).toEqual({
      q4: '2027-01-14',
      q3: dueAfter('2026-09-30', 10),
      december: '2027-01-07',
    });
    expect((await office.put('/api/v1/calendar/years/2027', year2027)).status).toBe(200);
    // 1 January is off now: each ends a working day later. A report already in keeps its deadline.
    expect(await deadlines()).toEqual({
      q4: '2027-01-15',
      q3: dueAfter('2026-09-30', 10),
      december: '2027-01-08',
    });
    expect(await lastRecount(t)).toMatchObject({
      targets: expect.any(Number),
      reforms: expect.any(Number),
    });
  });

  it('counts them back when the year is removed, and leaves them when loaded again unchanged', async () => {
    expect((await office.put('/api/v1/calendar/years/2027', year2027)).status).toBe(200);
    expect((await deadlines()).q4).toBe('2027-01-15');
    expect((await office.delete('/api/v1/calendar/years/2027')).status).toBe(204);
    expect(await deadlines()).toMatchObject({ q4: '2027-01-14', december: '2027-01-07' });
  });
});
