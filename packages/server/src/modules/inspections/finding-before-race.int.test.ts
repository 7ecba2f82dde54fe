import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../audit/schema.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { contextOf, racing } from '../../test-support/racing.js';
import { accountsByIds } from '../users/api.js';
import { saveFinding } from './commands/saveFinding.js';
import { accountsOfInspectors } from './commands/visit-common.js';
import { type Issues, openIssues } from './rectification-helpers.js';
import { inspectionFindings, inspectionVisits } from './schema.js';

/**
 * Two members of a visit's team correct the same finding at once: the one whose checks ran
 * first and writes second records as its before-value the teammate's correction committed
 * meanwhile, read behind the visit's row in its write, not the finding as its checks saw it.
 * Run on PGlite, and on PostgreSQL with DATABASE_URL set.
 */
let t: TestContext;
let issues: Issues;
let team: TestClient[];
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business', 'inspections'] });
  issues = await openIssues(t);
  const db = t.database.db;
  const [visit] = await db.select().from(inspectionVisits).where(eq(inspectionVisits.id, issues.visitId));
  const accounts = await accountsByIds(db, await accountsOfInspectors(db, visit!.inspectorIds));
  team = await Promise.all([...accounts.values()].map((a) => t.as(a.login)));
  expect(team.length, 'a team of two or more').toBeGreaterThan(1);
  // The visit under way again: its findings are recorded then.
  await db
    .update(inspectionVisits)
    .set({ status: 'started', completedAt: null })
    .where(eq(inspectionVisits.id, issues.visitId));
});
afterAll(() => t.close());

describe('a finding corrected by a teammate meanwhile', () => {
  it('is the before-value the next correction’s audit event records', async () => {
    const finding = issues.findings.at(-1)!;
    const [{ itemId }] = (await t.database.db
      .select({ itemId: inspectionFindings.itemId })
      .from(inspectionFindings)
      .where(eq(inspectionFindings.id, finding.id))) as [{ itemId: string }];
    const visitId = issues.visitId;
    const ctx = await contextOf(t, team[0]!);
    const teammate = async () => {
      const res = await team[1]!.put(`/api/v1/inspections/visits/${visitId}/findings/${itemId}`, {
        result: 'compliant',
        note: '队友更正：符合要求',
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    };
    await saveFinding(
      { ...ctx, db: racing(ctx.db, teammate) },
      { visitId, itemId, finding: { result: 'compliant', note: '最终记录' } },
    );
    const events = await t.database.db
      .select({ before: auditEvents.before, after: auditEvents.after })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, finding.id), eq(auditEvents.action, 'inspectionFinding.save')))
      .orderBy(asc(auditEvents.id));
    expect(events.slice(-2).map((e) => [e.before, e.after])).toEqual([
      [expect.anything(), expect.objectContaining({ note: '队友更正：符合要求' })],
      [
        expect.objectContaining({ note: '队友更正：符合要求' }),
        expect.objectContaining({ note: '最终记录' }),
      ],
    ]);
  });
});
