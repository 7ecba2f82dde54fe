import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../audit/schema.js';
import { notifications } from '../../kernel/schema.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { type District, makeDistrict, signedIn } from '../../test-support/factories.js';
import { makeCampaign, makeSuggestion } from '../../test-support/factories-ideas.js';
import { contextOf, racing, refusal } from '../../test-support/racing.js';
import { deleteBattle } from './commands/deleteBattle.js';
import type { SuggestionReforms } from './contracts-adoption.js';
import { reformBattleSuggestions, reformBattles } from './schema.js';
import {
  auditCount,
  auditOf,
  refusedInBoth,
  suggestionNotices,
  timelineCount,
  trackedTimeline,
} from './test-helpers.js';

/**
 * A key battle deleted, or a citizen's suggestion taken off it: the office says why, and the
 * suggestion's timeline, author, followers and supporters are told, as they were told when it
 * went under the battle. Nothing leaves silently, and a refusal writes nothing.
 */
let t: TestContext;
let tree: District;
let office: TestClient;
let author: TestClient & { user: { id: string } };
let fan: TestClient & { user: { id: string } };
let supporter: TestClient & { user: { id: string } };
let made = 0;

beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  tree = await makeDistrict(t);
  office = await signedIn(t, 'admin', tree.district);
  author = await signedIn(t, 'citizen', tree.district);
  fan = await signedIn(t, 'citizen', tree.district);
  supporter = await signedIn(t, 'citizen', tree.district);
  await makeCampaign(office);
});
afterAll(() => t.close());

async function battle(): Promise<{ id: string; name: string }> {
  made += 1;
  const name = `营商环境攻坚战${made}`;
  const res = await office.post<{ id: string }>('/api/v1/reforms/battles', {
    name,
    leadUnitId: tree.department.id,
    step: 'rise',
  });
  expect(res.status).toBe(201);
  return { id: res.body.id, name };
}

/** A suggestion the campaign adopted: what may go under a battle. */
async function adopted() {
  const s = await makeSuggestion(t, { town: tree.town, state: 'accepted', screener: office, author });
  const action = await office.post('/api/v1/ideas/actions', {
    suggestionId: s.id,
    title: '开通高铁站公交接驳专线',
    ownerUnitId: tree.department.id,
    dueOn: '2027-06-30',
  });
  expect(action.status).toBe(201);
  return s;
}

/** A suggestion the campaign adopted, followed and supported, put under the battle. */
async function underBattle(battleId: string) {
  const s = await adopted();
  expect((await fan.put(`/api/v1/me/following/${s.id}`)).status).toBe(200);
  expect((await supporter.post(`/api/v1/public/suggestions/${s.id}/support`)).status).toBe(200);
  expect((await office.post(`/api/v1/reforms/battles/${battleId}/suggestions`, { id: s.id })).status).toBe(
    200,
  );
  return s;
}

const track = (code: string) => trackedTimeline(t, code);
const noticesOf = (suggestionId: string, key: string) => suggestionNotices(t, suggestionId, key);

/** What a refused change must leave as it was. */
const snapshot = async () => ({
  battles: (await t.database.db.select().from(reformBattles)).length,
  links: (await t.database.db.select().from(reformBattleSuggestions)).length,
  timeline: await timelineCount(t),
  notices: (await t.database.db.select().from(notifications)).length,
  audit: await auditCount(t),
});

const remove = (id: string, body?: unknown, headers: Record<string, string> = {}) =>
  office.request('DELETE', `/api/v1/reforms/battles/${id}`, body, headers);
const unlink = (id: string, target: string, body?: unknown, headers: Record<string, string> = {}) =>
  office.request('DELETE', `/api/v1/reforms/battles/${id}/suggestions/${target}`, body, headers);

/** The author (by account and tracking code), the follower and the supporter were told, once each. */
async function everyoneTold(suggestion: { id: string; trackingCode: string }, key: string) {
  const told = await noticesOf(suggestion.id, key);
  expect(told.map((n) => n.userId).sort()).toEqual([author.user.id, fan.user.id, supporter.user.id].sort());
  expect(told.some((n) => n.trackingCode === suggestion.trackingCode)).toBe(true);
}

