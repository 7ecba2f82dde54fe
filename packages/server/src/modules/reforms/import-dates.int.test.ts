import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../context.js';
import { writeSheet } from '../../excel/workbook.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { contextOf, racing, refusal } from '../../test-support/racing.js';
import { importProjects } from './commands/importProjects.js';
import type { ReformImportReport, ReformProject } from './contracts.js';
import { ledgerColumns } from './excel.js';
import { type Problem, twoMilestoneProject, XLSX } from './test-helpers.js';

/**
 * Dates changed by the ledger's import are checked against the project's milestones as an edit
 * by hand is: a deadline before a milestone falls due would leave a plan the lead unit can no
 * longer save.
 */
let t: TestContext;
let office: TestClient;
let officeCtx: ServiceContext;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users'] });
  office = await t.as('office');
  officeCtx = await contextOf(t, office);
});
afterAll(() => t.close());

const read = async (p: ReformProject) =>
  (await office.get<ReformProject>(`/api/v1/reforms/projects/${p.id}`)).body;

/** The project's row of the ledger, with `dates` in place of its own. */
const rowOf = (p: ReformProject, dates: { startDate?: string; endDate?: string }) => ({
  code: p.code,
  name: p.name,
  list: p.listName,
  source: '区级',
  leadUnit: p.leadUnitName,
  coUnits: '',
  startDate: p.startDate,
  endDate: p.endDate,
  goal: p.goal,
  ...dates,
});

/** A new project's row: imported only if the whole file is. */
const newRow = (p: ReformProject) => ({ ...rowOf(p, {}), code: `${p.code}-N`, name: '随同导入的新项目' });

const sheet = (rows: Array<Record<string, string>>) => writeSheet('改革任务台账', ledgerColumns, rows);

const post = async (file: Buffer, headers: Record<string, string> = {}) =>
  office.request<Problem>('POST', '/api/v1/reforms/projects/import', new Uint8Array(file), {
    'content-type': XLSX,
    ...headers,
  });

const codes = async () =>
  (await office.get<{ items: Array<{ code: string }> }>('/api/v1/reforms/projects?pageSize=200')).body.items
    .map((p) => p.code)
    .sort();

describe('the import’s dates and the milestones', () => {
  it('refuses a deadline before a milestone falls due, naming the row and column; nothing is written', async () => {
    const project = await twoMilestoneProject(t, office);
    const before = await codes();
    const file = await sheet([newRow(project), rowOf(project, { endDate: '2026-06-30' })]);
    const zh = await post(file);
    const en = await post(file, { 'accept-language': 'en' });
    for (const res of [zh, en]) {
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([
        expect.objectContaining({
          path: 'row 3.endDate',
          code: 'milestone_outside_period',
          params: expect.objectContaining({ value: '系统上线运行', date: '2026-09-30' }),
        }),
      ]);
    }
    expect(JSON.stringify(zh.body)).toContain('节点「系统上线运行」的完成时限为 2026-09-30');
    expect(JSON.stringify(en.body)).toContain('Milestone “系统上线运行” is due on 2026-09-30');
    expect((await read(project)).endDate).toBe(project.endDate);
    expect(await codes()).toEqual(before);
    // The plan is still the lead unit's to save.
    const dept = await t.as('dept');
    const plan = project.milestoneList.map(({ id, name, weight, dueDate }) => ({
      id,
      name,
      weight,
      dueDate,
    }));
    expect(
      (await dept.put(`/api/v1/reforms/projects/${project.id}/milestones`, { milestones: plan })).status,
    ).toBe(200);
  });

  it('refuses a start after a milestone falls due', async () => {
    const project = await twoMilestoneProject(t, office);
    const res = await post(await sheet([rowOf(project, { startDate: '2026-04-01' })]));
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ path: 'row 2.startDate', code: 'milestone_outside_period' }),
    ]);
    expect((await read(project)).startDate).toBe(project.startDate);
  });

  it('checks again, holding the project, a plan saved since the file was checked', async () => {
    const project = await twoMilestoneProject(t, office);
    const later = project.milestoneList.map(({ id, name, weight, dueDate }, k) => ({
      id,
      name,
      weight,
      dueDate: k === 1 ? '2027-03-31' : dueDate,
    }));
    const planMoved = async () =>
      expect(
        (await office.put(`/api/v1/reforms/projects/${project.id}/milestones`, { milestones: later })).status,
      ).toBe(200);
    const file = await sheet([rowOf(project, { endDate: '2026-12-31' })]);
    const importing = importProjects({ ...officeCtx, db: racing(officeCtx.db, planMoved) }, async () => file);
    expect(await refusal(importing)).toMatchObject({
      code: 'VALIDATION',
      errors: [expect.objectContaining({ path: 'row 2.endDate', code: 'milestone_outside_period' })],
    });
    const after = await read(project);
    expect(after.endDate).toBe(project.endDate);
    expect(after.milestoneList[1]!.dueDate).toBe('2027-03-31');
  });

  it('moves dates that keep every milestone within them', async () => {
    const project = await twoMilestoneProject(t, office);
    const res = await office.request<ReformImportReport>(
      'POST',
      '/api/v1/reforms/projects/import',
      new Uint8Array(await sheet([rowOf(project, { endDate: '2026-12-31' })])),
      { 'content-type': XLSX },
    );
    expect(res.body).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect((await read(project)).endDate).toBe('2026-12-31');
  });
});
