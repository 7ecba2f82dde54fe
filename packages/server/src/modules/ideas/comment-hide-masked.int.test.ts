import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { type District, makeDistrict, signedIn } from '../../test-support/factories.js';
import { makeCampaign, makeSuggestion } from '../../test-support/factories-ideas.js';
import { ideaComments } from './schema.js';
import { auditRows } from './test-helpers.js';

/*
 * A moderator hiding a comment often quotes what was wrong with it, a phone number say: the
 * reason is kept and audited masked, as a list withdrawal's reason is.
 */

let t: TestContext;
let tree: District;
let office: TestClient;

beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  tree = await makeDistrict(t);
  office = await signedIn(t, 'admin', tree.district);
  await makeCampaign(office);
});
afterAll(() => t.close());

describe('the reason a comment is hidden for', () => {
  it('masks the phone numbers in it, in the audit log and on the moderation page', async () => {
    const { id: suggestionId } = await makeSuggestion(t, {
      town: tree.town,
      state: 'accepted',
      screener: office,
    });
    const made = await t
      .client()
      .post<{ id: string }>(`/api/v1/public/suggestions/${suggestionId}/comments`, {
        body: '有事请打我电话',
      });
    expect(made.status).toBe(201);
    const id = made.body.id;
    const screener = await signedIn(t, 'screener', tree.district);
    const hidden = await screener.post<{ reason: string }>(`/api/v1/ideas/comments/${id}/moderate`, {
      decision: 'hide',
      reason: '留有手机号 13812345678，不宜公开',
    });
    expect(hidden.status).toBe(200);
    expect(hidden.body.reason).toBe('留有手机号 138****5678，不宜公开');
    const [event] = await auditRows(t.database.db, 'comment.hide', id);
    expect(event?.after).toEqual({ status: 'hidden', reason: '留有手机号 138****5678，不宜公开' });
    expect(JSON.stringify(event)).not.toContain('13812345678');
    const [row] = await t.database.db.select().from(ideaComments).where(eq(ideaComments.id, id));
    expect(row?.reason).toBe('留有手机号 138****5678，不宜公开');
  });
});
