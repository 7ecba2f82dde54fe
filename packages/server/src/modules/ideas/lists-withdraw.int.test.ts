import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../context.js';
import { notifications } from '../../kernel/schema.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { type District, makeDistrict, signedIn } from '../../test-support/factories.js';
import { makeCampaign, makeSuggestion } from '../../test-support/factories-ideas.js';
import { contextOf } from '../../test-support/racing.js';
import { publishList } from './commands/publishList.js';
import { saveList } from './commands/saveList.js';
import { ideaActions, ideaLists, ideaReviews, ideaSuggestions } from './schema.js';
import { auditRows } from './test-helpers.js';

let t: TestContext;
let tree: District;
let office: TestClient;
let officeCtx: ServiceContext;

beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  tree = await makeDistrict(t);
  office = await signedIn(t, 'admin', tree.district);
  await makeCampaign(office);
  officeCtx = await contextOf(t, office);
});
afterAll(() => t.close());
// Each test starts from lists of its own.
beforeEach(async () => {
  await t.database.db.delete(ideaActions);
  await t.database.db.delete(ideaLists);
});

type Problem = { errors: Array<{ path: string; code: string }> };
type Withdrawal = { rank: number; withdrawnAt: string; entryId?: string; title?: string; reason?: string };
type List = {
  id: string;
  kind: string;
  entries: Array<{ id: string; rank: number; suggestionId: string | null }>;
  withdrawals: Withdrawal[];
  actions?: { withdraw: boolean };
};

const idea = async (rank: number) => {
  const made = await makeSuggestion(t, { town: tree.town, state: 'accepted', screener: office });
  return {
    made,
    entry: { rank, suggestionId: made.id, memberIds: [], title: `点子${rank}`, citation: '好' },
  };
};
/** A golden list of three published: its entries and their suggestions. */
async function published() {
  const ideas = [await idea(1), await idea(2), await idea(3)];
  await saveList(officeCtx, 'golden_idea', { entries: ideas.map((i) => i.entry) });
  const list = await publishList(officeCtx, 'golden_idea');
  return { list, ideas };
}
const withdraw = (client: TestClient, kind: string, entryId: string, reason: string) =>
  client.post<List & Problem>(`/api/v1/ideas/lists/${kind}/entries/${entryId}/withdraw`, { reason });
const told = (trackingCode: string) =>
  t.database.db
    .select()
    .from(notifications)
    .where(
      and(eq(notifications.trackingCode, trackingCode), eq(notifications.key, 'ideas.notice.listWithdrawn')),
    );

describe('the office withdraws an entry from a published list', () => {
  it('takes it off the public list, which says that its rank was withdrawn, and tells its author why', async () => {
    const { list, ideas } = await published();
    const second = list.entries[1]!;
    const done = await withdraw(
      office,
      'golden_idea',
      second.id,
      '经核实系抄袭他人文章，举报电话13812345678',
    );
    expect(done.status).toBe(200);
    // The others keep their published ranks.
    expect(done.body.entries.map((e) => e.rank)).toEqual([1, 3]);
    expect(done.body.withdrawals).toEqual([
      expect.objectContaining({ entryId: second.id, rank: 2, title: '点子2' }),
    ]);

    const publicLists = await t.client().get<List[]>('/api/v1/public/lists');
    const golden = publicLists.body.find((l) => l.kind === 'golden_idea')!;
    expect(golden.entries.map((e) => e.suggestionId)).toEqual([ideas[0]!.made.id, ideas[2]!.made.id]);
    // Its rank and day only: neither its title nor the reason.
    expect(golden.withdrawals).toEqual([{ rank: 2, withdrawnAt: expect.any(String) }]);
    const members = await t.client().get(`/api/v1/public/lists/entries/${second.id}/suggestions`);
    expect(members.status).toBe(404);

    const [notice, ...more] = await told(ideas[1]!.made.trackingCode);
    expect(more).toEqual([]);
    expect(notice!.params).toMatchObject({
      list: 'golden_idea',
      suggestionId: ideas[1]!.made.id,
      reason: expect.stringContaining('138****5678'),
    });
    expect(await told(ideas[0]!.made.trackingCode)).toEqual([]);

    const [audit, ...again] = await auditRows(t.database.db, 'list.withdrawEntry', list.id);
    expect(again).toEqual([]);
    expect(audit!.before).toMatchObject({
      entry: { rank: 2, suggestionId: ideas[1]!.made.id, withdrawnAt: null },
    });
    expect(audit!.after).toMatchObject({
      entry: { rank: 2, withdrawnAt: expect.any(String), reason: expect.not.stringContaining('13812345678') },
    });

    const staff = await office.get<List[]>('/api/v1/ideas/lists');
    expect(staff.body.find((l) => l.kind === 'golden_idea')).toMatchObject({
      actions: { withdraw: true },
      withdrawals: [expect.objectContaining({ rank: 2, reason: expect.stringContaining('138****5678') })],
    });
  });

  it('no longer holds its suggestion: it can then be rejected', async () => {
    const { list, ideas } = await published();
    const id = ideas[0]!.made.id;
    const held = await office.post<Problem>(`/api/v1/ideas/suggestions/${id}/screen`, {
      decision: 'reject',
      reason: 'off_topic',
    });
    expect(held.status).toBe(409);
    expect(held.body.errors).toEqual([expect.objectContaining({ code: 'on_published_list' })]);
    expect((await withdraw(office, 'golden_idea', list.entries[0]!.id, '作者本人申请撤回')).status).toBe(200);
    const rejected = await office.post(`/api/v1/ideas/suggestions/${id}/screen`, {
      decision: 'reject',
      reason: 'off_topic',
    });
    expect(rejected.status).toBe(200);
    const [row] = await t.database.db.select().from(ideaSuggestions).where(eq(ideaSuggestions.id, id));
    expect(row!.status).toBe('rejected');
  });
});

