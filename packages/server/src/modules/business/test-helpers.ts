import { withCheckCharacter } from '@qianxing/core/business';
import { and, desc, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { unitByCode } from '../units/api.js';
import type { Firm } from './contracts.js';
import type { RequestDetail } from './contracts-requests.js';
import { businessRequestEvents, businessRequests } from './schema.js';

export const xlsxType = {
  'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export interface Problem {
  code: string;
  title: string;
  errors?: Array<{ path: string; code?: string; params?: Record<string, string | number> }>;
}

let serial = 0;
/** A valid credit code no demo firm has (the demo codes' subject identifiers all start MA). */
export function freshCode(): string {
  serial += 1;
  return withCheckCharacter(`91500114T${String(serial).padStart(8, '0')}`);
}

export const townId = async (t: TestContext, code: string) => (await unitByCode(t.database.db, code))!.id;

/** A firm the office files in a town (by unit code), answering its record. */
export async function fileFirm(
  t: TestContext,
  client: TestClient,
  town: string,
  extra: Partial<Record<string, unknown>> = {},
): Promise<Firm> {
  const res = await client.post<Firm>('/api/v1/business/firms', {
    name: `测试企业${serial}有限公司`,
    creditCode: freshCode(),
    industryCode: 'C',
    townId: await townId(t, town),
    size: 'small',
    contacts: [{ name: '张伟', phone: '13912345678' }],
    ...extra,
  });
  if (res.status !== 201) throw new Error(`filing a firm failed: ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A request the firm's staff member raises (a permit question with an approval's days): its id. */
export async function raisedRequest(firm: TestClient): Promise<string> {
  const res = await firm.post<RequestDetail>('/api/v1/business/requests', {
    categoryCode: 'approval',
    title: '厂房扩建规划许可办理',
    body: '我司拟在现有厂区内扩建厂房，请问规划许可需要哪些材料、多久能办好。',
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

/** Routes (or re-routes) a request to a department as `client`, answering the server's reply. */
export const routedAs = (client: TestClient, id: string, departmentId: string) =>
  client.post<RequestDetail>(`/api/v1/business/requests/${id}/route`, { departmentId });

/**
 * The parties of a firm's request on the demo's units and accounts: the firm's staff (firm1), the
 * routing office, the staff of department QJ-D01 (dept) and that department's id.
 */
export async function requestParties() {
  const t = await createTestContext({ seed: ['units', 'users', 'business'] });
  return {
    t,
    firm: await t.as('firm1'),
    office: await t.as('office'),
    dept: await t.as('dept'),
    d01: (await unitByCode(t.database.db, 'QJ-D01'))!.id,
  };
}

/** Noon of a day in China. */
export const noon = (day: string) => new Date(`${day}T12:00:00+08:00`);

/**
 * A request the firm raises and the office routes to QJ-D01, its routing dated noon of `day` and
 * due on `dueOn`, as if counted then: what the calendar's recount tests start from. Its id.
 */
export async function routedRequest(
  { t, firm, office, d01 }: Pick<Awaited<ReturnType<typeof requestParties>>, 't' | 'firm' | 'office' | 'd01'>,
  day: string,
  dueOn: string,
): Promise<string> {
  const { db } = t.database;
  const id = await raisedRequest(firm);
  expect((await routedAs(office, id, d01)).status).toBe(200);
  await db.update(businessRequests).set({ dueOn }).where(eq(businessRequests.id, id));
  const [step] = await db
    .select()
    .from(businessRequestEvents)
    .where(and(eq(businessRequestEvents.requestId, id), eq(businessRequestEvents.kind, 'routed')))
    .orderBy(desc(businessRequestEvents.seq))
    .limit(1);
  await db
    .update(businessRequestEvents)
    .set({ createdAt: noon(day), data: { ...step!.data, dueOn } })
    .where(eq(businessRequestEvents.id, step!.id));
  return id;
}
