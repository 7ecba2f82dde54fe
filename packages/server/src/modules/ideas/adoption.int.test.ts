import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { ideaListEntries, ideaLists } from './schema.js';
import { auditRows, sampleSuggestion, showOnSubmission, unitId } from './test-helpers.js';

let t: TestContext;
let office: TestClient;
beforeAll(async () => {
  t = await createTestContext();
  office = await t.as('office');
  await showOnSubmission(office);
  // The demo publishes every list; make the good-idea list a fresh draft for these tests.
  const [good] = await t.database.db.select().from(ideaLists).where(eq(ideaLists.kind, 'good_idea'));
  await t.database.db.delete(ideaListEntries).where(eq(ideaListEntries.listId, good!.id));
  await t.database.db.delete(ideaLists).where(eq(ideaLists.id, good!.id));
});
afterAll(() => t.close());

type List = { kind: string; publishedAt: string | null; entries: Array<{ title: string; citation: string }> };

describe('honour lists', () => {
  it('proposes golden ideas by review score and hard problems by cluster heat', async () => {
    const golden = await office.get<Array<{ suggestionId: string; score: number }>>(
      '/api/v1/ideas/lists/golden_idea/candidates',
    );
    expect(golden.status).toBe(200);
    expect(golden.body.length).toBeGreaterThan(0);
    expect(golden.body[0]!.score).toBeGreaterThanOrEqual(golden.body.at(-1)!.score);
    const hard = await office.get<Array<{ memberIds: string[]; score: number }>>(
      '/api/v1/ideas/lists/hard_problem/candidates',
    );
    expect(hard.body[0]!.memberIds.length).toBeGreaterThan(1);
    expect((await (await t.as('screener')).get('/api/v1/ideas/lists/golden_idea/candidates')).status).toBe(
      403,
    );
  });

  it('saves a draft with citations, publishes it once, and audits both', async () => {
    const candidates = await office.get<Array<{ suggestionId: string; title: string }>>(
      '/api/v1/ideas/lists/good_idea/candidates',
    );
    // An idea is golden or good, never both: the published golden list's ideas are not offered.
    const [golden] = await t.database.db.select().from(ideaLists).where(eq(ideaLists.kind, 'golden_idea'));
    const goldenIds = (
      await t.database.db.select().from(ideaListEntries).where(eq(ideaListEntries.listId, golden!.id))
    ).map((e) => e.suggestionId);
    expect(goldenIds.length).toBeGreaterThan(0);
    expect(candidates.body.length).toBeGreaterThan(0);
    expect(candidates.body.filter((c) => goldenIds.includes(c.suggestionId))).toEqual([]);
    const entries = candidates.body
      .slice(0, 2)
      .map((c, i) => ({ rank: i + 1, suggestionId: c.suggestionId, title: c.title, citation: '贴近民生' }));
    // What the office types may quote a number: the office reads it as written, the public masked.
    entries[1] = {
      ...entries[1]!,
      title: `${entries[1]!.title}（联系人 13812345678）`,
      citation: '贴近民生，建议人身份证500114199001011234',
    };
    const saved = await office.put<List & { id: string }>('/api/v1/ideas/lists/good_idea', { entries });
    expect(saved.status).toBe(200);
    expect(saved.body.publishedAt).toBeNull();
    expect(saved.body.entries[1]!.citation).toBe('贴近民生，建议人身份证500114199001011234');
    const hidden = await t.client().get<List[]>('/api/v1/public/lists');
    expect(hidden.body.map((l) => l.kind)).not.toContain('good_idea');
    const dupRank = await office.put('/api/v1/ideas/lists/good_idea', {
      entries: [entries[0], { ...entries[1], rank: 1 }],
    });
    expect(dupRank.status).toBe(400);
    const published = await office.post<List>('/api/v1/ideas/lists/good_idea/publish');
    expect(published.body.publishedAt).not.toBeNull();
    const shown = await t.client().get<List[]>('/api/v1/public/lists');
    const good = shown.body.find((l) => l.kind === 'good_idea')!;
    expect(good.entries.map((e) => e.citation)).toEqual([
      '贴近民生',
      '贴近民生，建议人身份证5001**********1234',
    ]);
    expect(good.entries[1]!.title).toBe(`${candidates.body[1]!.title}（联系人 138****5678）`);
    expect((await office.put('/api/v1/ideas/lists/good_idea', { entries })).status).toBe(422);
    expect((await office.post('/api/v1/ideas/lists/good_idea/publish')).status).toBe(422);
    expect(await auditRows(t.database.db, 'list.save', saved.body.id)).toHaveLength(1);
    expect(await auditRows(t.database.db, 'list.publish', saved.body.id)).toHaveLength(1);
  });
});

