import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../audit/schema.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { makeDistrict, signedIn } from '../../test-support/factories.js';
import { type MadeIndicator, makeIndicator, makePlan } from '../../test-support/factories-targets.js';
import { contextOf } from '../../test-support/racing.js';
import { addEvidence } from './commands/addEvidence.js';
import { removeEvidence } from './commands/removeEvidence.js';
import type { Plan } from './contracts/plans.js';
import type { Report } from './contracts/reports.js';

/**
 * The audit log keeps the targets' personal data masked as the lists show it: a plan's liaison
 * (name and phone), any phone or ID number typed into a justification, a note or a reason, and
 * any such number in the name of an evidence file.
 */
let t: TestContext;
let office: TestClient;
let dept: TestClient;
let tree: Awaited<ReturnType<typeof makeDistrict>>;
let unit: string;
let indicator: MadeIndicator;
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  tree = await makeDistrict(t);
  office = await signedIn(t, 'admin', tree.district);
  dept = await signedIn(t, 'department_staff', tree.department);
  unit = tree.department.id;
  indicator = await makeIndicator(office);
});
afterAll(() => t.close());

// Every number typed below, none of which the log may hold in clear.
const numbers = [
  '13912345678',
  '13700001111',
  '13812345678',
  '500101199001011234',
  '13612345678',
  '13512345678',
];

const plan = (contactPhone: string) => ({
  contactName: '王小明',
  contactPhone,
  items: [
    {
      indicatorId: indicator.id,
      base: 100,
      targets: [105, 110, 115, 120],
      benchmarkValue: 130,
      justification: '口径见统计局函，经办 13812345678',
    },
  ],
});

const ok = async <T>(res: Promise<{ status: number; body: T }>, status = 200): Promise<T> => {
  const done = await res;
  expect(done.status, JSON.stringify(done.body)).toBe(status);
  return done.body;
};

describe('the audit entries of a plan and its report', () => {
  it('hold the liaison and any number typed into a text masked, the ids as they are', async () => {
    const created = await ok(
      dept.post<Plan>('/api/v1/targets/plans', { unitId: unit, year: 2025, ...plan('13912345678') }),
      201,
    );
    const path = `/api/v1/targets/plans/${created.id}`;
    const updated = await ok(dept.put<Plan>(path, { ...plan('13700001111'), updatedAt: created.updatedAt }));
    await ok(dept.post(`${path}/submit`));
    const reason = '请核对，身份证 500101199001011234，电话 13612345678';
    await ok(office.post(`${path}/return`, { reason }));
    // Edited while returned: the plan read before the edit carries the reason it came back with.
    const returned = await ok(dept.get<Plan>(path));
    await ok(dept.put<Plan>(path, { ...plan('13700001111'), updatedAt: returned.updatedAt }));
    await ok(dept.post(`${path}/submit`));
    await ok(office.post(`${path}/approve`));
    const values = (note: string) => [{ indicatorId: indicator.id, value: 104, note }];
    const report = await ok(
      dept.post<Report>('/api/v1/targets/reports', {
        planId: created.id,
        period: '2025Q1',
        values: values('联系 13512345678'),
      }),
      201,
    );
    const reportPath = `/api/v1/targets/reports/${report.id}`;
    await ok(dept.put(reportPath, { values: values('已核 13512345678'), updatedAt: report.updatedAt }));
    await ok(dept.post(`${reportPath}/submit`));
    await ok(office.post(`${reportPath}/return`, { reason }));
    const back = await ok(dept.get<Report>(reportPath));
    await ok(dept.put(reportPath, { values: values('再核 13512345678'), updatedAt: back.updatedAt }));

    const events = await t.database.db
      .select()
      .from(auditEvents)
      .where(inArray(auditEvents.entityId, [created.id, report.id]));
    expect(events.map((e) => e.action).sort()).toEqual(
      [
        'plan.create',
        'plan.update',
        'plan.update',
        'plan.submit',
        'plan.return',
        'plan.submit',
        'plan.approve',
        'report.create',
        'report.update',
        'report.submit',
        'report.return',
        'report.update',
      ].sort(),
    );
    const logged = JSON.stringify(events.map((e) => [e.before, e.after]));
    for (const n of numbers) expect(logged).not.toContain(n);
    const creation = events.find((e) => e.action === 'plan.create')!.after as ReturnType<typeof plan>;
    expect(creation).toMatchObject({ contactName: '王**', contactPhone: '139****5678' });
    expect(creation.items[0]).toMatchObject({
      indicatorId: indicator.id,
      justification: '口径见统计局函，经办 138****5678',
    });
    const edit = events.find((e) => e.action === 'plan.update')!;
    expect(edit.before).toMatchObject({ contactPhone: '139****5678' });
    expect(edit.after).toMatchObject({ contactPhone: '137****1111' });
    expect(updated.contactPhone).toBe('13700001111');
  });

  it('hold an evidence file’s name with any number in it masked, as it is added and removed', async () => {
    const approved = await makePlan({
      unit: tree.department,
      staff: dept,
      indicators: [indicator],
      state: 'approved',
      office,
      year: 2026,
    });
    const report = await ok(
      dept.post<Report>('/api/v1/targets/reports', {
        planId: approved.id,
        period: '2026Q1',
        values: [{ indicatorId: indicator.id, value: 104, note: '' }],
      }),
      201,
    );
    const ctx = await contextOf(t, dept);
    // The first bytes of a PDF: enough for the file-kind check.
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34, 0x0a]);
    const name = '王小明 13812345678 身份证500101199001011234.pdf';
    const file = await addEvidence(ctx, report.id, async () => ({ name, bytes }));
    expect(file.fileName).toBe(name);
    await removeEvidence(ctx, file.id);
    const events = await t.database.db.select().from(auditEvents).where(eq(auditEvents.entityId, file.id));
    const masked = '王小明 138****5678 身份证5001**********1234.pdf';
    const logged = events
      .map((e) => [e.action, e.after ?? e.before])
      .sort(([a], [b]) => `${a}`.localeCompare(`${b}`));
    expect(logged).toEqual([
      ['evidence.add', expect.objectContaining({ id: file.id, fileName: masked })],
      ['evidence.remove', expect.objectContaining({ id: file.id, fileName: masked })],
    ]);
  });
});
