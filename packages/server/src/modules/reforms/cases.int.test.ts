import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import type { PublicReformCase, ReformCase } from './contracts-cases.js';
import { reformCases } from './schema.js';
import { auditCount, auditOf, type Problem, staffOf, unitId } from './test-helpers.js';

let t: TestContext;
let office: TestClient;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'reforms'] });
  office = await t.as('office');
});
afterAll(() => t.close());

type Page = { items: PublicReformCase[]; total: number };
const search = async (q?: string, page = 1) =>
  (
    await t
      .client()
      .get<Page>(
        `/api/v1/public/reforms/cases?page=${page}&pageSize=5${q ? `&q=${encodeURIComponent(q)}` : ''}`,
      )
  ).body;

describe('the public case library', () => {
  it('lists the published demo cases, newest first, without signing in; drafts stay out', async () => {
    const all = await search();
    expect(all.total).toBe(7);
    expect(all.items).toHaveLength(5);
    const dates = all.items.map((c) => c.publishedAt!);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(Object.keys(all.items[0]!)).not.toContain('status');
    const next = await search(undefined, 2);
    expect(next.items).toHaveLength(2);
    const titles = [...all.items, ...next.items].map((c) => c.title);
    expect(titles).toContain('濯水古镇“景镇一体”管理模式');
    expect(titles).not.toContain('农村互助养老“邻里守望”');
  });

  it('searches Chinese text by its words, each word required, as the campaign’s search does', async () => {
    expect((await search('景区')).items.map((c) => c.title)).toEqual(['濯水古镇“景镇一体”管理模式']);
    // Two words, both in one case only.
    expect((await search('生态补偿 水质')).items.map((c) => c.title)).toEqual(['阿蓬江流域跨省横向生态补偿']);
    // The places that adopted a practice are searched too.
    expect((await search('秀山县')).items.map((c) => c.title)).toEqual(['工业用地“亩均论英雄”综合评价']);
    expect((await search('火星殖民')).total).toBe(0);
    // A query of no word (only a number) matches nothing, not everything.
    expect((await search('13800138000')).total).toBe(0);
  });

  it('opens one published case; a draft or an unknown id is not found', async () => {
    const [first] = (await search('桑蚕')).items;
    const one = await t.client().get<PublicReformCase>(`/api/v1/public/reforms/cases/${first!.id}`);
    expect(one.status).toBe(200);
    expect(one.body.adoptedIn).toContain('彭水县');
    expect(one.body.leadUnit).toBe('区农业农村委');
    const [draft] = await t.database.db.select().from(reformCases).where(eq(reformCases.status, 'draft'));
    expect((await t.client().get(`/api/v1/public/reforms/cases/${draft!.id}`)).status).toBe(404);
    expect((await t.client().get(`/api/v1/public/reforms/cases/${crypto.randomUUID()}`)).status).toBe(404);
  });
});

