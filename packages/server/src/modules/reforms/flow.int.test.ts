import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../audit/schema.js';
import { notifications } from '../../kernel/schema.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import type { ReformList, ReformProject, ReformReport, ReformReportList } from './contracts.js';
import type { PublicReformProject, PublicReformSummary } from './contracts-public.js';
import { auditOf, type Problem, pdfBytes, staffOf, unitId } from './test-helpers.js';

let t: TestContext;
let office: TestClient;
let dept: TestClient;
let other: TestClient;
let project: ReformProject;
let list: ReformList;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'reforms'] });
  office = await t.as('office');
  dept = await t.as('dept');
  other = await staffOf(t, 'QJ-D02', 'd02.reforms');
  list = (await office.get<ReformList[]>('/api/v1/reforms/lists')).body[1]!;
  const created = await office.post<ReformProject>('/api/v1/reforms/projects', {
    code: 'QJGG-T001',
    name: '测试：企业开办全程网办',
    listId: list.id,
    source: 'local',
    leadUnitId: await unitId(t, 'QJ-D01'),
    coUnitIds: [await unitId(t, 'QJ-D21')],
    startDate: '2026-01-01',
    endDate: '2027-06-30',
  });
  expect(created.status).toBe(201);
  const planned = await office.put<ReformProject>(`/api/v1/reforms/projects/${created.body.id}/milestones`, {
    milestones: [
      { name: '出台实施方案', weight: 1, dueDate: '2026-03-31' },
      { name: '上线全程网办系统', weight: 3, dueDate: '2026-11-30' },
    ],
  });
  expect(planned.status).toBe(200);
  project = planned.body;
});
afterAll(() => t.close());

const summary = async () =>
  (await t.client().get<PublicReformSummary>('/api/v1/public/reforms/summary')).body;
const percentOf = async (id: string) => (await summary()).lists.find((l) => l.id === id)!.percentDone;

describe('projects: who edits what', () => {
  it('the lead unit edits its own project’s goal and dates, but not its list or lead unit', async () => {
    const edited = await dept.patch<ReformProject>(`/api/v1/reforms/projects/${project.id}`, {
      goal: '企业开办一日办结',
    });
    expect(edited.status).toBe(200);
    expect(edited.body.goal).toBe('企业开办一日办结');
    const moved = await dept.patch(`/api/v1/reforms/projects/${project.id}`, {
      listId: project.listId,
      name: '改名',
    });
    expect(moved.status).toBe(403);
    expect((await dept.get<ReformProject>(`/api/v1/reforms/projects/${project.id}`)).body.name).toBe(
      project.name,
    );
  });

  it('another unit reads the ledger but cannot edit the project, its milestones or report on it', async () => {
    expect((await other.get(`/api/v1/reforms/projects/${project.id}`)).status).toBe(200);
    const before = await auditOf(t, project.id);
    const attempts = [
      await other.patch(`/api/v1/reforms/projects/${project.id}`, { goal: '越权修改' }),
      await other.put(`/api/v1/reforms/projects/${project.id}/milestones`, { milestones: [] }),
      await other.post('/api/v1/reforms/reports', { projectId: project.id, period: '2026-11' }),
    ];
    expect(attempts.map((a) => a.status)).toEqual([403, 403, 403]);
    const after = await dept.get<ReformProject>(`/api/v1/reforms/projects/${project.id}`);
    expect(after.body.goal).toBe('企业开办一日办结');
    expect(after.body.milestoneList).toHaveLength(2);
    expect(await auditOf(t, project.id)).toEqual(before);
  });

  it('the ledger and the reports say what the caller may do on them', async () => {
    const ledger = (who: TestClient) =>
      who.get<{ actions: unknown }>('/api/v1/reforms/projects?pageSize=1').then((r) => r.body.actions);
    const reports = (who: TestClient) =>
      who.get<{ actions: unknown }>('/api/v1/reforms/reports').then((r) => r.body.actions);
    expect(await ledger(office)).toEqual({ create: true, import: true });
    expect(await ledger(dept)).toEqual({ create: false, import: false });
    expect(await reports(office)).toEqual({ review: true });
    expect(await reports(dept)).toEqual({ review: false });
  });

  it('the project shows the caller’s actions and each milestone’s working days left', async () => {
    const mine = (await dept.get<ReformProject>(`/api/v1/reforms/projects/${project.id}`)).body;
    expect(mine.actions).toEqual({ edit: true, assign: false, report: true, correct: false, delete: false });
    expect((await office.get<ReformProject>(`/api/v1/reforms/projects/${project.id}`)).body.actions).toEqual({
      edit: true,
      assign: true,
      report: false,
      correct: true,
      delete: true,
    });
    // Due 30 November 2026 and not done: overdue, and counted back in working days.
    const [, second] = mine.milestoneList;
    expect(second!.overdue).toBe(new Date() > new Date('2026-11-30T16:00:00Z'));
    if (second!.overdue) expect(second!.workdaysLeft).toBeLessThan(0);
  });
});

