import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseForLoadedYears, year2027 } from '../test-support/loaded-years.js';
import { runCli } from '../test-support/run-cli.js';

describe('qianxing calendar', () => {
  it('says whether a date is a working day', () => {
    expect(runCli(['calendar', 'is-workday', '2025-10-11'])).toMatchObject({ status: 0, stdout: 'true\n' });
    expect(runCli(['calendar', 'is-workday', '2025-10-08'])).toMatchObject({ status: 0, stdout: 'false\n' });
  });

  it('adds working days', () => {
    expect(runCli(['calendar', 'add-workdays', '2025-09-30', '1'])).toMatchObject({
      status: 0,
      stdout: '2025-10-09\n',
    });
    expect(runCli(['calendar', 'add-workdays', '2026-02-13', '2'])).toMatchObject({
      status: 0,
      stdout: '2026-02-24\n',
    });
  });

  it('exits 2 with a message for a bad date, a bad count or a year without data', () => {
    const badDate = runCli(['calendar', 'is-workday', '2025-02-29']);
    expect(badDate.status).toBe(2);
    expect(badDate.stderr).toContain('not a valid date');
    const noData = runCli(['calendar', 'add-workdays', '2026-12-30', '5']);
    expect(noData.status).toBe(2);
    expect(noData.stderr).toContain('no official holiday data for 2027');
    const badCount = runCli(['calendar', 'add-workdays', '2025-03-03', '-1']);
    expect(badCount.status).toBe(2);
  });
});

// Each --loaded command opens the database in a child process: seconds on a busy machine.
describe('qianxing calendar --loaded', { timeout: 120_000 }, () => {
  let database: Awaited<ReturnType<typeof databaseForLoadedYears>>;
  beforeAll(async () => {
    database = await databaseForLoadedYears('qx_cli_calendar');
    await database.load(year2027);
  });
  afterAll(() => database?.drop());
  const run = (args: string[]) => runCli(['calendar', ...args], { env: database.env });

  it('counts with the years the district office loaded, and only with --loaded', () => {
    // Monday 8 February 2027 is inside the loaded Spring Festival; without the option the
    // calendar still holds no 2027, whatever the database does.
    const builtIn = run(['is-workday', '2027-02-08']);
    expect(builtIn.status).toBe(2);
    expect(builtIn.stderr).toContain('no official holiday data for 2027 (the calendar covers 2020–2026)');
    expect(run(['is-workday', '2027-02-08', '--loaded'])).toMatchObject({ status: 0, stdout: 'false\n' });
    // Saturday 13 February is a make-up workday.
    expect(run(['is-workday', '--loaded', '2027-02-13'])).toMatchObject({ status: 0, stdout: 'true\n' });
    expect(run(['add-workdays', '2027-02-04', '1', '--loaded'])).toMatchObject({
      status: 0,
      stdout: '2027-02-12\n',
    });
    // A year neither built in nor loaded is refused as before, naming the years it covers.
    const noData = run(['is-workday', '2028-01-03', '--loaded']);
    expect(noData.status).toBe(2);
    expect(noData.stderr).toContain('no official holiday data for 2028 (the calendar covers 2020–2027)');
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
      const r = run(['is-workday', '2027-02-08', '--loaded']);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('the years loaded in the database (2027, 2028) do not add up');
      expect(r.stderr).toContain('2027-02-13 is both a day off and a make-up workday');
    } finally {
      await database.unload(2028);
    }
  });
});
