import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications } from '../../kernel/schema.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { sendReminders } from './commands/sendReminders.js';
import type { ReformProject, ReformReport, ReformReportList } from './contracts.js';
import { reformReports } from './schema.js';
import { freshProject } from './test-helpers.js';

let t: TestContext;
let office: TestClient;
let dept: TestClient;
let project: ReformProject;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users'] });
  office = await t.as('office');
  dept = await t.as('dept');
  project = await freshProject(t, office, [{ name: '出台实施方案', weight: 1, dueDate: '2027-06-30' }]);
});
afterAll(() => t.close());

const lateIn = async (period: string) =>
  (
    await office.get<ReformReportList>(`/api/v1/reforms/reports?project=${project.id}&period=${period}`)
  ).body.late.map((l) => l.period);

const reportDue = async () =>
  (await t.database.db.select().from(notifications).where(eq(notifications.key, 'reforms.notice.reportDue')))
    .map((n) => n.params)
    .filter((p) => (p as { projectId?: string }).projectId === project.id);

describe('a report returned for rework is owed again', () => {
  it('is reminded before the month’s deadline and listed late once it has passed, though first sent in time', async () => {
    const report = (
      await dept.post<ReformReport>('/api/v1/reforms/reports', {
        projectId: project.id,
        period: '2026-10',
        summary: '方案起草中',
      })
    ).body;
    // Sent in time: its deadline is moved ahead of the first submission.
    await t.database.db
      .update(reformReports)
      .set({ deadline: '2099-12-31' })
      .where(eq(reformReports.id, report.id));
    expect((await dept.post<ReformReport>(`/api/v1/reforms/reports/${report.id}/submit`)).body).toMatchObject(
      {
        status: 'submitted',
        late: false,
      },
    );
    expect(
      (await office.post(`/api/v1/reforms/reports/${report.id}/return`, { reason: '请补充进度' })).status,
    ).toBe(200);
    // October 2026's report is due on 6 November: on the 4th it is three working days away.
    expect((await sendReminders(t.database.db, '2026-11-04')).reports).toBe(1);
    expect(await reportDue()).toEqual([
      expect.objectContaining({ period: '2026-10', dueDate: '2026-11-06' }),
    ]);
    expect(await lateIn('2026-10')).toEqual(['2026-10']);
  });

  it('once sent again, is neither late nor reminded', async () => {
    const [report] = await t.database.db
      .select()
      .from(reformReports)
      .where(eq(reformReports.projectId, project.id));
    expect((await dept.post(`/api/v1/reforms/reports/${report!.id}/submit`)).status).toBe(200);
    expect(await lateIn('2026-10')).toEqual([]);
    expect((await sendReminders(t.database.db, '2026-11-05')).reports).toBe(0);
  });
});
