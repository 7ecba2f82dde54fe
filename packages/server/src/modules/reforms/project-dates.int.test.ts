import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import type { ReformProject } from './contracts.js';
import { auditOf, freshProject, refusedInBoth } from './test-helpers.js';

let t: TestContext;
let office: TestClient;
let dept: TestClient;
let project: ReformProject;

beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users'] });
  office = await t.as('office');
  dept = await t.as('dept');
  project = await freshProject(
    t,
    office,
    [
      { name: '出台实施方案', weight: 1, dueDate: '2026-03-31' },
      { name: '系统上线运行', weight: 3, dueDate: '2026-11-30' },
    ],
    { startDate: '2026-01-01', endDate: '2026-12-31' },
  );
});
afterAll(() => t.close());

const read = async () => (await office.get<ReformProject>(`/api/v1/reforms/projects/${project.id}`)).body;
const state = async () => ({ project: await read(), audit: await auditOf(t, project.id) });
const patch = (body: Record<string, unknown>) => (headers: Record<string, string>) =>
  office.request('PATCH', `/api/v1/reforms/projects/${project.id}`, body, headers);

describe('the project’s dates and its milestones’ due dates', () => {
  it('refuses an end date before a milestone falls due, naming the milestone, and changes nothing', async () => {
    await refusedInBoth(state, patch({ endDate: '2026-10-31' }), 'endDate', 'milestone_outside_period');
    const res = await office.patch<{ errors: unknown[] }>(`/api/v1/reforms/projects/${project.id}`, {
      endDate: '2026-10-31',
    });
    expect(res.body.errors).toEqual([
      expect.objectContaining({ params: { value: '系统上线运行', date: '2026-11-30' } }),
    ]);
  });

  it('refuses a start after a milestone falls due', async () => {
    await refusedInBoth(state, patch({ startDate: '2026-04-01' }), 'startDate', 'milestone_outside_period');
  });

  it('so the lead unit can still rename its milestones; dates around them are taken', async () => {
    const moved = await office.patch<ReformProject>(`/api/v1/reforms/projects/${project.id}`, {
      startDate: '2026-03-01',
      endDate: '2026-11-30',
    });
    expect(moved.status).toBe(200);
    const renamed = await dept.put<ReformProject>(`/api/v1/reforms/projects/${project.id}/milestones`, {
      milestones: moved.body.milestoneList.map(({ id, name, weight, dueDate }) => ({
        id,
        name: `${name}（改）`,
        weight,
        dueDate,
      })),
    });
    expect(renamed.status).toBe(200);
  });
});
