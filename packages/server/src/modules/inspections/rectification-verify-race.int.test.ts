import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../context.js';
import { createTestContext, type TestContext } from '../../test-support/app.js';
import { contextOf, holdingCommit, racing, refusal } from '../../test-support/racing.js';
import { acceptRectification } from './commands/acceptRectification.js';
import { confirmRectification } from './commands/confirmRectification.js';
import { returnRectification } from './commands/returnRectification.js';
import { type Issues, openIssues, report } from './rectification-helpers.js';
import { inspectionFindings } from './schema.js';
import { auditOf } from './test-helpers.js';

/**
 * A verifier's acceptance against another's return and the firm's new report at the same moment:
 * the finding's row is locked and read again, so the acceptance is of the report the verifier
 * read, or none. Run on PGlite, and on PostgreSQL with DATABASE_URL set.
 */
let t: TestContext;
let issues: Issues;
let firmCtx: ServiceContext;
const verifiers = async (unitId: string) => {
  const login = issues.staffOf.get(unitId)!;
  return [await contextOf(t, await t.as(login)), await contextOf(t, await t.as(login))] as const;
};
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business', 'inspections'] });
  issues = await openIssues(t);
  expect(issues.findings.length).toBeGreaterThanOrEqual(3);
  firmCtx = await contextOf(t, issues.firm);
});
afterAll(() => t.close());

const row = async (id: string) =>
  (await t.database.db.select().from(inspectionFindings).where(eq(inspectionFindings.id, id)))[0]!;
const conflictOn = (code: string) => ({
  code: 'CONFLICT',
  errors: [expect.objectContaining({ path: 'findingId', code })],
});

describe('verifying a rectification at the same moment as another change', () => {
  it('refuses an acceptance whose report another verifier returned meanwhile', async () => {
    const f = issues.findings[0]!;
    await report(issues.firm, f.id);
    const [a, b] = await verifiers(f.unitId);
    const meanwhile = () => returnRectification(b, { findingId: f.id, reason: '照片看不清' });
    const refused = await refusal(acceptRectification({ ...a, db: racing(a.db, meanwhile) }, f.id));
    expect(refused).toMatchObject(conflictOn('rectification_returned'));
    const now = await row(f.id);
    expect(now).toMatchObject({ verifiedAt: null, rectifiedAt: null, returnReason: '照片看不清' });
    expect(await auditOf(t, f.id)).not.toContain('inspectionRectification.accept');
  });

  it('refuses an acceptance of a report the firm replaced meanwhile (returned and reported again)', async () => {
    const f = issues.findings[1]!;
    await report(issues.firm, f.id, '第一次报告');
    const [a, b] = await verifiers(f.unitId);
    const meanwhile = async () => {
      await returnRectification(b, { findingId: f.id, reason: '不合格' });
      await confirmRectification(firmCtx, { findingId: f.id, note: '第二次报告' });
    };
    const refused = await refusal(acceptRectification({ ...a, db: racing(a.db, meanwhile) }, f.id));
    expect(refused).toMatchObject(conflictOn('reported_again'));
    expect(await row(f.id)).toMatchObject({ verifiedAt: null, rectificationNote: '第二次报告' });
  });

  it('lets one of an acceptance and a return held open at once win, and refuses the other', async () => {
    const f = issues.findings[2]!;
    await report(issues.firm, f.id);
    const [a, b] = await verifiers(f.unitId);
    const held = holdingCommit(a.db);
    const accepting = acceptRectification({ ...a, db: held.db }, f.id);
    await held.holding;
    // The acceptance's row lock is held until it commits: the return waits, then reads it accepted.
    const refused = await refusal(returnRectification(b, { findingId: f.id, reason: '晚了一步' }));
    await accepting;
    expect(refused).toMatchObject(conflictOn('already_verified'));
    const now = await row(f.id);
    expect(now.verifiedAt).not.toBeNull();
    expect(now.returnedAt).toBeNull();
    expect((await auditOf(t, f.id)).filter((a) => a.startsWith('inspectionRectification.'))).toEqual([
      'inspectionRectification.confirm',
      'inspectionRectification.accept',
    ]);
  });
});
