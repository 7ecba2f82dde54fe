import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../context.js';
import { notifications } from '../../kernel/schema.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { type District, makeDistrict, signedIn } from '../../test-support/factories.js';
import { makeCampaign, makeSuggestion, type SuggestionState } from '../../test-support/factories-ideas.js';
import { contextOf, racing, refusal } from '../../test-support/racing.js';
import { mergeSuggestion } from './commands/mergeSuggestion.js';
import { publishList } from './commands/publishList.js';
import { rejectSuggestion } from './commands/rejectSuggestion.js';
import { saveList } from './commands/saveList.js';
import { ideaListEntries, ideaLists, ideaSuggestions } from './schema.js';

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
// Each test starts from draft lists of its own.
beforeEach(async () => {
  await t.database.db.delete(ideaLists);
});

const suggestion = async (state: SuggestionState = 'accepted') =>
  (await makeSuggestion(t, { town: tree.town, state, screener: office })).id;
const idea = (rank: number, suggestionId: string) => ({
  rank,
  suggestionId,
  memberIds: [],
  title: `点子${rank}`,
  citation: '贴近民生',
});
const problem = (rank: number, memberIds: string[]) => ({
  rank,
  suggestionId: null,
  memberIds,
  title: `难题${rank}`,
  citation: '',
});
const statusOf = async (id: string) =>
  (await t.database.db.select().from(ideaSuggestions).where(eq(ideaSuggestions.id, id)))[0]!.status;

describe('an honour list saved with suggestions screening did not let through', () => {
  it('refuses a rejected or unscreened suggestion, naming the entry', async () => {
    const good = await suggestion();
    const rejected = await suggestion('rejected');
    const unscreened = await suggestion('submitted');
    const refused = await office.put<{ errors: Array<{ path: string; code: string }> }>(
      '/api/v1/ideas/lists/golden_idea',
      { entries: [idea(1, good), idea(2, rejected), idea(3, unscreened)] },
    );
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ path: 'entries.1.suggestionId', code: 'not_listable' }),
      expect.objectContaining({ path: 'entries.2.suggestionId', code: 'not_listable' }),
    ]);
    expect(await t.database.db.select().from(ideaListEntries)).toEqual([]);
  });

  it('saves a hard problem whose cluster holds a merged member: members are its evidence', async () => {
    const kept = await suggestion();
    const merged = await suggestion();
    await mergeSuggestion.run(officeCtx, { ids: [merged], into: kept });
    const saved = await saveList(officeCtx, 'hard_problem', { entries: [problem(1, [kept, merged])] });
    expect(saved.entries).toHaveLength(1);
  });
});

describe('a list published with an entry rejected since it was saved', () => {
  it('is refused and stays a draft', async () => {
    const id = await suggestion();
    const saved = await saveList(officeCtx, 'good_idea', { entries: [idea(1, id)] });
    // As a list saved before screening held its suggestions to it: the entry is rejected since.
    await t.database.db.update(ideaSuggestions).set({ status: 'rejected' }).where(eq(ideaSuggestions.id, id));
    const refused = await refusal(publishList(officeCtx, 'good_idea'));
    expect(refused).toMatchObject({
      code: 'INVALID_STATE',
      errors: [expect.objectContaining({ path: 'entries.0.suggestionId', code: 'not_listable' })],
    });
    const [list] = await t.database.db.select().from(ideaLists).where(eq(ideaLists.id, saved.id!));
    expect(list!.publishedAt).toBeNull();
  });
});

describe('a suggestion an honour list names, rejected or merged', () => {
  it('is refused on a published list, and on a draft one, and stays accepted', async () => {
    const published = await suggestion();
    const draft = await suggestion();
    await saveList(officeCtx, 'golden_idea', { entries: [idea(1, published)] });
    await publishList(officeCtx, 'golden_idea');
    await saveList(officeCtx, 'good_idea', { entries: [idea(1, draft)] });
    const rejecting = await refusal(
      rejectSuggestion.run(screenerCtx, { ids: [draft, published], reason: 'off_topic' }),
    );
    expect(rejecting).toMatchObject({
      code: 'CONFLICT',
      errors: [
        expect.objectContaining({ path: 'ids.0', code: 'on_draft_list' }),
        expect.objectContaining({ path: 'ids.1', code: 'on_published_list' }),
      ],
    });
    const into = await suggestion();
    const merging = await refusal(mergeSuggestion.run(screenerCtx, { ids: [published], into }));
    expect(merging).toMatchObject({
      code: 'CONFLICT',
      errors: [expect.objectContaining({ path: 'ids.0', code: 'on_published_list' })],
    });
    expect([await statusOf(published), await statusOf(draft)]).toEqual(['accepted', 'accepted']);
  });

  it('goes on as a member of a hard problem, whose honour its author is then not told of', async () => {
    const member = await suggestion();
    const rejected = await suggestion();
    await saveList(officeCtx, 'hard_problem', { entries: [problem(1, [member, rejected])] });
    await rejectSuggestion.run(screenerCtx, { ids: [rejected], reason: 'off_topic' });
    expect(await statusOf(rejected)).toBe('rejected');
    await publishList(officeCtx, 'hard_problem');
    const told = await t.database.db
      .select({ params: notifications.params })
      .from(notifications)
      .where(eq(notifications.key, 'ideas.notice.honoured'));
    const about = told.map((n) => n.params.suggestionId);
    expect(about).toContain(member);
    expect(about).not.toContain(rejected);
  });

  it("is refused when the list took it after the screener's checks", async () => {
    const id = await suggestion();
    const refused = await refusal(
      rejectSuggestion.run(
        {
          ...screenerCtx,
          db: racing(screenerCtx.db, () => saveList(officeCtx, 'golden_idea', { entries: [idea(1, id)] })),
        },
        { ids: [id], reason: 'off_topic' },
      ),
    );
    expect(refused).toMatchObject({ errors: [expect.objectContaining({ code: 'on_draft_list' })] });
    expect(await statusOf(id)).toBe('accepted');
  });
});