describe('the office publishes a case from a project', () => {
  it('writes a draft, publishes it to the library, withdraws it, auditing each step', async () => {
    const project = (
      await office.get<{ items: Array<{ id: string; name: string }> }>(
        '/api/v1/reforms/projects?q=%E6%97%A0%E8%AF%81%E6%98%8E',
      )
    ).body.items[0]!;
    expect(project.name).toContain('无证明城市');
    const created = await office.post<ReformCase>('/api/v1/reforms/cases', {
      projectId: project.id,
      title: '“无证明城市”数据共享替代证明',
      summary: '以政务数据共享替代群众提交证明材料，能通过数据核验的一律不再要求群众开具证明。',
      measures: '梳理证明事项清单，逐项明确替代方式。',
      results: '取消证明事项126项。',
      adoptedIn: ['秀山县'],
    });
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('draft');
    expect((await search('证明 数据共享')).total).toBe(0);
    const published = await office.post<ReformCase>(`/api/v1/reforms/cases/${created.body.id}/publish`);
    expect(published.body.status).toBe('published');
    expect(published.body.publishedAt).not.toBeNull();
    expect((await search('证明 数据共享')).items.map((c) => c.id)).toEqual([created.body.id]);
    // Publishing twice is refused: it is no longer a draft.
    const twice = await office.post<Problem>(`/api/v1/reforms/cases/${created.body.id}/publish`);
    expect(twice.status).toBe(422);
    expect(twice.body.errors).toEqual([
      expect.objectContaining({
        code: 'invalid_transition',
        params: { current: 'published', wanted: 'draft', entity: 'reformCase' },
      }),
    ]);
    const edited = await office.patch<ReformCase>(`/api/v1/reforms/cases/${created.body.id}`, {
      adoptedIn: ['秀山县', '彭水县'],
      results: '取消证明事项126项。咨询电话13912345678。',
    });
    // The public reads it with the phone number masked; the console keeps what was written.
    expect(edited.body.results).toContain('13912345678');
    const shown = await t.client().get<PublicReformCase>(`/api/v1/public/reforms/cases/${created.body.id}`);
    expect(shown.body.results).toBe('取消证明事项126项。咨询电话139****5678。');
    expect(edited.body.adoptedIn).toEqual(['秀山县', '彭水县']);
    expect((await search('彭水县 证明')).items.map((c) => c.id)).toEqual([created.body.id]);
    await office.post(`/api/v1/reforms/cases/${created.body.id}/withdraw`);
    expect((await search('证明 数据共享')).total).toBe(0);
    expect((await auditOf(t, created.body.id)).sort()).toEqual(
      ['reformCase.create', 'reformCase.publish', 'reformCase.update', 'reformCase.withdraw'].sort(),
    );
  });

  it('lets a lead unit read its project’s cases and write none; bad input writes nothing', async () => {
    const staff = await staffOf(t, 'QJ-D18', 'case.reader');
    const list = await staff.get<{ items: ReformCase[]; actions: { create: boolean } }>(
      '/api/v1/reforms/cases',
    );
    expect(list.status).toBe(200);
    expect(list.body.actions.create).toBe(false);
    expect(list.body.items.map((c) => c.title)).toEqual(['濯水古镇“景镇一体”管理模式']);
    const before = {
      rows: (await t.database.db.select().from(reformCases)).length,
      audit: await auditCount(t),
    };
    const unknown = await office.post<{ errors: Array<{ path: string; code: string }> }>(
      '/api/v1/reforms/cases',
      {
        projectId: crypto.randomUUID(),
        title: '不存在项目的经验',
        summary: '这个项目并不存在，不应写入任何内容。',
      },
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toContainEqual(
      expect.objectContaining({ path: 'projectId', code: 'unknown_project' }),
    );
    const short = await office.post('/api/v1/reforms/cases', {
      projectId: list.body.items[0]!.projectId,
      title: '短',
      summary: '太短',
    });
    expect(short.status).toBe(400);
    const denied = await staff.post('/api/v1/reforms/cases', {
      projectId: list.body.items[0]!.projectId,
      title: '牵头单位自己发布的经验',
      summary: '牵头单位不能自己发布经验案例，应由改革办发布。',
    });
    expect(denied.status).toBe(403);
    expect({
      rows: (await t.database.db.select().from(reformCases)).length,
      audit: await auditCount(t),
    }).toEqual(before);
  });

  it('keeps a project a case is drawn from: deleting it is a conflict', async () => {
    const lists = (await office.get<Array<{ id: string }>>('/api/v1/reforms/lists')).body;
    const project = await office.post<{ id: string }>('/api/v1/reforms/projects', {
      code: 'QJGG-CASE-1',
      name: '有经验案例的改革项目',
      listId: lists[0]!.id,
      source: 'local',
      leadUnitId: await unitId(t, 'QJ-D01'),
      startDate: '2026-01-01',
      endDate: '2026-12-31',
    });
    expect(project.status).toBe(201);
    const made = await office.post('/api/v1/reforms/cases', {
      projectId: project.body.id,
      title: '有案例的项目不能删除',
      summary: '一个项目一旦总结出经验案例，就不能再被删除。',
    });
    expect(made.status).toBe(201);
    const res = await office.delete<{ errors: Array<{ code: string }> }>(
      `/api/v1/reforms/projects/${project.body.id}`,
    );
    expect(res.status).toBe(409);
    expect(res.body.errors[0]!.code).toBe('in_use');
  });
});
