import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import type { PublicReformProject } from './contracts-public.js';
import { freshProject } from './test-helpers.js';

let t: TestContext;
let office: TestClient;
let dept: TestClient;

beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users'] });
  office = await t.as('office');
  dept = await t.as('dept');
});
afterAll(() => t.close());

describe('a project’s public page', () => {
  it('masks a phone or ID number the lead unit typed into its goal or a milestone', async () => {
    const project = await freshProject(t, office, [
      { name: '联系王科长13812345678对接', weight: 1, dueDate: '2026-06-30' },
    ]);
    const goal = '企业开办一日办结，咨询请联系李主任13912345678';
    expect((await dept.patch(`/api/v1/reforms/projects/${project.id}`, { goal })).status).toBe(200);
    const res = await t.client().get<PublicReformProject>(`/api/v1/public/reforms/projects/${project.id}`);
    expect(res.status).toBe(200);
    const text = JSON.stringify(res.body);
    expect(text).not.toContain('13912345678');
    expect(text).not.toContain('13812345678');
    expect(res.body.goal).toContain('企业开办一日办结');
    expect(res.body.milestones[0]!.name).toContain('对接');
    // Staff, who work with the lead unit, read it as written.
    const staff = await office.get<{ goal: string }>(`/api/v1/reforms/projects/${project.id}`);
    expect(staff.body.goal).toBe(goal);
  });
});

describe('the key battles’ public page', () => {
  it('masks a phone number the office typed into a battle’s goal or a phase', async () => {
    const battle = (await office.get<{ battles: Array<{ id: string }> }>('/api/v1/reforms/battles')).body
      .battles[0];
    const id =
      battle?.id ??
      (
        await office.post<{ id: string }>('/api/v1/reforms/battles', {
          name: '营商环境优化攻坚战',
          leadUnitId: (await office.get<Array<{ id: string }>>('/api/v1/units')).body[0]!.id,
          step: 'rise',
        })
      ).body.id;
    const goal = '一年内企业开办全程网办，咨询热线13912345678';
    expect((await office.patch(`/api/v1/reforms/battles/${id}`, { goal })).status).toBe(200);
    const phases = [
      {
        name: '摸底，联系人13812345678',
        startDate: '2026-01-01',
        endDate: '2026-06-30',
        target: '对接13712345678',
      },
    ];
    expect((await office.put(`/api/v1/reforms/battles/${id}/phases`, { phases })).status).toBe(200);
    const res = await t
      .client()
      .get<{ battles: Array<{ id: string; goal: string }> }>('/api/v1/public/reforms/battles');
    const text = JSON.stringify(res.body);
    for (const phone of ['13912345678', '13812345678', '13712345678']) expect(text).not.toContain(phone);
    expect(res.body.battles.find((b) => b.id === id)!.goal).toContain('企业开办全程网办');
    // The office reads what it wrote.
    expect((await office.get<{ goal: string }>(`/api/v1/reforms/battles/${id}`)).body.goal).toBe(goal);
  });
});
