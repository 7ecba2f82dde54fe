import { describe, expect, it } from 'vitest';
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