describe('lists', () => {
  it('the district office keeps them; one with projects cannot be removed, an empty one can', async () => {
    const inUse = await office.delete<{ code: string; errors: Array<{ code: string }> }>(
      `/api/v1/reforms/lists/${list.id}`,
    );
    expect(inUse.status).toBe(409);
    expect(inUse.body.errors[0]!.code).toBe('in_use');
    expect((await dept.post('/api/v1/reforms/lists', { name: '部门自建清单' })).status).toBe(403);
    const empty = await office.post<ReformList>('/api/v1/reforms/lists', { name: '临时清单', sort: 9 });
    expect(empty.body).toMatchObject({ name: '临时清单', projects: 0, progress: 0 });
    expect((await office.post('/api/v1/reforms/lists', { name: '临时清单' })).status).toBe(409);
    expect((await office.delete(`/api/v1/reforms/lists/${empty.body.id}`)).status).toBe(204);
    expect(await auditOf(t, empty.body.id)).toEqual(['reformList.create', 'reformList.delete']);
  });
});

describe('a month’s report: submitted with evidence, returned, corrected, approved', () => {
  let report: ReformReport;

  it('the lead unit reports the first milestone done with evidence and submits', async () => {
    const created = await dept.post<ReformReport>('/api/v1/reforms/reports', {
      projectId: project.id,
      period: '2026-11',
      summary: '实施方案已印发',
      items: [{ milestoneId: project.milestoneList[0]!.id, done: 1, note: '已印发' }],
    });
    expect(created.status).toBe(201);
    report = created.body;
    expect(report.deadline).toBe('2026-12-07');
    const file = await dept.upload(`/api/v1/reforms/reports/${report.id}/evidence`, pdfBytes, '实施方案.pdf');
    expect(file.status).toBe(201);
    expect((await other.get(`/api/v1/reforms/evidence/${file.body.id}`)).status).toBe(404);
    expect((await office.get(`/api/v1/reforms/evidence/${file.body.id}`)).status).toBe(200);
    const submitted = await dept.post<ReformReport>(`/api/v1/reforms/reports/${report.id}/submit`);
    expect(submitted.body.status).toBe('submitted');
    expect(submitted.body.evidence.map((e) => e.fileName)).toEqual(['实施方案.pdf']);
    // The evidence is frozen once submitted.
    const frozen = await dept.upload(`/api/v1/reforms/reports/${report.id}/evidence`, pdfBytes, 'x.pdf');
    expect(frozen.status).toBe(422);
    expect(frozen.body.errors).toEqual([
      expect.objectContaining({
        code: 'invalid_transition',
        params: { current: 'submitted', wanted: 'draft,returned', entity: 'reformReport' },
      }),
    ]);
  });

  it('it waits in the office’s queue; the lead unit cannot approve it; the office returns it with a reason', async () => {
    const queue = await office.get<ReformReportList>('/api/v1/reforms/reports?status=submitted');
    expect(queue.body.items.map((r) => r.id)).toContain(report.id);
    expect((await dept.post(`/api/v1/reforms/reports/${report.id}/approve`)).status).toBe(403);
    const before = await percentOf(list.id);
    const returned = await office.post<ReformReport>(`/api/v1/reforms/reports/${report.id}/return`, {
      reason: '请补充印发文件的文号，有疑问致电13812345678',
    });
    expect(returned.body).toMatchObject({
      status: 'returned',
      returnReason: '请补充印发文件的文号，有疑问致电13812345678',
    });
    expect(await percentOf(list.id)).toBe(before);
    const told = await t.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.key, 'reforms.notice.returned'));
    // The report's page keeps the reason as written; the notice, a line of an inbox, masks its numbers.
    expect(told.map((n) => n.params.reason)).toEqual(['请补充印发文件的文号，有疑问致电138****5678']);
  });

  it('the lead unit corrects and resubmits; on approval the milestone is done and the list’s percentage moves', async () => {
    const list0 = await summary();
    const mine = list0.lists.find((l) => l.id === list.id)!;
    const corrected = await dept.put<ReformReport>(`/api/v1/reforms/reports/${report.id}`, {
      summary: '实施方案已印发（黔江府办发〔2026〕12号）',
      items: [{ milestoneId: project.milestoneList[0]!.id, done: 1 }],
    });
    expect(corrected.status).toBe(200);
    await dept.post(`/api/v1/reforms/reports/${report.id}/submit`);
    const publicReports = async () =>
      (await t.client().get<PublicReformProject>(`/api/v1/public/reforms/projects/${project.id}`)).body
        .reports;
    // Only an approved report's summary reaches the public, never one the office has not passed.
    expect(await publicReports()).toEqual([]);
    const approved = await office.post<ReformReport>(`/api/v1/reforms/reports/${report.id}/approve`);
    expect(approved.body.status).toBe('approved');
    expect(await publicReports()).toEqual([
      { period: '2026-11', summary: '实施方案已印发（黔江府办发〔2026〕12号）' },
    ]);
    const after = (await dept.get<ReformProject>(`/api/v1/reforms/projects/${project.id}`)).body;
    expect(after.milestoneList.map((m) => m.done)).toEqual([1, 0]);
    // Weights 1 and 3: the project goes from 0 to 1/4, its list’s mean by 1/4 over its projects.
    expect(after.progress).toBe(0.25);
    const moved = (await percentOf(list.id)) - mine.percentDone;
    expect(moved).toBeCloseTo((100 * 0.25) / mine.projects, 9);
    expect((await office.post(`/api/v1/reforms/reports/${report.id}/approve`)).body).toMatchObject({
      code: 'INVALID_STATE',
    });
    // An approved report is the record: its text no longer changes, and the refusal says why.
    const late = await dept.put<Problem>(`/api/v1/reforms/reports/${report.id}`, {
      summary: '改写',
      items: [],
    });
    expect(late.status).toBe(422);
    expect(late.body.errors).toEqual([
      expect.objectContaining({
        code: 'invalid_transition',
        params: { current: 'approved', wanted: 'draft,returned', entity: 'reformReport' },
      }),
    ]);
  });

  it('the audit log holds every step, the approval with the milestone’s done share before and after', async () => {
    expect(await auditOf(t, report.id)).toEqual([
      'reformReport.create',
      'reformReport.submit',
      'reformReport.return',
      'reformReport.update',
      'reformReport.submit',
      'reformReport.approve',
    ]);
    const [approval] = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'reformReport.approve'));
    expect(approval!.after).toMatchObject({
      status: 'approved',
      done: [{ milestoneId: project.milestoneList[0]!.id, done: 1 }],
    });
    expect(approval!.before).toMatchObject({ done: [{ done: 0 }] });
  });

  it('a co-unit reads the report; a unit with no part in the project does not', async () => {
    const coUnit = await staffOf(t, 'QJ-D21', 'd21.reforms');
    expect((await coUnit.get(`/api/v1/reforms/reports/${report.id}`)).status).toBe(200);
    expect((await other.get(`/api/v1/reforms/reports/${report.id}`)).status).toBe(404);
  });
});
