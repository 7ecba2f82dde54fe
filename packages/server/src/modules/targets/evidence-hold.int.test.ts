import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../context.js';
import { attachments } from '../../kernel/schema.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { contextOf, racing } from '../../test-support/racing.js';
import { addEvidence } from './commands/addEvidence.js';
import { removeEvidence } from './commands/removeEvidence.js';
import type { Report } from './contracts/reports.js';
import { reportingDepartment } from './test-helpers.js';

// The first bytes of a PDF: enough for the file-kind check.
const pdfBytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34, 0x0a]);

let t: TestContext;
let office: TestClient;
let dept: TestClient;
let deptCtx: ServiceContext;
let draft: () => Promise<Report>;

beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  const made = await reportingDepartment(t);
  office = made.office;
  dept = made.dept;
  let quarter = 0;
  draft = () => {
    quarter += 1;
    return made.draft(`2025Q${quarter}`);
  };
  // The unit's own context, for calling the commands with a submission between their steps.
  deptCtx = await contextOf(t, dept);
});
afterAll(() => t.close());

const submit = async (id: string) =>
  expect((await dept.post(`/api/v1/targets/reports/${id}/submit`)).status).toBe(200);
const filesOf = (reportId: string) =>
  t.database.db.select().from(attachments).where(eq(attachments.ownerId, reportId));

describe('evidence and the submission of its quarterly report', () => {
  it('refuses a file still uploading when the report is submitted, and keeps nothing of it', async () => {
    const report = await draft();
    // The upload is read after the checks, before the file's transaction: the submission lands
    // there, as when a colleague submits while a large scan is still on its way.
    const uploading = addEvidence(deptCtx, report.id, async () => {
      await submit(report.id);
      return { name: '扫描件.pdf', bytes: pdfBytes };
    });
    await expect(uploading).rejects.toMatchObject({
      code: 'INVALID_STATE',
      errors: [{ code: 'invalid_transition', params: { current: 'submitted' } }],
    });
    expect(await filesOf(report.id)).toEqual([]);
  });

  it('refuses to take a file off a report submitted after the removal’s checks', async () => {
    const report = await draft();
    const file = await addEvidence(deptCtx, report.id, async () => ({ name: '台账.pdf', bytes: pdfBytes }));
    const removing = removeEvidence({ ...deptCtx, db: racing(deptCtx.db, () => submit(report.id)) }, file.id);
    await expect(removing).rejects.toMatchObject({
      code: 'INVALID_STATE',
      errors: [{ code: 'invalid_transition', params: { current: 'submitted' } }],
    });
    expect((await filesOf(report.id)).map((f) => f.fileName)).toEqual(['台账.pdf']);
  });

  it('still takes and removes files on a draft and a returned report', async () => {
    const report = await draft();
    const added = await addEvidence(deptCtx, report.id, async () => ({ name: '方案.pdf', bytes: pdfBytes }));
    await submit(report.id);
    expect(
      (await office.post(`/api/v1/targets/reports/${report.id}/return`, { reason: '请补充' })).status,
    ).toBe(200);
    await removeEvidence(deptCtx, added.id);
    expect(await filesOf(report.id)).toEqual([]);
  });
});
