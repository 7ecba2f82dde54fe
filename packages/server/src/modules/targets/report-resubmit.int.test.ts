import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test-support/app.js';
import type { Report } from './contracts/reports.js';
import { targetReports } from './schema.js';
import { reportingDepartment } from './test-helpers.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
});
afterAll(() => t.close());

const setDeadline = (id: string, deadline: string) =>
  t.database.db.update(targetReports).set({ deadline }).where(eq(targetReports.id, id));

describe('a report the office returned and the unit submits again', () => {
  it('keeps the lateness and the time of its first submission, though the deadline has passed since', async () => {
    const { office, dept, draft } = await reportingDepartment(t);
    const report = await draft('2025Q4');
    // Submitted in time: the deadline still lay ahead.
    await setDeadline(report.id, '2099-01-20');
    const first = (await dept.post<Report>(`/api/v1/targets/reports/${report.id}/submit`)).body;
    expect(first.late).toBe(false);
    expect(
      (await office.post(`/api/v1/targets/reports/${report.id}/return`, { reason: '请补充说明' })).status,
    ).toBe(200);
    // The office took its time: the deadline is past when the unit hands in the correction.
    await setDeadline(report.id, '2026-01-20');
    const again = await dept.post<Report>(`/api/v1/targets/reports/${report.id}/submit`);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ status: 'submitted', late: false, submittedAt: first.submittedAt });
  });

  it('is late from a first submission after the deadline, and stays so', async () => {
    const { office, dept, draft } = await reportingDepartment(t);
    const report = await draft('2025Q4');
    await setDeadline(report.id, '2026-01-20');
    expect((await dept.post<Report>(`/api/v1/targets/reports/${report.id}/submit`)).body.late).toBe(true);
    await office.post(`/api/v1/targets/reports/${report.id}/return`, { reason: '请补充说明' });
    expect((await dept.post<Report>(`/api/v1/targets/reports/${report.id}/submit`)).body.late).toBe(true);
  });

  it('is listed overdue while returned after the deadline, and not while it counts, whatever the status filter', async () => {
    const { office, dept, plan, draft } = await reportingDepartment(t);
    const report = await draft('2025Q3');
    const overdue = async (query = '') =>
      (
        await office.get<{ overdue: Array<{ planId: string }> }>(
          `/api/v1/targets/reports?period=2025Q3${query}`,
        )
      ).body.overdue.some((o) => o.planId === plan.id);
    expect(await overdue()).toBe(true);
    await dept.post(`/api/v1/targets/reports/${report.id}/submit`);
    expect(await overdue()).toBe(false);
    expect(await overdue('&status=approved')).toBe(false);
    await office.post(`/api/v1/targets/reports/${report.id}/return`, { reason: '请补充说明' });
    expect(await overdue()).toBe(true);
  });
});
