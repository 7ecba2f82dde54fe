import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../context.js';
import type { TestClient, TestContext } from '../../test-support/app.js';
import { holdingCommit, racing, refusal, sideBySide } from '../../test-support/racing.js';
import { deleteProject } from './commands/deleteProject.js';
import { linkStudyPractice } from './commands/linkStudyPractice.js';
import { saveStudyLearning } from './commands/saveStudyLearning.js';
import { reformStudyPracticeProjects, reformStudyPractices } from './schema.js';
import { freshProject, officeAndDept, recordedStudyVisit } from './test-helpers.js';

/**
 * A study visit's practice linked to a project the office deletes meanwhile: the delete having
 * gone since the checks, the link (or the learning naming it) is refused as a conflict naming the
 * project's place in the input, never the database's failure, and what was recorded stays.
 * `racing` puts the delete between the checks and the write on PGlite and PostgreSQL; the delete
 * held uncommitted as the link writes, which the link waits for, only PostgreSQL's second
 * connection shows.
 */
let t: TestContext;
let office: TestClient;
let dept: TestClient;
let officeCtx: ServiceContext;
let deptCtx: ServiceContext;

beforeAll(async () => {
  ({ t, office, dept, officeCtx, deptCtx } = await officeAndDept());
});
afterAll(() => t.close());

const practice = {
  title: '企业服务专员制度',
  description: '每家规上企业配一名服务专员。',
  sourcePlace: '万州区',
};

/** A done visit of QJ-D01 with one practice recorded, linked to no project yet. */
async function recorded(): Promise<{ visitId: string; practiceId: string }> {
  const learning = { practices: [practice], insights: [], reportSummary: '' };
  const visit = await recordedStudyVisit(t, office, dept, learning);
  return { visitId: visit.id, practiceId: visit.practices[0]!.id };
}

const meanwhile = (ctx: ServiceContext, work: () => Promise<unknown>) => ({
  ...ctx,
  db: racing(ctx.db, work),
});
const deleted = (id: string) => async () =>
  expect((await office.delete(`/api/v1/reforms/projects/${id}`)).status).toBe(204);
const unknownProject = (path: string) => ({
  code: 'CONFLICT',
  errors: [expect.objectContaining({ path, code: 'unknown_project' })],
});
const practicesOf = async (visitId: string) =>
  (
    await t.database.db.select().from(reformStudyPractices).where(eq(reformStudyPractices.visitId, visitId))
  ).map((p) => p.id);
const linksOf = (practiceId: string) =>
  t.database.db
    .select()
    .from(reformStudyPracticeProjects)
    .where(eq(reformStudyPracticeProjects.practiceId, practiceId));

describe('a practice linked to a project deleted since the checks', () => {
  it('is refused naming the project, and keeps its links', async () => {
    const [{ practiceId }, kept, gone] = [
      await recorded(),
      await freshProject(t, office, []),
      await freshProject(t, office, []),
    ];
    const input = { projectIds: [kept.id, gone.id] };
    expect(
      await refusal(linkStudyPractice(meanwhile(deptCtx, deleted(gone.id)), practiceId, input)),
    ).toMatchObject(unknownProject('projectIds.1'));
    expect(await linksOf(practiceId)).toEqual([]);
  });

  it('refuses the learning naming it, and keeps what was recorded', async () => {
    const [{ visitId }, gone] = [await recorded(), await freshProject(t, office, [])];
    const before = await practicesOf(visitId);
    const learning = { practices: [{ ...practice, projectIds: [gone.id] }], insights: [], reportSummary: '' };
    expect(
      await refusal(saveStudyLearning(meanwhile(deptCtx, deleted(gone.id)), visitId, learning)),
    ).toMatchObject(unknownProject('practices.0.projectIds.0'));
    expect(await practicesOf(visitId)).toEqual(before);
  });
});

describe.runIf(!!process.env.DATABASE_URL)('a practice linked as the project’s delete writes', () => {
  it('waits for the delete, then is refused naming the project', async () => {
    const [{ practiceId }, gone] = [await recorded(), await freshProject(t, office, [])];
    // Once the link's checks are done, the delete's lock of the project and its removal are
    // open, uncommitted, as the link is written.
    const held = holdingCommit(officeCtx.db);
    let deleting: Promise<unknown> = Promise.resolve();
    const deleteHeld = async () => {
      deleting = deleteProject({ ...officeCtx, db: held.db }, gone.id);
      await held.holding;
    };
    const linking = refusal(
      linkStudyPractice(meanwhile(deptCtx, deleteHeld), practiceId, { projectIds: [gone.id] }),
    );
    await deleting;
    expect(await linking).toMatchObject(unknownProject('projectIds.0'));
    expect(await linksOf(practiceId)).toEqual([]);
  });
});

/**
 * The practice itself gone: the organising unit saved the learning again (which replaces the
 * practices) since the link's checks. The link is not found, never the foreign key's failure.
 */
const savedAgain = (visitId: string) => async () =>
  expect(
    (
      await dept.put(`/api/v1/reforms/study/visits/${visitId}/learning`, {
        practices: [{ ...practice, title: '企业服务专员制度（修订）' }],
        insights: [],
        reportSummary: '',
      })
    ).status,
  ).toBe(200);
const practiceNotFound = { code: 'NOT_FOUND' };

describe('a practice replaced since the link’s checks', () => {
  it('is not found, and the new practice has no links', async () => {
    const [{ visitId, practiceId }, project] = [await recorded(), await freshProject(t, office, [])];
    expect(
      await refusal(
        linkStudyPractice(meanwhile(deptCtx, savedAgain(visitId)), practiceId, { projectIds: [project.id] }),
      ),
    ).toMatchObject(practiceNotFound);
    const [now] = await practicesOf(visitId);
    expect(now).not.toBe(practiceId);
    expect(await linksOf(now!)).toEqual([]);
  });
});

describe.runIf(!!process.env.DATABASE_URL)('a practice linked as the learning is saved again', () => {
  it('waits for the save, then is not found', async () => {
    const [{ visitId, practiceId }, project] = [await recorded(), await freshProject(t, office, [])];
    const held = holdingCommit(deptCtx.db);
    let saving: Promise<unknown> = Promise.resolve();
    const saveHeld = async () => {
      saving = saveStudyLearning({ ...deptCtx, db: held.db }, visitId, {
        practices: [{ ...practice, projectIds: [] }],
        insights: [],
        reportSummary: '',
      });
      await held.holding;
    };
    const linking = refusal(
      linkStudyPractice(meanwhile(deptCtx, saveHeld), practiceId, { projectIds: [project.id] }),
    );
    await saving;
    expect(await linking).toMatchObject(practiceNotFound);
  });

  it('two links of one practice at once take turns, the last one standing', async () => {
    const [{ practiceId }, first, second] = [
      await recorded(),
      await freshProject(t, office, []),
      await freshProject(t, office, []),
    ];
    const together = sideBySide(2, 'after the first statement');
    const results = await Promise.all([
      refusal(linkStudyPractice(together(deptCtx), practiceId, { projectIds: [first.id, second.id] })),
      refusal(linkStudyPractice(together(deptCtx), practiceId, { projectIds: [second.id] })),
    ]);
    expect(results).toEqual([undefined, undefined]);
    const links = (await linksOf(practiceId)).map((l) => l.projectId);
    expect([[first.id, second.id].sort(), [second.id]]).toContainEqual(links.sort());
  });
});
