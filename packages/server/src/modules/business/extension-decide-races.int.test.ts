import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../errors.js';
import { dueAfter, todayInChina } from '../../kernel/deadlines.js';
import type { TestClient, TestContext } from '../../test-support/app.js';
import { contextOf, racing, refusal, sideBySide } from '../../test-support/racing.js';
import { answerRequest } from './commands/answerRequest.js';
import { askExtension, decideExtension } from './commands/extensions.js';
import { completeRectification } from './commands/rectification.js';
import type { RequestDetail } from './contracts-requests.js';
import { businessRequests } from './schema.js';
import { raisedRequest, requestParties, routedAs } from './test-helpers.js';

/**
 * The office deciding an extension while the department gives its answer or its rectification's
 * result, both transactions open at once. These lock the rectification, the request, then withdraw
 * the extension; the decision must take its locks in the same order, else each waits for the other and the database aborts one (a deadlock,
 * answered as a bare failure). Only PostgreSQL (DATABASE_URL set) opens the two transactions at
 * once; on PGlite they take turns and this passes either way.
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

/** A request routed to QJ-D01 whose department asked for 5 more working days: its id and the extension's. */
async function extensionAsked(): Promise<{ id: string; extId: string }> {
  const id = await raisedRequest(firm);
  expect((await routedAs(office, id, d01)).status).toBe(200);
  const asked = await dept.post<RequestDetail>(`/api/v1/business/requests/${id}/extensions`, {
    workdays: 5,
    reason: '需会商',
  });
  expect(asked.status, JSON.stringify(asked.body)).toBe(200);
  return { id, extId: asked.body.extensions[0]!.id };
}

describe('an extension decided while the answer is given', () => {
  it('never fails bare: the answer stands, the extension is decided first or withdrawn', async () => {
    const { id, extId } = await extensionAsked();
    const inStep = sideBySide(2, 'after the first statement');
    const results = await Promise.all([
      refusal(
        decideExtension.run(inStep(await contextOf(t, office)), {
          extensionId: extId,
          approve: true,
          note: '同意',
        }),
      ),
      refusal(answerRequest.run(inStep(await contextOf(t, dept)), { id, body: '已答复。' })),
    ]);
    for (const r of results) if (r !== undefined) expect(r).toBeInstanceOf(AppError);
    // The answer is never the one refused: the request waited for it.
    expect(results[1]).toBeUndefined();
    if (results[0] !== undefined)
      expect(results[0]).toMatchObject({ errors: [{ path: 'approve', code: 'not_awaiting_answer' }] });
    const after = (await office.get<RequestDetail>(`/api/v1/business/requests/${id}`)).body;
    expect(after.status).toBe('answered');
    expect(after.extensions).toEqual([
      expect.objectContaining({ id: extId, status: results[0] === undefined ? 'approved' : 'withdrawn' }),
    ]);
  });
});

/** A request rated 1, its return visit recorded, and 5 more working days asked for its rectification. */
async function rectificationExtended() {
  const id = await raisedRequest(firm);
  expect((await routedAs(office, id, d01)).status).toBe(200);
  const res = await dept.post<RequestDetail>(`/api/v1/business/requests/${id}/answer`, { body: '已答复。' });
  const rated = await firm.post<RequestDetail>(`/api/v1/business/answers/${res.body.answers[0]!.id}/rating`, {
    score: 1,
    comment: '没有解决',
  });
  const rectId = rated.body.rectifications[0]!.id;
  const visited = await dept.post(`/api/v1/business/rectifications/${rectId}/visit`, {
    visitedOn: todayInChina(),
    note: '已回访',
  });
  expect(visited.status, JSON.stringify(visited.body)).toBe(200);
  const extId = (await askExtension.run(await contextOf(t, dept), { id, workdays: 5, reason: '整改需会商' }))
    .id;
  return { id, rectId, extId };
}

describe('an extension decided while the rectification is done', () => {
  it('never fails bare: the result stands, the extension is decided first or withdrawn', async () => {
    const { id, rectId, extId } = await rectificationExtended();
    const inStep = sideBySide(2, 'after the first statement');
    const results = await Promise.all([
      refusal(
        decideExtension.run(inStep(await contextOf(t, office)), {
          extensionId: extId,
          approve: true,
          note: '同意',
        }),
      ),
      refusal(completeRectification.run(inStep(await contextOf(t, dept)), { id: rectId, body: '已整改。' })),
    ]);
    for (const r of results) if (r !== undefined) expect(r).toBeInstanceOf(AppError);
    expect(results[1]).toBeUndefined();
    if (results[0] !== undefined)
      expect(results[0]).toMatchObject({ errors: [{ path: 'approve', code: 'not_awaiting_answer' }] });
    const after = (await office.get<RequestDetail>(`/api/v1/business/requests/${id}`)).body;
    expect(after.status).toBe('answered');
    expect(after.rectifications[0]).toMatchObject({ id: rectId, status: 'done' });
    expect(after.extensions).toEqual([
      expect.objectContaining({ id: extId, status: results[0] === undefined ? 'approved' : 'withdrawn' }),
    ]);
  });
});

describe('an extension decided while a recount moves the due date', () => {
  it('adds its days to the due date as it stands when the decision is written', async () => {
    const { id, extId } = await extensionAsked();
    const db = t.database.db;
    const [before] = await db
      .select({ dueOn: businessRequests.dueOn })
      .from(businessRequests)
      .where(eq(businessRequests.id, id));
    // As a changed holiday's recount (deadline-recount.ts) would move it, committed in between.
    const recounted = dueAfter(before!.dueOn!, 2);
    const recount = async () => {
      await db.update(businessRequests).set({ dueOn: recounted }).where(eq(businessRequests.id, id));
    };
    const ctx = await contextOf(t, office);
    await decideExtension.run(
      { ...ctx, db: racing(ctx.db, recount) },
      { extensionId: extId, approve: true, note: '同意' },
    );
    const after = (await office.get<RequestDetail>(`/api/v1/business/requests/${id}`)).body;
    expect(after.dueOn).toBe(dueAfter(recounted, 5));
    expect(after.extensions[0]).toMatchObject({ status: 'approved', dueAfter: dueAfter(recounted, 5) });
  });
});
