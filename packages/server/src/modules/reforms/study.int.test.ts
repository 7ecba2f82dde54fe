import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { userIdByLogin } from '../users/api.js';
import type { PublicLearning, StudyVisit } from './contracts-study.js';
import { studySnapshot } from './study-test-helpers.js';
import { auditOf, type Problem, pdfBytes, refusedInBoth, staffOf, unitId } from './test-helpers.js';

let t: TestContext;
let office: TestClient;
let dept: TestClient;
let cadre: TestClient;
let project: { id: string; name: string };
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'reforms'] });
  office = await t.as('office');
  dept = await t.as('dept');
  cadre = await t.as('cadre');
  const page = await dept.get<{ items: Array<{ id: string; name: string }> }>(
    '/api/v1/reforms/projects?mine=true&pageSize=1',
  );
  project = page.body.items[0]!;
});
afterAll(() => t.close());

const refused = (
  send: (headers: Record<string, string>) => Promise<{ status: number; body: unknown }>,
  path: string,
  code: string,
) => refusedInBoth(() => studySnapshot(t), send, path, code);

describe('跳出黔江看黔江 in public', () => {
  it('lists the completed visits with their counts, and no one’s name', async () => {
    const res = await t.client().get<PublicLearning>('/api/v1/public/reforms/learning');
    expect(res.status).toBe(200);
    const [enshi, tour] = res.body.visits;
    expect(tour!.destinations).toEqual(['梁平区', '丰都县', '石柱县']);
    expect(tour!.counts).toEqual({ practices: 9, insights: 4, reports: 1 });
    expect(tour!.delegation.count).toBe(8);
    expect(tour!.delegation.units).toContain('区委改革办');
    expect(tour!.practices.filter((p) => p.projects.length > 0).length).toBeGreaterThan(5);
    expect(enshi!.title).toContain('恩施');
    expect(enshi!.counts).toEqual({ practices: 3, insights: 2, reports: 0 });
    // The planned visit is not shown; neither are the delegation's names.
    expect(res.body.visits).toHaveLength(2);
    expect(JSON.stringify(res.body)).not.toContain('刘明远');
    expect(res.body.sessions.some((s) => s.title.includes('运用AI工具') && s.attendance > 0)).toBe(true);
  });
});

