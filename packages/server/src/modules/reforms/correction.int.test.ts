import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../audit/schema.js';
import { notifications } from '../../kernel/schema.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { contextOf, racing } from '../../test-support/racing.js';
import { correctProgress } from './commands/correctProgress.js';
import type { ReformProject, ReformReport } from './contracts.js';
import { reformMilestones } from './schema.js';
import { auditOf, freshProject, type Problem } from './test-helpers.js';

let t: TestContext;
let office: TestClient;
let dept: TestClient;
let project: ReformProject;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users'] });
  office = await t.as('office');
  dept = await t.as('dept');
  project = await freshProject(t, office, [
    { name: '出台实施方案', weight: 1, dueDate: '2026-06-30' },
    { name: '系统上线运行', weight: 1, dueDate: '2027-03-31' },
  ]);
  // The office approves a report that says the first milestone is done, by mistake.
  const r = await dept.post<ReformReport>('/api/v1/reforms/reports', {
    projectId: project.id,
    period: '2026-08',
    summary: '方案已印发',
    items: [{ milestoneId: project.milestoneList[0]!.id, done: 1 }],
  });
  expect((await dept.post(`/api/v1/reforms/reports/${r.body.id}/submit`)).status).toBe(200);
  expect((await office.post(`/api/v1/reforms/reports/${r.body.id}/approve`)).status).toBe(200);
});
afterAll(() => t.close());

const read = async () => (await office.get<ReformProject>(`/api/v1/reforms/projects/${project.id}`)).body;
const url = (milestoneId: string, projectId = project.id) =>
  `/api/v1/reforms/projects/${projectId}/milestones/${milestoneId}/correction`;
const first = () => project.milestoneList[0]!.id;

describe('the reform office corrects a wrong approval downward', () => {
  it('lowers the milestone, keeps the reason in the project’s history and the audit, and tells the lead unit', async () => {
    expect((await read()).milestoneList[0]).toMatchObject({ done: 1 });
    expect((await read()).actions.correct).toBe(true);
    const res = await office.post<ReformProject>(url(first()), {
      done: 0.4,
      reason: '印发的是征求意见稿，不是正式方案，详询13812345678',
    });
    expect(res.status).toBe(200);
    expect(res.body.milestoneList[0]).toMatchObject({ done: 0.4, doneAt: null });
    expect(res.body.progress).toBeCloseTo(0.2);
    expect(res.body.corrections).toEqual([
      expect.objectContaining({
        milestoneId: first(),
        milestoneName: '出台实施方案',
        doneBefore: 1,
        doneAfter: 0.4,
        reason: '印发的是征求意见稿，不是正式方案，详询13812345678',
        correctedByName: '活动办 管理员',
      }),
    ]);
    const [event] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, project.id), eq(auditEvents.action, 'reformMilestone.correct')));
    expect(event).toMatchObject({
      before: { milestoneId: first(), done: 1 },
      after: { milestoneId: first(), done: 0.4, reason: '印发的是征求意见稿，不是正式方案，详询138****5678' },
    });
    const told = await t.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.key, 'reforms.notice.corrected'));
    expect(told.map((n) => n.params)).toEqual([
      expect.objectContaining({
        milestoneName: '出台实施方案',
        from: 100,
        to: 40,
        reason: '印发的是征求意见稿，不是正式方案，详询138****5678',
      }),
    ]);
    // The lead unit reads the history too.
    const seen = await dept.get<ReformProject>(`/api/v1/reforms/projects/${project.id}`);
    expect(seen.body.corrections).toHaveLength(1);
    expect(seen.body.actions.correct).toBe(false);
  });

  it('the next report starts from the corrected figure: a report of 50% is no longer below approved', async () => {
    const next = await dept.post<ReformReport>('/api/v1/reforms/reports', {
      projectId: project.id,
      period: '2026-09',
      summary: '正式方案报审',
      items: [{ milestoneId: first(), done: 0.5 }],
    });
    expect(next.status).toBe(201);
    expect((await dept.post(`/api/v1/reforms/reports/${next.body.id}/submit`)).status).toBe(200);
  });

  it('a correction only lowers: the same or a higher figure is refused in both languages, nothing written', async () => {
    const before = await auditOf(t, project.id);
    for (const done of [0.4, 0.9])
      for (const h of [{}, { 'accept-language': 'en' }] as Array<Record<string, string>>) {
        const res = await office.request('POST', url(first()), { done, reason: '再次更正进度' }, h);
        expect(res.status).toBe(400);
        expect((res.body as Problem).errors).toContainEqual(
          expect.objectContaining({
            path: 'done',
            code: 'not_below_approved',
            params: { value: '出台实施方案', maximum: 40 },
          }),
        );
      }
    expect((await read()).milestoneList[0]!.done).toBe(0.4);
    expect(await auditOf(t, project.id)).toEqual(before);
  });

  it('a reason is required', async () => {
    for (const body of [{ done: 0.1 }, { done: 0.1, reason: '  ' }]) {
      const res = await office.request('POST', url(first()), body);
      expect(res.status).toBe(400);
      expect((res.body as Problem).errors).toContainEqual(expect.objectContaining({ path: 'reason' }));
    }
    expect((await read()).corrections).toHaveLength(1);
  });

  it('the lead unit cannot lower its own approved progress; an unknown milestone or project is not found', async () => {
    const refused = await dept.request('POST', url(first()), { done: 0, reason: '自行更正进度' });
    expect(refused.status).toBe(403);
    const ghost = crypto.randomUUID();
    expect((await office.request('POST', url(ghost), { done: 0, reason: '误审核更正' })).status).toBe(404);
    expect(
      (await office.request('POST', url(first(), ghost), { done: 0, reason: '误审核更正' })).status,
    ).toBe(404);
    // A milestone of another project is not this project's.
    const other = await freshProject(t, office, [{ name: '另一个节点', weight: 1, dueDate: '2026-06-30' }]);
    expect(
      (await office.request('POST', url(other.milestoneList[0]!.id), { done: 0, reason: '误审核更正' }))
        .status,
    ).toBe(404);
    expect((await read()).milestoneList[0]!.done).toBe(0.4);
  });

  it('refuses a correction of progress that moved after it was read, naming the field', async () => {
    const id = first();
    const moveElsewhere = () =>
      t.database.db.update(reformMilestones).set({ done: 0.3 }).where(eq(reformMilestones.id, id));
    const ctx = await contextOf(t, office);
    const refused = await correctProgress(
      { ...ctx, db: racing(ctx.db, moveElsewhere) },
      { projectId: project.id, milestoneId: id, body: { done: 0.2, reason: '再次更正' } },
    ).catch((error: unknown) => error);
    expect(refused).toMatchObject({
      code: 'CONFLICT',
      errors: [{ path: 'done', code: 'edited_meanwhile' }],
    });
    expect((await read()).milestoneList[0]!.done).toBe(0.3);
  });
});
