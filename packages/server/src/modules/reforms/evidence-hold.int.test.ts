import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../context.js';
import { attachments } from '../../kernel/schema.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { contextOf, racing } from '../../test-support/racing.js';
import { addEvidence } from './commands/addEvidence.js';
import { removeEvidence } from './commands/removeEvidence.js';
import type { ReformProject, ReformReport } from './contracts.js';
import { freshProject, pdfBytes } from './test-helpers.js';

let t: TestContext;
let office: TestClient;
let dept: TestClient;
let project: ReformProject;
let deptCtx: ServiceContext;

beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users'] });
  office = await t.as('office');
  dept = await t.as('dept');
  project = await freshProject(t, office, [{ name: '出台实施方案', weight: 1, dueDate: '2026-03-31' }]);
  // The lead unit's own context, for calling the commands with a submission between their steps.
  deptCtx = await contextOf(t, dept);
});
afterAll(() => t.close());

let months = 0;
async function draftReport(): Promise<ReformReport> {
  months += 1;
  const res = await dept.post<ReformReport>('/api/v1/reforms/reports', {
    projectId: project.id,
    period: `2026-0${months}`,
    summary: '按计划推进',
    items: [{ milestoneId: project.milestoneList[0]!.id, done: 0.5, note: '' }],
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

const submit = async (id: string) =>
  expect((await dept.post(`/api/v1/reforms/reports/${id}/submit`)).status).toBe(200);

const filesOf = (reportId: string) =>
  t.database.db.select().from(attachments).where(eq(attachments.ownerId, reportId));

describe('evidence and the submission of its report', () => {
  it('refuses a file still uploading when the report is submitted, and keeps nothing of it', async () => {
    const report = await draftReport();
    // The upload is read after the checks and before the file's transaction: the submission
    // lands there, as when a colleague submits while a large scan is still on its way.
    const uploading = addEvidence(deptCtx, report.id, async () => {
      await submit(report.id);
      return { name: '扫描件.pdf', bytes: pdfBytes };
    });
    await expect(uploading).rejects.toMatchObject({
      code: 'INVALID_STATE',
      errors: [{ code: 'moved_meanwhile' }],
    });
    expect(await filesOf(report.id)).toEqual([]);
    const read = await dept.get<ReformReport>(`/api/v1/reforms/reports/${report.id}`);
    expect(read.body.status).toBe('submitted');
    expect(read.body.evidence).toEqual([]);
  });

  it('refuses to take a file off a report submitted after the removal’s checks', async () => {
    const report = await draftReport();
    const file = await dept.upload(`/api/v1/reforms/reports/${report.id}/evidence`, pdfBytes, '实施方案.pdf');
    expect(file.status).toBe(201);
    // The removal's transaction opens after the report was submitted.
    const removing = removeEvidence(
      { ...deptCtx, db: racing(deptCtx.db, () => submit(report.id)) },
      file.body.id,
    );
    await expect(removing).rejects.toMatchObject({
      code: 'INVALID_STATE',
      errors: [{ code: 'moved_meanwhile' }],
    });
    expect((await filesOf(report.id)).map((f) => f.fileName)).toEqual(['实施方案.pdf']);
    expect((await office.get(`/api/v1/reforms/evidence/${file.body.id}`)).status).toBe(200);
  });

  it('still takes files on a draft and a returned report', async () => {
    const report = await draftReport();
    const added = await addEvidence(deptCtx, report.id, async () => ({ name: '方案.pdf', bytes: pdfBytes }));
    await submit(report.id);
    expect(
      (await office.post(`/api/v1/reforms/reports/${report.id}/return`, { reason: '请补充文号' })).status,
    ).toBe(200);
    await removeEvidence(deptCtx, added.id);
    expect(await filesOf(report.id)).toEqual([]);
  });
});
