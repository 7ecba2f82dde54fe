import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../audit/schema.js';
import { dueAfter, todayInChina } from '../../kernel/deadlines.js';
import type { InboxItem } from '../../kernel/notifications.js';
import type { TestClient, TestContext } from '../../test-support/app.js';
import { signedIn } from '../../test-support/factories.js';
import { contextOf, racing, refusal } from '../../test-support/racing.js';
import { unitByCode } from '../units/api.js';
import { answerRequest } from './commands/answerRequest.js';
import { askExtension, decideExtension } from './commands/extensions.js';
import { completeRectification, recordReturnVisit } from './commands/rectification.js';
import { routeRequest } from './commands/routeRequest.js';
import type { RequestDetail } from './contracts-requests.js';
import { businessExtensions, businessRequests } from './schema.js';
import { type Problem, raisedRequest, requestParties, routedAs } from './test-helpers.js';

let t: TestContext;
let firm: TestClient;
let office: TestClient;
let dept: TestClient;
let otherDept: TestClient;
let d01: string;
let d02: string;

beforeAll(async () => {
  ({ t, firm, office, dept, d01 } = await requestParties());
  const unit = (await unitByCode(t.database.db, 'QJ-D02'))!;
  d02 = unit.id;
  otherDept = await signedIn(t, 'department_staff', unit);
});
afterAll(() => t.close());

const detail = async (id: string, client = office) =>
  (await client.get<RequestDetail>(`/api/v1/business/requests/${id}`)).body;

/** A request routed to QJ-D01 and answered: its id and the answer's. */
async function answered(): Promise<{ id: string; answerId: string }> {
  const id = await raisedRequest(firm);
  expect((await routedAs(office, id, d01)).status).toBe(200);
  const res = await dept.post<RequestDetail>(`/api/v1/business/requests/${id}/answer`, { body: '已答复。' });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return { id, answerId: res.body.answers[0]!.id };
}

/** A request whose answer the firm rated 1: a rectification is open. */
async function rectifying() {
  const { id, answerId } = await answered();
  const rated = await firm.post<RequestDetail>(`/api/v1/business/answers/${answerId}/rating`, {
    score: 1,
    comment: '没有解决',
  });
  expect(rated.status, JSON.stringify(rated.body)).toBe(200);
  return { id, ratingId: rated.body.answers[0]!.rating!.id, rectId: rated.body.rectifications[0]!.id };
}

const noticesAbout = async (client: TestClient, id: string): Promise<InboxItem[]> =>
  (await client.get<InboxItem[]>('/api/v1/inbox')).body.filter((n) => n.params.requestId === id);

describe('an upheld appeal that closes the request', () => {
  it('withdraws the extension the department asked for the rectification, with its reason', async () => {
    const { id, ratingId } = await rectifying();
    const asked = await dept.post<RequestDetail>(`/api/v1/business/requests/${id}/extensions`, {
      workdays: 5,
      reason: '整改需会商',
    });
    expect(asked.status, JSON.stringify(asked.body)).toBe(200);
    const extId = asked.body.extensions[0]!.id;
    const appealed = await dept.post<RequestDetail>(`/api/v1/business/ratings/${ratingId}/appeal`, {
      reason: '企业恶意差评',
    });
    const appealId = appealed.body.answers[0]!.rating!.appeal!.id;
    const upheld = await office.post<RequestDetail>(`/api/v1/business/appeals/${appealId}/decision`, {
      upheld: true,
      note: '经核实属恶意差评',
    });
    expect(upheld.status, JSON.stringify(upheld.body)).toBe(200);
    expect(upheld.body.status).toBe('closed');
    expect(upheld.body.extensions[0]).toMatchObject({ id: extId, status: 'withdrawn' });
    expect(upheld.body.actions.decide).toBe(false);
    const step = upheld.body.timeline.find((e) => e.kind === 'extension_withdrawn')!;
    expect(step.data).toMatchObject({ extensionId: extId, reason: 'appealUpheld' });
    // Nobody may decide it any more.
    const late = await office.post<Problem>(`/api/v1/business/extensions/${extId}/decision`, {
      approve: true,
      note: '同意',
    });
    expect(late.status).toBe(422);
    expect(late.body.errors?.[0]?.code).toBe('extension_decided');
    const [audited] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'appeal.decide'), eq(auditEvents.entityId, id)));
    expect(audited!.after).toMatchObject({ upheld: true, withdrawn: true, extensionWithdrawn: extId });
  });
});

