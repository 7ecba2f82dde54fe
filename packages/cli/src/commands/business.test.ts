import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempFolders } from '@qianxing/server/test-support/temp-folders';
import { describe, expect, it } from 'vitest';
import { runCli } from '../test-support/run-cli.js';

const dir = tempFolders('qianxing-business-')();
const write = (name: string, value: unknown): string => {
  const file = join(dir, name);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
};
const fixture = (name: string) =>
  join(import.meta.dirname, '..', '..', '..', '..', 'test', 'fixtures', 'business', name);
const readFixture = (name: string) => JSON.parse(readFileSync(fixture(name), 'utf8'));

/** Equal, numbers to 1e-12: the expected files hold hand-computed values such as 1/3. */
function expectClose(actual: unknown, expected: unknown, at = 'output'): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    expect(Math.abs(actual - expected), at).toBeLessThanOrEqual(1e-12);
  } else if (expected !== null && typeof expected === 'object') {
    expect(typeof actual, at).toBe('object');
    expect(Object.keys(actual as object), at).toEqual(Object.keys(expected));
    for (const [key, value] of Object.entries(expected)) {
      expectClose((actual as Record<string, unknown>)[key], value, `${at}.${key}`);
    }
  } else expect(actual, at).toBe(expected);
}

const scorecard = (file: string) => runCli(['business', 'scorecard', '--input', file]);

describe('qianxing business scorecard', () => {
  it.each(['scorecard-2025-10', 'scorecard-2026-02'])('prints the hand-computed scorecard of %s', (name) => {
    const r = scorecard(fixture(`${name}.json`));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expectClose(JSON.parse(r.stdout), readFixture(`${name}.expected.json`));
  });

  it('exits 2 naming the field and the request of a bad rating, date or weight', () => {
    const input = readFixture('scorecard-2025-10.json');
    input.requests[4].rating = 7;
    input.requests[8].answeredOn = '2025-10-32';
    input.weights.resolution = -0.3;
    const r = scorecard(write('bad.json', input));
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('weights.resolution: a number ≥ 0');
    expect(r.stderr).toContain('requests[4].rating (request "R5"): from 1 to 5');
    expect(r.stderr).toContain('requests[8].answeredOn (request "R9"): a real date as YYYY-MM-DD');
  });

  it('exits 2 for a month outside the calendar’s years and for a receipt the calendar cannot place', () => {
    const input = readFixture('scorecard-2025-10.json');
    const late = scorecard(write('late.json', { ...input, month: '2027-03' }));
    expect(late.status).toBe(2);
    expect(late.stderr).toContain("month: 2027 is outside the calendar's years (2020–2026)");
    input.requests[2].receivedOn = '2019-12-31';
    input.requests[2].answeredOn = null;
    const early = scorecard(write('early.json', input));
    expect(early.status).toBe(2);
    expect(early.stderr).toContain('requests[2].receivedOn (request "R3"): the due date cannot be computed');
  });

  it('lists ten problems and counts the rest', () => {
    const input = readFixture('scorecard-2025-10.json');
    for (const request of input.requests) request.rating = 0;
    const r = scorecard(write('many.json', input));
    expect(r.status).toBe(2);
    expect(r.stderr.match(/: from 1 to 5/g)).toHaveLength(10);
    expect(r.stderr).toContain('… and 1 more');
  });

  it('exits 2 for a missing file or one that is not JSON', () => {
    expect(scorecard(join(dir, 'absent.json')).status).toBe(2);
    const r = scorecard(write('broken.json', '{"month": '));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('is not valid JSON');
  });
});
