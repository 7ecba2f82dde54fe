import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications } from '../../kernel/schema.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { userIdByLogin } from '../users/api.js';
import type { ReformProject, ReformReport } from './contracts.js';
import { auditOf, freshProject, type Problem, staffOf, unitId } from './test-helpers.js';

let t: TestContext;
let office: TestClient;
let dept: TestClient;
let project: ReformProject;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users'] });
  office = await t.as('office');
  dept = await t.as('dept');
  project = await freshProject(
    t,
    office,
    [
      { name: '出台实施方案', weight: 1, dueDate: '2026-03-31' },
      { name: '系统上线运行', weight: 3, dueDate: '2026-11-30' },
    ],
    { startDate: '2026-01-01', endDate: '2026-11-30' },
  );
});
afterAll(() => t.close());

/** The messages in a login's inbox, oldest first. */
const noticesTo = async (login: string) =>
  t.database.db
    .select()
    .from(notifications)
    .where(eq(notifications.userId, (await userIdByLogin(t.database.db, login))!))
    .orderBy(notifications.createdAt, notifications.id);

const read = async () => (await office.get<ReformProject>(`/api/v1/reforms/projects/${project.id}`)).body;
const plan = (p: ReformProject) =>
  p.milestoneList.map(({ id, name, weight, dueDate }) => ({ id, name, weight, dueDate }));

