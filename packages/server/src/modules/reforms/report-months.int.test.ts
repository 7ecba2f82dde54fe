import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInChina } from '../../kernel/deadlines.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import type { ReformProject, ReformReport, ReformReportList } from './contracts.js';
import { previousMonth } from './queries/deadline.js';
import { freshProject, refusedInBoth } from './test-helpers.js';

let t: TestContext;
let office: TestClient;
let dept: TestClient;
let project: ReformProject;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users'] });
  office = await t.as('office');
  dept = await t.as('dept');
  project = await freshProject(t, office, [{ name: '出台实施方案', weight: 1, dueDate: '2026-06-30' }], {
    startDate: '2024-01-01',
    endDate: '2030-12-31',
  });
});
afterAll(() => t.close());

const nextMonth = (period: string) => {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};
const reports = async () =>
  (await office.get<ReformReportList>(`/api/v1/reforms/reports?project=${project.id}`)).body.items;

describe('a month is reported once it has ended, by China’s calendar', () => {
  it('refuses this month and a later one, in both languages, writing nothing', async () => {
    const current = todayInChina().slice(0, 7);
    for (const period of [current, nextMonth(current), nextMonth(nextMonth(current))])
      await refusedInBoth(
        reports,
        (h) => dept.request('POST', '/api/v1/reforms/reports', { projectId: project.id, period }, h),
        'period',
        'month_not_ended',
      );
  });

  it('takes last month, and a month long past that was missed', async () => {
    const last = previousMonth(todayInChina().slice(0, 7));
    for (const period of [last, '2024-02']) {
      const res = await dept.post<ReformReport>('/api/v1/reforms/reports', { projectId: project.id, period });
      expect(res.status).toBe(201);
    }
  });
});
