import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient, TestContext } from '../../test-support/app.js';
import { contextOf, racing, refusal } from '../../test-support/racing.js';
import { appealRating } from './commands/appeals.js';
import { askExtension } from './commands/extensions.js';
import type { RequestDetail } from './contracts-requests.js';
import { type Problem, raisedRequest, requestParties, routedAs } from './test-helpers.js';

/**
 * The same step taken twice at the same moment, by two of a department's staff: the second is
 * refused with the reason its page words, never with a bare conflict of the database. `racing`
 * puts the first one's whole request between the second one's checks and its write, so these run
 * alike on PGlite and on PostgreSQL.
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

const detail = async (id: string) =>
  (await office.get<RequestDetail>(`/api/v1/business/requests/${id}`)).body;

/** A request routed to QJ-D01, answered, and rated 1 by the firm: its id and the rating's. */
async function ratedBad(): Promise<{ id: string; ratingId: string }> {
  const id = await raisedRequest(firm);
  expect((await routedAs(office, id, d01)).status).toBe(200);
  const res = await dept.post<RequestDetail>(`/api/v1/business/requests/${id}/answer`, { body: '已答复。' });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const rated = await firm.post<RequestDetail>(`/api/v1/business/answers/${res.body.answers[0]!.id}/rating`, {
    score: 1,
    comment: '没有解决',
  });
  expect(rated.status, JSON.stringify(rated.body)).toBe(200);
  return { id, ratingId: rated.body.answers[0]!.rating!.id };
}

describe('two extensions asked at once', () => {
  it('keep the first: the second is refused as one waiting for a decision', async () => {
    const id = await raisedRequest(firm);
    expect((await routedAs(office, id, d01)).status).toBe(200);
    const ctx = {
      ...(await contextOf(t, dept)),
      db: racing(t.database.db, async () => {
        const first = await dept.post(`/api/v1/business/requests/${id}/extensions`, {
          workdays: 5,
          reason: '需会商',
        });
        expect(first.status, JSON.stringify(first.body)).toBe(200);
      }),
    };
    const refused = await refusal(askExtension.run(ctx, { id, workdays: 3, reason: '另需三天' }));
    expect(refused).toMatchObject({
      code: 'CONFLICT',
      errors: [{ path: 'workdays', code: 'extension_pending' }],
    });
    const after = await detail(id);
    expect(after.extensions).toEqual([expect.objectContaining({ status: 'pending', workdays: 5 })]);
    expect(after.timeline.filter((e) => e.kind === 'extension_requested')).toHaveLength(1);
  });
});

describe('two appeals of one rating at once', () => {
  it('keep the first: the second is refused as appealed already', async () => {
    const { id, ratingId } = await ratedBad();
    const ctx = {
      ...(await contextOf(t, dept)),
      db: racing(t.database.db, async () => {
        const first = await dept.post(`/api/v1/business/ratings/${ratingId}/appeal`, { reason: '恶意差评' });
        expect(first.status, JSON.stringify(first.body)).toBe(200);
      }),
    };
    const refused = await refusal(appealRating.run(ctx, { ratingId, reason: '再次申诉' }));
    expect(refused).toMatchObject({
      code: 'CONFLICT',
      errors: [{ path: 'reason', code: 'appealed_already' }],
    });
    const after = await detail(id);
    expect(after.timeline.filter((e) => e.kind === 'appeal_raised')).toHaveLength(1);
    expect(after.answers[0]!.rating!.appeal).toMatchObject({ status: 'pending' });
    // Sent later, the same refusal.
    const again = await dept.post<Problem>(`/api/v1/business/ratings/${ratingId}/appeal`, {
      reason: '第三次',
    });
    expect(again.status).toBe(409);
    expect(again.body.errors?.[0]?.code).toBe('appealed_already');
  });
});
