import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications } from '../../kernel/schema.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { userIdByLogin } from '../users/api.js';
import { sendReminders } from './commands/sendReminders.js';
import type { ReformList, ReformProject } from './contracts.js';
import { reformMilestones } from './schema.js';
import { unitId } from './test-helpers.js';

let t: TestContext;
let office: TestClient;
let project: ReformProject;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users'] });
  office = await t.as('office');
  const list = await office.post<ReformList>('/api/v1/reforms/lists', { name: '测试清单' });
  const created = await office.post<ReformProject>('/api/v1/reforms/projects', {
    code: 'QJGG-R001',
    name: '提醒测试项目',
    listId: list.body.id,
    source: 'local',
    leadUnitId: await unitId(t, 'QJ-D01'),
    startDate: '2026-01-01',
    endDate: '2026-12-31',
  });
  project = (
    await office.put<ReformProject>(`/api/v1/reforms/projects/${created.body.id}/milestones`, {
      milestones: [{ name: '完成方案', weight: 1, dueDate: '2026-06-30' }],
    })
  ).body;
});
afterAll(() => t.close());

const noticesOf = async (key: string) =>
  t.database.db.select().from(notifications).where(eq(notifications.key, key));

describe('reminders before due dates', () => {
  it('reminds the lead unit’s staff of a milestone three working days ahead, once', async () => {
    const dept = await userIdByLogin(t.database.db, 'dept');
    // 30 June 2026 is a Tuesday: 24 June (Wednesday) is four working days before, 25 June three.
    expect(await sendReminders(t.database.db, '2026-06-24')).toEqual({ milestones: 0, reports: 0 });
    expect(await sendReminders(t.database.db, '2026-06-25')).toEqual({ milestones: 1, reports: 0 });
    expect(await sendReminders(t.database.db, '2026-06-26')).toEqual({ milestones: 0, reports: 0 });
    const sent = await noticesOf('reforms.notice.milestoneDue');
    expect(sent.map((n) => n.userId)).toEqual([dept]);
    expect(sent[0]!.params).toMatchObject({
      projectId: project.id,
      milestone: '完成方案',
      dueDate: '2026-06-30',
      workdaysLeft: 3,
    });
  });

  it('reminds of last month’s report near its deadline until it is sent, and not past it', async () => {
    // June's report is due on the 5th working day of July 2026: 7 July.
    expect((await sendReminders(t.database.db, '2026-07-01')).reports).toBe(0);
    expect((await sendReminders(t.database.db, '2026-07-02')).reports).toBe(1);
    expect((await sendReminders(t.database.db, '2026-07-03')).reports).toBe(0);
    expect((await sendReminders(t.database.db, '2026-07-08')).reports).toBe(0);
    expect(await noticesOf('reforms.notice.reportDue')).toHaveLength(1);
  });

  it('lists the report as late, in working days, once its deadline has passed', async () => {
    const late = await office.get<{
      late: Array<{ projectId: string; period: string; workdaysLate: number }>;
    }>('/api/v1/reforms/reports?period=2026-06');
    expect(late.body.late).toEqual([
      expect.objectContaining({ projectId: project.id, period: '2026-06', deadline: '2026-07-07' }),
    ]);
    expect(late.body.late[0]!.workdaysLate).toBeGreaterThan(100);
  });
});

describe('a project completed before the month', () => {
  it('is not reminded of that month’s report, while one still running is', async () => {
    const list = await office.post<ReformList>('/api/v1/reforms/lists', { name: '已完成清单' });
    const created = await office.post<ReformProject>('/api/v1/reforms/projects', {
      code: 'QJGG-R002',
      name: '五月已完成的项目',
      listId: list.body.id,
      source: 'local',
      leadUnitId: await unitId(t, 'QJ-D01'),
      startDate: '2026-01-01',
      endDate: '2026-12-31',
    });
    await office.put(`/api/v1/reforms/projects/${created.body.id}/milestones`, {
      milestones: [{ name: '全部完成', weight: 1, dueDate: '2026-05-31' }],
    });
    // Its one milestone approved done on 15 May.
    await t.database.db
      .update(reformMilestones)
      .set({ done: 1, doneAt: new Date('2026-05-15T10:00:00+08:00') })
      .where(eq(reformMilestones.projectId, created.body.id));
    // July's report is due on the 5th working day of August 2026 (7 August): reminded on the 4th.
    expect((await sendReminders(t.database.db, '2026-08-04')).reports).toBe(1);
    const reminded = (await noticesOf('reforms.notice.reportDue')).map((n) => n.params.projectId);
    expect(reminded).toContain(project.id);
    expect(reminded).not.toContain(created.body.id);
  });
});
