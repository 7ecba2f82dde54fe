import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../context.js';
import { writeSheet } from '../../excel/workbook.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { contextOf, racing } from '../../test-support/racing.js';
import { updateCase } from './commands/updateCase.js';
import type { ReformProject } from './contracts.js';
import type { PublicReformCase, ReformCase } from './contracts-cases.js';
import { ledgerColumns } from './excel.js';
import { freshProject, XLSX } from './test-helpers.js';

/** The public library finds a case by its project's name as it is now, however it was renamed. */
let t: TestContext;
let office: TestClient;
let officeCtx: ServiceContext;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users'] });
  office = await t.as('office');
  officeCtx = await contextOf(t, office);
});
afterAll(() => t.close());

let made = 0;

/** A published case drawn from a fresh project. */
async function publishedCase(): Promise<{ project: ReformProject; case: ReformCase }> {
  made += 1;
  const project = await freshProject(t, office, []);
  const created = await office.post<ReformCase>('/api/v1/reforms/cases', {
    projectId: project.id,
    title: `改名测试案例${made}`,
    summary: '以政务数据共享替代群众提交证明材料，能核验的不再要求开具证明。',
    measures: '梳理证明事项清单。',
    results: '取消证明事项。',
    adoptedIn: [],
  });
  expect(created.status).toBe(201);
  expect((await office.post(`/api/v1/reforms/cases/${created.body.id}/publish`)).status).toBe(200);
  return { project, case: created.body };
}

/** The ids of the published cases the library finds for `q`. */
const found = async (q: string) =>
  (
    await t
      .client()
      .get<{ items: PublicReformCase[] }>(
        `/api/v1/public/reforms/cases?pageSize=50&q=${encodeURIComponent(q)}`,
      )
  ).body.items.map((c) => c.id);

describe('a case’s project renamed', () => {
  it('by hand: the library finds the case by the new name, no longer by the old', async () => {
    const { project, case: c } = await publishedCase();
    expect(await found(project.name)).toContain(c.id);
    const renamed = await office.patch(`/api/v1/reforms/projects/${project.id}`, {
      name: '智慧停车一码通改革',
    });
    expect(renamed.status).toBe(200);
    expect(await found('智慧停车一码通改革')).toContain(c.id);
    expect(await found(project.name)).not.toContain(c.id);
  });

  it('by the ledger’s import: the same', async () => {
    const { project, case: c } = await publishedCase();
    const file = await writeSheet('改革任务台账', ledgerColumns, [
      {
        code: project.code,
        name: '农村集体产权流转交易改革',
        list: project.listName,
        source: '区级',
        leadUnit: project.leadUnitName,
        coUnits: '',
        startDate: project.startDate,
        endDate: project.endDate,
        goal: project.goal,
      },
    ]);
    const res = await office.request('POST', '/api/v1/reforms/projects/import', new Uint8Array(file), {
      'content-type': XLSX,
    });
    expect(res.body).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect(await found('农村集体产权流转交易改革')).toContain(c.id);
    expect(await found(project.name)).not.toContain(c.id);
  });

  it('while the case is edited: the edit keeps the new name in its words', async () => {
    const { project, case: c } = await publishedCase();
    const renamed = async () =>
      expect(
        (
          await office.patch(`/api/v1/reforms/projects/${project.id}`, {
            name: '公共资源交易全流程电子化改革',
          })
        ).status,
      ).toBe(200);
    await updateCase({ ...officeCtx, db: racing(officeCtx.db, renamed) }, c.id, {
      results: '取消证明事项126项。',
    });
    expect(await found('公共资源交易全流程电子化改革')).toContain(c.id);
    expect(await found('126')).toContain(c.id);
  });
});
