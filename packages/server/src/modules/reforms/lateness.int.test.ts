import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
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

/** Moves a report's deadline: what the passing of days does to a report between two steps. */
const deadlineOf = (id: string, deadline: string) =>
  t.database.db.update(reformReports).set({ deadline }).where(eq(reformReports.id, id));

describe('lateness is judged on the first submission', () => {
  let report: ReformReport;

  it('a report sent in time, returned and sent again after its deadline stays on time', async () => {
    report = (
      await dept.post<ReformReport>('/api/v1/reforms/reports', {
        projectId: project.id,
        period: '2026-10',
        summary: '方案起草中',
      })
    ).body;
    await deadlineOf(report.id, '2099-12-31');
    const first = await dept.post<ReformReport>(`/api/v1/reforms/reports/${report.id}/submit`);
    expect(first.body).toMatchObject({ status: 'submitted', late: false });
    expect(
      (await office.post(`/api/v1/reforms/reports/${report.id}/return`, { reason: '请补充进度' })).status,
    ).toBe(200);
    // The deadline has passed by the time the corrected report goes back.
    await deadlineOf(report.id, '2000-01-31');
    const again = await dept.post<ReformReport>(`/api/v1/reforms/reports/${report.id}/submit`);
    expect(again.body).toMatchObject({
      status: 'submitted',
      late: false,
      submittedAt: first.body.submittedAt,
    });
  });

  it('while returned, a month first reported in time is owed again: listed as 逾期未报, as a month not reported is', async () => {
    expect(
      (await office.post(`/api/v1/reforms/reports/${report.id}/return`, { reason: '再补充' })).status,
    ).toBe(200);
    const lateIn = async (period: string) =>
      (
        await office.get<ReformReportList>(`/api/v1/reforms/reports?project=${project.id}&period=${period}`)
      ).body.late.map((l) => l.period);
    expect(await lateIn('2026-10')).toEqual(['2026-10']);
    expect(await lateIn('2026-09')).toEqual(['2026-09']);
    // Its own verdict is the first submission's, and stays on time.
    const read = await office.get<ReformReport>(`/api/v1/reforms/reports/${report.id}`);
    expect(read.body).toMatchObject({ status: 'returned', late: false });
  });
});
