import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../audit/schema.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import type { ReformProject, ReformReport } from './contracts.js';
import { freshProject } from './test-helpers.js';

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
    { name: '试点镇街推开', weight: 2, dueDate: '2026-12-31' },
  ]);
});
afterAll(() => t.close());

const report = async (id: string) => (await dept.get<ReformReport>(`/api/v1/reforms/reports/${id}`)).body;
const [first, second] = [0, 1];

describe('a report keeps what it said of a milestone the office removed since', () => {
  let returned: ReformReport;
  let draft: ReformReport;

  it('the lead unit reopening its returned report sees the removed milestone’s item, marked, with its words', async () => {
    const ms = project.milestoneList;
    const created = await dept.post<ReformReport>('/api/v1/reforms/reports', {
      projectId: project.id,
      period: '2026-09',
      summary: '九月进展',
      items: [
        { milestoneId: ms[first]!.id, done: 0.5, note: '方案已起草' },
        { milestoneId: ms[second]!.id, done: 0.2, note: '两个镇街已试点，群众反映良好' },
      ],
    });
    expect(created.status).toBe(201);
    expect((await dept.post(`/api/v1/reforms/reports/${created.body.id}/submit`)).status).toBe(200);
    const back = await office.post(`/api/v1/reforms/reports/${created.body.id}/return`, {
      reason: '请补充佐证材料',
    });
    expect(back.status).toBe(200);
    // A draft of the next month speaks of the same milestone.
    draft = (
      await dept.post<ReformReport>('/api/v1/reforms/reports', {
        projectId: project.id,
        period: '2026-10',
        summary: '十月进展',
        items: [{ milestoneId: ms[second]!.id, done: 0.3, note: '第三个镇街启动' }],
      })
    ).body;

    // The office drops the second milestone from the plan.
    const saved = await office.put<ReformProject>(`/api/v1/reforms/projects/${project.id}/milestones`, {
      milestones: [ms[first]!].map(({ id, name, weight, dueDate }) => ({ id, name, weight, dueDate })),
    });
    expect(saved.status).toBe(200);
    expect(saved.body.milestoneList).toHaveLength(1);

    returned = await report(created.body.id);
    expect(returned.status).toBe('returned');
    expect(returned.items).toEqual([
      expect.objectContaining({ milestoneId: ms[first]!.id, note: '方案已起草' }),
    ]);
    expect(returned.removedItems).toEqual([
      expect.objectContaining({
        milestoneId: ms[second]!.id,
        milestoneName: '试点镇街推开',
        weight: 2,
        dueDate: '2026-12-31',
        done: 0.2,
        note: '两个镇街已试点，群众反映良好',
      }),
    ]);
    expect(Date.parse(returned.removedItems[0]!.removedAt)).not.toBeNaN();
    expect((await report(draft.id)).removedItems).toEqual([
      expect.objectContaining({ milestoneName: '试点镇街推开', done: 0.3, note: '第三个镇街启动' }),
    ]);
  });

  it('each report that kept an item has the removal in its own audit history', async () => {
    for (const [r, note] of [
      [returned, '两个镇街已试点，群众反映良好'],
      [draft, '第三个镇街启动'],
    ] as const) {
      const events = await t.database.db
        .select({ before: auditEvents.before, after: auditEvents.after })
        .from(auditEvents)
        .where(and(eq(auditEvents.entityId, r.id), eq(auditEvents.action, 'reformMilestone.save')));
      expect(events).toEqual([
        {
          before: { items: [expect.objectContaining({ name: '试点镇街推开', note })] },
          after: { removedItems: [expect.objectContaining({ name: '试点镇街推开', note })] },
        },
      ]);
    }
  });

  it('rewriting and resubmitting the report keeps the removed item; approving it counts only live milestones', async () => {
    const ms = project.milestoneList;
    const put = await dept.put<ReformReport>(`/api/v1/reforms/reports/${returned.id}`, {
      summary: '九月进展（已补充佐证）',
      items: [{ milestoneId: ms[first]!.id, done: 0.6, note: '方案已送审' }],
    });
    expect(put.status).toBe(200);
    expect(put.body.removedItems).toHaveLength(1);
    expect((await dept.post(`/api/v1/reforms/reports/${returned.id}/submit`)).status).toBe(200);
    const approved = await office.post<ReformReport>(`/api/v1/reforms/reports/${returned.id}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.body.removedItems).toEqual([
      expect.objectContaining({ note: '两个镇街已试点，群众反映良好', done: 0.2 }),
    ]);
    const now = (await office.get<ReformProject>(`/api/v1/reforms/projects/${project.id}`)).body;
    expect(now.milestoneList).toEqual([expect.objectContaining({ done: 0.6 })]);
    expect(now.progress).toBeCloseTo(0.6);
  });
});