describe('an extension asked while the answer is given', () => {
  it('is refused when the answer commits first, and leaves nothing pending', async () => {
    const id = await raisedRequest(firm);
    await routedAs(office, id, d01);
    const { db } = t.database;
    const ctx = {
      ...(await contextOf(t, dept)),
      db: racing(db, async () =>
        expect((await dept.post(`/api/v1/business/requests/${id}/answer`, { body: '已答复。' })).status).toBe(
          200,
        ),
      ),
    };
    const refused = await refusal(askExtension.run(ctx, { id, workdays: 5, reason: '需会商' }));
    expect(refused).toMatchObject({ code: 'INVALID_STATE', errors: [{ code: 'request_moved_on' }] });
    const after = await detail(id);
    expect(after.status).toBe('answered');
    expect(after.extensions).toEqual([]);
  });

  it('is refused when the request is re-routed first', async () => {
    const id = await raisedRequest(firm);
    await routedAs(office, id, d01);
    const ctx = {
      ...(await contextOf(t, dept)),
      db: racing(t.database.db, async () => expect((await routedAs(office, id, d02)).status).toBe(200)),
    };
    const refused = await refusal(askExtension.run(ctx, { id, workdays: 5, reason: '需会商' }));
    expect(refused).toMatchObject({ code: 'CONFLICT', errors: [{ code: 'routed_meanwhile' }] });
    expect((await detail(id)).extensions).toEqual([]);
  });
});

describe('an extension of the answer asked while the answer is given and rated badly', () => {
  it('is refused: the rectification it would extend was not asked for', async () => {
    const id = await raisedRequest(firm);
    await routedAs(office, id, d01);
    const ctx = {
      ...(await contextOf(t, dept)),
      db: racing(t.database.db, async () => {
        const answered = await dept.post<RequestDetail>(`/api/v1/business/requests/${id}/answer`, {
          body: '已答复。',
        });
        expect(answered.status).toBe(200);
        const answerId = answered.body.answers[0]!.id;
        expect((await firm.post(`/api/v1/business/answers/${answerId}/rating`, { score: 1 })).status).toBe(
          200,
        );
      }),
    };
    const refused = await refusal(askExtension.run(ctx, { id, workdays: 5, reason: '需会商' }));
    expect(refused).toMatchObject({ code: 'INVALID_STATE', errors: [{ code: 'request_moved_on' }] });
    const after = await detail(id);
    expect(after.status).toBe('rectifying');
    expect(after.extensions).toEqual([]);
  });
});

describe('an extension asked as a holiday recount moves the due date', () => {
  it('records the due date as it stands when it is written', async () => {
    const id = await raisedRequest(firm);
    await routedAs(office, id, d01);
    const { db } = t.database;
    const moved = '2099-01-05';
    const ctx = {
      ...(await contextOf(t, dept)),
      db: racing(db, () =>
        db.update(businessRequests).set({ dueOn: moved }).where(eq(businessRequests.id, id)),
      ),
    };
    const { id: extensionId } = await askExtension.run(ctx, { id, workdays: 5, reason: '需会商' });
    const [ext] = await db
      .select({ dueBefore: businessExtensions.dueBefore })
      .from(businessExtensions)
      .where(eq(businessExtensions.id, extensionId));
    expect(ext?.dueBefore).toBe(moved);
  });
});

describe('two routings at once', () => {
  it('route the request once: the second is refused and tells no one', async () => {
    const id = await raisedRequest(firm);
    const before = (await noticesAbout(firm, id)).length;
    const ctx = {
      ...(await contextOf(t, office)),
      db: racing(t.database.db, async () => expect((await routedAs(office, id, d02)).status).toBe(200)),
    };
    const refused = await refusal(routeRequest.run(ctx, { id, departmentId: d01 }));
    expect(refused).toMatchObject({ code: 'CONFLICT', errors: [{ code: 'routed_meanwhile' }] });
    const after = await detail(id);
    expect(after.status).toBe('routed');
    expect(after.timeline.filter((e) => e.kind === 'routed')).toHaveLength(1);
    expect(after.timeline.at(-1)).toMatchObject({ kind: 'routed', data: { rerouted: false } });
    expect(await noticesAbout(dept, id)).toEqual([]);
    expect(await noticesAbout(otherDept, id)).toHaveLength(1);
    expect(await noticesAbout(firm, id)).toHaveLength(before + 1);
  });

  it('refuse a re-route that another re-route overtook', async () => {
    const id = await raisedRequest(firm);
    await routedAs(office, id, d01);
    const ctx = {
      ...(await contextOf(t, office)),
      db: racing(t.database.db, async () => expect((await routedAs(office, id, d02)).status).toBe(200)),
    };
    // Both re-route away from QJ-D01; the second finds the request with QJ-D02 already.
    const third = (await unitByCode(t.database.db, 'QJ-D03'))!.id;
    const refused = await refusal(routeRequest.run(ctx, { id, departmentId: third }));
    expect(refused).toMatchObject({ code: 'CONFLICT', errors: [{ code: 'routed_meanwhile' }] });
    const after = await detail(id);
    expect(after.timeline.filter((e) => e.kind === 'routed')).toHaveLength(2);
    expect((await detail(id, otherDept)).status).toBe('routed');
  });
});

