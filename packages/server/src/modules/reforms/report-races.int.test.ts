import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../context.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { contextOf, holdingCommit, racing, refusal } from '../../test-support/racing.js';
import { approveReport } from './commands/approveReport.js';
import { createReport } from './commands/createReport.js';
import { updateReport } from './commands/updateReport.js';
import type { ReformProject, ReformReport } from './contracts.js';
import { reformReportItems, reformReports } from './schema.js';
import { twoMilestoneProject } from './test-helpers.js';

let t: TestContext;
let office: TestClient;
let dept: TestClient;
let officeCtx: ServiceContext;
let deptCtx: ServiceContext;

beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users'] });
  office = await t.as('office');
  dept = await t.as('dept');
  officeCtx = await contextOf(t, office);
  deptCtx = await contextOf(t, dept);
});
afterAll(() => t.close());

const twoMilestones = () => twoMilestoneProject(t, office);

async function submitted(project: ReformProject, period: string, done: number): Promise<ReformReport> {
  const made = await dept.post<ReformReport>('/api/v1/reforms/reports', {
    projectId: project.id,
    period,
    summary: '按计划推进',
    items: [{ milestoneId: project.milestoneList[0]!.id, done }],
  });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  expect((await dept.post(`/api/v1/reforms/reports/${made.body.id}/submit`)).status).toBe(200);
  return made.body;
}

/** The office's plan without the first milestone, sent as the editor sends it. */
const removeFirst = async (project: ReformProject) => {
  const res = await office.put(`/api/v1/reforms/projects/${project.id}/milestones`, {
    milestones: project.milestoneList.slice(1).map(({ id, name, weight, dueDate }) => ({
      id,
      name,
      weight,
      dueDate,
    })),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
};

const itemsOf = async (reportId: string) =>
  (await t.database.db.select().from(reformReportItems).where(eq(reformReportItems.reportId, reportId))).map(
    (i) => ({ milestoneId: i.milestoneId, done: i.done }),
  );

describe('two reports of a project approved at the same moment', () => {
  it('leave the milestone at the higher figure approved, never the later one written', async () => {
    const project = await twoMilestones();
    const higher = await submitted(project, '2026-01', 0.8);
    const lower = await submitted(project, '2026-02', 0.5);
    // The higher approval's writes are open, uncommitted, when the lower one reads the milestone.
    const held = holdingCommit(officeCtx.db);
    const first = approveReport({ ...officeCtx, db: held.db }, higher.id);
    await held.holding;
    const second = approveReport(officeCtx, lower.id);
    await Promise.all([first, second]);
    const read = await office.get<ReformProject>(`/api/v1/reforms/projects/${project.id}`);
    expect(read.body.milestoneList[0]!.done).toBe(0.8);
  });
});

describe('a report written while the office removes one of its milestones', () => {
  it('a draft saved then is refused naming the item, not failed, and keeps what it said', async () => {
    const project = await twoMilestones();
    const [first, second] = project.milestoneList;
    const draft = await dept.post<ReformReport>('/api/v1/reforms/reports', {
      projectId: project.id,
      period: '2026-01',
      items: [{ milestoneId: second!.id, done: 0.2 }],
    });
    expect(draft.status).toBe(201);
    const saving = updateReport(
      { ...deptCtx, db: racing(deptCtx.db, () => removeFirst(project)) },
      draft.body.id,
      {
        summary: '方案已起草',
        problems: '',
        items: [
          { milestoneId: first!.id, done: 0.3, note: '' },
          { milestoneId: second!.id, done: 0.4, note: '' },
        ],
      },
    );
    expect(await refusal(saving)).toMatchObject({
      code: 'VALIDATION',
      errors: [expect.objectContaining({ path: 'items.0.milestoneId', code: 'not_found' })],
    });
    expect(await itemsOf(draft.body.id)).toEqual([{ milestoneId: second!.id, done: 0.2 }]);
    const [row] = await t.database.db.select().from(reformReports).where(eq(reformReports.id, draft.body.id));
    expect(row!.summary).toBe('');
  });

  it('a report started then is refused naming the item, and none is made', async () => {
    const project = await twoMilestones();
    const starting = createReport(
      { ...deptCtx, db: racing(deptCtx.db, () => removeFirst(project)) },
      {
        projectId: project.id,
        period: '2026-02',
        summary: '',
        problems: '',
        items: [{ milestoneId: project.milestoneList[0]!.id, done: 0.3, note: '' }],
      },
    );
    expect(await refusal(starting)).toMatchObject({
      code: 'VALIDATION',
      errors: [expect.objectContaining({ path: 'items.0.milestoneId', code: 'not_found' })],
    });
    expect(
      await t.database.db.select().from(reformReports).where(eq(reformReports.projectId, project.id)),
    ).toEqual([]);
  });
});

describe('two colleagues starting the same month’s report', () => {
  it('the later is told the month is taken, field named, as when it was started before', async () => {
    const project = await twoMilestones();
    const input = { projectId: project.id, period: '2026-03', summary: '', problems: '', items: [] };
    const colleague = async () =>
      expect((await dept.post('/api/v1/reforms/reports', input)).status).toBe(201);
    const starting = createReport({ ...deptCtx, db: racing(deptCtx.db, colleague) }, input);
    expect(await refusal(starting)).toMatchObject({
      code: 'CONFLICT',
      errors: [expect.objectContaining({ path: 'period', code: 'taken' })],
    });
    expect(
      await t.database.db.select().from(reformReports).where(eq(reformReports.projectId, project.id)),
    ).toHaveLength(1);
  });
});