describe('deadlines and the milestone plan are the reform office’s', () => {
  it('the lead unit cannot move its end date to clear its 滞后 status: 403 naming the field', async () => {
    expect(project.status).toBe('behind');
    const before = await auditOf(t, project.id);
    for (const h of [{}, { 'accept-language': 'en' }] as Array<Record<string, string>>) {
      const res = await dept.request(
        'PATCH',
        `/api/v1/reforms/projects/${project.id}`,
        { endDate: '2027-12-31', goal: '延期' },
        h,
      );
      expect(res.status).toBe(403);
      expect((res.body as Problem).errors).toEqual([
        expect.objectContaining({ path: 'endDate', code: 'office_only' }),
      ]);
    }
    expect(await read()).toMatchObject({ endDate: '2026-11-30', status: 'behind', goal: '' });
    expect(await auditOf(t, project.id)).toEqual(before);
    // What stays the lead unit's: the goal and an earlier start (more months to report on).
    const own = await dept.patch<ReformProject>(`/api/v1/reforms/projects/${project.id}`, {
      goal: '企业开办一日办结',
      startDate: '2025-12-01',
    });
    expect(own.status).toBe(200);
  });

  it('the lead unit cannot move its start later to drop the months it did not report on', async () => {
    const before = await auditOf(t, project.id);
    const later = await dept.patch<Problem>(`/api/v1/reforms/projects/${project.id}`, {
      startDate: '2026-02-01',
    });
    expect(later.status).toBe(403);
    expect(later.body.errors).toEqual([expect.objectContaining({ path: 'startDate', code: 'office_only' })]);
    expect((await read()).startDate).toBe('2025-12-01');
    expect(await auditOf(t, project.id)).toEqual(before);
    // The office may.
    const moved = await office.patch<ReformProject>(`/api/v1/reforms/projects/${project.id}`, {
      startDate: '2026-02-01',
    });
    expect(moved.status).toBe(200);
    expect(moved.body.startDate).toBe('2026-02-01');
  });

  it('the lead unit cannot move a due date, change a weight, add or remove a milestone; it may rename one', async () => {
    const now = plan(await read());
    const attempts = [
      {
        body: [
          now[0]!,
          { ...now[1]!, dueDate: '2026-11-30' === now[1]!.dueDate ? '2026-11-29' : '2026-11-30' },
        ],
        path: 'milestones.1.dueDate',
      },
      { body: [{ ...now[0]!, weight: 5 }, now[1]!], path: 'milestones.0.weight' },
      { body: [...now, { name: '新增节点', weight: 1, dueDate: '2026-10-31' }], path: 'milestones.2' },
      { body: [now[0]!], path: 'milestones' },
    ];
    for (const a of attempts) {
      const res = await dept.put<Problem>(`/api/v1/reforms/projects/${project.id}/milestones`, {
        milestones: a.body,
      });
      expect(res.status).toBe(403);
      expect(res.body.errors).toContainEqual(expect.objectContaining({ path: a.path, code: 'office_only' }));
    }
    expect(plan(await read())).toEqual(now);
    const renamed = await dept.put<ReformProject>(`/api/v1/reforms/projects/${project.id}/milestones`, {
      milestones: [now[1]!, { ...now[0]!, name: '印发实施方案' }],
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.milestoneList.map((m) => m.name)).toEqual(['系统上线运行', '印发实施方案']);
  });

  it('the office moves the end date and the due dates, and the lead unit is told of each', async () => {
    const before = await noticesTo('dept');
    const moved = await office.patch<ReformProject>(`/api/v1/reforms/projects/${project.id}`, {
      endDate: '2027-06-30',
    });
    expect(moved.status).toBe(200);
    const now = plan(moved.body);
    const saved = await office.put<ReformProject>(`/api/v1/reforms/projects/${project.id}/milestones`, {
      milestones: [{ ...now[0]!, dueDate: '2027-06-30', weight: 2 }, now[1]!],
    });
    expect(saved.status).toBe(200);
    const told = (await noticesTo('dept')).slice(before.length);
    expect(told.map((n) => [n.key, n.params])).toEqual([
      [
        'reforms.notice.deadlineMoved',
        { projectId: project.id, projectName: project.name, from: '2026-11-30', to: '2027-06-30' },
      ],
      ['reforms.notice.planChanged', { projectId: project.id, projectName: project.name }],
    ]);
    // Renaming a milestone, which the lead unit does itself, tells no one.
    const renamed = await dept.put(`/api/v1/reforms/projects/${project.id}/milestones`, {
      milestones: plan(saved.body).map((m, k) => (k === 0 ? { ...m, name: `${m.name}（改）` } : m)),
    });
    expect(renamed.status).toBe(200);
    expect(await noticesTo('dept')).toHaveLength(before.length + 2);
  });

  it('no one removes a milestone a submitted report waiting for review speaks of', async () => {
    const now = plan(await read());
    const report = await dept.post<ReformReport>('/api/v1/reforms/reports', {
      projectId: project.id,
      period: '2026-10',
      summary: '推进中',
      items: [{ milestoneId: now[1]!.id, done: 0 }],
    });
    expect((await dept.post(`/api/v1/reforms/reports/${report.body.id}/submit`)).status).toBe(200);
    const res = await office.put<Problem>(`/api/v1/reforms/projects/${project.id}/milestones`, {
      milestones: [now[0]!],
    });
    expect(res.status).toBe(422);
    expect(res.body.errors).toContainEqual(
      expect.objectContaining({
        path: 'milestones',
        code: 'milestone_in_review',
        params: { value: now[1]!.name },
      }),
    );
    const kept = await office.get<ReformReport>(`/api/v1/reforms/reports/${report.body.id}`);
    expect(kept.body.items.map((i) => i.milestoneId)).toEqual([now[1]!.id]);
    // Once reviewed, the office may take it out.
    expect(
      (await office.post(`/api/v1/reforms/reports/${report.body.id}/return`, { reason: '请补充材料' }))
        .status,
    ).toBe(200);
    const removed = await office.put<ReformProject>(`/api/v1/reforms/projects/${project.id}/milestones`, {
      milestones: [now[0]!],
    });
    expect(removed.status).toBe(200);
  });
});

describe('a project given to another unit to lead', () => {
  it('tells the new lead unit’s staff, with the deadline', async () => {
    const other = await staffOf(t, 'QJ-D02', 'reform.lead2');
    const given = await office.patch<ReformProject>(`/api/v1/reforms/projects/${project.id}`, {
      leadUnitId: await unitId(t, 'QJ-D02'),
    });
    expect(given.status).toBe(200);
    const inbox = await other.get<Array<{ key: string; params: Record<string, unknown> }>>('/api/v1/inbox');
    expect(inbox.body.filter((n) => n.key === 'reforms.notice.assigned').map((n) => n.params)).toEqual([
      { projectId: project.id, projectName: project.name, endDate: given.body.endDate },
    ]);
  });
});
