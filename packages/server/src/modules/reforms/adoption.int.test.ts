import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSheet } from '../../excel/workbook.js';
import { notifications } from '../../kernel/schema.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import type { ReformImportReport, ReformList, ReformProject, ReformReport } from './contracts.js';
import type { ReformAdoption, SuggestionReforms } from './contracts-adoption.js';
import type { ReformBattleList } from './contracts-battles.js';
import type { PublicReformProject } from './contracts-public.js';
import { ledgerColumns } from './excel.js';
import { reformBattleSuggestions, reformProjectSuggestions, reformProjects } from './schema.js';
import { adoptFour, auditCount, auditOf, unitId, XLSX } from './test-helpers.js';

let t: TestContext;
let office: TestClient;
let dept: TestClient;
let citizen: TestClient;
let lists: ReformList[];
/** Adopted suggestions that became no project yet (the demo links three of its five; four more adopted here). */
let free: ReformAdoption[];
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'ideas', 'reforms'] });
  office = await t.as('office');
  dept = await t.as('dept');
  citizen = await t.as('citizen');
  lists = (await office.get<ReformList[]>('/api/v1/reforms/lists')).body;
  // The office adopts four more in the campaign first, as department tasks.
  const adopted = await adoptFour(t, office);
  expect(adopted.status).toBe(200);
  free = adopted.body.filter((a) => a.projects.length === 0);
  expect(free.length).toBeGreaterThanOrEqual(4);
});
afterAll(() => t.close());

/** The notices of one suggestion under `key`, the author's (by tracking code) and the accounts'. */
const noticesOf = (suggestionId: string, key: string) =>
  t.database.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.key, key), sql`${notifications.params}->>'suggestionId' = ${suggestionId}`))
    .orderBy(notifications.createdAt);

/** What a refused write must leave as it was. */
const snapshot = async () => ({
  projects: (await t.database.db.select().from(reformProjects)).length,
  links: (await t.database.db.select().from(reformProjectSuggestions)).length,
  battles: (await t.database.db.select().from(reformBattleSuggestions)).length,
  notices: (await t.database.db.select().from(notifications)).length,
  audit: await auditCount(t),
});

const publicReforms = async (id: string) =>
  (await t.client().get<SuggestionReforms>(`/api/v1/public/reforms/suggestions/${id}`)).body;

describe('the demo: adopted suggestions already taken up', () => {
  it('shows a suggestion’s project with its progress, and the project the suggestion back', async () => {
    const adopted = (await office.get<ReformAdoption[]>('/api/v1/reforms/adoptions')).body;
    const linked = adopted.filter((a) => a.projects.length > 0);
    expect(linked.length).toBeGreaterThanOrEqual(3);
    const one = linked[0]!;
    const shown = await publicReforms(one.suggestionId);
    expect(shown.projects[0]).toMatchObject({
      id: one.projects[0]!.id,
      leadUnit: expect.stringMatching(/^区/),
    });
    expect(shown.battles.length).toBeGreaterThan(0);
    const project = await t
      .client()
      .get<PublicReformProject>(`/api/v1/public/reforms/projects/${one.projects[0]!.id}`);
    expect(project.body.suggestions.map((s) => s.id)).toContain(one.suggestionId);
  });
});

