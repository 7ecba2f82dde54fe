import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../context.js';
import { attachments } from '../../kernel/schema.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { contextOf, racing, refusal } from '../../test-support/racing.js';
import { reportStudyVisit } from './commands/moveStudyVisit.js';
import { saveStudyLearning } from './commands/saveStudyLearning.js';
import { addStudyReport, removeStudyReport } from './commands/studyReportFile.js';
import type { StudyVisit } from './contracts-study.js';
import { reformStudyInsights } from './schema.js';
import { pdfBytes, recordedStudyVisit } from './test-helpers.js';

let t: TestContext;
let office: TestClient;
let dept: TestClient;
let deptCtx: ServiceContext;

beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users'] });
  office = await t.as('office');
  dept = await t.as('dept');
  deptCtx = await contextOf(t, dept);
});
afterAll(() => t.close());

const learning = { practices: [], insights: ['服务企业要有专人。'], reportSummary: '形成1点启示。' };

/** A visit of QJ-D01 whose trip is over, recorded done, its learning saved: being recorded. */
const recordedVisit = () => recordedStudyVisit(t, office, dept, learning);

const reportFiles = (visitId: string) =>
  t.database.db
    .select()
    .from(attachments)
    .where(and(eq(attachments.ownerKind, 'reformStudyVisit'), eq(attachments.ownerId, visitId)));

const handIn = async (id: string) =>
  expect((await dept.post(`/api/v1/reforms/study/visits/${id}/report`)).status).toBe(200);

describe('a study visit’s report and learning while it is handed in', () => {
  it('keeps one report file when two uploads cross', async () => {
    const visit = await recordedVisit();
    // A colleague's upload lands after this one's check and before its transaction.
    const crossing = addStudyReport(deptCtx, visit.id, async () => {
      expect(
        (await dept.upload(`/api/v1/reforms/study/visits/${visit.id}/report-file`, pdfBytes, '一.pdf'))
          .status,
      ).toBe(201);
      return { name: '二.pdf', bytes: pdfBytes };
    });
    expect(await refusal(crossing)).toMatchObject({ code: 'CONFLICT' });
    expect((await reportFiles(visit.id)).map((f) => f.fileName)).toEqual(['一.pdf']);
  });

  it('refuses learning saved after the report was handed in, and keeps what was handed in', async () => {
    const visit = await recordedVisit();
    await dept.upload(`/api/v1/reforms/study/visits/${visit.id}/report-file`, pdfBytes, '报告.pdf');
    const late = { practices: [], insights: ['改过的启示'], reportSummary: '改过的摘要' };
    const ctx = { ...deptCtx, db: racing(deptCtx.db, () => handIn(visit.id)) };
    expect(await refusal(saveStudyLearning(ctx, visit.id, late))).toMatchObject({
      code: 'INVALID_STATE',
      errors: [{ code: 'moved_meanwhile' }],
    });
    const read = await dept.get<StudyVisit>(`/api/v1/reforms/study/visits/${visit.id}`);
    expect(read.body).toMatchObject({ status: 'reported', reportSummary: '形成1点启示。' });
    const insights = await t.database.db
      .select()
      .from(reformStudyInsights)
      .where(eq(reformStudyInsights.visitId, visit.id));
    expect(insights.map((i) => i.text)).toEqual(['服务企业要有专人。']);
  });

  it('refuses to take the report file off a visit handed in meanwhile', async () => {
    const visit = await recordedVisit();
    const file = await dept.upload(
      `/api/v1/reforms/study/visits/${visit.id}/report-file`,
      pdfBytes,
      '报告.pdf',
    );
    const ctx = { ...deptCtx, db: racing(deptCtx.db, () => handIn(visit.id)) };
    expect(await refusal(removeStudyReport(ctx, file.body.id))).toMatchObject({
      code: 'INVALID_STATE',
      errors: [{ code: 'moved_meanwhile' }],
    });
    expect((await reportFiles(visit.id)).map((f) => f.fileName)).toEqual(['报告.pdf']);
  });

  it('refuses the hand-in when the report file was taken off since its checks', async () => {
    const visit = await recordedVisit();
    const file = await dept.upload(
      `/api/v1/reforms/study/visits/${visit.id}/report-file`,
      pdfBytes,
      '报告.pdf',
    );
    const removed = async () =>
      expect((await dept.delete(`/api/v1/reforms/study/report-files/${file.body.id}`)).status).toBe(204);
    const ctx = { ...deptCtx, db: racing(deptCtx.db, removed) };
    expect(await refusal(reportStudyVisit(ctx, visit.id))).toMatchObject({
      code: 'VALIDATION',
      errors: [expect.objectContaining({ path: 'reportFile', code: 'report_file_missing' })],
    });
    // Still being recorded: a file uploaded again is handed in.
    expect((await dept.get<StudyVisit>(`/api/v1/reforms/study/visits/${visit.id}`)).body.status).toBe('done');
    await dept.upload(`/api/v1/reforms/study/visits/${visit.id}/report-file`, pdfBytes, '报告.pdf');
    await handIn(visit.id);
  });

  it('refuses the hand-in when the summary was cleared since its checks', async () => {
    const visit = await recordedVisit();
    await dept.upload(`/api/v1/reforms/study/visits/${visit.id}/report-file`, pdfBytes, '报告.pdf');
    const cleared = async () =>
      expect(
        (
          await dept.put(`/api/v1/reforms/study/visits/${visit.id}/learning`, {
            ...learning,
            reportSummary: '',
          })
        ).status,
      ).toBe(200);
    const ctx = { ...deptCtx, db: racing(deptCtx.db, cleared) };
    expect(await refusal(reportStudyVisit(ctx, visit.id))).toMatchObject({
      code: 'VALIDATION',
      errors: [expect.objectContaining({ path: 'reportSummary', code: 'report_summary_missing' })],
    });
    expect((await dept.get<StudyVisit>(`/api/v1/reforms/study/visits/${visit.id}`)).body.status).toBe('done');
  });
});
