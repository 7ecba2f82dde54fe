import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../context.js';
import { notifications } from '../../kernel/schema.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { type District, makeDistrict, signedIn } from '../../test-support/factories.js';
import { makeCampaign, makeSuggestion, type SuggestionState } from '../../test-support/factories-ideas.js';
import { contextOf, racing, refusal } from '../../test-support/racing.js';
import { acceptSuggestion } from './commands/acceptSuggestion.js';
import { adoptIdea } from './commands/adoptIdea.js';
import { mergeSuggestion } from './commands/mergeSuggestion.js';
import { rejectSuggestion } from './commands/rejectSuggestion.js';
import { ideaActions, ideaSuggestions, ideaTimeline } from './schema.js';
import { auditRows } from './test-helpers.js';

let t: TestContext;
let tree: District;
let office: TestClient;
let officeCtx: ServiceContext;
let screenerCtx: ServiceContext;

beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  tree = await makeDistrict(t);
  office = await signedIn(t, 'admin', tree.district);
  await makeCampaign(office);
  officeCtx = await contextOf(t, office);
  screenerCtx = await contextOf(t, await signedIn(t, 'screener', tree.district));
});
afterAll(() => t.close());

/** `ctx`, its database doing `meanwhile` (another user's decision) after the checks, before the write. */
const meanwhile = (ctx: ServiceContext, work: () => Promise<unknown>): ServiceContext => ({
  ...ctx,
  db: racing(ctx.db, work),
});
const suggestion = async (state: SuggestionState = 'submitted') =>
  (await makeSuggestion(t, { town: tree.town, state, screener: office })).id;
const statusOf = async (id: string) =>
  (await t.database.db.select().from(ideaSuggestions).where(eq(ideaSuggestions.id, id)))[0]!;
const timelineOf = async (id: string) =>
  (await t.database.db.select().from(ideaTimeline).where(eq(ideaTimeline.suggestionId, id))).map(
    (e) => e.kind,
  );
const noticesOf = async (trackingCode: string) =>
  (await t.database.db.select().from(notifications).where(eq(notifications.trackingCode, trackingCode))).map(
    (n) => n.key,
  );
const trackingOf = async (id: string) => (await statusOf(id)).trackingCode;

describe('two screeners deciding on one suggestion at once', () => {
  it('refuses the rejection of a suggestion accepted meanwhile: the author hears of the acceptance only', async () => {
    const id = await suggestion();
    const refused = await refusal(
      rejectSuggestion.run(
        meanwhile(screenerCtx, () => acceptSuggestion.run(officeCtx, { ids: [id] })),
        { ids: [id], reason: 'off_topic' },
      ),
    );
    expect(refused).toMatchObject({ code: 'INVALID_STATE' });
    expect((await statusOf(id)).status).toBe('accepted');
    expect(await timelineOf(id)).toEqual(['submitted', 'accepted']);
    expect(await noticesOf(await trackingOf(id))).not.toContain('ideas.notice.rejected');
    expect(await auditRows(t.database.db, 'suggestion.reject', id)).toEqual([]);
  });

  it('refuses the acceptance of a suggestion rejected meanwhile', async () => {
    const id = await suggestion();
    const refused = await refusal(
      acceptSuggestion.run(
        meanwhile(screenerCtx, () => rejectSuggestion.run(officeCtx, { ids: [id], reason: 'duplicate' })),
        { ids: [id] },
      ),
    );
    expect(refused).toMatchObject({ code: 'INVALID_STATE' });
    expect(await statusOf(id)).toMatchObject({ status: 'rejected', rejectReason: 'duplicate' });
    expect(await timelineOf(id)).toEqual(['submitted', 'rejected']);
    expect(await auditRows(t.database.db, 'suggestion.accept', id)).toEqual([]);
  });
});

describe('the office adopting while a screener decides', () => {
  const adoption = (id: string) => ({
    suggestionId: id,
    title: '开通高铁站公交专线',
    ownerUnitId: tree.department.id,
    dueOn: '2099-06-30',
  });

  it('refuses to adopt a suggestion rejected meanwhile: no task, and it stays rejected', async () => {
    const id = await suggestion('accepted');
    const refused = await refusal(
      adoptIdea(
        meanwhile(officeCtx, () => rejectSuggestion.run(screenerCtx, { ids: [id], reason: 'off_topic' })),
        adoption(id),
      ),
    );
    expect(refused).toMatchObject({ code: 'INVALID_STATE' });
    expect((await statusOf(id)).status).toBe('rejected');
    expect(await t.database.db.select().from(ideaActions).where(eq(ideaActions.suggestionId, id))).toEqual(
      [],
    );
    expect(await timelineOf(id)).toEqual(['submitted', 'accepted', 'rejected']);
    expect(await noticesOf(await trackingOf(id))).not.toContain('ideas.notice.adopted');
  });

  it('refuses to reject a suggestion adopted meanwhile', async () => {
    const id = await suggestion('accepted');
    const refused = await refusal(
      rejectSuggestion.run(
        meanwhile(screenerCtx, () => adoptIdea(officeCtx, adoption(id))),
        { ids: [id], reason: 'off_topic' },
      ),
    );
    expect(refused).toMatchObject({ code: 'INVALID_STATE' });
    expect((await statusOf(id)).status).toBe('adopted');
    expect(await timelineOf(id)).toEqual(['submitted', 'accepted', 'adopted']);
  });
});

describe('merging into a suggestion merged elsewhere meanwhile', () => {
  it('refuses: the merged one keeps its state and the target gains no supports', async () => {
    const [a, b, c] = [
      await suggestion('accepted'),
      await suggestion('accepted'),
      await suggestion('accepted'),
    ];
    const refused = await refusal(
      mergeSuggestion.run(
        meanwhile(screenerCtx, () => mergeSuggestion.run(officeCtx, { ids: [b], into: c })),
        { ids: [a], into: b },
      ),
    );
    expect(refused).toMatchObject({ code: 'INVALID_STATE', errors: [{ path: 'into', message: 'merged' }] });
    expect(await statusOf(a)).toMatchObject({ status: 'accepted', mergedInto: null });
    expect(await statusOf(b)).toMatchObject({ status: 'merged', mergedInto: c });
    expect(await timelineOf(a)).toEqual(['submitted', 'accepted']);
    expect(await auditRows(t.database.db, 'suggestion.merge', a)).toEqual([]);
  });
});
