import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { calendarWithLoaded } from '@qianxing/core/calendar';
import { type PlanInput, validatePlan } from '@qianxing/core/schedule';
import { tempFolders } from '@qianxing/server/test-support/temp-folders';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseForLoadedYears, year2027 } from '../test-support/loaded-years.js';
import { runCli } from '../test-support/run-cli.js';

const folder = tempFolders('qianxing-loaded-');

// The commands that count working days, with --loaded, against one database that holds a loaded
// 2027. Each such command opens the database in a child process: seconds on a busy machine, so
// the file checks each way in once rather than every date (the dates are the core's tests).
describe('--loaded: the years the district office loaded', { timeout: 120_000 }, () => {
  let database: Awaited<ReturnType<typeof databaseForLoadedYears>>;
  beforeAll(async () => {
    database = await databaseForLoadedYears('qx_cli_loaded');
    await database.load(year2027);
  });
  afterAll(() => database?.drop());
  const run = (args: string[]) => runCli(args, { env: database.env });

  it('qianxing calendar counts with them, and only with --loaded', () => {
    // Monday 8 February 2027 is inside the loaded Spring Festival; without the option the
    // calendar still holds no 2027, whatever the database does.
    const builtIn = run(['calendar', 'is-workday', '2027-02-08']);
    expect(builtIn.status).toBe(2);
    expect(builtIn.stderr).toContain('no official holiday data for 2027 (the calendar covers 2020–2026)');
    expect(run(['calendar', 'is-workday', '2027-02-08', '--loaded'])).toMatchObject({
      status: 0,
      stdout: 'false\n',
    });
    // Friday 12 February is the first working day after the festival.
    expect(run(['calendar', 'add-workdays', '2027-02-04', '1', '--loaded'])).toMatchObject({
      status: 0,
      stdout: '2027-02-12\n',
    });
    // A year neither built in nor loaded is refused as before, naming the years it covers.
    const noData = run(['calendar', 'is-workday', '2028-01-03', '--loaded']);
    expect(noData.status).toBe(2);
    expect(noData.stderr).toContain('no official holiday data for 2028 (the calendar covers 2020–2027)');
  });

  it('qianxing plan-inspections plans on their working days', () => {
    // 8–11 February 2027 are the loaded Spring Festival, Saturday 13 February is worked.
    const input: PlanInput = {
      period: { start: '2027-02-08', end: '2027-02-14' },
      tasks: [{ id: 'T1', department: 'D1', firm: 'F1', items: ['消防设施'], hours: 1.5 }],
      inspectors: [
        { id: 'I1', department: 'D1', qualifications: [], capacityPerDay: 2, unavailable: [] },
        { id: 'I2', department: 'D1', qualifications: [], capacityPerDay: 2, unavailable: [] },
      ],
      firms: [],
      exclusions: [],
      maxHoursPerVisit: 4,
    };
    const file = join(folder(), 'plan.json');
    writeFileSync(file, JSON.stringify(input));
    const r = run(['plan-inspections', '--input', file, '--loaded']);
    expect(r.status, r.stderr).toBe(0);
    const plan = JSON.parse(r.stdout);
    const calendar = calendarWithLoaded([year2027]);
    expect(validatePlan(input, plan, { calendar })).toEqual({ ok: true, errors: [] });
    expect(plan.visits).toEqual([expect.objectContaining({ firm: 'F1', date: '2027-02-12' })]);
  });

  it('refuses loaded years that do not add up with the others, exit code 2', async () => {
    // Stored past the console's checks: 2028's span gives off a day 2027 works.
    const clashing = {
      ...year2027,
      year: 2028,
      holidays: [{ name: '春节', start: '2027-02-13', end: '2027-02-13', days: 1 }],
      workdays: [],
    };
    await database.load(clashing);
    try {
      const r = run(['calendar', 'is-workday', '2027-02-08', '--loaded']);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('the years loaded in the database (2027, 2028) do not add up');
      expect(r.stderr).toContain('2027-02-13 is both a day off and a make-up workday');
    } finally {
      await database.unload(2028);
    }
  });
});
