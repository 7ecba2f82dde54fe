import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboxItem } from '../../kernel/notifications.js';
import { notifications } from '../../kernel/schema.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { userIdByLogin } from '../users/api.js';
import type { RequestPage, Supervision } from './contracts-requests.js';
import type { SupervisionTrail } from './contracts-supervision.js';
import type { Problem } from './test-helpers.js';

let t: TestContext;
let supervisor: TestClient;
let dept: TestClient;
let office: TestClient;
let requestId: string;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business'] });
  supervisor = await t.as('supervisor');
  dept = await t.as('dept');
  office = await t.as('office');
  // A request the demo department holds and is still working on.
  const page = await dept.get<RequestPage>('/api/v1/business/requests?status=routed&pageSize=1');
  requestId = page.body.items[0]!.id;
});
afterAll(() => t.close());

/** Unacknowledged reminders of the demo department on the commission's dashboard. */
async function remindedOnDashboard() {
  const board = await supervisor.get<Supervision>('/api/v1/business/supervision');
  return board.body.departments.find((d) => d.departmentName === '区发展改革委')?.reminded ?? 0;
}

const trail = (c: TestClient) =>
  c.get<SupervisionTrail>(`/api/v1/business/requests/${requestId}/supervision`);

describe('纪委监督 on a request: notes and formal reminders (督办)', () => {
  it('lets the commission note and remind; the department is told, sees only the reminder and acknowledges it once', async () => {
    expect((await trail(supervisor)).body.actions).toEqual({ note: true, remind: true });
    const note = await supervisor.post<SupervisionTrail>(
      `/api/v1/business/requests/${requestId}/supervision`,
      {
        kind: 'note',
        body: '企业反映办理慢，持续关注',
      },
    );
    expect(note.status, JSON.stringify(note.body)).toBe(201);
    const deptUser = (await userIdByLogin(t.database.db, 'dept'))!;
    const remindedBefore = await remindedOnDashboard();
    const before = (
      await t.database.db.select().from(notifications).where(eq(notifications.userId, deptUser))
    ).length;
    const sent = await supervisor.post<SupervisionTrail>(
      `/api/v1/business/requests/${requestId}/supervision`,
      {
        kind: 'reminder',
        body: '请于两个工作日内答复企业',
      },
    );
    expect(sent.status).toBe(201);
    expect(sent.body.items.map((i) => i.kind)).toEqual(['note', 'reminder']);
    const told = await t.database.db.select().from(notifications).where(eq(notifications.userId, deptUser));
    expect(told.length).toBe(before + 1);
    expect(told.at(-1)?.key).toBe('business.notice.reminded');

    // The dashboard counts the reminder until it is acknowledged, and its drill-down lists it.
    expect(await remindedOnDashboard()).toBe(remindedBefore + 1);
    const drill = await supervisor.get<RequestPage>('/api/v1/business/requests?flag=reminded&pageSize=100');
    expect(drill.body.items.map((r) => r.id)).toContain(requestId);

    const seen = await trail(dept);
    expect(seen.body.items.map((i) => i.kind)).toEqual(['reminder']);
    expect(seen.body.actions).toEqual({ note: false, remind: false });
    const reminder = seen.body.items[0]!;
    expect(reminder.actions.acknowledge).toBe(true);
    const ack = await dept.post<SupervisionTrail>(`/api/v1/business/supervision/${reminder.id}/acknowledge`, {
      note: '已安排专人办理，明日答复',
    });
    expect(ack.status, JSON.stringify(ack.body)).toBe(200);
    expect(ack.body.items[0]).toMatchObject({
      acknowledgement: '已安排专人办理，明日答复',
      actions: { acknowledge: false },
    });
    const again = await dept.post<Problem>(`/api/v1/business/supervision/${reminder.id}/acknowledge`, {
      note: '再次确认',
    });
    expect(again.status).toBe(409);
    expect(await remindedOnDashboard()).toBe(remindedBefore);
    // The office reads both, and the acknowledgement, but writes neither.
    const read = await trail(office);
    expect(read.body.items.map((i) => i.acknowledgedAt !== null)).toEqual([false, true]);
    expect(read.body.actions).toEqual({ note: false, remind: false });
  });

  it('tells the department with phone and ID numbers in the commission’s text masked', async () => {
    const body = '企业联系人13912345678反映，法人身份证号500101199001011234，请尽快联系';
    const sent = await supervisor.post<SupervisionTrail>(
      `/api/v1/business/requests/${requestId}/supervision`,
      {
        kind: 'reminder',
        body,
      },
    );
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    const inbox = (await dept.get<InboxItem[]>('/api/v1/inbox')).body.filter(
      (n) => n.key === 'business.notice.reminded' && n.params.requestId === requestId,
    );
    expect(inbox[0]!.params.body).toBe(
      '企业联系人139****5678反映，法人身份证号5001**********1234，请尽快联系',
    );
    expect(JSON.stringify(inbox)).not.toContain('13912345678');
    // The trail, which the department opens to act on it, keeps the commission's words.
    expect((await trail(dept)).body.items.at(-1)?.body).toBe(body);
  });

  it('refuses the department, the office and firms as writers, and writes nothing', async () => {
    const count = (await trail(supervisor)).body.items.length;
    for (const c of [dept, office]) {
      const res = await c.post(`/api/v1/business/requests/${requestId}/supervision`, {
        kind: 'note',
        body: '越权',
      });
      expect(res.status).toBe(403);
    }
    const firm = await (await t.as('firm1')).get(`/api/v1/business/requests/${requestId}/supervision`);
    expect([403, 404]).toContain(firm.status);
    const empty = await supervisor.post<Problem>(`/api/v1/business/requests/${requestId}/supervision`, {
      kind: 'reminder',
      body: '',
    });
    expect(empty.status).toBe(400);
    expect((await trail(supervisor)).body.items.length).toBe(count);
  });
});
