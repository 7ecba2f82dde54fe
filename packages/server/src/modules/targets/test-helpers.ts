import type { TestClient, TestContext } from '../../test-support/app.js';
import { makeDistrict, signedIn } from '../../test-support/factories.js';
import { makeIndicator, makePlan } from '../../test-support/factories-targets.js';
import { unitByCode } from '../units/api.js';
import type { Indicator } from './contracts/library.js';
import type { Report } from './contracts/reports.js';

/** Shared by the targets integration tests: ids by code, a second unit's staff, audit rows. */
export const unitId = async (t: TestContext, code: string) => (await unitByCode(t.database.db, code))!.id;

export async function staffOf(t: TestContext, code: string, login: string): Promise<TestClient> {
  const admin = await t.as('office');
  const created = await admin.post<{ initialPassword: string }>('/api/v1/users', {
    login,
    displayName: `${code} 经办人`,
    roles: [{ role: 'department_staff', unitId: await unitId(t, code) }],
  });
  const client = t.client();
  await client.firstLogin(login, created.body.initialPassword);
  return client;
}

export async function firstIndicators(client: TestClient, n: number): Promise<Indicator[]> {
  const res = await client.get<{ items: Indicator[] }>(`/api/v1/targets/indicators?pageSize=${n}`);
  return res.body.items;
}

export { auditOf } from '../../test-support/audit-of.js';

export const planBody = (
  unit: string,
  indicators: ReadonlyArray<Pick<Indicator, 'id' | 'direction'>>,
  year = 2026,
) => ({
  unitId: unit,
  year,
  contactName: '联络员',
  contactPhone: '13912345678',
  items: indicators.map((i) => ({
    indicatorId: i.id,
    base: 100,
    targets: i.direction === 'higher' ? [105, 110, 115, 120] : [95, 90, 85, 80],
    benchmarkValue: 130,
  })),
});

/** The `updatedAt` of a plan or report as read now: what an update sends back to say which copy it edited. */
export const stampOf = async (client: TestClient, what: 'plans' | 'reports', id: string): Promise<string> =>
  (await client.get<{ updatedAt: string }>(`/api/v1/targets/${what}/${id}`)).body.updatedAt;

/**
 * A district of its own whose department has an approved plan for `year` with one indicator:
 * its office and staff, and a way to start the department's report of a quarter with one value.
 */
export async function reportingDepartment(t: TestContext, year = 2025) {
  const tree = await makeDistrict(t);
  const office = await signedIn(t, 'admin', tree.district);
  const dept = await signedIn(t, 'department_staff', tree.department);
  const indicator = await makeIndicator(office);
  const plan = await makePlan({
    unit: tree.department,
    staff: dept,
    indicators: [indicator],
    state: 'approved',
    office,
    year,
  });
  const draft = async (period: string): Promise<Report> => {
    const res = await dept.post<Report>('/api/v1/targets/reports', {
      planId: plan.id,
      period,
      values: [{ indicatorId: indicator.id, value: 104, note: '' }],
    });
    if (res.status !== 201) throw new Error(`report not started: ${JSON.stringify(res.body)}`);
    return res.body;
  };
  return { office, dept, plan, draft };
}
