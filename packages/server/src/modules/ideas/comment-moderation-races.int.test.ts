import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../context.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { type District, makeDistrict, signedIn } from '../../test-support/factories.js';
import { makeCampaign, makeSuggestion } from '../../test-support/factories-ideas.js';
import { contextOf, racing, refusal } from '../../test-support/racing.js';
import { moderateComment } from './commands/moderateComment.js';
import { ideaComments } from './schema.js';
import { auditRows } from './test-helpers.js';

/*
 * Two moderators decide the same comment at the same moment: one hides it (an insult, a phone
 * number), the other, reading it still pending, publishes it. The later write must not undo the
 * earlier decision unseen: it is refused, and the moderator reloads and decides again.
 */

let t: TestContext;
let tree: District;
let office: TestClient;
let firstCtx: ServiceContext;
let secondCtx: ServiceContext;

beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  tree = await makeDistrict(t);
  office = await signedIn(t, 'admin', tree.district);
  await makeCampaign(office);
  firstCtx = await contextOf(t, await signedIn(t, 'screener', tree.district));
  secondCtx = await contextOf(t, await signedIn(t, 'screener', tree.district));
});
afterAll(() => t.close());

async function pendingComment() {
  const { id } = await makeSuggestion(t, { town: tree.town, state: 'accepted', screener: office });
  const made = await t
    .client()
    .post<{ id: string }>(`/api/v1/public/suggestions/${id}/comments`, { body: '这个建议很好，我很支持' });
  expect(made.status).toBe(201);
  return made.body.id;
}
const stored = async (id: string) =>
  (await t.database.db.select().from(ideaComments).where(eq(ideaComments.id, id)))[0]!;

describe('a comment decided by two moderators at once', () => {
  it('keeps the first decision: the publication read before the hide is refused', async () => {
    const id = await pendingComment();
    const hiding = () => moderateComment(firstCtx, id, { decision: 'hide', reason: '含有他人电话号码' });
    const publishing = moderateComment({ ...secondCtx, db: racing(secondCtx.db, hiding) }, id, {
      decision: 'publish',
    });
    expect(await refusal(publishing)).toMatchObject({
      code: 'CONFLICT',
      errors: [expect.objectContaining({ path: 'status', code: 'comment_moderated' })],
    });
    expect(await stored(id)).toMatchObject({ status: 'hidden', reason: '含有他人电话号码' });
    expect(await auditRows(t.database.db, 'comment.publish', id)).toEqual([]);
  });

  it('still lets a moderator change a decision they have seen', async () => {
    const id = await pendingComment();
    await moderateComment(firstCtx, id, { decision: 'hide', reason: '与建议无关' });
    const published = await moderateComment(secondCtx, id, { decision: 'publish' });
    expect(published).toMatchObject({ status: 'published' });
    expect(await stored(id)).toMatchObject({ status: 'published', reason: null });
  });
});
