import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSheet } from '../../excel/workbook.js';
import { todayInChina } from '../../kernel/deadlines.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import type { ReformList, ReformProject } from './contracts.js';
import { ledgerColumns } from './excel.js';
import { reformMilestones, reformProjects } from './schema.js';
import { auditCount, unitId, XLSX } from './test-helpers.js';

let t: TestContext;
let office: TestClient;
let dept: TestClient;
let lists: ReformList[];
let project: ReformProject;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'reforms'] });
  office = await t.as('office');
  dept = await t.as('dept');
  lists = (await office.get<ReformList[]>('/api/v1/reforms/lists')).body;
  const page = await dept.get<{ items: Array<{ id: string }> }>(
    '/api/v1/reforms/projects?mine=true&pageSize=1',
  );
  project = (await dept.get<ReformProject>(`/api/v1/reforms/projects/${page.body.items[0]!.id}`)).body;
});
afterAll(() => t.close());

interface Problem {
  code: string;
  title: string;
  errors: Array<{ path: string; code: string; params?: Record<string, unknown> }>;
}

/** The database's rows that matter here, and the audit log's length: what "nothing written" compares. */
const snapshot = async () => ({
  projects: (await t.database.db.select().from(reformProjects)).length,
  milestones: (await t.database.db.select().from(reformMilestones))
    .map((m) => `${m.id}:${m.weight}:${m.name}`)
    .sort(),
  audit: await auditCount(t),
});

const projectBody = async (over: Record<string, unknown>) => ({
  code: 'QJGG-BAD-1',
  name: '不应写入的项目',
  listId: lists[0]!.id,
  source: 'local',
  leadUnitId: await unitId(t, 'QJ-D01'),
  startDate: '2026-01-01',
  endDate: '2026-12-31',
  ...over,
});

/** Refused with 400, the field and reason named, the title in the reader's language, nothing written. */
async function refused(
  send: (headers: Record<string, string>) => Promise<{ status: number; body: unknown }>,
  path: string,
  code: string,
) {
  const before = await snapshot();
  const zh = await send({});
  const en = await send({ 'accept-language': 'en' });
  for (const res of [zh, en]) {
    expect(res.status).toBe(400);
    const problem = res.body as Problem;
    expect(problem.code).toBe('VALIDATION');
    expect(problem.errors).toContainEqual(expect.objectContaining({ path, code }));
  }
  expect((zh.body as Problem).title).toBe('提交的内容有误');
  expect((en.body as Problem).title).toBe('The request is invalid');
  expect(await snapshot()).toEqual(before);
  return zh.body as Problem;
}

describe('bad input is refused with a clear, translated error and writes nothing', () => {
  it('a milestone weight of 0 or below', async () => {
    for (const weight of [0, -1]) {
      const plan = {
        milestones: [
          ...project.milestoneList.map(({ id, name, dueDate }) => ({ id, name, weight: 1, dueDate })),
          { name: '新增节点', weight, dueDate: project.endDate },
        ],
      };
      const path = `milestones.${project.milestoneList.length}.weight`;
      await refused(
        (h) => dept.request('PUT', `/api/v1/reforms/projects/${project.id}/milestones`, plan, h),
        path,
        'not_positive',
      );
    }
  });

  it('an end before the start, on creation and on a change of either date', async () => {
    await refused(
      async (h) =>
        office.request('POST', '/api/v1/reforms/projects', await projectBody({ endDate: '2025-12-31' }), h),
      'endDate',
      'period_order',
    );
    await refused(
      (h) => office.request('PATCH', `/api/v1/reforms/projects/${project.id}`, { endDate: '2000-01-01' }, h),
      'endDate',
      'period_order',
    );
  });

  it('a project on a list that does not exist', async () => {
    await refused(
      async (h) =>
        office.request(
          'POST',
          '/api/v1/reforms/projects',
          await projectBody({ listId: crypto.randomUUID() }),
          h,
        ),
      'listId',
      'unknown_list',
    );
    await refused(
      (h) =>
        office.request('PATCH', `/api/v1/reforms/projects/${project.id}`, { listId: crypto.randomUUID() }, h),
      'listId',
      'unknown_list',
    );
  });

  it("a report that says nothing: submitting it names the progress to write, not the report's state", async () => {
    const taken = new Set(project.reports.map((r) => r.period));
    // A month of the project's, before this one, with no report yet.
    const now = todayInChina().slice(0, 7);
    const months: string[] = [];
    for (
      let d = new Date(`${project.startDate.slice(0, 7)}-01T00:00:00Z`);
      ;
      d.setUTCMonth(d.getUTCMonth() + 1)
    ) {
      const m = d.toISOString().slice(0, 7);
      if (m > project.endDate.slice(0, 7) || m >= now) break;
      months.push(m);
    }
    const period = months.find((m) => !taken.has(m))!;
    const draft = await dept.post<{ id: string; status: string }>('/api/v1/reforms/reports', {
      projectId: project.id,
      period,
      summary: '',
      problems: '',
      items: [],
    });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    await refused(
      (h) => dept.request('POST', `/api/v1/reforms/reports/${draft.body.id}/submit`, undefined, h),
      'summary',
      'required',
    );
    const after = await dept.get<{ status: string }>(`/api/v1/reforms/reports/${draft.body.id}`);
    expect(after.body.status).toBe('draft');
  });

  it('a spreadsheet without a column: the report names the column, in the header row', async () => {
    const columns = ledgerColumns.filter((c) => c.key !== 'leadUnit');
    const file = await writeSheet('改革任务台账', columns, [
      {
        code: 'QJGG-X01',
        name: '缺列的项目',
        list: lists[0]!.name,
        source: '区级',
        startDate: '2026-01-01',
        endDate: '2026-12-31',
      },
    ]);
    const problem = await refused(
      (h) => office.request('POST', '/api/v1/reforms/projects/import', file, { 'content-type': XLSX, ...h }),
      'header.leadUnit',
      'missing_columns',
    );
    expect(problem.errors[0]!.params).toEqual({ column: '牵头单位' });
  });

  it('a spreadsheet with bad cells: the report names each row and column, and no row is written', async () => {
    const good = {
      code: 'QJGG-X02',
      name: '本可导入的项目',
      list: lists[0]!.name,
      source: '区级',
      leadUnit: '区发展改革委',
      startDate: '2026-01-01',
      endDate: '2026-12-31',
    };
    const file = await writeSheet('改革任务台账', ledgerColumns, [
      good,
      { ...good, code: 'QJGG-X03', leadUnit: '' },
      { ...good, code: 'QJGG-X04', list: '不存在的清单', endDate: '2025-01-01' },
      { ...good, code: 'QJGG-X05', leadUnit: '不存在的单位', pilotLevel: '国家级' },
    ]);
    const problem = await refused(
      (h) => office.request('POST', '/api/v1/reforms/projects/import', file, { 'content-type': XLSX, ...h }),
      'row 3.leadUnit',
      'required',
    );
    expect(problem.errors.map((e) => [e.path, e.code])).toEqual(
      expect.arrayContaining([
        ['row 4.list', 'unknown_list'],
        ['row 4.endDate', 'period_order'],
        ['row 5.leadUnit', 'unknown_unit'],
        ['row 5.pilotStatus', 'pilot_pair'],
      ]),
    );
  });
});
