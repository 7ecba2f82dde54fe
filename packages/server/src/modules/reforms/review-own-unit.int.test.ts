import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WaitingItem } from '../../kernel/waiting.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { type District, makeDistrict, makeUnit, signedIn } from '../../test-support/factories.js';
import type { ReformReport } from './contracts.js';

/**
 * No unit approves its own reports: a street's admin reviews the reports of the units below the
 * street, never those the street's own staff wrote of a project the street leads; the district
 * office, above it, reviews those.
 */
let t: TestContext;
let tree: District;
let office: TestClient;
let streetAdmin: TestClient;
let streetStaff: TestClient;
let communityStaff: TestClient;
let community: { id: string };
let made = 0;

beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  tree = await makeDistrict(t);
  community = await makeUnit(t, { parent: tree.street, kind: 'community' });
  office = await signedIn(t, 'admin', tree.district);
  streetAdmin = await signedIn(t, 'admin', tree.street);
  streetStaff = await signedIn(t, 'department_staff', tree.street);
  communityStaff = await signedIn(t, 'department_staff', community);
});
afterAll(() => t.close());

/** A report of a project led by `leadUnitId`, written and submitted by `staff`. */
async function submittedReport(leadUnitId: string, staff: TestClient): Promise<ReformReport> {
  made += 1;
  const list = await office.post<{ id: string }>('/api/v1/reforms/lists', { name: `审核清单${made}` });
  const project = await office.post<{ id: string }>('/api/v1/reforms/projects', {
    code: `QJGG-R${String(made).padStart(3, '0')}`,
    name: `审核项目${made}`,
    listId: list.body.id,
    source: 'local',
    leadUnitId,
    startDate: '2026-01-01',
    endDate: '2026-12-31',
  });
  expect(project.status).toBe(201);
  const report = await staff.post<ReformReport>('/api/v1/reforms/reports', {
    projectId: project.body.id,
    period: '2026-02',
    summary: '按计划推进',
    items: [],
  });
  expect(report.status).toBe(201);
  expect((await staff.post(`/api/v1/reforms/reports/${report.body.id}/submit`)).status).toBe(200);
  return report.body;
}

const statusOf = async (id: string) =>
  (await office.get<ReformReport>(`/api/v1/reforms/reports/${id}`)).body.status;

/** How many reports `c` sees waiting for its review. */
const toReview = async (c: TestClient) => {
  const res = await c.get<{ items: WaitingItem[] }>('/api/v1/me/waiting');
  return res.body.items.find((i) => i.module === 'reforms' && i.key === 'toReview')?.count;
};

describe('who reviews a unit’s report', () => {
  it('a street’s admin neither approves nor returns the street’s own report', async () => {
    const own = await submittedReport(tree.street.id, streetStaff);
    const seen = await streetAdmin.get<ReformReport & { actions: { review: boolean } }>(
      `/api/v1/reforms/reports/${own.id}`,
    );
    expect(seen.status).toBe(200);
    expect(seen.body.actions.review).toBe(false);
    expect((await streetAdmin.post(`/api/v1/reforms/reports/${own.id}/approve`)).status).toBe(403);
    const back = await streetAdmin.post(`/api/v1/reforms/reports/${own.id}/return`, { reason: '请补充' });
    expect(back.status).toBe(403);
    expect(await statusOf(own.id)).toBe('submitted');
    // Nor is it counted as waiting for the street's review.
    expect(await toReview(streetAdmin)).toBeUndefined();
    // The district office, above the street, does.
    expect((await office.post(`/api/v1/reforms/reports/${own.id}/approve`)).status).toBe(200);
    expect(await statusOf(own.id)).toBe('approved');
  });

  it('a street’s admin approves a report of a community under the street', async () => {
    const below = await submittedReport(community.id, communityStaff);
    expect(await toReview(streetAdmin)).toBe(1);
    expect((await streetAdmin.post(`/api/v1/reforms/reports/${below.id}/approve`)).status).toBe(200);
    expect(await statusOf(below.id)).toBe('approved');
  });
});
