import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../context.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { contextOf, racing, refusal } from '../../test-support/racing.js';
import { completeStudyVisit } from './commands/moveStudyVisit.js';
import { updateStudyVisit } from './commands/updateStudyVisit.js';
import type { StudyVisit } from './contracts-study.js';
import { reformStudyMembers, reformStudyVisits } from './schema.js';
import { auditCount, type Problem, unitId } from './test-helpers.js';

let t: TestContext;
let office: TestClient;
let dept: TestClient;
let officeCtx: ServiceContext;

beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users'] });
  office = await t.as('office');
  dept = await t.as('dept');
  officeCtx = await contextOf(t, office);
});
afterAll(() => t.close());

/** A planned visit of QJ-D01 whose trip is over (20–22 October 2026), one member strong. */
async function pastVisit(): Promise<StudyVisit> {
  const unit = await unitId(t, 'QJ-D01');
  const created = await office.post<StudyVisit>('/api/v1/reforms/study/visits', {
    title: '赴万州区学习考察营商环境',
    unitId: unit,
    destinations: ['万州区'],
    topics: ['营商环境'],
    startDate: '2026-10-20',
    endDate: '2026-10-22',
    members: [{ name: '张三', unitId: unit }],
  });
  expect(created.status).toBe(201);
  return created.body;
}

const complete = async (id: string) =>
  expect((await dept.post(`/api/v1/reforms/study/visits/${id}/complete`)).status).toBe(200);

/** The visit's plan as stored, its delegation included, and the audit log's length. */
const stored = async (id: string) => {
  const db = t.database.db;
  const [row] = await db.select().from(reformStudyVisits).where(eq(reformStudyVisits.id, id));
  const members = await db.select().from(reformStudyMembers).where(eq(reformStudyMembers.visitId, id));
  return { row, members, audit: await auditCount(t) };
};

const moved = { startDate: '2026-10-21', endDate: '2026-10-23', members: [] };

describe('a study visit recorded done', () => {
  it('keeps its plan: a change is refused in both languages, the status named, nothing written', async () => {
    const visit = await pastVisit();
    await complete(visit.id);
    const before = await stored(visit.id);
    for (const [lang, title] of [
      ['zh-CN', '当前状态不允许此操作'],
      ['en', 'Not allowed in the current state'],
    ] as const) {
      const res = await office.request<Problem>('PATCH', `/api/v1/reforms/study/visits/${visit.id}`, moved, {
        'accept-language': lang,
      });
      expect(res.status).toBe(422);
      expect(res.body.title).toBe(title);
      expect(res.body.errors).toEqual([expect.objectContaining({ path: 'status', code: 'visit_done' })]);
    }
    expect(await stored(visit.id)).toEqual(before);
    const read = await office.get<StudyVisit>(`/api/v1/reforms/study/visits/${visit.id}`);
    expect(read.body.actions.edit).toBe(false);
  });

  it('refuses a change checked while planned when the trip is recorded done before it is written', async () => {
    const visit = await pastVisit();
    expect((await office.get<StudyVisit>(`/api/v1/reforms/study/visits/${visit.id}`)).body.actions.edit).toBe(
      true,
    );
    const ctx = { ...officeCtx, db: racing(officeCtx.db, () => complete(visit.id)) };
    expect(await refusal(updateStudyVisit(ctx, visit.id, moved))).toMatchObject({
      code: 'INVALID_STATE',
      errors: [expect.objectContaining({ path: 'status', code: 'visit_done' })],
    });
    const after = await stored(visit.id);
    expect(after.row).toMatchObject({ status: 'done', startDate: '2026-10-20', endDate: '2026-10-22' });
    expect(after.members.map((m) => m.name)).toEqual(['张三']);
  });

  it('is not recorded done when an edit meanwhile moves the end of the trip past today', async () => {
    const visit = await pastVisit();
    // A month from now: still ahead of today in China whatever the hour.
    const later = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const edit = async () =>
      expect(
        (await office.request('PATCH', `/api/v1/reforms/study/visits/${visit.id}`, { endDate: later }))
          .status,
      ).toBe(200);
    const ctx = { ...officeCtx, db: racing(officeCtx.db, edit) };
    expect(await refusal(completeStudyVisit(ctx, visit.id))).toMatchObject({
      code: 'INVALID_STATE',
      errors: [expect.objectContaining({ path: 'endDate', code: 'trip_not_over' })],
    });
    expect((await stored(visit.id)).row).toMatchObject({ status: 'planned', endDate: later });
  });
});
