import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../context.js';
import { notifications } from '../../kernel/schema.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { type District, makeDistrict, signedIn } from '../../test-support/factories.js';
import { makeCampaign, makeSuggestion } from '../../test-support/factories-ideas.js';
import { contextOf, racing, refusal, sideBySide } from '../../test-support/racing.js';
import { publishList } from './commands/publishList.js';
import { saveList } from './commands/saveList.js';
import { ideaListEntries, ideaLists } from './schema.js';
import { auditRows } from './test-helpers.js';

let t: TestContext;
let tree: District;
let office: TestClient;
let officeCtx: ServiceContext;
let otherTab: ServiceContext;

beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  tree = await makeDistrict(t);
  office = await signedIn(t, 'admin', tree.district);
  await makeCampaign(office);
  officeCtx = await contextOf(t, office);
  otherTab = await contextOf(t, office);
});
afterAll(() => t.close());

const meanwhile = (work: () => Promise<unknown>): ServiceContext => ({
  ...officeCtx,
  db: racing(officeCtx.db, work),
});
const entry = async (rank: number, citation = '贴近民生') => {
  const made = await makeSuggestion(t, { town: tree.town, state: 'accepted', screener: office });
  return { entry: { rank, suggestionId: made.id, memberIds: [], title: `点子${rank}`, citation }, made };
};
const honoured = async (trackingCode: string) =>
  t.database.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.trackingCode, trackingCode), eq(notifications.key, 'ideas.notice.honoured')));
const entriesOf = async (listId: string) =>
  (await t.database.db.select().from(ideaListEntries).where(eq(ideaListEntries.listId, listId))).map(
    (e) => e.citation,
  );

describe('a list published from two tabs at once', () => {
  it('is published once: the second is refused and every author is told once', async () => {
    const one = await entry(1);
    const saved = await saveList(officeCtx, 'golden_idea', { entries: [one.entry] });
    const refused = await refusal(
      publishList(
        meanwhile(() => publishList(otherTab, 'golden_idea')),
        'golden_idea',
      ),
    );
    expect(refused).toMatchObject({ code: 'INVALID_STATE' });
    expect(await honoured(one.made.trackingCode)).toHaveLength(1);
    expect(await auditRows(t.database.db, 'list.publish', saved.id!)).toHaveLength(1);
  });
});

describe('a list saved while it is published', () => {
  it('publishes the entries saved before it, and tells their authors, not those of the ones it loaded', async () => {
    const first = await entry(1);
    const second = await entry(1, '改后的推荐语');
    const saved = await saveList(officeCtx, 'good_idea', { entries: [first.entry] });
    const published = await publishList(
      meanwhile(() => saveList(otherTab, 'good_idea', { entries: [second.entry] })),
      'good_idea',
    );
    expect(published.entries.map((e) => e.citation)).toEqual(['改后的推荐语']);
    expect(await honoured(second.made.trackingCode)).toHaveLength(1);
    expect(await honoured(first.made.trackingCode)).toEqual([]);
    const [audit] = await auditRows(t.database.db, 'list.publish', saved.id!);
    expect(audit!.after).toMatchObject({ entries: 1 });
  });

  it('refuses a save once the list was published meanwhile: the public list stays as published', async () => {
    const first = await entry(1);
    const second = await entry(1, '发布后改的');
    const saved = await saveList(officeCtx, 'hard_problem', { entries: [first.entry] });
    const refused = await refusal(
      saveList(
        meanwhile(() => publishList(otherTab, 'hard_problem')),
        'hard_problem',
        {
          entries: [second.entry],
        },
      ),
    );
    expect(refused).toMatchObject({ code: 'INVALID_STATE' });
    expect(await entriesOf(saved.id!)).toEqual(['贴近民生']);
    const [list] = await t.database.db.select().from(ideaLists).where(eq(ideaLists.id, saved.id!));
    expect(list!.publishedAt).not.toBeNull();
    expect(await auditRows(t.database.db, 'list.save', saved.id!)).toHaveLength(1);
  });
});

describe('one suggestion on both idea lists', () => {
  it('is refused: an idea is golden or good, never both', async () => {
    const one = await entry(1);
    // Both idea lists start again as drafts: the tests above published them.
    await t.database.db.delete(ideaLists).where(inArray(ideaLists.kind, ['golden_idea', 'good_idea']));
    await saveList(officeCtx, 'golden_idea', { entries: [one.entry] });
    const refused = await office.put<{ errors: Array<{ path: string; code: string }> }>(
      '/api/v1/ideas/lists/good_idea',
      { entries: [one.entry] },
    );
    expect(refused.status).toBe(409);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ path: 'entries.0.suggestionId', code: 'on_other_list' }),
    ]);
  });
});

describe('one suggestion put on both idea lists at once', () => {
  it('lands on one of them: the other save is refused as on the other list', async () => {
    const one = await entry(1);
    await t.database.db.delete(ideaLists).where(inArray(ideaLists.kind, ['golden_idea', 'good_idea']));
    // Each save checks the other list before either has committed, unless the guard holds one back.
    const inStep = sideBySide(2, 'before commit');
    const outcomes = await Promise.all([
      refusal(saveList(inStep(officeCtx), 'golden_idea', { entries: [one.entry] })),
      refusal(saveList(inStep(otherTab), 'good_idea', { entries: [one.entry] })),
    ]);
    expect(outcomes.filter((o) => o !== undefined)).toEqual([
      expect.objectContaining({
        code: 'CONFLICT',
        errors: [expect.objectContaining({ path: 'entries.0.suggestionId', code: 'on_other_list' })],
      }),
    ]);
    const holding = await t.database.db
      .select({ kind: ideaLists.kind })
      .from(ideaListEntries)
      .innerJoin(ideaLists, eq(ideaLists.id, ideaListEntries.listId))
      .where(eq(ideaListEntries.suggestionId, one.made.id));
    expect(holding).toHaveLength(1);
  });
});