/** Two experts' submitted scores of the suggestions, best first: the lists' candidates rank by them. */
async function scored(ids: string[]) {
  for (let n = 0; n < 2; n++) {
    const expert = (await contextOf(t, await signedIn(t, 'expert', tree.district))).principal!.userId;
    await t.database.db.insert(ideaReviews).values(
      ids.map((suggestionId, i) => ({
        suggestionId,
        expertId: expert,
        scores: {},
        total: 90 - 10 * i,
        submittedAt: new Date(),
      })),
    );
  }
}

describe('an idea withdrawn from the published golden list', () => {
  it('is golden no longer: the good list offers it again and may take it', async () => {
    const { list, ideas } = await published();
    const [first, second, third] = ideas.map((i) => i.made.id);
    await scored([first!, second!, third!]);
    expect((await withdraw(office, 'golden_idea', list.entries[1]!.id, '作者本人申请撤回')).status).toBe(200);
    const offered = await office.get<Array<{ suggestionId: string }>>(
      '/api/v1/ideas/lists/good_idea/candidates',
    );
    expect(offered.status).toBe(200);
    // The two still golden are not offered.
    expect(offered.body.map((c) => c.suggestionId)).toEqual([second]);
    const saved = await saveList(officeCtx, 'good_idea', { entries: [ideas[1]!.entry] });
    expect(saved.entries.map((e) => e.suggestionId)).toEqual([second]);
  });

  it('all withdrawn, leaves the good list its best: the golden list’s first places are not skipped', async () => {
    const { list, ideas } = await published();
    const ids = ideas.map((i) => i.made.id);
    await scored(ids);
    for (const entry of list.entries)
      expect((await withdraw(office, 'golden_idea', entry.id, '作者本人申请撤回')).status).toBe(200);
    const offered = await office.get<Array<{ suggestionId: string }>>(
      '/api/v1/ideas/lists/good_idea/candidates',
    );
    expect(offered.status).toBe(200);
    expect(offered.body.map((c) => c.suggestionId)).toEqual(expect.arrayContaining(ids));
  });
});

describe('a withdrawal refused', () => {
  it('from a draft list, which is edited instead', async () => {
    const one = await idea(1);
    const draft = await saveList(officeCtx, 'good_idea', { entries: [one.entry] });
    const refused = await withdraw(office, 'good_idea', draft.entries[0]!.id, '作者本人申请撤回');
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([expect.objectContaining({ path: 'kind', code: 'list_draft' })]);
  });

  it('without a reason of a few words', async () => {
    const { list } = await published();
    const refused = await withdraw(office, 'golden_idea', list.entries[0]!.id, ' 抄袭 ');
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ path: 'reason', code: 'too_small' })]);
    const missing = await office.post<Problem>(
      `/api/v1/ideas/lists/golden_idea/entries/${list.entries[0]!.id}/withdraw`,
      {},
    );
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([expect.objectContaining({ path: 'reason' })]);
  });

  it('a second time, or for an entry of another list', async () => {
    const { list } = await published();
    const entry = list.entries[0]!.id;
    expect((await withdraw(office, 'golden_idea', entry, '作者本人申请撤回')).status).toBe(200);
    const again = await withdraw(office, 'golden_idea', entry, '作者本人申请撤回');
    expect(again.status).toBe(422);
    expect(again.body.errors).toEqual([
      expect.objectContaining({ path: 'entryId', code: 'entry_withdrawn' }),
    ]);
    await saveList(officeCtx, 'hard_problem', {
      entries: [{ ...(await idea(1)).entry, suggestionId: null }],
    });
    await publishList(officeCtx, 'hard_problem');
    expect((await withdraw(office, 'hard_problem', list.entries[1]!.id, '作者本人申请撤回')).status).toBe(
      404,
    );
  });

  it('then refuses an adoption of the withdrawn entry', async () => {
    const { list } = await published();
    const entryId = list.entries[0]!.id;
    await withdraw(office, 'golden_idea', entryId, '作者本人申请撤回');
    const refused = await office.post<Problem>('/api/v1/ideas/actions', {
      entryId,
      title: '落实撤销的点子',
      ownerUnitId: tree.department.id,
      dueOn: '2099-06-30',
    });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ path: 'entryId', code: 'entry_withdrawn' }),
    ]);
  });
});

describe('who may withdraw an entry', () => {
  it('is the office alone: a town admin, the organiser, a screener, an expert and a citizen are refused', async () => {
    const { list } = await published();
    const entry = list.entries[0]!.id;
    const others = await Promise.all([
      signedIn(t, 'admin', tree.town),
      signedIn(t, 'organiser', tree.district),
      signedIn(t, 'screener', tree.district),
      signedIn(t, 'expert', tree.district),
      signedIn(t, 'citizen', tree.district),
    ]);
    for (const other of others)
      expect((await withdraw(other, 'golden_idea', entry, '作者本人申请撤回')).status).toBe(403);
    expect((await withdraw(t.client(), 'golden_idea', entry, '作者本人申请撤回')).status).toBe(401);
    const staff = await signedIn(t, 'admin', tree.town);
    expect((await staff.get('/api/v1/ideas/lists')).status).toBe(403);
    expect(await auditRows(t.database.db, 'list.withdrawEntry', list.id)).toEqual([]);
  });
});
