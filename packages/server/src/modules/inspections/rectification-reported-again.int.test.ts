import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications } from '../../kernel/schema.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { accountsOfInspectors } from './commands/visit-common.js';
import { type Issues, noticesOf, openIssues, report, returnPath } from './rectification-helpers.js';
import { inspectionVisits } from './schema.js';

/**
 * A firm reports a rectification done again after the item's department returned it: the staff
 * of that department, who verify it, are told it awaits them, as well as the visit's team; the
 * other departments' staff are not. Run on PGlite, and on PostgreSQL with DATABASE_URL set.
 */
let t: TestContext;
let issues: Issues;
let finding: Issues['findings'][number];
let verifierLogin: string;
let verifier: TestClient;
const key = 'inspections.notice.rectificationReportedAgain';
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business', 'inspections'] });
  issues = await openIssues(t);
  finding = issues.findings[0]!;
  verifierLogin = issues.staffOf.get(finding.unitId)!;
  verifier = await t.as(verifierLogin);
});
afterAll(() => t.close());

describe('a returned rectification reported again', () => {
  it('tells the verifying department on the report after a return, not on the first', async () => {
    await report(issues.firm, finding.id, '已更换灭火器');
    expect(await noticesOf(t, verifierLogin, key)).toEqual([]);
    const returned = await verifier.post(returnPath(finding.id), { reason: '灭火器仍未年检' });
    expect(returned.status, JSON.stringify(returned.body)).toBe(200);
    await report(issues.firm, finding.id, '已完成年检');
    expect(await noticesOf(t, verifierLogin, key)).toEqual([
      expect.objectContaining({
        visitId: issues.visitId,
        date: expect.any(String),
        item: expect.any(String),
      }),
    ]);
    const [params] = await noticesOf(t, verifierLogin, key);
    expect((params as { firm: string }).firm).not.toBe('');
    // Another department's staff verify none of it and hear nothing.
    const other = [...issues.staffOf.entries()].find(([unit]) => unit !== finding.unitId)![1];
    expect(await noticesOf(t, other, key)).toEqual([]);
    // The team hears of both reports, once each: a member who verifies too by the second notice.
    const db = t.database.db;
    const [visit] = await db.select().from(inspectionVisits).where(eq(inspectionVisits.id, issues.visitId));
    const team = await accountsOfInspectors(db, visit!.inspectorIds);
    const told = await db
      .select({ userId: notifications.userId, key: notifications.key })
      .from(notifications)
      .where(inArray(notifications.userId, team));
    for (const userId of team) {
      const keys = told.filter((n) => n.userId === userId).map((n) => n.key);
      const second = keys.filter((k) => k === key).length;
      expect(keys.filter((k) => k === 'inspections.notice.rectified').length + second, userId).toBe(2);
    }
  });
});
