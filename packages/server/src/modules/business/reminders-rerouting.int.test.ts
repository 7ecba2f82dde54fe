import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../audit/schema.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { signedIn } from '../../test-support/factories.js';
import { unitByCode } from '../units/api.js';
import type { RequestDetail, RequestPage, Supervision } from './contracts-requests.js';
import type { SupervisionTrail } from './contracts-supervision.js';
import { businessRequests } from './schema.js';
import { type Problem, raisedRequest, routedAs } from './test-helpers.js';

let t: TestContext;
let firm: TestClient;
let office: TestClient;
let dept: TestClient;
let otherDept: TestClient;
let supervisor: TestClient;
let d01: string;
let d02: string;

beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business'] });
  firm = await t.as('firm1');
  office = await t.as('office');
  dept = await t.as('dept');
  supervisor = await t.as('supervisor');
  d01 = (await unitByCode(t.database.db, 'QJ-D01'))!.id;
  const unit = (await unitByCode(t.database.db, 'QJ-D02'))!;
  d02 = unit.id;
  otherDept = await signedIn(t, 'department_staff', unit);
});
afterAll(() => t.close());

const raise = () => raisedRequest(firm);
const route = (id: string, departmentId: string, client = office) => routedAs(client, id, departmentId);

describe('督办 and 改派', () => {
  it('closes the former department’s unacknowledged reminder, blames no one for it, and lets the commission remind the new one', async () => {
    const id = await raise();
    await route(id, d01);
    const reminded = await supervisor.post<SupervisionTrail>(`/api/v1/business/requests/${id}/supervision`, {
      kind: 'reminder',
      body: '已超期，请尽快答复企业',
    });
    expect(reminded.status).toBe(201);
    const reminderId = reminded.body.items[0]!.id;

    const moved = await route(id, d02);
    expect(moved.status).toBe(200);
    // The re-routing step names the reminder it closed to the staff, never to the firm.
    const routing = async (client: TestClient) =>
      (await client.get<RequestDetail>(`/api/v1/business/requests/${id}`)).body.timeline.findLast(
        (e) => e.kind === 'routed',
      )!.data;
    expect(await routing(supervisor)).toMatchObject({ remindersClosed: [reminderId] });
    expect(await routing(office)).toMatchObject({ remindersClosed: [reminderId] });
    const firmSees = await routing(firm);
    expect(firmSees).toMatchObject({ rerouted: true });
    expect(firmSees).not.toHaveProperty('remindersClosed');

    // The reminder to the first department is closed by the re-route, said so in the trail.
    const trail = (await supervisor.get<SupervisionTrail>(`/api/v1/business/requests/${id}/supervision`))
      .body;
    expect(trail.items[0]).toMatchObject({ id: reminderId, closedReason: 'rerouted', acknowledgedAt: null });
    expect(trail.items[0]!.actions.acknowledge).toBe(false);
    // Neither department acknowledges it; the new one sees nothing it owes.
    const ack = (c: TestClient) =>
      c.post<Problem>(`/api/v1/business/supervision/${reminderId}/acknowledge`, { note: '收到，马上办理' });
    expect((await ack(dept)).status).toBe(404);
    expect((await ack(otherDept)).status).toBe(404);
    const theirs = (await otherDept.get<SupervisionTrail>(`/api/v1/business/requests/${id}/supervision`))
      .body;
    expect(theirs.items).toEqual([]);
    // The dashboard blames no department for it.
    const drill = await supervisor.get<RequestPage>('/api/v1/business/requests?flag=reminded&pageSize=200');
    expect(drill.body.items.map((r) => r.id)).not.toContain(id);
    const board = (await supervisor.get<Supervision>('/api/v1/business/supervision')).body;
    expect(board.total.reminded).toBe(drill.body.total);

    // The commission reminds the new department, which acknowledges it.
    const again = await supervisor.post<SupervisionTrail>(`/api/v1/business/requests/${id}/supervision`, {
      kind: 'reminder',
      body: '请新承办部门按期答复',
    });
    const fresh = again.body.items.at(-1)!;
    expect(
      (await otherDept.post(`/api/v1/business/supervision/${fresh.id}/acknowledge`, { note: '已收到' }))
        .status,
    ).toBe(200);

    const [audited] = await t.database.db
      .select({ after: auditEvents.after })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'request.route'), eq(auditEvents.entityId, id)))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    expect(audited!.after).toMatchObject({ remindersClosed: [reminderId] });
  });

  it('does not count against the holding department a reminder addressed to another one', async () => {
    const id = await raise();
    await route(id, d01);
    const sent = await supervisor.post<SupervisionTrail>(`/api/v1/business/requests/${id}/supervision`, {
      kind: 'reminder',
      body: '请按期答复',
    });
    // As records written before re-routing closed reminders have it: addressed to a department
    // that no longer holds the request, still open.
    await t.database.db
      .update(businessRequests)
      .set({ departmentId: d02 })
      .where(eq(businessRequests.id, id));
    expect(sent.body.items[0]!.closedAt).toBeNull();
    const drill = await supervisor.get<RequestPage>('/api/v1/business/requests?flag=reminded&pageSize=200');
    expect(drill.body.items.map((r) => r.id)).not.toContain(id);
  });
});
