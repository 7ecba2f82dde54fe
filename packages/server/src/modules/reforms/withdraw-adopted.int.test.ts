import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../audit/schema.js';
import { notifications } from '../../kernel/schema.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { type District, makeDistrict, signedIn } from '../../test-support/factories.js';
import { makeCampaign, makeSuggestion } from '../../test-support/factories-ideas.js';
import { contextOf, racing, refusal } from '../../test-support/racing.js';
import { deleteProject } from './commands/deleteProject.js';
import type { ReformProject } from './contracts.js';
import type { ReformAdoption, SuggestionReforms } from './contracts-adoption.js';
import { reformProjectSuggestions, reformProjects } from './schema.js';
import {
  auditCount,
  auditOf,
  refusedInBoth,
  suggestionNotices,
  timelineCount,
  trackedTimeline,
} from './test-helpers.js';

/**
 * Deleting a reform project taken up from a citizen's suggestion (采纳转化): the campaign's office
 * alone, with a reason; the suggestion's timeline, author and followers are told in the same
 * transaction, and a refusal writes nothing.
 */
let t: TestContext;
let tree: District;
let office: TestClient;
let unitOffice: TestClient;
let staff: TestClient;
let author: TestClient & { user: { id: string } };
let fan: TestClient & { user: { id: string } };
let supporter: TestClient & { user: { id: string } };
let listId: string;
let made = 0;

beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  tree = await makeDistrict(t);
  office = await signedIn(t, 'admin', tree.district);
  // The office over the lead unit only: it deletes the unit's projects, not one from a suggestion.
  unitOffice = await signedIn(t, 'admin', tree.department);
  staff = await signedIn(t, 'department_staff', tree.department);
  author = await signedIn(t, 'citizen', tree.district);
  fan = await signedIn(t, 'citizen', tree.district);
  supporter = await signedIn(t, 'citizen', tree.district);
  await makeCampaign(office);
  listId = (await office.post<{ id: string }>('/api/v1/reforms/lists', { name: '撤销测试清单' })).body.id;
});
afterAll(() => t.close());

const project = (name: string) => {
  made += 1;
  return {
    code: `QJGG-W${String(made).padStart(3, '0')}`,
    name,
    listId,
    source: 'local',
    leadUnitId: tree.department.id,
    startDate: '2026-01-01',
    endDate: '2027-06-30',
  };
};

/** A suggestion the campaign adopted, followed and supported, that became a new reform project. */
async function adoptedProject() {
  const s = await makeSuggestion(t, { town: tree.town, state: 'accepted', screener: office, author });
  const action = await office.post('/api/v1/ideas/actions', {
    suggestionId: s.id,
    title: '开通高铁站公交接驳专线',
    ownerUnitId: tree.department.id,
    dueOn: '2027-06-30',
  });
  expect(action.status).toBe(201);
  expect((await fan.put(`/api/v1/me/following/${s.id}`)).status).toBe(200);
  expect((await supporter.post(`/api/v1/public/suggestions/${s.id}/support`)).status).toBe(200);
  const adopted = await office.post<ReformAdoption>('/api/v1/reforms/adoptions/new-project', {
    suggestionId: s.id,
    project: project('高铁站公交接驳专线改革'),
  });
  expect(adopted.status).toBe(201);
  return { suggestion: s, projectId: adopted.body.projects[0]!.id };
}

const plainProject = async () => {
  const created = await office.post<{ id: string }>('/api/v1/reforms/projects', project('误录的项目'));
  expect(created.status).toBe(201);
  return created.body.id;
};

const track = (code: string) => trackedTimeline(t, code);
const withdrawnNotices = (suggestionId: string) =>
  suggestionNotices(t, suggestionId, 'ideas.notice.reformWithdrawn');

/** What a refused deletion must leave as it was. */
const snapshot = async () => ({
  projects: (await t.database.db.select().from(reformProjects)).length,
  links: (await t.database.db.select().from(reformProjectSuggestions)).length,
  timeline: await timelineCount(t),
  notices: (await t.database.db.select().from(notifications)).length,
  audit: await auditCount(t),
});

const remove = (who: TestClient, id: string, body?: unknown, headers: Record<string, string> = {}) =>
  who.request('DELETE', `/api/v1/reforms/projects/${id}`, body, headers);

describe('who may delete a project taken up from a suggestion', () => {
  it('shows the suggestions it came from, and the delete action to the campaign’s office alone', async () => {
    const { suggestion, projectId } = await adoptedProject();
    const seen = (await office.get<ReformProject>(`/api/v1/reforms/projects/${projectId}`)).body;
    expect(seen.fromSuggestions.map((s) => s.id)).toEqual([suggestion.id]);
    expect(seen.actions.delete).toBe(true);
    const byUnit = (await unitOffice.get<ReformProject>(`/api/v1/reforms/projects/${projectId}`)).body;
    expect(byUnit.actions).toMatchObject({ assign: true, delete: false });
    const plain = await plainProject();
    const plainByUnit = (await unitOffice.get<ReformProject>(`/api/v1/reforms/projects/${plain}`)).body;
    expect(plainByUnit).toMatchObject({ fromSuggestions: [], actions: { delete: true } });
  });

  it('refuses the lead unit’s staff and the office over the lead unit, reason or not, writing nothing', async () => {
    const { projectId } = await adoptedProject();
    const before = await snapshot();
    expect((await remove(staff, projectId, { reason: '项目重复立项，予以撤销' })).status).toBe(403);
    const byUnit = await remove(unitOffice, projectId, { reason: '项目重复立项，予以撤销' });
    expect(byUnit).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expect((await remove(unitOffice, projectId)).status).toBe(403);
    expect(await snapshot()).toEqual(before);
  });

  it('lets the office over the lead unit delete a project no suggestion became, without a reason, as before', async () => {
    const id = await plainProject();
    const before = await snapshot();
    expect((await remove(unitOffice, id)).status).toBe(204);
    expect(await auditOf(t, id)).toEqual(['reformProject.create', 'reformProject.delete']);
    const after = await snapshot();
    // Only the project and its audit event: no timeline entry and no notice for anyone.
    expect(after).toEqual({ ...before, projects: before.projects - 1, audit: before.audit + 1 });
  });
});

