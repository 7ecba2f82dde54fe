import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInChina } from '../../kernel/deadlines.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import type { ReformProject, ReformReport, ReformReportList } from './contracts.js';
import { lastDuePeriod, previousMonth } from './queries/deadline.js';
import { reformMilestones } from './schema.js';
import { freshProject } from './test-helpers.js';

let t: TestContext;
let office: TestClient;
let dept: TestClient;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users'] });
  office = await t.as('office');
  dept = await t.as('dept');
});
afterAll(() => t.close());

const report = async (project: ReformProject, period: string, step: 'submit' | 'approve', done = 0) => {
  const r = await dept.post<ReformReport>('/api/v1/reforms/reports', {
    projectId: project.id,
    period,
    summary: '推进中',
    items: [{ milestoneId: project.milestoneList[0]!.id, done }],
  });
  expect((await dept.post(`/api/v1/reforms/reports/${r.body.id}/submit`)).status).toBe(200);
  if (step === 'approve')
    expect((await office.post(`/api/v1/reforms/reports/${r.body.id}/approve`)).status).toBe(200);
};
const lateOf = async (project: ReformProject) =>
  (await office.get<ReformReportList>(`/api/v1/reforms/reports?project=${project.id}`)).body.late;

describe('逾期未报 lists every month owed, not only the last', () => {
  it('each ended month since the start with no report sent, newest first', async () => {
    const project = await freshProject(
      t,
      office,
      [{ name: '出台实施方案', weight: 1, dueDate: '2027-06-30' }],
      {
        startDate: '2026-07-01',
        endDate: '2027-06-30',
      },
    );
    await report(project, '2026-08', 'approve', 0.5);
    await report(project, '2026-09', 'submit', 0.5);
    const owed: string[] = [];
    for (let m = lastDuePeriod(todayInChina()); m >= '2026-07'; m = previousMonth(m))
      if (m !== '2026-08' && m !== '2026-09') owed.push(m);
    const late = await lateOf(project);
    expect(late.map((l) => l.period)).toEqual(owed);
    expect(late.at(-1)).toMatchObject({ period: '2026-07', deadline: '2026-08-07' });
    expect(late.every((l) => l.workdaysLate > 0)).toBe(true);
  });

  it('a completed project owes no month after the one it was completed in', async () => {
    const project = await freshProject(
      t,
      office,
      [{ name: '完成改革任务', weight: 1, dueDate: '2027-06-30' }],
      {
        startDate: '2026-07-01',
        endDate: '2027-06-30',
      },
    );
    await report(project, '2026-07', 'approve', 1);
    await t.database.db
      .update(reformMilestones)
      .set({ doneAt: new Date('2026-08-15T04:00:00Z') })
      .where(eq(reformMilestones.projectId, project.id));
    expect((await lateOf(project)).map((l) => l.period)).toEqual(['2026-08']);
  });
});
