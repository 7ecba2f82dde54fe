import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../audit/schema.js';
import type { TestClient, TestContext } from '../../test-support/app.js';
import { contextOf, racing, refusal } from '../../test-support/racing.js';
import { closeUnratedRequests } from './commands/closeUnrated.js';
import { superviseRequest } from './commands/supervise.js';
import type { RequestDetail, RequestPage, Supervision } from './contracts-requests.js';
import type { SupervisionTrail } from './contracts-supervision.js';
import { businessAnswers } from './schema.js';
import { type Problem, raisedRequest, requestParties, routedAs } from './test-helpers.js';

let t: TestContext;
let firm: TestClient;
let office: TestClient;
let dept: TestClient;
let supervisor: TestClient;
let d01: string;

beforeAll(async () => {
  ({ t, firm, office, dept, d01 } = await requestParties());
  supervisor = await t.as('supervisor');
});
afterAll(() => t.close());

/** A request with QJ-D01, which the commission reminds and which answers, unacknowledged: ids. */
async function remindedAndAnswered() {
  const id = await raisedRequest(firm);
  expect((await routedAs(office, id, d01)).status).toBe(200);
  const reminded = await supervisor.post<SupervisionTrail>(`/api/v1/business/requests/${id}/supervision`, {
    kind: 'reminder',
    body: '请尽快答复企业',
  });
  expect(reminded.status).toBe(201);
  const answer = await dept.post<RequestDetail>(`/api/v1/business/requests/${id}/answer`, {
    body: '已答复。',
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return { id, reminderId: reminded.body.items[0]!.id, answerId: answer.body.answers[0]!.id };
}

const trailOf = async (id: string, client = supervisor) =>
  (await client.get<SupervisionTrail>(`/api/v1/business/requests/${id}/supervision`)).body;

/** The request is no longer among the reminded, and the board counts as the drill-down lists. */
async function notCountedAsReminded(id: string) {
  const drill = await supervisor.get<RequestPage>('/api/v1/business/requests?flag=reminded&pageSize=200');
  expect(drill.body.items.map((r) => r.id)).not.toContain(id);
  const board = (await supervisor.get<Supervision>('/api/v1/business/supervision')).body;
  expect(board.total.reminded).toBe(drill.body.total);
}

describe('督办 left unacknowledged when the request closes', () => {
  it('closes with a good rating, says why, and is no longer counted nor acknowledged', async () => {
    const { id, reminderId, answerId } = await remindedAndAnswered();
    // Before the rating, the reminder still waits for the department.
    const drill = await supervisor.get<RequestPage>('/api/v1/business/requests?flag=reminded&pageSize=200');
    expect(drill.body.items.map((r) => r.id)).toContain(id);

    const rated = await firm.post<RequestDetail>(`/api/v1/business/answers/${answerId}/rating`, { score: 5 });
    expect(rated.body.status).toBe('closed');
    const trail = await trailOf(id);
    expect(trail.items[0]).toMatchObject({
      id: reminderId,
      closedReason: 'requestClosed',
      acknowledgedAt: null,
    });
    expect((await trailOf(id, dept)).items[0]!.actions.acknowledge).toBe(false);
    await notCountedAsReminded(id);
    const ack = await dept.request<Problem>(
      'POST',
      `/api/v1/business/supervision/${reminderId}/acknowledge`,
      { note: '收到' },
      { 'accept-language': 'en' },
    );
    expect(ack.status).toBe(422);
    expect(ack.body.errors?.[0]?.code).toBe('reminder_request_closed');
    const [audited] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'request.rate'), eq(auditEvents.entityId, id)));
    expect(audited!.after).toMatchObject({ remindersClosed: [reminderId] });
  });

  it('stays open with a bad rating: the department still owes the rectification', async () => {
    const { id, reminderId, answerId } = await remindedAndAnswered();
    await firm.post(`/api/v1/business/answers/${answerId}/rating`, { score: 2 });
    expect((await trailOf(id)).items[0]).toMatchObject({ id: reminderId, closedAt: null });
    const ack = await dept.post(`/api/v1/business/supervision/${reminderId}/acknowledge`, {
      note: '正在整改',
    });
    expect(ack.status).toBe(200);
    const twice = await dept.post<Problem>(`/api/v1/business/supervision/${reminderId}/acknowledge`, {
      note: '再次',
    });
    expect(twice.status).toBe(409);
    expect(twice.body.errors?.[0]?.code).toBe('acknowledged_already');
  });

  it('closes with an upheld appeal that closes the request', async () => {
    const { id, reminderId, answerId } = await remindedAndAnswered();
    const rated = await firm.post<RequestDetail>(`/api/v1/business/answers/${answerId}/rating`, { score: 1 });
    const ratingId = rated.body.answers[0]!.rating!.id;
    const appealed = await dept.post<RequestDetail>(`/api/v1/business/ratings/${ratingId}/appeal`, {
      reason: '恶意差评',
    });
    const appealId = appealed.body.answers[0]!.rating!.appeal!.id;
    const upheld = await office.post<RequestDetail>(`/api/v1/business/appeals/${appealId}/decision`, {
      upheld: true,
      note: '属实',
    });
    expect(upheld.body.status).toBe('closed');
    expect((await trailOf(id)).items[0]).toMatchObject({ id: reminderId, closedReason: 'requestClosed' });
    await notCountedAsReminded(id);
  });

  it('closes when the rating period closes the request unrated', async () => {
    const { id, reminderId } = await remindedAndAnswered();
    await t.database.db
      .update(businessAnswers)
      .set({ createdAt: new Date('2026-09-28T10:00:00+08:00') })
      .where(eq(businessAnswers.requestId, id));
    expect(await closeUnratedRequests(t.database.db, '2026-10-19')).toContain(id);
    expect((await trailOf(id)).items[0]).toMatchObject({ id: reminderId, closedReason: 'requestClosed' });
    await notCountedAsReminded(id);
  });
});

describe('督办 sent while the request closes', () => {
  it('is refused when the closing rating commits first, and leaves no reminder open', async () => {
    const id = await raisedRequest(firm);
    await routedAs(office, id, d01);
    const answer = await dept.post<RequestDetail>(`/api/v1/business/requests/${id}/answer`, {
      body: '已答复。',
    });
    const answerId = answer.body.answers[0]!.id;
    const ctx = {
      ...(await contextOf(t, supervisor)),
      db: racing(t.database.db, async () =>
        expect((await firm.post(`/api/v1/business/answers/${answerId}/rating`, { score: 5 })).status).toBe(
          200,
        ),
      ),
    };
    const refused = await refusal(
      superviseRequest.run(ctx, { requestId: id, entry: { kind: 'reminder', body: '请尽快答复企业' } }),
    );
    expect(refused).toMatchObject({ code: 'INVALID_STATE', errors: [{ code: 'not_with_a_department' }] });
    expect((await trailOf(id)).items).toEqual([]);
    await notCountedAsReminded(id);
  });
});
