import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../audit/schema.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import type { ReformReport } from './contracts.js';
import { twoMilestoneProject } from './test-helpers.js';

/**
 * The audit log keeps any phone or ID number typed into a report (its summary, its problems, a
 * milestone's note), a return's reason or a correction's reason masked, as the public pages do.
 */
let t: TestContext;
let office: TestClient;
let dept: TestClient;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users'] });
  office = await t.as('office');
  dept = await t.as('dept');
});
afterAll(() => t.close());

// Every number typed below, none of which the log may hold in clear.
const numbers = [
  '13812345678',
  '13912345678',
  '500101199001011234',
  '13612345678',
  '13512345678',
  '13712345678',
];

const ok = async <T>(res: Promise<{ status: number; body: T }>, status = 200): Promise<T> => {
  const done = await res;
  expect(done.status, JSON.stringify(done.body)).toBe(status);
  return done.body;
};

describe('the audit entries of a reform report and a correction', () => {
  it('hold any number typed into their text masked, the ids as they are', async () => {
    const project = await twoMilestoneProject(t, office);
    const milestoneId = project.milestoneList[0]!.id;
    const report = await ok(
      dept.post<ReformReport>('/api/v1/reforms/reports', {
        projectId: project.id,
        period: '2026-02',
        summary: '方案已印发，联系人 13812345678',
        problems: '经费待落实，财政局 13912345678',
        items: [{ milestoneId, done: 1, note: '经办人身份证 500101199001011234' }],
      }),
      201,
    );
    const path = `/api/v1/reforms/reports/${report.id}`;
    await ok(dept.post(`${path}/submit`));
    await ok(office.post(`${path}/return`, { reason: '请补充佐证，联系 13612345678' }));
    await ok(
      dept.put(path, {
        summary: '方案已印发，补充佐证 13512345678',
        problems: '无',
        items: [{ milestoneId, done: 1, note: '已补充' }],
      }),
    );
    await ok(dept.post(`${path}/submit`));
    await ok(office.post(`${path}/approve`));
    await ok(
      office.post(`/api/v1/reforms/projects/${project.id}/milestones/${milestoneId}/correction`, {
        done: 0.5,
        reason: '误批，经办 13712345678 核实',
      }),
    );

    const events = await t.database.db
      .select()
      .from(auditEvents)
      .where(inArray(auditEvents.entityId, [project.id, report.id]));
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        'reformReport.create',
        'reformReport.return',
        'reformReport.update',
        'reformMilestone.correct',
      ]),
    );
    const logged = JSON.stringify(events.map((e) => [e.before, e.after]));
    for (const n of numbers) expect(logged).not.toContain(n);
    const created = events.find((e) => e.action === 'reformReport.create')!.after;
    expect(created).toMatchObject({
      projectId: project.id,
      summary: '方案已印发，联系人 138****5678',
      items: [{ milestoneId, note: '经办人身份证 5001**********1234' }],
    });
    const edit = events.find((e) => e.action === 'reformReport.update')!;
    expect(edit.before).toMatchObject({ problems: '经费待落实，财政局 139****5678' });
    expect(edit.after).toMatchObject({ summary: '方案已印发，补充佐证 135****5678' });
    const correction = events.find((e) => e.action === 'reformMilestone.correct')!.after;
    expect(correction).toMatchObject({ milestoneId, reason: '误批，经办 137****5678 核实' });
    // The records themselves keep what was typed: only the log is masked.
    expect((await ok(office.get<ReformReport>(path))).summary).toBe('方案已印发，补充佐证 13512345678');
  });
});
