import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { makeDistrict, signedIn } from '../../test-support/factories.js';
import { makeIndicator } from '../../test-support/factories-targets.js';
import { contextOf, racing, refusal } from '../../test-support/racing.js';
import { updateReport } from './commands/updateReport.js';
import type { Plan } from './contracts/plans.js';
import type { Report } from './contracts/reports.js';
import { planBody } from './test-helpers.js';

let t: TestContext;
let office: TestClient;
let dept: TestClient;
let unit: string;
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  const tree = await makeDistrict(t);
  office = await signedIn(t, 'admin', tree.district);
  dept = await signedIn(t, 'department_staff', tree.department);
  unit = tree.department.id;
});
afterAll(() => t.close());

interface Problem {
  code: string;
  errors?: Array<{ path: string; code: string }>;
}
const editedMeanwhile = { code: 'CONFLICT', errors: [expect.objectContaining({ code: 'edited_meanwhile' })] };

describe('two people editing the same plan or report', () => {
  let plan: Plan;

  it('the plan: the second save, made on the copy read before the first, is refused and changes nothing', async () => {
    const indicators = [await makeIndicator(office), await makeIndicator(office)];
    const body = planBody(unit, indicators);
    plan = (await dept.post<Plan>('/api/v1/targets/plans', body)).body;
    expect(plan.updatedAt).toEqual(expect.any(String));
    const { unitId: _u, year: _y, ...edit } = body;
    const first = await dept.put<Plan>(`/api/v1/targets/plans/${plan.id}`, {
      ...edit,
      contactName: '张三',
      updatedAt: plan.updatedAt,
    });
    expect(first.status).toBe(200);
    expect(first.body.updatedAt).not.toBe(plan.updatedAt);
    const second = await dept.put<Problem>(`/api/v1/targets/plans/${plan.id}`, {
      ...edit,
      contactName: '李四',
      updatedAt: plan.updatedAt,
    });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject(editedMeanwhile);
    expect((await dept.get<Plan>(`/api/v1/targets/plans/${plan.id}`)).body.contactName).toBe('张三');
    // Read again, the save goes through.
    const again = await dept.put<Plan>(`/api/v1/targets/plans/${plan.id}`, {
      ...edit,
      contactName: '李四',
      updatedAt: first.body.updatedAt,
    });
    expect(again.status).toBe(200);
    expect(again.body.contactName).toBe('李四');
    expect((await dept.put(`/api/v1/targets/plans/${plan.id}`, edit)).status).toBe(400);
  });

  it('the report: a save read before another is refused, also when the other lands between check and write', async () => {
    expect((await dept.post(`/api/v1/targets/plans/${plan.id}/submit`)).status).toBe(200);
    expect((await office.post(`/api/v1/targets/plans/${plan.id}/approve`)).status).toBe(200);
    const [a, b] = plan.items.map((i) => i.indicatorId) as [string, string];
    const created = await dept.post<Report>('/api/v1/targets/reports', {
      planId: plan.id,
      period: '2026Q3',
      values: [{ indicatorId: a, value: 1 }],
    });
    const read = created.body.updatedAt;
    const first = await dept.put<Report>(`/api/v1/targets/reports/${created.body.id}`, {
      values: [
        { indicatorId: a, value: 1 },
        { indicatorId: b, value: 2 },
      ],
      updatedAt: read,
    });
    expect(first.status).toBe(200);
    const stale = await dept.put<Problem>(`/api/v1/targets/reports/${created.body.id}`, {
      values: [{ indicatorId: a, value: 5 }],
      updatedAt: read,
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject(editedMeanwhile);
    const kept = (await dept.get<Report>(`/api/v1/targets/reports/${created.body.id}`)).body;
    expect(kept.values.map((v) => v.value)).toEqual([1, 2]);

    // Another save after this one's checks and before its write: refused under the lock.
    const ctx = await contextOf(t, dept);
    const meanwhile = () =>
      updateReport(ctx, created.body.id, {
        values: [{ indicatorId: b, value: 7, note: '' }],
        updatedAt: kept.updatedAt,
      });
    const refused = await refusal(
      updateReport({ ...ctx, db: racing(t.database.db, meanwhile) }, created.body.id, {
        values: [{ indicatorId: a, value: 9, note: '' }],
        updatedAt: kept.updatedAt,
      }),
    );
    expect(refused).toMatchObject({ code: 'CONFLICT' });
    const after = (await dept.get<Report>(`/api/v1/targets/reports/${created.body.id}`)).body;
    expect(after.values.map((v) => [v.indicatorId, v.value])).toEqual([[b, 7]]);
  });
});
