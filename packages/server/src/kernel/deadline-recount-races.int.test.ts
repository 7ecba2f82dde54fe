import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../context.js';
import { loadCalendarYear } from '../modules/calendar/commands/loadYear.js';
import { forgetLoadedYears, refreshLoadedYears } from '../modules/calendar/loaded-years.js';
import { calendarYears } from '../modules/calendar/schema.js';
import { reformProjects, reformReports } from '../modules/reforms/schema.js';
import { createTestContext, type TestContext } from '../test-support/app.js';
import { contextOf, racing } from '../test-support/racing.js';
import { year2027 } from '../test-support/year-2027.js';

/**
 * A year loaded while another is being loaded: the second loading reads the years under the
 * calendar's lock, so its recount counts on a calendar holding the first year. Runs on PGlite and
 * PostgreSQL: the other loading commits before this one's transaction opens.
 */
let t: TestContext;
let officeCtx: ServiceContext;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'reforms'] });
  officeCtx = await contextOf(t, await t.as('office'));
});
afterAll(async () => {
  await t.database.db.delete(calendarYears);
  await refreshLoadedYears(t.database.db);
  await t.close();
});

const year2028 = {
  year: 2028,
  sources: [
    {
      title: '国务院办公厅关于2028年部分节假日安排的通知',
      number: '国办发明电〔2027〕9号',
      issued: '2027-11-03',
      url: 'https://www.gov.cn/',
    },
  ],
  holidays: [{ name: '元旦', start: '2028-01-01', end: '2028-01-03', days: 3 }],
  workdays: [],
};

describe('a due date counted through two years loaded at the same moment', () => {
  it('counts a due date through both years on a calendar holding the one loaded meanwhile', async () => {
    const { db } = t.database;
    const [project] = await db.select({ id: reformProjects.id }).from(reformProjects).limit(1);
    await db.delete(reformReports).where(eq(reformReports.projectId, project!.id));
    // December 2027's progress, 5 working days after Friday 31 December counted Monday to Friday.
    const [report] = await db
      .insert(reformReports)
      .values({ projectId: project!.id, period: '2027-12', deadline: '2028-01-07' })
      .returning({ id: reformReports.id });
    const ctx = { ...officeCtx, db: racing(officeCtx.db, () => loadCalendarYear(officeCtx, 2027, year2027)) };
    await loadCalendarYear(ctx, 2028, year2028);
    // The command refreshed the process's calendar from the racing handle, a database of its own.
    forgetLoadedYears(ctx.db);
    // Monday 3 January 2028 is off: the fifth working day is the 10th. Counted on a calendar
    // without 2027, the count from 31 December could not start on 2028's days and stayed.
    const [after] = await db
      .select({ deadline: reformReports.deadline })
      .from(reformReports)
      .where(eq(reformReports.id, report!.id));
    expect(after!.deadline).toBe('2028-01-10');
  });
});