describe('adoption', () => {
  it('turns a suggestion into a department task; authors and supporters follow every change', async () => {
    const citizen = await t.as('citizen');
    const fan = await t.as('enterprise');
    const dept = await t.as('dept');
    const made = await citizen.post<{ id: string; trackingCode: string }>(
      '/api/v1/public/suggestions',
      sampleSuggestion(await unitId(t.database.db, 'QJ-T02'), 1),
    );
    await fan.post(`/api/v1/public/suggestions/${made.body.id}/support`);
    await office.post(`/api/v1/ideas/suggestions/${made.body.id}/screen`, { decision: 'accept' });
    const owner = await unitId(t.database.db, 'QJ-D01');
    const adopted = await office.post<{ id: string; status: string }>('/api/v1/ideas/actions', {
      suggestionId: made.body.id,
      title: '开通高铁站公交专线',
      ownerUnitId: owner,
      dueOn: '2021-06-30',
    });
    expect(adopted.status).toBe(201);
    expect(await auditRows(t.database.db, 'action.adopt', adopted.body.id)).toHaveLength(1);
    const progress = await dept.post<{ progress: number; updates: unknown[] }>(
      `/api/v1/ideas/actions/${adopted.body.id}/progress`,
      {
        status: 'in_progress',
        progress: 50,
        note: 'route_opened',
      },
    );
    expect(progress.status).toBe(200);
    expect(progress.body.updates).toHaveLength(1);
    expect(await auditRows(t.database.db, 'action.progress', adopted.body.id)).toHaveLength(1);
    for (const who of [citizen, fan]) {
      const inbox = await who.get<Array<{ id: string; key: string }>>('/api/v1/inbox');
      expect(inbox.body.map((n) => n.key)).toEqual(
        expect.arrayContaining(['ideas.notice.adopted', 'ideas.notice.progress']),
      );
    }
    const track = await t.client().get<{
      suggestion: { status: string };
      timeline: Array<{ kind: string }>;
      actions: Array<{ progress: number }>;
    }>(`/api/v1/public/track/${made.body.trackingCode}`);
    expect(track.body.suggestion.status).toBe('adopted');
    expect(track.body.timeline.map((e) => e.kind)).toEqual(['submitted', 'accepted', 'adopted', 'progress']);
    expect(track.body.actions[0]!.progress).toBe(50);
    const publicActions = await t.client().get<Array<{ id: string }>>('/api/v1/public/actions');
    expect(publicActions.body.map((a) => a.id)).toContain(adopted.body.id);
  });

  it('lets only the owner department or the office report progress', async () => {
    const [entry] = await t.database.db
      .select()
      .from(ideaListEntries)
      .innerJoin(ideaLists, eq(ideaLists.id, ideaListEntries.listId))
      .where(and(eq(ideaLists.kind, 'golden_idea'), eq(ideaListEntries.rank, 9)));
    const other = await unitId(t.database.db, 'QJ-D02');
    const action = await office.post<{ id: string }>('/api/v1/ideas/actions', {
      entryId: entry!.idea_list_entries.id,
      title: '别的部门的任务',
      ownerUnitId: other,
      dueOn: '2021-12-31',
    });
    expect(action.status).toBe(201);
    const dept = await t.as('dept');
    const refused = await dept.post(`/api/v1/ideas/actions/${action.body.id}/progress`, {
      status: 'done',
      progress: 100,
    });
    expect(refused.status).toBe(404);
    expect(
      (
        await (
          await t.as('citizen')
        ).post(`/api/v1/ideas/actions/${action.body.id}/progress`, { status: 'done', progress: 100 })
      ).status,
    ).toBe(403);
    expect(
      (
        await office.post('/api/v1/ideas/actions', {
          title: '无来源',
          ownerUnitId: other,
          dueOn: '2021-12-31',
        })
      ).status,
    ).toBe(400);
  });

  it('marks an inbox message read, once, and only one’s own', async () => {
    const citizen = await t.as('citizen');
    const inbox = await citizen.get<Array<{ id: string; readAt: string | null }>>('/api/v1/inbox');
    const id = inbox.body[0]!.id;
    expect((await citizen.post(`/api/v1/inbox/${id}/read`)).status).toBe(204);
    expect((await (await t.as('enterprise')).post(`/api/v1/inbox/${id}/read`)).status).toBe(404);
    expect(await auditRows(t.database.db, 'inbox.read', id)).toHaveLength(1);
    expect((await t.client().get('/api/v1/inbox')).status).toBe(401);
  });
});
