import type { TestClient, TestContext } from '../../test-support/app.js';
import { unitByCode } from '../units/api.js';
import type { Indicator } from './contracts/library.js';

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