describe('a study visit from plan to report', () => {
  let visit: StudyVisit;
  const body = async (over: Record<string, unknown> = {}) => ({
    title: '赴万州区学习考察营商环境',
    unitId: await unitId(t, 'QJ-D01'),
    destinations: ['万州区', '开州区'],
    topics: ['营商环境'],
    startDate: '2026-10-20',
    endDate: '2026-10-22',
    members: [
      {
        userId: await userIdByLogin(t.database.db, 'dept'),
        name: '发展改革委 经办人',
        unitId: await unitId(t, 'QJ-D01'),
      },
      { name: '赵敏', unitId: await unitId(t, 'QJ-D24') },
    ],
    ...over,
  });

  it('refuses an end before the start, an unknown unit, and a unit’s staff planning', async () => {
    await refused(
      async (h) =>
        office.request('POST', '/api/v1/reforms/study/visits', await body({ endDate: '2026-10-19' }), h),
      'endDate',
      'period_order',
    );
    await refused(
      async (h) =>
        office.request(
          'POST',
          '/api/v1/reforms/study/visits',
          await body({ unitId: crypto.randomUUID() }),
          h,
        ),
      'unitId',
      'unknown_unit',
    );
    expect((await dept.post('/api/v1/reforms/study/visits', await body())).status).toBe(403);
  });

  it('the office plans it; the organising unit records the trip done', async () => {
    // A topic quoting whom to call: the public page masks the number.
    const created = await office.post<StudyVisit>(
      '/api/v1/reforms/study/visits',
      await body({ topics: ['营商环境', '对接人13600002222'] }),
    );
    expect(created.status).toBe(201);
    visit = created.body;
    expect(visit.members.map((m) => m.unitName)).toEqual(['区发展改革委', '区政务服务办']);
    expect(visit.actions).toMatchObject({ edit: true, complete: true, record: false });
    // A change of one date is checked against the other.
    await refused(
      (h) =>
        office.request('PATCH', `/api/v1/reforms/study/visits/${visit.id}`, { endDate: '2026-10-01' }, h),
      'endDate',
      'period_order',
    );
    const learning = { practices: [], insights: ['还在路上'], reportSummary: '' };
    const early = await dept.put<Problem>(`/api/v1/reforms/study/visits/${visit.id}/learning`, learning);
    expect(early.status).toBe(422);
    expect(early.body.errors).toEqual([
      expect.objectContaining({
        code: 'invalid_transition',
        params: { current: 'planned', wanted: 'done', entity: 'studyVisit' },
      }),
    ]);
    const other = await staffOf(t, 'QJ-D02', 'study.other');
    expect((await other.post(`/api/v1/reforms/study/visits/${visit.id}/complete`)).status).toBe(403);
    const done = await dept.post<StudyVisit>(`/api/v1/reforms/study/visits/${visit.id}/complete`);
    expect(done.body.status).toBe('done');
    expect((await dept.post(`/api/v1/reforms/study/visits/${visit.id}/complete`)).status).toBe(422);
  });

  it('is not recorded done before its trip has ended', async () => {
    const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
    const coming = await office.post<StudyVisit>(
      '/api/v1/reforms/study/visits',
      await body({ title: '赴成都考察数字政府建设', startDate: day(20), endDate: day(22) }),
    );
    expect(coming.status).toBe(201);
    expect(coming.body.actions.complete).toBe(false);
    const before = await studySnapshot(t);
    for (const h of [{}, { 'accept-language': 'en' }] as Array<Record<string, string>>) {
      const res = await dept.request<Problem>(
        'POST',
        `/api/v1/reforms/study/visits/${coming.body.id}/complete`,
        undefined,
        h,
      );
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([expect.objectContaining({ path: 'endDate', code: 'trip_not_over' })]);
    }
    expect(await studySnapshot(t)).toEqual(before);
    // Once the trip has ended (here: moved into the past), the unit records it done.
    const moved = await office.patch<StudyVisit>(`/api/v1/reforms/study/visits/${coming.body.id}`, {
      startDate: day(-3),
      endDate: day(-1),
    });
    expect(moved.body.actions.complete).toBe(true);
    const done = await dept.post<StudyVisit>(`/api/v1/reforms/study/visits/${coming.body.id}/complete`);
    expect(done.body.status).toBe('done');
  });

  it('refuses a practice linking a project that does not exist, or from a place not visited', async () => {
    const practice = { title: '企业服务专员制度', sourcePlace: '万州区', projectIds: [crypto.randomUUID()] };
    await refused(
      (h) =>
        dept.request(
          'PUT',
          `/api/v1/reforms/study/visits/${visit.id}/learning`,
          { practices: [practice], insights: [] },
          h,
        ),
      'practices.0.projectIds.0',
      'unknown_project',
    );
    await refused(
      (h) =>
        dept.request(
          'PUT',
          `/api/v1/reforms/study/visits/${visit.id}/learning`,
          { practices: [{ ...practice, projectIds: [], sourcePlace: '成都市' }], insights: [] },
          h,
        ),
      'practices.0.sourcePlace',
      'unknown_place',
    );
  });

  it('records practices and insights, the report with its file, and keeps linking projects after', async () => {
    const learning = {
      practices: [
        {
          title: '企业服务专员制度',
          description: '每家规上企业配一名服务专员，对接人李主任13912345678。',
          sourcePlace: '万州区',
          projectIds: [project.id],
        },
        { title: '“园区事园区办”', sourcePlace: '开州区' },
      ],
      insights: ['服务企业要有专人、有时限、有反馈。可电询13700001111。'],
      reportSummary: '考察两地营商环境改革，形成2项做法和1点启示。联系人王科长13800138000。',
    };
    const saved = await dept.put<StudyVisit>(`/api/v1/reforms/study/visits/${visit.id}/learning`, learning);
    expect(saved.status).toBe(200);
    expect(saved.body.practices.map((p) => p.projects.map((x) => x.id))).toEqual([[project.id], []]);
    // The report needs its file.
    await refused(
      (h) => dept.request('POST', `/api/v1/reforms/study/visits/${visit.id}/report`, undefined, h),
      'reportFile',
      'report_file_missing',
    );
    const file = await dept.upload(
      `/api/v1/reforms/study/visits/${visit.id}/report-file`,
      pdfBytes,
      '考察报告.pdf',
    );
    expect(file.status).toBe(201);
    const again = await dept.upload(
      `/api/v1/reforms/study/visits/${visit.id}/report-file`,
      pdfBytes,
      '二.pdf',
    );
    expect(again.status).toBe(409);
    expect((await cadre.get(`/api/v1/reforms/study/report-files/${file.body.id}`)).status).toBe(200);
    const reported = await dept.post<StudyVisit>(`/api/v1/reforms/study/visits/${visit.id}/report`);
    expect(reported.body.status).toBe('reported');
    expect(reported.body.actions).toMatchObject({ record: false, link: true });
    expect((await dept.put(`/api/v1/reforms/study/visits/${visit.id}/learning`, learning)).status).toBe(422);
    const unfile = await dept.request<Problem>(
      'DELETE',
      `/api/v1/reforms/study/report-files/${file.body.id}`,
    );
    expect(unfile.status).toBe(422);
    expect(unfile.body.errors?.[0]).toMatchObject({
      code: 'invalid_transition',
      params: { current: 'reported' },
    });
    // A project started later is linked to the second practice.
    const second = reported.body.practices[1]!;
    await refused(
      (h) =>
        dept.request(
          'PUT',
          `/api/v1/reforms/study/practices/${second.id}/projects`,
          { projectIds: [crypto.randomUUID()] },
          h,
        ),
      'projectIds.0',
      'unknown_project',
    );
    const linked = await dept.put<StudyVisit>(`/api/v1/reforms/study/practices/${second.id}/projects`, {
      projectIds: [project.id],
    });
    expect(linked.body.practices[1]!.projects.map((p) => p.id)).toEqual([project.id]);
    const inspired = await cadre.get<{ items: Array<{ title: string; visitTitle: string }> }>(
      `/api/v1/reforms/projects/${project.id}/study-practices`,
    );
    expect(inspired.body.items.map((p) => p.title)).toEqual(
      expect.arrayContaining(['企业服务专员制度', '“园区事园区办”']),
    );
    expect(await auditOf(t, visit.id)).toEqual([
      'reformStudy.create',
      'reformStudy.complete',
      'reformStudy.saveLearning',
      'reformStudy.report',
      'reformStudy.linkProjects',
    ]);
    const pub = await t.client().get<PublicLearning>('/api/v1/public/reforms/learning');
    const shown = pub.body.visits.find((v) => v.id === visit.id)!;
    expect(shown.counts).toEqual({ practices: 2, insights: 1, reports: 1 });
    expect(shown.delegation).toEqual({ count: 2, units: ['区发展改革委', '区政务服务办'] });
    // What the unit wrote reaches the public with its phone numbers masked.
    const text = JSON.stringify(shown);
    for (const phone of ['13912345678', '13800138000', '13700001111']) expect(text).not.toContain(phone);
    expect(shown.reportSummary).toContain('联系人王科长138****8000');
    expect(shown.practices[0]!.description).toContain('李主任139****5678');
    expect(shown.topics).toEqual(['营商环境', '对接人136****2222']);
  });
});
