import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transaction } from '../../db/transaction.js';
import { createTestContext, type TestContext } from '../../test-support/app.js';
import { writeReportValues } from './commands/report-common.js';
import { targetReports, targetReportValues } from './schema.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

describe('replacing a report’s values', () => {
  it('checks the report’s state again at the write: a report submitted meanwhile keeps its values', async () => {
    const db = t.database.db;
    const [submitted] = await db
      .select()
      .from(targetReports)
      .where(eq(targetReports.status, 'submitted'))
      .limit(1);
    expect(submitted).toBeDefined();
    const values = () =>
      db.select().from(targetReportValues).where(eq(targetReportValues.reportId, submitted!.id));
    const before = await values();
    await expect(
      transaction(db, (tx) => writeReportValues(tx, submitted!.id, [], 'form')),
    ).rejects.toMatchObject({
      code: 'INVALID_STATE',
      errors: [{ code: 'invalid_transition', params: { current: 'submitted', entity: 'targetReport' } }],
    });
    expect(await values()).toEqual(before);
  });
});
