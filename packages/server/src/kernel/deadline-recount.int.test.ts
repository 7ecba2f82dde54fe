import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshLoadedYears } from '../modules/calendar/loaded-years.js';
import { calendarYears } from '../modules/calendar/schema.js';
import { monthEnd } from '../modules/reforms/queries/deadline.js';
import { reformProjects, reformReports } from '../modules/reforms/schema.js';
import { quarterEnd } from '../modules/targets/queries/deadline.js';
import { targetPlans, targetReports } from '../modules/targets/schema.js';
import { unitsByIds } from '../modules/units/api.js';
import { holdersOf } from '../modules/users/api.js';
import { createTestContext, type TestClient, type TestContext } from '../test-support/app.js';
import { makeUser } from '../test-support/factories.js';
import { lastRecount, staffAt, takeRecountNotices, year2027 } from '../test-support/year-2027.js';
import { dueAfter } from './deadlines.js';

let t: TestContext;
let office: TestClient;
const made: Record<string, string> = {};
const about: { unitId: string; unit: string; leadUnitId: string; projectName: string } = {
  unitId: '',
  unit: '',
  leadUnitId: '',
  projectName: '',
};
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'targets', 'reforms'] });
  office = await t.as('office');
  const { db } = t.database;
  const [plan] = await db
    .select({ id: targetPlans.id, unitId: targetPlans.unitId })
    .from(targetPlans)
    .limit(1);
  const [project] = await db
    .select({ id: reformProjects.id, name: reformProjects.name, leadUnitId: reformProjects.leadUnitId })
    .from(reformProjects)
    .limit(1);
  about.unitId = plan!.unitId;
  about.unit = (await unitsByIds(db, [plan!.unitId])).get(plan!.unitId)!.name;
  about.leadUnitId = project!.leadUnitId;
  about.projectName = project!.name;
  // An account of each unit's own, whatever staff the demo gives them.
  await makeUser(t, { roles: [['department_staff', { id: plan!.unitId }]] });
  await makeUser(t, { roles: [['department_staff', { id: project!.leadUnitId }]] });
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

/** The department staff whose scope takes in the unit (a reform project's lead unit sends its reports). */
async function staffOver(unitId: string): Promise<string[]> {
  const { db } = t.database;
  const grants = await holdersOf(db, 'department_staff');
  const units = await unitsByIds(db, [unitId, ...grants.map((g) => g.unitId)]);
  const path = units.get(unitId)!.path;
  return [
    ...new Set(grants.filter((g) => path.startsWith(units.get(g.unitId)!.path)).map((g) => g.id)),
  ].sort();
}

/**
 * The notices each report alone moved from `before` to `after` should send: its unit's staff
 * hear of the quarterly report, the lead unit's of the month's progress, each by its page.
 */
async function toldOf(dates: { q4: [string, string]; december: [string, string] }) {
  const target = (await staffAt(t, about.unitId)).map((userId) => ({
    userId,
    key: 'targets.notice.dueRecounted',
    params: {
      year: 2027,
      count: 1,
      reportId: made.q4,
      unit: about.unit,
      periodYear: 2026,
      quarter: 4,
      dueBefore: dates.q4[0],
      dueOn: dates.q4[1],
    },
  }));
  const reform = (await staffOver(about.leadUnitId)).map((userId) => ({
    userId,
    key: 'reforms.notice.dueRecounted',
    params: {
      year: 2027,
      count: 1,
      reportId: made.december,
      projectName: about.projectName,
      period: '2026-12',
      dueBefore: dates.december[0],
      dueOn: dates.december[1],
    },
  }));
  expect(target.length).toBeGreaterThan(0);
  expect(reform.length).toBeGreaterThan(0);
  return [...reform, ...target];
}

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
    // The reporting unit's staff and the lead unit's hear of the one report each, by its page.
    expect(await takeRecountNotices(t)).toEqual(
      await toldOf({ q4: ['2027-01-14', '2027-01-15'], december: ['2027-01-07', '2027-01-08'] }),
    );
  });

  it('counts them back when the year is removed, and leaves them when loaded again unchanged', async () => {
    expect((await office.put('/api/v1/calendar/years/2027', year2027)).status).toBe(200);
    expect((await deadlines()).q4).toBe('2027-01-15');
    // Nothing moved: nobody is told.
    expect(await takeRecountNotices(t)).toEqual([]);
    expect((await office.delete('/api/v1/calendar/years/2027')).status).toBe(204);
    expect(await deadlines()).toMatchObject({ q4: '2027-01-14', december: '2027-01-07' });
    expect(await takeRecountNotices(t)).toEqual(
      await toldOf({ q4: ['2027-01-15', '2027-01-14'], december: ['2027-01-08', '2027-01-07'] }),
    );
  });
});
