import { calendarWithLoaded } from '@qianxing/core/calendar';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { transaction } from '../../db/transaction.js';
import { type CalendarChange, changedFrom } from '../../kernel/deadline-recount.js';
import { dueAfter, todayInChina } from '../../kernel/deadlines.js';
import type { TestContext } from '../../test-support/app.js';
import { createTestContext } from '../../test-support/app.js';
import { contextOf, racingAfter } from '../../test-support/racing.js';
import { takeRecountNotices, year2027 } from '../../test-support/year-2027.js';
import { userIdByLogin } from '../users/api.js';
import { acceptRectification } from './commands/acceptRectification.js';
import { recountInspectionDeadlines } from './deadline-recount.js';
import { type Issues, openIssues, report } from './rectification-helpers.js';
import { inspectionFindings, inspectionVisits } from './schema.js';

/**
 * The rectifications counted again for 2027's notice (in the loading's transaction) while a
 * department accepts one of them, after the recount listed the open ones and before it writes
 * their dates. The accepted one keeps its date, and is neither counted nor told of. On PostgreSQL
 * (DATABASE_URL set) the acceptance commits on its own connection inside the recount's span; on
 * PGlite's one connection it runs within the recount's transaction at the same point.
 */
let t: TestContext;
let issues: Issues;
let verifier: ServiceContext;
let verifierId: string;
const completedAt = new Date('2026-12-28T17:00:00Z');
const dueBefore = dueAfter(todayInChina(completedAt), 5);

beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business', 'inspections'] });
  issues = await openIssues(t);
  const { db } = t.database;
  // Completed on 29 December in China, due five working days later, counted Monday to Friday.
  await db.update(inspectionVisits).set({ completedAt }).where(eq(inspectionVisits.id, issues.visitId));
  await db
    .update(inspectionFindings)
    .set({ deadlineDays: 5, dueDate: dueBefore })
    .where(eq(inspectionFindings.visitId, issues.visitId));
  const login = issues.staffOf.get(issues.findings[0]!.unitId)!;
  verifier = await contextOf(t, await t.as(login));
  verifierId = (await userIdByLogin(db, login))!;
});
afterAll(() => t.close());

/** 2027's notice loaded where no year was: the change the loading's recounts count on. */
const loading2027: CalendarChange = {
  year: 2027,
  from: changedFrom(2027, year2027),
  before: calendarWithLoaded([]),
  after: calendarWithLoaded([year2027]),
};

describe('a recount under way while a rectification is accepted', () => {
  it('neither counts nor tells of the rectification accepted after the recount read it', async () => {
    const { db } = t.database;
    const [accepted, ...others] = issues.findings;
    expect(dueBefore).toBe('2027-01-05');
    expect(others.length).toBeGreaterThan(0);
    await report(issues.firm, accepted!.id);
    await takeRecountNotices(t, 'inspections');

    let inside: Db | undefined;
    let ran = false;
    const meanwhile = async () => {
      await acceptRectification(
        process.env.DATABASE_URL ? verifier : { ...verifier, db: inside! },
        accepted!.id,
      );
      ran = true;
    };
    // Just after the recount lists the open rectifications.
    const listed = /^select .* from "inspection_findings" inner join "inspection_visits"/;
    const moved = await transaction(racingAfter(db, listed, meanwhile), (tx) => {
      inside = tx;
      return recountInspectionDeadlines(tx, loading2027);
    });
    expect(ran).toBe(true);

    const rows = await db
      .select({ id: inspectionFindings.id, dueDate: inspectionFindings.dueDate })
      .from(inspectionFindings)
      .where(
        inArray(
          inspectionFindings.id,
          issues.findings.map((f) => f.id),
        ),
      );
    const dueOf = new Map(rows.map((r) => [r.id, r.dueDate]));
    // 1 January is a holiday now: the open ones end a working day later; the accepted one keeps its date.
    expect(dueOf.get(accepted!.id)).toBe('2027-01-05');
    for (const f of others) expect(dueOf.get(f.id)).toBe('2027-01-06');
    expect(moved).toBe(others.length);

    // The firm hears of the others only; the verifier, of those of their department only.
    const told = await takeRecountNotices(t, 'inspections');
    const firmUser = (await userIdByLogin(db, 'firm1'))!;
    const countOf = (userId: string) => told.filter((n) => n.userId === userId).map((n) => n.params.count);
    expect(countOf(firmUser)).toEqual([others.length]);
    const sameUnit = others.filter((f) => f.unitId === accepted!.unitId).length;
    expect(countOf(verifierId)).toEqual(sameUnit > 0 ? [sameUnit] : []);
  });
});
