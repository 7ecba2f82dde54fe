import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient, TestContext } from '../../test-support/app.js';
import type { RequestDetail } from './contracts-requests.js';
import { businessExtensions } from './schema.js';
import { type Problem, raisedRequest, requestParties, routedAs } from './test-helpers.js';

let t: TestContext;
let firm: TestClient;
let office: TestClient;
let dept: TestClient;
let d01: string;

beforeAll(async () => {
  ({ t, firm, office, dept, d01 } = await requestParties());
});
afterAll(() => t.close());

const raise = () => raisedRequest(firm);
const route = (id: string, departmentId: string, client = office) => routedAs(client, id, departmentId);
const detail = async (id: string) =>
  (await office.get<RequestDetail>(`/api/v1/business/requests/${id}`)).body;

describe('an extension left waiting when the answer is given', () => {
  it('is withdrawn by the answer, recorded, and can no longer be decided', async () => {
    const id = await raise();
    await route(id, d01);
    const asked = await dept.post<RequestDetail>(`/api/v1/business/requests/${id}/extensions`, {
      workdays: 5,
      reason: '需会商',
    });
    const extId = asked.body.extensions[0]!.id;
    const answered = await dept.post<RequestDetail>(`/api/v1/business/requests/${id}/answer`, {
      body: '已答复。',
    });
    expect(answered.body.extensions[0]!.status).toBe('withdrawn');
    expect(answered.body.timeline.map((e) => e.kind).slice(-2)).toEqual(['extension_withdrawn', 'answered']);
    expect(answered.body.actions.decide).toBe(false);
    const dueOn = answered.body.dueOn;
    const res = await office.post<Problem>(`/api/v1/business/extensions/${extId}/decision`, {
      approve: true,
      note: '同意',
    });
    expect(res.status).toBe(422);
    expect((await detail(id)).dueOn).toBe(dueOn);
  });

  it('refuses to decide one left pending on an answered request by earlier versions', async () => {
    const id = await raise();
    await route(id, d01);
    const asked = await dept.post<RequestDetail>(`/api/v1/business/requests/${id}/extensions`, {
      workdays: 5,
      reason: '需会商',
    });
    const extId = asked.body.extensions[0]!.id;
    await dept.post(`/api/v1/business/requests/${id}/answer`, { body: '已答复。' });
    // As a record written before answering withdrew it would have it: still pending.
    await t.database.db
      .update(businessExtensions)
      .set({ status: 'pending', decidedAt: null, decisionNote: null })
      .where(eq(businessExtensions.id, extId));
    const dueOn = (await detail(id)).dueOn;
    const res = await office.request<Problem>(
      'POST',
      `/api/v1/business/extensions/${extId}/decision`,
      { approve: true, note: '同意' },
      { 'accept-language': 'en' },
    );
    expect(res.status).toBe(422);
    expect(res.body.title).toBe('Not allowed in the current state');
    expect(res.body.errors?.[0]?.code).toBe('not_awaiting_answer');
    expect((await detail(id)).dueOn).toBe(dueOn);
  });
});