describe('a suggestion becomes a reform project; its author and supporters follow it', () => {
  let project: ReformProject;
  const listId = () => lists[1]!.id;

  it('creates the project on a list with the suggestion linked, audited, and tells author and supporter', async () => {
    const a = free[0]!;
    expect((await citizen.post(`/api/v1/public/suggestions/${a.suggestionId}/support`)).status).toBe(200);
    const res = await office.post<ReformAdoption>('/api/v1/reforms/adoptions/new-project', {
      suggestionId: a.suggestionId,
      project: {
        code: 'QJGG-C901',
        name: '高铁站公交接驳专线改革',
        listId: listId(),
        source: 'local',
        leadUnitId: await unitId(t, 'QJ-D01'),
        startDate: '2026-01-01',
        endDate: '2027-06-30',
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.projects.map((p) => p.name)).toEqual(['高铁站公交接驳专线改革']);
    const projectId = res.body.projects[0]!.id;
    expect(await auditOf(t, projectId)).toEqual(['reformAdoption.createProject']);
    const told = await noticesOf(a.suggestionId, 'ideas.notice.reformProject');
    expect(told.some((n) => n.trackingCode)).toBe(true);
    const inbox =
      await citizen.get<Array<{ key: string; params: { projectName?: string } }>>('/api/v1/inbox');
    expect(inbox.body.find((n) => n.key === 'ideas.notice.reformProject')?.params.projectName).toBe(
      '高铁站公交接驳专线改革',
    );
    // The lead unit is told the project is its to lead, as for one the office creates directly.
    const lead = await dept.get<Array<{ key: string; params: unknown }>>('/api/v1/inbox');
    expect(lead.body.filter((n) => n.key === 'reforms.notice.assigned').map((n) => n.params)).toContainEqual({
      projectId,
      projectName: '高铁站公交接驳专线改革',
      endDate: '2027-06-30',
    });
    project = (await office.get<ReformProject>(`/api/v1/reforms/projects/${projectId}`)).body;
  });

  it('tells them when the milestones change its status and when the office approves one done', async () => {
    const a = free[0]!;
    const planned = await office.put<ReformProject>(`/api/v1/reforms/projects/${project.id}/milestones`, {
      milestones: [
        // A milestone's name may quote a number: the public reads it masked, on the project's page and here.
        { name: '开通试运行线路（联系人13812345678）', weight: 1, dueDate: '2026-03-31' },
        { name: '全线运营', weight: 3, dueDate: '2027-06-30' },
      ],
    });
    expect(planned.status).toBe(200);
    const report = await dept.post<ReformReport>('/api/v1/reforms/reports', {
      projectId: project.id,
      period: '2026-11',
      summary: '试运行线路已开通',
      items: [{ milestoneId: planned.body.milestoneList[0]!.id, done: 1, note: '已开通' }],
    });
    expect(report.status).toBe(201);
    await dept.post(`/api/v1/reforms/reports/${report.body.id}/submit`);
    const before = (await noticesOf(a.suggestionId, 'ideas.notice.reformProgress')).length;
    expect((await office.post(`/api/v1/reforms/reports/${report.body.id}/approve`)).status).toBe(200);
    const after = await noticesOf(a.suggestionId, 'ideas.notice.reformProgress');
    expect(after.length).toBeGreaterThan(before);
    expect(after.at(-1)!.params).toMatchObject({
      projectId: project.id,
      progress: 25,
      milestones: '开通试运行线路（联系人138****5678）',
    });
    // The supporter's inbox and the author's tracking page have it too.
    expect(after.some((n) => n.userId)).toBe(true);
    const code = after.find((n) => n.trackingCode)!.trackingCode!;
    const track = await t.client().get<{ timeline: Array<{ kind: string }> }>(`/api/v1/public/track/${code}`);
    expect(track.body.timeline.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['reformProject', 'reformProgress']),
    );
    const shown = await publicReforms(a.suggestionId);
    expect(shown.projects[0]).toMatchObject({ id: project.id, progress: 0.25, leadUnit: expect.any(String) });
  });

  it('tells them when a ledger import moves its deadline and so its status, as an edit does', async () => {
    const a = free[0]!;
    // A project of the suggestion without milestones: one with them cannot have its deadline
    // moved into the past (its milestones would fall due after it), so its status would not move.
    const made = await office.post<ReformProject>('/api/v1/reforms/projects', {
      code: 'QJGG-C902',
      name: '高铁站公交接驳专线延伸改革',
      listId: listId(),
      source: 'local',
      leadUnitId: await unitId(t, 'QJ-D01'),
      startDate: '2026-01-01',
      endDate: '2027-06-30',
    });
    expect(made.status).toBe(201);
    const now = made.body;
    expect(
      (
        await office.post('/api/v1/reforms/adoptions/projects', {
          suggestionId: a.suggestionId,
          projectId: now.id,
        })
      ).status,
    ).toBe(201);
    const file = await writeSheet('改革任务台账', ledgerColumns, [
      {
        code: now.code,
        name: now.name,
        list: now.listName,
        source: '区级',
        leadUnit: now.leadUnitName,
        coUnits: '',
        startDate: now.startDate,
        endDate: '2026-06-30',
      },
    ]);
    const before = (await noticesOf(a.suggestionId, 'ideas.notice.reformProgress')).length;
    const imported = await office.request<ReformImportReport>(
      'POST',
      '/api/v1/reforms/projects/import',
      new Uint8Array(file),
      { 'content-type': XLSX },
    );
    expect(imported.body).toEqual({ created: 0, updated: 1, unchanged: 0 });
    const after = await noticesOf(a.suggestionId, 'ideas.notice.reformProgress');
    expect(after.length).toBeGreaterThan(before);
    expect(after.at(-1)!.params).toMatchObject({ projectId: now.id, status: 'behind' });
  });

  it('links another suggestion to the existing project once; twice is a conflict that writes nothing', async () => {
    const b = free[1]!;
    const linked = await office.post<ReformAdoption>('/api/v1/reforms/adoptions/projects', {
      suggestionId: b.suggestionId,
      projectId: project.id,
    });
    expect(linked.status).toBe(201);
    expect(linked.body.projects.map((p) => p.id)).toEqual([project.id]);
    const page = await t.client().get<PublicReformProject>(`/api/v1/public/reforms/projects/${project.id}`);
    expect(page.body.suggestions.map((s) => s.id)).toEqual([free[0]!.suggestionId, b.suggestionId]);
    const before = await snapshot();
    const again = await office.post<{ code: string; errors: Array<{ code: string }> }>(
      '/api/v1/reforms/adoptions/projects',
      { suggestionId: b.suggestionId, projectId: project.id },
    );
    expect(again.status).toBe(409);
    expect(again.body.errors.map((e) => e.code)).toEqual(['already_linked']);
    expect(await snapshot()).toEqual(before);
  });

  it('makes a suggestion a key battle’s task once, audited, and tells its followers', async () => {
    const c = free[2]!;
    const battles = (await office.get<ReformBattleList>('/api/v1/reforms/battles')).body.battles;
    const other = battles.find((b) => !c.battles.some((x) => x.id === b.id))!;
    const res = await office.post<ReformAdoption>('/api/v1/reforms/adoptions/battles', {
      suggestionId: c.suggestionId,
      battleId: other.id,
    });
    expect(res.status).toBe(201);
    expect(res.body.battles.map((b) => b.id)).toContain(other.id);
    expect(await auditOf(t, other.id)).toContain('reformAdoption.linkBattle');
    expect((await noticesOf(c.suggestionId, 'ideas.notice.reformBattle')).length).toBeGreaterThan(0);
    const before = await snapshot();
    const again = await office.post('/api/v1/reforms/adoptions/battles', {
      suggestionId: c.suggestionId,
      battleId: other.id,
    });
    expect(again.status).toBe(409);
    expect(await snapshot()).toEqual(before);
  });
});

describe('the battles page puts an adopted suggestion under a battle', () => {
  it('tells its followers as adopting it into the battle does, and once only', async () => {
    const c = free[3]!;
    const battles = (await office.get<ReformBattleList>('/api/v1/reforms/battles')).body.battles;
    const other = battles.find((b) => !c.battles.some((x) => x.id === b.id))!;
    const before = (await noticesOf(c.suggestionId, 'ideas.notice.reformBattle')).length;
    const link = () => office.post(`/api/v1/reforms/battles/${other.id}/suggestions`, { id: c.suggestionId });
    expect((await link()).status).toBe(200);
    const told = await noticesOf(c.suggestionId, 'ideas.notice.reformBattle');
    expect(told.length).toBeGreaterThan(before);
    expect(told.at(-1)!.params).toMatchObject({ battleName: other.name });
    // Linking again links nothing new and tells no one again.
    expect((await link()).status).toBe(200);
    expect(await noticesOf(c.suggestionId, 'ideas.notice.reformBattle')).toHaveLength(told.length);
  });
});

describe('bad input is refused, translated, and writes nothing', () => {
  it('answers 404, 400 or 403 for what cannot be adopted, and leaves every table as it was', async () => {
    const before = await snapshot();
    const notAdopted = (
      await t
        .client()
        .get<{ items: Array<{ id: string }> }>('/api/v1/public/suggestions?status=accepted&pageSize=1')
    ).body.items[0]!.id;
    const project = (
      await office.get<{ items: Array<{ id: string }> }>('/api/v1/reforms/projects?pageSize=1')
    ).body.items[0]!.id;
    const battle = (await office.get<ReformBattleList>('/api/v1/reforms/battles')).body.battles[0]!.id;
    const lead = await unitId(t, 'QJ-D01');
    const body = (suggestionId: string, listId: string) => ({
      suggestionId,
      project: {
        code: 'QJGG-X999',
        name: '不应建立的项目',
        listId,
        source: 'local',
        leadUnitId: lead,
        startDate: '2026-01-01',
        endDate: '2026-12-31',
      },
    });
    const cases: Array<[string, string, unknown, number, string | undefined]> = [
      [
        '/api/v1/reforms/adoptions/projects',
        'unknown suggestion',
        { suggestionId: crypto.randomUUID(), projectId: project },
        404,
        'unknown_suggestion',
      ],
      [
        '/api/v1/reforms/adoptions/projects',
        'not adopted',
        { suggestionId: notAdopted, projectId: project },
        400,
        'not_adopted',
      ],
      [
        '/api/v1/reforms/adoptions/projects',
        'unknown project',
        { suggestionId: free[3]!.suggestionId, projectId: crypto.randomUUID() },
        404,
        undefined,
      ],
      [
        '/api/v1/reforms/adoptions/new-project',
        'unknown list',
        body(free[3]!.suggestionId, crypto.randomUUID()),
        400,
        'unknown_list',
      ],
      [
        '/api/v1/reforms/adoptions/new-project',
        'not adopted',
        body(notAdopted, lists[0]!.id),
        400,
        'not_adopted',
      ],
      [
        '/api/v1/reforms/adoptions/battles',
        'unknown battle',
        { suggestionId: free[3]!.suggestionId, battleId: crypto.randomUUID() },
        404,
        undefined,
      ],
      [
        '/api/v1/reforms/adoptions/battles',
        'not adopted',
        { suggestionId: notAdopted, battleId: battle },
        400,
        'not_adopted',
      ],
    ];
    for (const [path, what, payload, status, code] of cases) {
      const res = await office.post<{ title: string; errors?: Array<{ code: string; path: string }> }>(
        path,
        payload,
      );
      expect([what, res.status]).toEqual([what, status]);
      expect(res.body.title).toBeTruthy();
      if (code) expect(res.body.errors?.map((e) => e.code)).toContain(code);
    }
    const unknownList = await office.post<{ errors: Array<{ path: string }> }>(
      '/api/v1/reforms/adoptions/new-project',
      body(free[3]!.suggestionId, crypto.randomUUID()),
    );
    expect(unknownList.body.errors.map((e) => e.path)).toEqual(['project.listId']);
    // A lead unit adopts nothing; the public nothing at all.
    expect(
      (
        await dept.post('/api/v1/reforms/adoptions/projects', {
          suggestionId: free[3]!.suggestionId,
          projectId: project,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await dept.post('/api/v1/reforms/adoptions/battles', {
          suggestionId: free[3]!.suggestionId,
          battleId: battle,
        })
      ).status,
    ).toBe(403);
    expect((await dept.get('/api/v1/reforms/adoptions')).status).toBe(403);
    expect(
      (
        await t.client().post('/api/v1/reforms/adoptions/projects', {
          suggestionId: free[3]!.suggestionId,
          projectId: project,
        })
      ).status,
    ).toBe(401);
    expect(await snapshot()).toEqual(before);
  });

  it('answers in the reader’s language', async () => {
    const res = await office.request<{ title: string }>('POST', '/api/v1/reforms/adoptions/projects', {
      suggestionId: crypto.randomUUID(),
      projectId: crypto.randomUUID(),
    });
    expect(res.status).toBe(404);
    expect(res.body.title).toBe('未找到');
  });
});