describe('the reason', () => {
  it('is required, in both languages, and a refusal writes nothing', async () => {
    const { projectId } = await adoptedProject();
    await refusedInBoth(
      snapshot,
      (headers) => remove(office, projectId, undefined, headers),
      'reason',
      'required',
    );
    await refusedInBoth(snapshot, (headers) => remove(office, projectId, {}, headers), 'reason', 'required');
    await refusedInBoth(
      snapshot,
      (headers) => remove(office, projectId, { reason: '   ' }, headers),
      'reason',
      'too_small',
    );
    await refusedInBoth(
      snapshot,
      (headers) => remove(office, projectId, { reason: '撤'.repeat(501) }, headers),
      'reason',
      'too_big',
    );
  });
});

describe('the campaign’s office withdraws it', () => {
  it('tells the suggestion’s timeline, author, follower and supporter why, keeps it adopted, and audits it', async () => {
    const { suggestion, projectId } = await adoptedProject();
    const reason = '与区级项目重复，合并办理，联系人13912345678';
    const res = await remove(office, projectId, { reason });
    expect(res.status).toBe(204);
    expect((await office.get(`/api/v1/reforms/projects/${projectId}`)).status).toBe(404);

    // The public timeline says so, the reason's phone masked; the campaign's adoption stands.
    const tracked = await track(suggestion.trackingCode);
    expect(tracked.suggestion.status).toBe('adopted');
    expect(tracked.timeline.map((e) => e.kind).slice(-2)).toEqual(['reformProject', 'reformWithdrawn']);
    const entry = tracked.timeline.at(-1)!;
    expect(entry.params).toMatchObject({ projectId, projectName: '高铁站公交接驳专线改革' });
    expect(entry.params.reason).toMatch(/^与区级项目重复，合并办理，联系人139\*+5678$/);

    // Its page no longer claims the project.
    const shown = await t
      .client()
      .get<SuggestionReforms>(`/api/v1/public/reforms/suggestions/${suggestion.id}`);
    expect(shown.body.projects).toEqual([]);
    const links = await t.database.db
      .select()
      .from(reformProjectSuggestions)
      .where(eq(reformProjectSuggestions.suggestionId, suggestion.id));
    expect(links).toEqual([]);

    // The author (by account and by tracking code), the follower and the supporter, once each.
    const told = await withdrawnNotices(suggestion.id);
    expect(told.map((n) => n.userId).sort()).toEqual([author.user.id, fan.user.id, supporter.user.id].sort());
    expect(told.some((n) => n.trackingCode === suggestion.trackingCode)).toBe(true);
    for (const who of [author, fan, supporter]) {
      const inbox = await who.get<Array<{ key: string; params: Record<string, unknown> }>>('/api/v1/inbox');
      expect(inbox.body.find((n) => n.key === 'ideas.notice.reformWithdrawn')?.params).toMatchObject({
        suggestionId: suggestion.id,
        projectName: '高铁站公交接驳专线改革',
        reason: entry.params.reason,
      });
    }

    // Audited: what was deleted, the suggestions told, and the reason, its phone masked as every
    // audit entry keeps typed text.
    const [event] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, projectId), eq(auditEvents.action, 'reformProject.delete')));
    expect(event?.before).toMatchObject({ id: projectId, suggestionIds: [suggestion.id] });
    expect(event?.after).toEqual({ reason: '与区级项目重复，合并办理，联系人139****5678' });
  });

  it('refuses a deletion without a reason when a suggestion is linked after its checks, writing nothing', async () => {
    const id = await plainProject();
    const { suggestion } = await adoptedProject();
    const before = await snapshot();
    const ctx = await contextOf(t, unitOffice);
    // The campaign's office links an adopted suggestion to it while the unit's deletion is on its way.
    const crossing = deleteProject(
      {
        ...ctx,
        db: racing(ctx.db, async () => {
          const linked = await office.post('/api/v1/reforms/adoptions/projects', {
            suggestionId: suggestion.id,
            projectId: id,
          });
          expect(linked.status).toBe(201);
        }),
      },
      id,
    );
    expect(await refusal(crossing)).toMatchObject({ code: 'FORBIDDEN' });
    const after = await snapshot();
    // The link and its own timeline entry, notices and audit event are there; nothing of the deletion.
    expect(after.projects).toBe(before.projects);
    expect(after.links).toBe(before.links + 1);
    expect(await withdrawnNotices(suggestion.id)).toEqual([]);
    expect(await auditOf(t, id)).toEqual(['reformProject.create', 'reformAdoption.linkProject']);
  });
});
