import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../context.js';
import { createTestContext, type TestContext } from '../../test-support/app.js';
import { contextOf, racing, refusal, sideBySide } from '../../test-support/racing.js';
import { loadCalendarYear } from './commands/loadYear.js';
import { forgetLoadedYears, refreshLoadedYears } from './loaded-years.js';
import { calendarYears } from './schema.js';

/**
 * Years loaded at the same moment: each loading waits for the other under the calendar's lock and
 * reads the years loaded under it, so the two are checked together. The side-by-side case needs
 * two open transactions, which only PostgreSQL gives: on PGlite they take turns. The recount of
 * such a race is kernel/deadline-recount-races.int.test.ts.
 */
let t: TestContext;
let officeCtx: ServiceContext;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users'] });
  officeCtx = await contextOf(t, await t.as('office'));
});
/** The racing handles used: each command refreshed the process's calendar from one, as a database of its own. */
const handles: ServiceContext[] = [];
const used = (ctx: ServiceContext) => {
  handles.push(ctx);
  return ctx;
};
afterEach(async () => {
  for (const ctx of handles.splice(0)) forgetLoadedYears(ctx.db);
  await t.database.db.delete(calendarYears);
  await refreshLoadedYears(t.database.db);
});
afterAll(() => t.close());

const notice = (year: number) => ({
  title: `国务院办公厅关于${year}年部分节假日安排的通知`,
  number: `国办发明电〔${year - 1}〕9号`,
  issued: `${year - 1}-11-03`,
  url: 'https://www.gov.cn/',
});

/** 2028 from a notice that names Saturday 30 December 2028 a make-up working day. */
const year2028 = {
  year: 2028,
  sources: [notice(2028)],
  holidays: [{ name: '元旦', start: '2028-01-01', end: '2028-01-03', days: 3 }],
  workdays: [{ date: '2028-12-30', name: '元旦' }],
};

/** 2029 from a notice reaching back, as the 2019 one did: 30 December 2028 to 1 January 2029 off. */
const year2029 = {
  year: 2029,
  sources: [notice(2029)],
  holidays: [{ name: '元旦', start: '2028-12-30', end: '2029-01-01', days: 3 }],
  workdays: [],
};

const loaded = async () =>
  (await t.database.db.select({ year: calendarYears.year }).from(calendarYears)).map((r) => r.year).sort();

describe('two years of holidays loaded at the same moment', () => {
  it('refuses a year one of whose days the other, loaded while it was checked, gives the other way', async () => {
    const ctx = used({
      ...officeCtx,
      db: racing(officeCtx.db, () => loadCalendarYear(officeCtx, 2029, year2029)),
    });
    expect(await refusal(loadCalendarYear(ctx, 2028, year2028))).toMatchObject({
      code: 'VALIDATION',
      errors: [
        expect.objectContaining({
          code: 'calendar_inconsistent',
          params: expect.objectContaining({ origin: 'off_and_worked', date: '2028-12-30' }),
        }),
      ],
    });
    expect(await loaded()).toEqual([2029]);
  });

  it('side by side (two open transactions, PostgreSQL), one loads and the other is refused', async () => {
    const inStep = sideBySide(2, 'after the first statement');
    const results = await Promise.all([
      refusal(loadCalendarYear(used(inStep(officeCtx)), 2028, year2028)),
      refusal(loadCalendarYear(used(inStep(officeCtx)), 2029, year2029)),
    ]);
    expect(results.filter((r) => r === undefined)).toHaveLength(1);
    expect(results.find((r) => r !== undefined)).toMatchObject({ code: 'VALIDATION' });
    expect(await loaded()).toHaveLength(1);
  });
});
