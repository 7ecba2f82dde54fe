import { and, count, desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../audit/schema.js';
import { dueAfter, todayInChina } from '../../kernel/deadlines.js';
import type { TestClient, TestContext } from '../../test-support/app.js';
import { unitByCode } from '../units/api.js';
import type { RequestDetail } from './contracts-requests.js';
import { scorecardRequests } from './queries/scorecard.js';
import { businessRequestEvents, businessRequests } from './schema.js';
import { type Problem, raisedRequest, requestParties, routedAs } from './test-helpers.js';

let t: TestContext;
let firm: TestClient;
let office: TestClient;
let dept: TestClient;
let d01: string;
let d02: string;

beforeAll(async () => {
  ({ t, firm, office, dept, d01 } = await requestParties());
  d02 = (await unitByCode(t.database.db, 'QJ-D02'))!.id;
});
afterAll(() => t.close());

const raise = () => raisedRequest(firm);
const route = (id: string, departmentId: string, client = office) => routedAs(client, id, departmentId);
const detail = async (id: string) =>
  (await office.get<RequestDetail>(`/api/v1/business/requests/${id}`)).body;
const events = async (id: string) =>
  (
    await t.database.db
      .select({ n: count() })
      .from(businessRequestEvents)
      .where(eq(businessRequestEvents.requestId, id))
  )[0]!.n;
const routingsOf = async (id: string) =>
  (await scorecardRequests(t.database.db)).filter((r) => r.id === id || r.id.startsWith(`${id}:`));

/** Moves the request's routing back in time: routed `days` calendar days ago, due on `dueOn`. */
async function backdate(id: string, days: number, dueOn: string) {
  await t.database.db
    .update(businessRequestEvents)
    .set({
      createdAt: sql`now() - make_interval(days => ${days})`,
      data: sql`jsonb_set(${businessRequestEvents.data}, '{dueOn}', to_jsonb(${dueOn}::text))`,
    })
    .where(and(eq(businessRequestEvents.requestId, id), eq(businessRequestEvents.kind, 'routed')));
  await t.database.db.update(businessRequests).set({ dueOn }).where(eq(businessRequests.id, id));
}

describe('改派: re-routing a request', () => {
  it('refuses the department that holds it already, in both languages, and writes nothing', async () => {
    const id = await raise();
    expect((await route(id, d01)).status).toBe(200);
    const before = await detail(id);
    const n = await events(id);
    const zh = await route(id, d01);
    expect(zh.status).toBe(409);
    const body = zh.body as unknown as Problem;
    expect(body.title).toBe('与现有数据冲突');
    expect(body.errors?.[0]).toMatchObject({ path: 'departmentId', code: 'already_with_department' });
    const en = await office.request<Problem>(
      'POST',
      `/api/v1/business/requests/${id}/route`,
      { departmentId: d01 },
      { 'accept-language': 'en' },
    );
    expect(en.status).toBe(409);
    expect(en.body.title).toBe('Conflicts with existing data');
    expect(await events(id)).toBe(n);
    expect((await detail(id)).dueOn).toBe(before.dueOn);
  });

  it('gives the new department a fresh deadline and keeps the first one’s lateness, and withdraws its extension', async () => {
    const id = await raise();
    await route(id, d01);
    // Routed three weeks ago and due a week ago: the first department is overdue.
    const lateDue = dueAfter(todayInChina(new Date(Date.now() - 21 * 86_400_000)), 5);
    await backdate(id, 21, lateDue);
    const asked = await dept.post<RequestDetail>(`/api/v1/business/requests/${id}/extensions`, {
      workdays: 3,
      reason: '需会同规划部门现场核实',
    });
    expect(asked.status, JSON.stringify(asked.body)).toBe(200);
    const extId = asked.body.extensions[0]!.id;
    const moved = await route(id, d02);
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.departmentId).toBe(d02);
    expect(moved.body.workdaysLeft).toBe(5);
    // The timeline says the deadline was reset, from which date, and that it had passed.
    const step = moved.body.timeline.filter((e) => e.kind === 'routed').at(-1)!;
    expect(step.data).toMatchObject({
      rerouted: true,
      previousDepartmentId: d01,
      previousDueOn: lateDue,
      previousOverdue: true,
      dueOn: moved.body.dueOn,
    });
    expect(step.data.waitedWorkdays).toBeGreaterThanOrEqual(0);
    // The first department's extension no longer waits, and cannot be decided.
    expect(moved.body.extensions[0]!.status).toBe('withdrawn');
    expect(moved.body.timeline.map((e) => e.kind)).toContain('extension_withdrawn');
    const late = await office.post<Problem>(`/api/v1/business/extensions/${extId}/decision`, {
      approve: true,
      note: '同意',
    });
    expect(late.status).toBe(422);

    // The scorecard keeps both routings: the first, overdue and unanswered, against 区发展改革委.
    const routings = await routingsOf(id);
    expect(routings.map((r) => r.department).sort()).toEqual([d01, d02].sort());
    expect(routings.find((r) => r.department === d01)).toMatchObject({ dueOn: lateDue, answeredOn: null });
    expect(routings.find((r) => r.department === d02)?.dueOn).toBe(moved.body.dueOn);

    const [audited] = await t.database.db
      .select({ after: auditEvents.after })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'request.route'), eq(auditEvents.entityId, id)))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    expect(audited!.after).toMatchObject({ extensionWithdrawn: extId });
  });

  it('does not count a routing re-routed before its due date against its department', async () => {
    const id = await raise();
    await route(id, d01);
    await route(id, d02);
    expect((await routingsOf(id)).map((r) => r.department)).toEqual([d02]);
  });
});
