import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { signedIn } from '../../test-support/factories.js';
import { unitByCode } from '../units/api.js';
import type { LiaisonPage } from './contracts-liaison.js';
import type { RequestDetail, RequestPage } from './contracts-requests.js';
import type { SupervisionTrail } from './contracts-supervision.js';
import { businessFirmMembers } from './schema.js';
import type { Problem } from './test-helpers.js';

/**
 * The list's and the export's filter by the commission's reminders (督办) is for those who read the
 * supervision: the office, the commission and the department that holds the request. A firm's
 * staff or its liaison cadre, who read the request without its reminders, are refused it rather
 * than learn from the list which of their requests were reminded.
 */
let t: TestContext;
let office: TestClient;
let dept: TestClient;
let supervisor: TestClient;
let cadre: TestClient;
let firmStaff: TestClient;
/** A firm's staff who is also on the staff of another department than the one holding the request. */
let firmAndOtherDept: TestClient;
let id: string;

beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business'] });
  const { db } = t.database;
  [office, dept, supervisor, cadre] = await Promise.all([
    t.as('office'),
    t.as('dept'),
    t.as('supervisor'),
    t.as('cadre'),
  ]);
  const firmId = (await cadre.get<LiaisonPage>('/api/v1/business/liaison?pageSize=1')).body.items[0]!.firmId;
  const district = (await unitByCode(db, 'QJ'))!;
  const staff = await signedIn(t, 'enterprise', district);
  const both = await signedIn(t, 'enterprise', district, {
    roles: [['department_staff', (await unitByCode(db, 'QJ-D02'))!]],
  });
  await db.insert(businessFirmMembers).values([
    { userId: staff.user.id, firmId },
    { userId: both.user.id, firmId },
  ]);
  firmStaff = staff;
  firmAndOtherDept = both;
  // The paired firm's request, routed to QJ-D01 and reminded by the commission.
  const raised = await cadre.post<RequestDetail>('/api/v1/business/requests', {
    firmId,
    categoryCode: 'infrastructure',
    title: '厂区周边道路照明不足',
    body: '企业反映夜间下班道路照明不足，希望增设路灯。',
  });
  expect(raised.status, JSON.stringify(raised.body)).toBe(201);
  id = raised.body.id;
  const d01 = (await unitByCode(db, 'QJ-D01'))!.id;
  expect((await office.post(`/api/v1/business/requests/${id}/route`, { departmentId: d01 })).status).toBe(
    200,
  );
  const reminded = await supervisor.post<SupervisionTrail>(`/api/v1/business/requests/${id}/supervision`, {
    kind: 'reminder',
    body: '请尽快答复企业',
  });
  expect(reminded.status).toBe(201);
});
afterAll(() => t.close());

const list = (client: TestClient, query: string) =>
  client.get<RequestPage & Problem>(`/api/v1/business/requests?pageSize=200&${query}`);
const exported = (client: TestClient, query: string) =>
  client.get<Problem>(`/api/v1/business/requests/export?${query}`);

describe('督办 as a filter of the requests list and its export', () => {
  it('lists the reminded request for the office, the commission and the department that holds it', async () => {
    for (const client of [office, supervisor, dept]) {
      const res = await list(client, 'flag=reminded');
      expect(res.status).toBe(200);
      expect(res.body.items.map((r) => r.id)).toContain(id);
      expect((await exported(client, 'flag=reminded')).status).toBe(200);
    }
  });

  it('refuses it to the firm’s staff and its liaison cadre, who read the request itself', async () => {
    for (const client of [firmStaff, cadre]) {
      expect((await list(client, '')).body.items.map((r) => r.id)).toContain(id);
      for (const res of [await list(client, 'flag=reminded'), await exported(client, 'flag=reminded')]) {
        expect(res.status).toBe(403);
        expect(res.headers.get('content-type')).toContain('application/problem+json');
        expect(res.body.errors).toEqual([
          expect.objectContaining({ path: 'flag', code: 'supervision_only' }),
        ]);
      }
      // What the request's page shows them, they filter by.
      for (const flag of ['overdue', 'dueSoon', 'badRating', 'rectifying', 'appeal', 'repeated'])
        expect((await list(client, `flag=${flag}`)).status, flag).toBe(200);
    }
  });

  it('filters among the requests read as staff alone, for someone also on a firm’s staff', async () => {
    expect((await list(firmAndOtherDept, '')).body.items.map((r) => r.id)).toContain(id);
    const res = await list(firmAndOtherDept, 'flag=reminded');
    expect(res.status).toBe(200);
    expect(res.body.items.map((r) => r.id)).not.toContain(id);
  });
});
