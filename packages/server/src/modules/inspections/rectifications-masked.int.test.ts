import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import type { RectificationPage } from './contracts-figures.js';
import type { VisitResult } from './contracts-visits.js';
import { type Issues, openIssues, report, returnPath } from './rectification-helpers.js';
import { inspectionFindings } from './schema.js';

/**
 * The follow-up list masks the phone and ID numbers people type into an issue's requirement, the
 * firm's report and the return's reason; the firm's own visit page keeps them. Run on PGlite,
 * and on PostgreSQL with DATABASE_URL set.
 */
let t: TestContext;
let issues: Issues;
let finding: Issues['findings'][number];
let verifier: TestClient;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business', 'inspections'] });
  issues = await openIssues(t);
  finding = issues.findings[0]!;
  verifier = await t.as(issues.staffOf.get(finding.unitId)!);
  await t.database.db
    .update(inspectionFindings)
    .set({ requirement: '整改后致电 138 1234 5678 复查' })
    .where(eq(inspectionFindings.id, finding.id));
});
afterAll(() => t.close());

const listed = async (client: TestClient, state: string) =>
  (
    await client.get<RectificationPage>(`/api/v1/inspections/rectifications?state=${state}&pageSize=100`)
  ).body.items.find((r) => r.findingId === finding.id)!;
const idNumber = '110101199003071234';

describe('free text in the rectification follow-up', () => {
  it('is masked in the list for the department and the office, and whole on the firm’s visit page', async () => {
    await report(issues.firm, finding.id, `已整改，负责人王明 13912345678，身份证 ${idNumber}`);
    for (const client of [verifier, await t.as('office')]) {
      const row = await listed(client, 'reported');
      expect(row.requirement).toBe('整改后致电 138****5678 复查');
      expect(row.rectificationNote).toBe('已整改，负责人王明 139****5678，身份证 1101**********1234');
    }
    const returned = await verifier.post(returnPath(finding.id), { reason: `请联系 13712345678 补交材料` });
    expect(returned.status, JSON.stringify(returned.body)).toBe(200);
    expect((await listed(verifier, 'returned')).returnReason).toBe('请联系 137****5678 补交材料');
    // The firm, whose visit it is, reads its own visit in full.
    const own = (
      await issues.firm.get<VisitResult>(`/api/v1/inspections/my-results/${issues.visitId}`)
    ).body.items.find((i) => i.finding?.id === finding.id)!.finding!;
    expect(own).toMatchObject({
      requirement: '整改后致电 138 1234 5678 复查',
      returnReason: '请联系 13712345678 补交材料',
    });
  });
});