describe('deleting a key battle', () => {
  it('needs no reason when no suggestion is under it, and tells no one', async () => {
    const b = await battle();
    const before = await snapshot();
    expect((await remove(b.id)).status).toBe(204);
    expect(await snapshot()).toEqual({ ...before, battles: before.battles - 1, audit: before.audit + 1 });
  });

  it('needs a reason, in both languages, while a suggestion is under it; a refusal writes nothing', async () => {
    const b = await battle();
    await underBattle(b.id);
    await refusedInBoth(snapshot, (headers) => remove(b.id, undefined, headers), 'reason', 'required');
    await refusedInBoth(
      snapshot,
      (headers) => remove(b.id, { reason: '  ' }, headers),
      'reason',
      'too_small',
    );
  });

  it('tells the suggestion’s timeline, author, follower and supporter why, and audits it', async () => {
    const b = await battle();
    const s = await underBattle(b.id);
    const reason = '与区级攻坚战合并推进，联系人13912345678';
    expect((await remove(b.id, { reason })).status).toBe(204);

    const entry = (await track(s.trackingCode)).timeline.at(-1)!;
    expect(entry.kind).toBe('reformBattleDeleted');
    expect(entry.params).toMatchObject({ battleId: b.id, battleName: b.name });
    expect(entry.params.reason).toMatch(/^与区级攻坚战合并推进，联系人139\*+5678$/);
    await everyoneTold(s, 'ideas.notice.reformBattleDeleted');
    const shown = await t.client().get<SuggestionReforms>(`/api/v1/public/reforms/suggestions/${s.id}`);
    expect(shown.body.battles).toEqual([]);

    const [event] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, b.id), eq(auditEvents.action, 'reformBattle.delete')));
    expect(event?.before).toMatchObject({ id: b.id, suggestionIds: [s.id] });
    expect(event?.after).toEqual({ reason });
  });

  it('refuses a deletion without a reason when a suggestion goes under it after its checks', async () => {
    const b = await battle();
    const s = await adopted();
    const ctx = await contextOf(t, office);
    const crossing = deleteBattle(
      {
        ...ctx,
        db: racing(ctx.db, async () => {
          const linked = await office.post(`/api/v1/reforms/battles/${b.id}/suggestions`, { id: s.id });
          expect(linked.status).toBe(200);
        }),
      },
      b.id,
    );
    expect(await refusal(crossing)).toMatchObject({ code: 'VALIDATION' });
    expect(await auditOf(t, b.id)).toEqual(['reformBattle.create', 'reformBattle.linkSuggestion']);
    expect(await noticesOf(s.id, 'ideas.notice.reformBattleDeleted')).toEqual([]);
  });
});

describe('taking a suggestion off a battle', () => {
  it('needs a reason, in both languages; a refusal writes nothing', async () => {
    const b = await battle();
    const s = await underBattle(b.id);
    await refusedInBoth(snapshot, (headers) => unlink(b.id, s.id, undefined, headers), 'reason', 'required');
  });

  it('tells everyone why; taking off one that is not under it needs no reason and tells no one', async () => {
    const b = await battle();
    const s = await underBattle(b.id);
    const res = await unlink(b.id, s.id, { reason: '该建议已由其他项目落实' });
    expect(res.status).toBe(200);
    const entry = (await track(s.trackingCode)).timeline.at(-1)!;
    expect(entry).toMatchObject({
      kind: 'reformBattleUnlinked',
      params: { battleId: b.id, battleName: b.name, reason: '该建议已由其他项目落实' },
    });
    await everyoneTold(s, 'ideas.notice.reformBattleUnlinked');

    const before = await snapshot();
    expect((await unlink(b.id, s.id)).status).toBe(200);
    expect((await snapshot()).timeline).toBe(before.timeline);
    expect((await snapshot()).notices).toBe(before.notices);
  });
});
