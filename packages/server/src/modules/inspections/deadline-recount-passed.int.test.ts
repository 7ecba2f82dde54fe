import { eq, inArray } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { dueAfter, todayInChina } from '../../kernel/deadlines.js';
import { createTestContext, type TestContext } from '../../test-support/app.js';
import { lastRecount, takeRecountNotices, year2027 } from '../../test-support/year-2027.js';
import { inspectionFindings, inspectionVisits } from './schema.js';

/**
 * A rectification's due date already passed on the day a year's holidays are loaded stays, as a
 * firm's request's does: it was listed overdue on that date. One still ahead moves. Run on
 * PGlite, and on PostgreSQL with DATABASE_URL set.
 */
let t: TestContext;
let passed: string[];
let ahead: string[];
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business', 'inspections'] });
  const { db } = t.database;
  const visits = await db
    .select({ id: inspectionVisits.id })
    .from(inspectionVisits)
    .where(eq(inspectionVisits.status, 'completed'))
    .orderBy(inspectionVisits.id);
  expect(visits.length).toBeGreaterThan(1);
  // Every finding of the visit an open issue, due `days` working days after its completion.
  const issues = async (visitId: string, completedAt: Date, days: number) => {
    await db.update(inspectionVisits).set({ completedAt }).where(eq(inspectionVisits.id, visitId));
    const found = await db
      .update(inspectionFindings)
      .set({
        result: 'issue',
        requirement: '按要求整改',
        deadlineDays: days,
        dueDate: dueAfter(todayInChina(completedAt), days),
        rectifiedAt: null,
        rectifiedBy: null,
        rectificationNote: null,
        verifiedAt: null,
        verifiedBy: null,
      })
      .where(eq(inspectionFindings.visitId, visitId))
      .returning({ id: inspectionFindings.id });
    return found.map((f) => f.id);
  };
  // Monday to Friday before 2027 is loaded: 5 working days from Monday 28 December 2026 end on
  // Monday 4 January 2027; 10 from Thursday 31 December on Thursday 14 January.
  passed = await issues(visits[0]!.id, new Date('2026-12-28T04:00:00Z'), 5);
  ahead = await issues(visits[1]!.id, new Date('2026-12-31T04:00:00Z'), 10);
  expect(passed.length).toBeGreaterThan(0);
  expect(ahead.length).toBeGreaterThan(0);
});
afterEach(() => {
  vi.useRealTimers();
});
// Closing the database takes the years it loaded out of the process's calendar.
afterAll(() => t.close());

const dueDates = async (ids: string[]) =>
  [
    ...new Set(
      (
        await t.database.db
          .select({ dueDate: inspectionFindings.dueDate })
          .from(inspectionFindings)
          .where(inArray(inspectionFindings.id, ids))
      ).map((f) => f.dueDate),
    ),
  ].sort();

describe('loading a year of holidays after a rectification’s due date passed', () => {
  it('leaves the passed due date, and moves the one still ahead', async () => {
    expect(await dueDates(passed)).toEqual(['2027-01-04']);
    expect(await dueDates(ahead)).toEqual(['2027-01-14']);
    // Loaded at noon on Wednesday 6 January 2027 in China, once 4 January has passed.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2027-01-06T12:00:00+08:00') });
    const office = await t.as('office');
    expect((await office.put('/api/v1/calendar/years/2027', year2027)).status).toBe(200);
    vi.useRealTimers();
    expect(await dueDates(passed)).toEqual(['2027-01-04']);
    expect(await dueDates(ahead)).toEqual(['2027-01-15']);
    expect((await lastRecount(t)).inspections).toBe(ahead.length);
    const told = await takeRecountNotices(t, 'inspections');
    expect(told.length).toBeGreaterThan(0);
    for (const n of told.filter((n) => n.params.count === 1))
      expect(n.params).toMatchObject({ dueBefore: '2027-01-14', dueOn: '2027-01-15' });
  });
});
