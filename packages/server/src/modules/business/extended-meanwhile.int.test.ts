import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInChina } from '../../kernel/deadlines.js';
import type { TestClient, TestContext } from '../../test-support/app.js';
import { contextOf, racing } from '../../test-support/racing.js';
import { answerRequest } from './commands/answerRequest.js';
import { completeRectification } from './commands/rectification.js';
import type { RequestDetail } from './contracts-requests.js';
import { businessRectifications, businessRequests } from './schema.js';
import { raisedRequest, requestParties, routedAs } from './test-helpers.js';

/**
 * An answer given while the office approves the extension the department asked: the answer is
 * on time by the deadline as it stands when the answer is written, not as read before. `racing`
 * puts the approval between the answer's checks and its write, on PGlite and PostgreSQL alike.
 */
let t: TestContext;
let firm: TestClient;
let office: TestClient;
let dept: TestClient;
let d01: string;

beforeAll(async () => {
  ({ t, firm, office, dept, d01 } = await requestParties());
});
afterAll(() => t.close());

const yesterday = () => todayInChina(new Date(Date.now() - 86_400_000));
const detail = async (id: string) =>
  (await office.get<RequestDetail>(`/api/v1/business/requests/${id}`)).body;

/** The department asks 5 more working days for a step due yesterday: the extension's id. */
async function askedLate(id: string): Promise<string> {
  const asked = await dept.post<RequestDetail>(`/api/v1/business/requests/${id}/extensions`, {
    workdays: 5,
    reason: '需会商',
  });
  expect(asked.status, JSON.stringify(asked.body)).toBe(200);
  return asked.body.extensions.find((e) => e.status === 'pending')!.id;
}

/** The office approves the extension, between the other command's checks and its write. */
const approvedMeanwhile = (extId: string) =>
  racing(t.database.db, async () => {
    const res = await office.post(`/api/v1/business/extensions/${extId}/decision`, {
      approve: true,
      note: '同意',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  });

describe('an extension approved while the answer is given', () => {
  it('counts the answer on time by the new deadline', async () => {
    const id = await raisedRequest(firm);
    expect((await routedAs(office, id, d01)).status).toBe(200);
    await t.database.db
      .update(businessRequests)
      .set({ dueOn: yesterday() })
      .where(eq(businessRequests.id, id));
    const extId = await askedLate(id);
    const ctx = { ...(await contextOf(t, dept)), db: approvedMeanwhile(extId) };
    await answerRequest.run(ctx, { id, body: '已答复。' });
    const after = await detail(id);
    expect(after.extensions[0]).toMatchObject({ id: extId, status: 'approved' });
    expect(after.answers[0]).toMatchObject({ onTime: true });
    const step = after.timeline.find((e) => e.kind === 'answered')!;
    expect(step.data).toMatchObject({ onTime: true, dueOn: after.extensions[0]!.dueAfter });
  });

  it('counts a rectification’s result on time by the new deadline', async () => {
    const id = await raisedRequest(firm);
    expect((await routedAs(office, id, d01)).status).toBe(200);
    const answered = await dept.post<RequestDetail>(`/api/v1/business/requests/${id}/answer`, {
      body: '已答复。',
    });
    const rated = await firm.post<RequestDetail>(
      `/api/v1/business/answers/${answered.body.answers[0]!.id}/rating`,
      { score: 1, comment: '没有解决' },
    );
    const rectId = rated.body.rectifications[0]!.id;
    const visited = await dept.post(`/api/v1/business/rectifications/${rectId}/visit`, {
      visitedOn: todayInChina(),
      note: '已回访',
    });
    expect(visited.status, JSON.stringify(visited.body)).toBe(200);
    const { db } = t.database;
    await db.update(businessRequests).set({ dueOn: yesterday() }).where(eq(businessRequests.id, id));
    await db
      .update(businessRectifications)
      .set({ dueOn: yesterday() })
      .where(eq(businessRectifications.id, rectId));
    const extId = await askedLate(id);
    const ctx = { ...(await contextOf(t, dept)), db: approvedMeanwhile(extId) };
    await completeRectification.run(ctx, { id: rectId, body: '已整改。' });
    const after = await detail(id);
    expect(after.extensions[0]).toMatchObject({ id: extId, status: 'approved' });
    expect(after.answers.find((a) => a.kind === 'rectification')).toMatchObject({ onTime: true });
  });
});
