import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../context.js';
import { attachments } from '../../kernel/schema.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { contextOf, holdingCommit, racing, refusal } from '../../test-support/racing.js';
import { updateStudySession } from './commands/createStudySession.js';
import { addStudyMaterial, removeStudyMaterial } from './commands/studyMaterials.js';
import type { StudySession } from './contracts-study.js';
import { pdfBytes, unitId } from './test-helpers.js';

let t: TestContext;
let office: TestClient;
let dept: TestClient;
let deptCtx: ServiceContext;
let officeCtx: ServiceContext;

beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users'] });
  office = await t.as('office');
  dept = await t.as('dept');
  deptCtx = await contextOf(t, dept);
  officeCtx = await contextOf(t, office);
});
afterAll(() => t.close());

/** A session QJ-D01 organises, whose staff (`dept`) keep its materials. */
async function ownSession(): Promise<StudySession> {
  const created = await office.post<StudySession>('/api/v1/reforms/study/sessions', {
    title: '优化营商环境专题学习',
    unitId: await unitId(t, 'QJ-D01'),
    form: 'offline',
    date: '2026-03-12',
    startTime: '15:00',
    endTime: '16:30',
    teacher: '区委改革办 向磊',
  });
  expect(created.status).toBe(201);
  return created.body;
}

const handedOver = (id: string) => async () =>
  expect(
    (await office.patch(`/api/v1/reforms/study/sessions/${id}`, { unitId: await unitId(t, 'QJ-D02') }))
      .status,
  ).toBe(200);

const materials = async (sessionId: string) =>
  (
    await t.database.db
      .select({ fileName: attachments.fileName })
      .from(attachments)
      .where(and(eq(attachments.ownerKind, 'reformStudySession'), eq(attachments.ownerId, sessionId)))
  ).map((a) => a.fileName);

describe('a session handed to another unit while its organiser changes its materials', () => {
  it('takes no material the unit it was taken from was uploading', async () => {
    const session = await ownSession();
    // The office hands the session over while the file is on its way, after the organiser's check.
    const adding = addStudyMaterial(deptCtx, session.id, async () => {
      await handedOver(session.id)();
      return { name: '讲义.pdf', bytes: pdfBytes };
    });
    expect(await refusal(adding)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await materials(session.id)).toEqual([]);
  });

  it('keeps the material the unit it was taken from was removing', async () => {
    const session = await ownSession();
    const added = await dept.upload(
      `/api/v1/reforms/study/sessions/${session.id}/materials`,
      pdfBytes,
      '讲义.pdf',
    );
    expect(added.status).toBe(201);
    const removing = removeStudyMaterial(
      { ...deptCtx, db: racing(deptCtx.db, handedOver(session.id)) },
      added.body.id,
    );
    expect(await refusal(removing)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await materials(session.id)).toEqual(['讲义.pdf']);
  });

  /*
   * The office's change is still open, its row lock held, while the organiser's check reads the
   * session and the file's transaction begins: on PostgreSQL the file waits for the change and then
   * sees the session handed over. Two transactions open at once need two connections, so only
   * PostgreSQL runs this race as written (run it there); on PGlite (one connection) the file's
   * transaction begins once the change has committed, the case the tests above already take.
   */
  it('waits for a handover still being written, then refuses the file', async () => {
    const session = await ownSession();
    const held = holdingCommit(officeCtx.db);
    const moving = updateStudySession({ ...officeCtx, db: held.db }, session.id, {
      unitId: await unitId(t, 'QJ-D02'),
    });
    const adding = addStudyMaterial(deptCtx, session.id, async () => {
      await held.holding;
      return { name: '讲义.pdf', bytes: pdfBytes };
    });
    const [refused] = await Promise.all([refusal(adding), moving]);
    expect(refused).toMatchObject({ code: 'FORBIDDEN' });
    expect(await materials(session.id)).toEqual([]);
  });
});
