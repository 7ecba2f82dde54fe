import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../context.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { contextOf, racing, refusal } from '../../test-support/racing.js';
import { saveMilestones } from './commands/saveMilestones.js';
import type { ReformProject, ReformReport } from './contracts.js';
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

const plan = (p: ReformProject) =>
  p.milestoneList.map(({ id, name, weight, dueDate }) => ({ id, name, weight, dueDate }));

const read = async (p: ReformProject) =>
  (await office.get<ReformProject>(`/api/v1/reforms/projects/${p.id}`)).body;

const meanwhileConflict = {
  code: 'CONFLICT',
  errors: [expect.objectContaining({ path: 'milestones', code: 'edited_meanwhile' })],
};

describe('a milestone plan saved over a change made meanwhile', () => {
  it('the lead unit’s renaming cannot put back the due date the office has just moved', async () => {
    const project = await twoMilestones();
    const moved = plan(project).map((m, k) => (k === 0 ? { ...m, dueDate: '2026-05-29' } : m));
    const officeMoves = async () =>
      expect(
        (await office.put(`/api/v1/reforms/projects/${project.id}/milestones`, { milestones: moved })).status,
      ).toBe(200);
    // The lead unit's editor was opened before the office moved the date: it sends the old one.
    const renamed = plan(project).map((m, k) => (k === 0 ? { ...m, name: '印发实施方案' } : m));
    const saving = saveMilestones({ ...deptCtx, db: racing(deptCtx.db, officeMoves) }, project.id, {
      milestones: renamed,
    });
    expect(await refusal(saving)).toMatchObject(meanwhileConflict);
    expect(plan(await read(project))).toEqual(moved);
  });

  it('the office cannot remove a milestone whose progress was approved meanwhile', async () => {
    const project = await twoMilestones();
    const draft = await dept.post<ReformReport>('/api/v1/reforms/reports', {
      projectId: project.id,
      period: '2026-01',
      summary: '方案已印发',
      items: [{ milestoneId: project.milestoneList[0]!.id, done: 1 }],
    });
    expect(draft.status).toBe(201);
    // Checked while the report was a draft; submitted and approved before the plan is written.
    const approvedMeanwhile = async () => {
      expect((await dept.post(`/api/v1/reforms/reports/${draft.body.id}/submit`)).status).toBe(200);
      expect((await office.post(`/api/v1/reforms/reports/${draft.body.id}/approve`)).status).toBe(200);
    };
    const saving = saveMilestones({ ...officeCtx, db: racing(officeCtx.db, approvedMeanwhile) }, project.id, {
      milestones: plan(project).slice(1),
    });
    expect(await refusal(saving)).toMatchObject(meanwhileConflict);
    const after = await read(project);
    expect(after.milestoneList.map((m) => [m.name, m.done])).toEqual([
      ['出台实施方案', 1],
      ['系统上线运行', 0],
    ]);
  });

  it('still saves a plan no one changed meanwhile', async () => {
    const project = await twoMilestones();
    const renamed = plan(project).map((m, k) => (k === 1 ? { ...m, name: '平台上线运行' } : m));
    const saved = await saveMilestones(deptCtx, project.id, { milestones: renamed });
    expect(plan(saved)).toEqual(renamed);
  });
});
