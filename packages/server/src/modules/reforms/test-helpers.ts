import { and, eq, sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { z } from 'zod';
import { auditEvents } from '../../audit/schema.js';
import { notifications } from '../../kernel/schema.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { contextOf } from '../../test-support/racing.js';
import { unitByCode } from '../units/api.js';
import { userIdByLogin } from '../users/api.js';
import type { ReformProject } from './contracts.js';
import type { ReformAdoption } from './contracts-adoption.js';
import type { StudyLearningInput, StudyVisit } from './contracts-study.js';

/** Shared by the reforms integration tests: ids by code, another unit's staff, audit rows, uploads. */
export const unitId = async (t: TestContext, code: string) => (await unitByCode(t.database.db, code))!.id;

export async function staffOf(t: TestContext, code: string, login: string): Promise<TestClient> {
  const admin = await t.as('office');
  const created = await admin.post<{ initialPassword: string }>('/api/v1/users', {
    login,
    displayName: `${code} 经办人`,
    roles: [{ role: 'department_staff', unitId: await unitId(t, code) }],
  });
  const client = t.client();
  await client.firstLogin(login, created.body.initialPassword);
  return client;
}

export { auditOf } from '../../test-support/audit-of.js';

export const auditCount = async (t: TestContext) => (await t.database.db.select().from(auditEvents)).length;

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A tiny PDF's first bytes: enough for the file store's type sniffing. */
export const pdfBytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34, 0x0a]);

/** A problem+json answer, as the reforms tests read it. */
export interface Problem {
  code: string;
  title: string;
  errors?: Array<{ path: string; code: string; params?: Record<string, string | number> }>;
}

/**
 * Refused with 400 in both languages, the field and reason named, and `state` (the rows a test
 * watches) the same after as before: nothing written.
 */
export async function refusedInBoth(
  state: () => Promise<unknown>,
  send: (headers: Record<string, string>) => Promise<{ status: number; body: unknown }>,
  path: string,
  code: string,
) {
  const before = await state();
  const zh = await send({});
  const en = await send({ 'accept-language': 'en' });
  for (const res of [zh, en]) {
    expect(res.status).toBe(400);
    expect((res.body as Problem).errors).toContainEqual(expect.objectContaining({ path, code }));
  }
  expect((zh.body as Problem).title).toBe('提交的内容有误');
  expect((en.body as Problem).title).toBe('The request is invalid');
  expect(await state()).toEqual(before);
}

let projectsMade = 0;

/**
 * A fresh project of QJ-D01 (the `dept` login's unit) on a new list, its milestones set by the
 * office: what a test of reports starts from.
 */
export async function freshProject(
  t: TestContext,
  office: TestClient,
  milestones: Array<{ name: string; weight: number; dueDate: string }>,
  dates: { startDate: string; endDate: string } = { startDate: '2026-01-01', endDate: '2027-06-30' },
) {
  projectsMade += 1;
  const list = await office.post<{ id: string }>('/api/v1/reforms/lists', {
    name: `测试清单${projectsMade}`,
  });
  const created = await office.post<{ id: string }>('/api/v1/reforms/projects', {
    code: `QJGG-F${String(projectsMade).padStart(3, '0')}`,
    name: `测试项目${projectsMade}`,
    listId: list.body.id,
    source: 'local',
    leadUnitId: await unitId(t, 'QJ-D01'),
    ...dates,
  });
  expect(created.status).toBe(201);
  const planned = await office.put<ReformProject>(`/api/v1/reforms/projects/${created.body.id}/milestones`, {
    milestones,
  });
  expect(planned.status).toBe(200);
  return planned.body;
}

/** A suggestion's public timeline, as its author reads it by tracking code. */
export const trackedTimeline = async (t: TestContext, code: string) =>
  (
    await t.client().get<{
      suggestion: { status: string };
      timeline: Array<{ kind: string; params: Record<string, unknown> }>;
    }>(`/api/v1/public/track/${code}`)
  ).body;

/** The notices under `key` about one suggestion, the author's (by tracking code) and the accounts'. */
export const suggestionNotices = (t: TestContext, suggestionId: string, key: string) =>
  t.database.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.key, key), sql`${notifications.params}->>'suggestionId' = ${suggestionId}`));

/** The campaign's timeline entries, all suggestions' (its table is the ideas module's own). */
export const timelineCount = async (t: TestContext) =>
  (
    (await t.database.db.execute(sql`select count(*)::int as n from idea_timeline`)) as unknown as {
      rows: Array<{ n: number }>;
    }
  ).rows[0]!.n;

/** A fresh project with two milestones, weighted 1 and 3: what a race over its plan or reports starts from. */
export const twoMilestoneProject = (t: TestContext, office: TestClient) =>
  freshProject(t, office, [
    { name: '出台实施方案', weight: 1, dueDate: '2026-03-31' },
    { name: '系统上线运行', weight: 3, dueDate: '2026-09-30' },
  ]);

/**
 * The office and QJ-D01's staff signed in on the units and accounts of the demo, with the
 * contexts their requests run in, for the race tests that call commands directly.
 */
export async function officeAndDept() {
  const t = await createTestContext({ seed: ['units', 'users'] });
  const office = await t.as('office');
  const dept = await t.as('dept');
  return { t, office, dept, officeCtx: await contextOf(t, office), deptCtx: await contextOf(t, dept) };
}

/**
 * A study visit of QJ-D01 to 万州区 in October 2026, its delegation QJ-D01's staff member, recorded
 * done and its learning saved by them: the visit as the learning left it.
 */
export async function recordedStudyVisit(
  t: TestContext,
  office: TestClient,
  dept: TestClient,
  learning: z.input<typeof StudyLearningInput>,
): Promise<StudyVisit> {
  const created = await office.post<StudyVisit>('/api/v1/reforms/study/visits', {
    title: '赴万州区学习考察营商环境',
    unitId: await unitId(t, 'QJ-D01'),
    destinations: ['万州区'],
    topics: ['营商环境'],
    startDate: '2026-10-20',
    endDate: '2026-10-22',
    members: [
      {
        userId: await userIdByLogin(t.database.db, 'dept'),
        name: '经办人',
        unitId: await unitId(t, 'QJ-D01'),
      },
    ],
  });
  expect(created.status).toBe(201);
  const id = created.body.id;
  expect((await dept.post(`/api/v1/reforms/study/visits/${id}/complete`)).status).toBe(200);
  const saved = await dept.put<StudyVisit>(`/api/v1/reforms/study/visits/${id}/learning`, learning);
  expect(saved.status).toBe(200);
  return saved.body;
}

/**
 * The office adopts four of the campaign's accepted suggestions as QJ-D01's tasks; answers the
 * reforms' list of adoptions read afterwards.
 */
export async function adoptFour(t: TestContext, office: TestClient) {
  const accepted = await t
    .client()
    .get<{ items: Array<{ id: string; title: string }> }>(
      '/api/v1/public/suggestions?status=accepted&pageSize=4',
    );
  for (const s of accepted.body.items) {
    const action = await office.post('/api/v1/ideas/actions', {
      suggestionId: s.id,
      title: s.title.slice(0, 120),
      ownerUnitId: await unitId(t, 'QJ-D01'),
      dueOn: '2027-06-30',
    });
    expect(action.status).toBe(201);
  }
  return office.get<ReformAdoption[]>('/api/v1/reforms/adoptions');
}