describe('an answer while the request is re-routed', () => {
  it('is refused when the re-route commits first: the new department keeps the request', async () => {
    const id = await raisedRequest(firm);
    await routedAs(office, id, d01);
    const ctx = {
      ...(await contextOf(t, dept)),
      db: racing(t.database.db, async () => expect((await routedAs(office, id, d02)).status).toBe(200)),
    };
    const refused = await refusal(answerRequest.run(ctx, { id, body: '已答复。' }));
    expect(refused).toMatchObject({ code: 'CONFLICT', errors: [{ code: 'routed_meanwhile' }] });
    const after = await detail(id, otherDept);
    expect(after.status).toBe('routed');
    expect(after.answers).toEqual([]);
    expect(after.actions.answer).toBe(true);
  });
});

describe('a re-route while the office extends the due date', () => {
  it('records the due date the department leaves as extended, not as read before', async () => {
    const { db } = t.database;
    const id = await raisedRequest(firm);
    expect((await routedAs(office, id, d01)).status).toBe(200);
    // Due yesterday: overdue when the office reads it to re-route it.
    const yesterday = todayInChina(new Date(Date.now() - 86_400_000));
    await db.update(businessRequests).set({ dueOn: yesterday }).where(eq(businessRequests.id, id));
    const { id: extensionId } = await askExtension.run(await contextOf(t, dept), {
      id,
      workdays: 10,
      reason: '需会商',
    });
    const officeCtx = await contextOf(t, office);
    const ctx = {
      ...officeCtx,
      db: racing(db, () => decideExtension.run(officeCtx, { extensionId, approve: true, note: '同意' })),
    };
    await routeRequest.run(ctx, { id, departmentId: d02 });
    const extended = dueAfter(yesterday, 10);
    const step = (await detail(id)).timeline.filter((e) => e.kind === 'routed').at(-1)!;
    expect(step.data).toMatchObject({ rerouted: true, previousDueOn: extended, previousOverdue: false });
    const [audited] = await db
      .select({ before: auditEvents.before })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'request.route'), eq(auditEvents.entityId, id)))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    expect(audited!.before).toMatchObject({ departmentId: d01, dueOn: extended });
  });
});

describe('two return visits recorded at once', () => {
  it('keep the first: the second is refused with its reason', async () => {
    const { id, rectId } = await rectifying();
    const today = todayInChina();
    const ctx = {
      ...(await contextOf(t, dept)),
      db: racing(t.database.db, async () =>
        expect(
          (
            await dept.post(`/api/v1/business/rectifications/${rectId}/visit`, {
              visitedOn: today,
              note: '第一次',
            })
          ).status,
        ).toBe(200),
      ),
    };
    const refused = await refusal(
      recordReturnVisit.run(ctx, { id: rectId, visitedOn: today, note: '第二次' }),
    );
    expect(refused).toMatchObject({ code: 'CONFLICT', errors: [{ code: 'visit_recorded_already' }] });
    const after = await detail(id, dept);
    expect(after.rectifications[0]).toMatchObject({ visitedOn: today, visitNote: '第一次' });
    expect(after.timeline.filter((e) => e.kind === 'return_visit')).toHaveLength(1);
    // Sent later, the same refusal in the reader's language.
    const again = await dept.request<Problem>(
      'POST',
      `/api/v1/business/rectifications/${rectId}/visit`,
      { visitedOn: today, note: '第三次' },
      { 'accept-language': 'en' },
    );
    expect(again.status).toBe(409);
    expect(again.body.errors?.[0]?.code).toBe('visit_recorded_already');
  });
});

describe('a rectification result given while the office upholds the appeal', () => {
  it('is refused as withdrawn by the appeal, the request closed, never as done', async () => {
    const { id, ratingId, rectId } = await rectifying();
    const visited = await dept.post(`/api/v1/business/rectifications/${rectId}/visit`, {
      visitedOn: todayInChina(),
      note: '已回访',
    });
    expect(visited.status, JSON.stringify(visited.body)).toBe(200);
    const appealed = await dept.post<RequestDetail>(`/api/v1/business/ratings/${ratingId}/appeal`, {
      reason: '企业恶意差评',
    });
    const appealId = appealed.body.answers[0]!.rating!.appeal!.id;
    const ctx = {
      ...(await contextOf(t, dept)),
      db: racing(t.database.db, async () => {
        const upheld = await office.post(`/api/v1/business/appeals/${appealId}/decision`, {
          upheld: true,
          note: '经核实属恶意差评',
        });
        expect(upheld.status, JSON.stringify(upheld.body)).toBe(200);
      }),
    };
    const refused = await refusal(completeRectification.run(ctx, { id: rectId, body: '已整改完毕。' }));
    expect(refused).toMatchObject({
      code: 'INVALID_STATE',
      message: 'the rectification is withdrawn',
      errors: [{ path: 'status', code: 'rectification_withdrawn' }],
    });
    const after = await detail(id, dept);
    expect(after.status).toBe('closed');
    expect(after.rectifications[0]).toMatchObject({ id: rectId, status: 'withdrawn' });
    // Sent later, the same refusal: the rectification is withdrawn, not done.
    const again = await dept.post<Problem>(`/api/v1/business/rectifications/${rectId}/result`, {
      body: '已整改完毕。',
    });
    expect(again.status).toBe(422);
    expect(again.body.errors?.[0]?.code).toBe('rectification_withdrawn');
  });
});
