import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../context.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { contextOf, racing, refusal } from '../../test-support/racing.js';
import { submitReport } from './commands/submitReport.js';
import type { ReformProject, ReformReport } from './contracts.js';
import { twoMilestoneProject } from './test-helpers.js';

/**
 * A report sent while it changes: what it says is checked again once the submission holds it, so
 * the office never receives an empty report, nor one lowering progress approved meanwhile.
 */
let t: TestContext;
let office: TestClient;
let dept: TestClient;
let deptCtx: ServiceContext;

beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users'] });
  office = await t.as('office');
  dept = await t.as('dept');
  deptCtx = await contextOf(t, dept);
});
afterAll(() => t.close());

async function draft(project: ReformProject, period: string, done: number): Promise<ReformReport> {
  const made = await dept.post<ReformReport>('/api/v1/reforms/reports', {
    projectId: project.id,
    period,
    summary: '按计划推进',
    items: [{ milestoneId: project.milestoneList[0]!.id, done }],
  });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  return made.body;
}

const statusOf = async (id: string) =>
  (await dept.get<ReformReport>(`/api/v1/reforms/reports/${id}`)).body.status;

describe('a report submitted while it changes', () => {
  it('is refused, its summary named, when a colleague emptied it since the checks', async () => {
    const project = await twoMilestoneProject(t, office);
    const report = await draft(project, '2026-02', 0.3);
    const emptied = async () =>
      expect(
        (await dept.put(`/api/v1/reforms/reports/${report.id}`, { summary: '', problems: '', items: [] }))
          .status,
      ).toBe(200);
    const sending = submitReport({ ...deptCtx, db: racing(deptCtx.db, emptied) }, report.id);
    expect(await refusal(sending)).toMatchObject({
      code: 'VALIDATION',
      errors: [expect.objectContaining({ path: 'summary', code: 'required' })],
    });
    expect(await statusOf(report.id)).toBe('draft');
  });

  it('is refused when another month was approved higher since the checks', async () => {
    const project = await twoMilestoneProject(t, office);
    const report = await draft(project, '2026-02', 0.3);
    const approvedHigher = async () => {
      const other = await draft(project, '2026-01', 0.8);
      expect((await dept.post(`/api/v1/reforms/reports/${other.id}/submit`)).status).toBe(200);
      expect((await office.post(`/api/v1/reforms/reports/${other.id}/approve`)).status).toBe(200);
    };
    const sending = submitReport({ ...deptCtx, db: racing(deptCtx.db, approvedHigher) }, report.id);
    expect(await refusal(sending)).toMatchObject({
      code: 'VALIDATION',
      errors: [expect.objectContaining({ path: 'items.0.done', code: 'below_approved' })],
    });
    expect(await statusOf(report.id)).toBe('draft');
  });
});
