import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import type { ReformProject, ReformReport } from './contracts.js';
import { freshProject, type Problem } from './test-helpers.js';

let t: TestContext;
let office: TestClient;
let dept: TestClient;
let project: ReformProject;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users'] });
  office = await t.as('office');
  dept = await t.as('dept');
  project = await freshProject(t, office, [
    { name: '出台实施方案', weight: 1, dueDate: '2026-06-30' },
    { name: '系统上线运行', weight: 1, dueDate: '2027-03-31' },
  ]);
});
afterAll(() => t.close());

const read = async () => (await office.get<ReformProject>(`/api/v1/reforms/projects/${project.id}`)).body;
const draft = async (period: string, done: number) => {
  const res = await dept.post<ReformReport>('/api/v1/reforms/reports', {
    projectId: project.id,
    period,
    summary: `${period} 进展`,
    items: [{ milestoneId: project.milestoneList[0]!.id, done }],
  });
  expect(res.status).toBe(201);
  return res.body;
};

describe('approved progress never goes backwards through a report', () => {
  let august: ReformReport;
  let october: ReformReport;
  let november: ReformReport;

  it('approving an older or lower report after a higher one leaves the milestone at the higher figure', async () => {
    august = await draft('2026-08', 0.1);
    october = await draft('2026-10', 0.3);
    november = await draft('2026-11', 1);
    for (const r of [october, november])
      expect((await dept.post(`/api/v1/reforms/reports/${r.id}/submit`)).status).toBe(200);
    expect((await office.post(`/api/v1/reforms/reports/${november.id}/approve`)).status).toBe(200);
    const done = (await read()).milestoneList[0]!;
    expect(done.done).toBe(1);
    expect(done.doneAt).not.toBeNull();
    const approved = await office.post<ReformReport>(`/api/v1/reforms/reports/${october.id}/approve`);
    expect(approved.status).toBe(200);
    // The report keeps what it said; the milestone keeps what was approved, and when it was done.
    expect(approved.body.items[0]).toMatchObject({ done: 0.3, doneBefore: 1 });
    const after = await read();
    expect(after.milestoneList[0]).toMatchObject({ done: 1, doneAt: done.doneAt });
    expect(after.progress).toBe(0.5);
  });

  it('a draft below the approved figure is refused at update and at submit, the milestone named in both languages', async () => {
    for (const send of [
      (h: Record<string, string>) =>
        dept.request(
          'PUT',
          `/api/v1/reforms/reports/${august.id}`,
          { summary: '补报', items: [{ milestoneId: project.milestoneList[0]!.id, done: 0.5 }] },
          h,
        ),
      (h: Record<string, string>) =>
        dept.request('POST', `/api/v1/reforms/reports/${august.id}/submit`, {}, h),
    ])
      for (const h of [{}, { 'accept-language': 'en' }] as Array<Record<string, string>>) {
        const res = await send(h);
        expect(res.status).toBe(400);
        expect((res.body as Problem).errors).toContainEqual(
          expect.objectContaining({
            path: 'items.0.done',
            code: 'below_approved',
            params: { value: '出台实施方案', minimum: 100 },
          }),
        );
      }
    const kept = await dept.get<ReformReport>(`/api/v1/reforms/reports/${august.id}`);
    expect(kept.body).toMatchObject({ status: 'draft', items: [{ done: 0.1 }] });
    expect((await read()).milestoneList[0]!.done).toBe(1);
  });

  it('a new report may give the approved figure or more', async () => {
    const september = await draft('2026-09', 1);
    expect(september.items[0]!.done).toBe(1);
  });
});
