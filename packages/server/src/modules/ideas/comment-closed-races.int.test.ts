import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../audit/schema.js';
import type { ServiceContext } from '../../context.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { type District, makeDistrict, signedIn } from '../../test-support/factories.js';
import { makeCampaign, makeSuggestion } from '../../test-support/factories-ideas.js';
import { silentLog } from '../../test-support/quiet.js';
import { contextOf, racing, refusal } from '../../test-support/racing.js';
import { addComment } from './commands/addComment.js';
import { mergeSuggestion } from './commands/mergeSuggestion.js';
import { rejectSuggestion } from './commands/rejectSuggestion.js';
import { ideaComments, ideaParticipations } from './schema.js';

/*
 * A visitor comments on a suggestion just as a screener merges it into another or rejects it:
 * the comment's checks saw it open, its write comes after the decision. It is refused as a
 * comment on a closed suggestion is, leaving no comment, participation or audit event behind.
 */

let t: TestContext;
let tree: District;
let office: TestClient;
let screener: ServiceContext;
let visitor: ServiceContext;

beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  tree = await makeDistrict(t);
  office = await signedIn(t, 'admin', tree.district);
  await makeCampaign(office);
  screener = await contextOf(t, await signedIn(t, 'screener', tree.district));
  visitor = { db: t.database.db, principal: null, log: silentLog, sms: t.sms, ip: '203.0.113.40' };
});
afterAll(() => t.close());

const accepted = async () =>
  (await makeSuggestion(t, { town: tree.town, state: 'accepted', screener: office })).id;

/** The comments and participations a suggestion holds, and the comments audited anywhere. */
async function traces(suggestionId: string) {
  const db = t.database.db;
  const [comments, participations, [audited]] = await Promise.all([
    db.select().from(ideaComments).where(eq(ideaComments.suggestionId, suggestionId)),
    db.select().from(ideaParticipations).where(eq(ideaParticipations.suggestionId, suggestionId)),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditEvents)
      .where(eq(auditEvents.action, 'comment.submit')),
  ]);
  return { comments: comments.length, participations: participations.length, audited: audited!.n };
}

const commentMeanwhile = (suggestionId: string, decision: () => Promise<unknown>) =>
  refusal(
    addComment({ ...visitor, db: racing(visitor.db, decision) }, suggestionId, {
      body: '公交站台离出站口太远了，建议挪近一些',
    }),
  );

describe('a comment on a suggestion closed meanwhile', () => {
  it('is refused once the suggestion was merged, and nothing of it lands on either suggestion', async () => {
    const merged = await accepted();
    const into = await accepted();
    const before = { merged: await traces(merged), into: await traces(into) };
    const refused = await commentMeanwhile(merged, () =>
      mergeSuggestion.run(screener, { ids: [merged], into }),
    );
    expect(refused).toMatchObject({ code: 'NOT_FOUND' });
    // The merge moved the merged one's participations (its submission) to the target.
    expect(await traces(merged)).toEqual({ ...before.merged, participations: 0 });
    expect(await traces(into)).toEqual({
      ...before.into,
      participations: before.into.participations + before.merged.participations,
    });
  });

  it('is refused once the suggestion was rejected: the moderators get no comment on it', async () => {
    const rejected = await accepted();
    const before = await traces(rejected);
    const refused = await commentMeanwhile(rejected, () =>
      rejectSuggestion.run(screener, { ids: [rejected], reason: 'off_topic' }),
    );
    expect(refused).toMatchObject({ code: 'NOT_FOUND' });
    expect(await traces(rejected)).toEqual(before);
  });

  it('is still taken on a suggestion left open', async () => {
    const open = await accepted();
    const made = await addComment(visitor, open, { body: '赞成，早该这样了' });
    expect(made).toMatchObject({ status: 'pending' });
    expect((await traces(open)).comments).toBe(1);
  });
});
