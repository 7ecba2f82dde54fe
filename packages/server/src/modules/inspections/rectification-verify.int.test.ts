import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../audit/schema.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import type { Figures, RectificationPage } from './contracts-figures.js';
import type { PublicVisitResult } from './contracts-public.js';
import type { Finding, VisitResult, VisitResultBrief } from './contracts-visits.js';
import {
  acceptPath,
  type Issues,
  noticesOf,
  openIssues,
  report,
  returnPath,
} from './rectification-helpers.js';
import { inspectionFindings } from './schema.js';
import { auditOf } from './test-helpers.js';

/**
 * 整改验收: the item's department accepts a rectification the firm reported, or returns it with a
 * reason, and the firm rectifies again against the same due date. Run on PGlite, and on
 * PostgreSQL with DATABASE_URL set.
 */
let t: TestContext;
let issues: Issues;
let finding: Issues['findings'][number];
let verifier: TestClient;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business', 'inspections'] });
  issues = await openIssues(t);
  finding = issues.findings[0]!;
  verifier = await t.as(issues.staffOf.get(finding.unitId)!);
});
afterAll(() => t.close());

type Refusal = { code: string; errors: { path: string; code: string; message: string }[] };
const refusedWith = async (
  res: Promise<{ status: number; body: unknown }>,
  status: number,
  code?: string,
) => {
  const r = await res;
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  if (code) expect((r.body as Refusal).errors[0]).toMatchObject({ path: 'findingId', code });
};
const row = async () =>
  (await t.database.db.select().from(inspectionFindings).where(eq(inspectionFindings.id, finding.id)))[0]!;
const listed = async (client: TestClient, state: string) =>
  (await client.get<RectificationPage>(`/api/v1/inspections/rectifications?state=${state}&pageSize=100`)).body
    .items;
const firmsView = async (): Promise<Finding> =>
  (await issues.firm.get<VisitResult>(`/api/v1/inspections/my-results/${issues.visitId}`)).body.items.find(
    (i) => i.finding?.id === finding.id,
  )!.finding!;

describe('who verifies a rectification', () => {
  it('refuses one the firm has not reported, with the field’s code, in either language', async () => {
    await refusedWith(verifier.post(acceptPath(finding.id)), 409, 'not_reported');
    await refusedWith(verifier.post(returnPath(finding.id), { reason: '未整改' }), 409, 'not_reported');
    // The title in the reader's language; the web words the field's code in both.
    const titled = async (locale: string) =>
      (
        await verifier.request<{ title: string }>('POST', acceptPath(finding.id), undefined, {
          'accept-language': locale,
        })
      ).body.title;
    expect(await titled('en')).toBe('Conflicts with existing data');
    expect(await titled('zh-CN')).toBe('与现有数据冲突');
  });

  it('lets only the staff of the item’s department verify: not the office, supervisors, the firm or another department', async () => {
    await report(issues.firm, finding.id, '已更换灭火器');
    const other = [...issues.staffOf.entries()].find(([unit]) => unit !== finding.unitId)![1];
    for (const login of ['office', 'supervisor', 'firm1', 'citizen', other, 'dept']) {
      const client = await t.as(login);
      expect((await client.post(acceptPath(finding.id))).status, login).toBe(403);
      expect((await client.post(returnPath(finding.id), { reason: '不行' })).status, login).toBe(403);
    }
    expect((await t.client().post(acceptPath(finding.id))).status).toBe(401);
    expect((await row()).verifiedAt).toBeNull();
    // The department's own staff see what they may do on the follow-up list; the office does not.
    const mine = (await listed(verifier, 'reported')).find((r) => r.findingId === finding.id)!;
    expect(mine).toMatchObject({
      stage: 'reported',
      rectificationNote: '已更换灭火器',
      allowed: ['accept', 'return'],
    });
    const office = (await listed(await t.as('office'), 'reported')).find((r) => r.findingId === finding.id)!;
    expect(office.allowed).toEqual([]);
  });
});

describe('return, report again, accept', () => {
  it('returns a report only with a reason; the firm is told why and may report again, on the same due date', async () => {
    await refusedWith(verifier.post(returnPath(finding.id), { reason: '  ' }), 400);
    await refusedWith(verifier.post(returnPath(finding.id), {}), 400);
    const reason = '灭火器仍未年检，复查请联系13812345678';
    const res = await verifier.post<Finding>(returnPath(finding.id), { reason });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ stage: 'returned', rectifiedAt: null, rectificationNote: null });
    expect(res.body.returnReason).toBe(reason);
    const after = await row();
    expect(after.dueDate).toBe(finding.dueDate);
    expect(after.returnedBy).not.toBeNull();
    // Open again for the firm, its days counted to the original due date.
    const seen = await firmsView();
    expect(seen).toMatchObject({
      stage: 'returned',
      returnReason: reason,
      dueDate: finding.dueDate,
    });
    expect(seen.workdaysLeft).toBeGreaterThan(0);
    expect(await noticesOf(t, 'firm1', 'inspections.notice.rectificationReturned')).toEqual([
      expect.objectContaining({
        visitId: issues.visitId,
        // The firm's visit page keeps the reason whole; its inbox line masks the numbers.
        reason: '灭火器仍未年检，复查请联系138****5678',
        dueDate: finding.dueDate,
      }),
    ]);
    expect((await listed(verifier, 'returned')).map((r) => r.findingId)).toContain(finding.id);
    expect((await listed(verifier, 'open')).map((r) => r.findingId)).toContain(finding.id);
    expect((await listed(verifier, 'reported')).map((r) => r.findingId)).not.toContain(finding.id);
    expect(await auditOf(t, finding.id)).toContain('inspectionRectification.return');
    // The cleared report is kept in the return's audit event: its note and its photos.
    const [returned] = await t.database.db
      .select({ before: auditEvents.before })
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, 'inspectionRectification.return'), eq(auditEvents.entityId, finding.id)),
      );
    expect(returned!.before).toMatchObject({ note: expect.any(String), photos: [] });
  });

  it('refuses to accept or return a returned one until the firm reports again', async () => {
    await refusedWith(verifier.post(acceptPath(finding.id)), 409, 'rectification_returned');
    await refusedWith(
      verifier.post(returnPath(finding.id), { reason: '再退' }),
      409,
      'rectification_returned',
    );
  });

  it('accepts the new report once: closed for the firm, the lists, the figures and the public', async () => {
    const again = await report(issues.firm, finding.id, '已完成年检并补齐台账');
    expect(again).toMatchObject({
      stage: 'reported',
      returnReason: '灭火器仍未年检，复查请联系13812345678',
      overdue: false,
    });
    const ok = await verifier.post<Finding>(acceptPath(finding.id));
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.stage).toBe('verified');
    expect(ok.body.verifiedAt).not.toBeNull();
    expect(await noticesOf(t, 'firm1', 'inspections.notice.rectificationAccepted')).toEqual([
      expect.objectContaining({ visitId: issues.visitId }),
    ]);
    // Verified once: a second acceptance, a return and the firm's confirmation are refused.
    await refusedWith(verifier.post(acceptPath(finding.id)), 409, 'already_verified');
    await refusedWith(verifier.post(returnPath(finding.id), { reason: '反悔' }), 409, 'already_verified');
    await refusedWith(
      issues.firm.post(`/api/v1/inspections/findings/${finding.id}/rectification`, { note: '再确认' }),
      409,
      'already_verified',
    );
    expect((await listed(verifier, 'closed')).map((r) => r.findingId)).toContain(finding.id);
    const actions = await auditOf(t, finding.id);
    expect(actions.filter((a) => a === 'inspectionRectification.accept')).toHaveLength(1);

    const briefs = (await issues.firm.get<VisitResultBrief[]>('/api/v1/inspections/my-results')).body;
    expect(briefs.find((b) => b.id === issues.visitId)).toMatchObject({ rectified: 1 });
    const pub = await t
      .client()
      .get<{ items: PublicVisitResult[] }>('/api/v1/public/inspections/results?page=1&pageSize=100');
    const visit = pub.body.items.find((v) => v.id === issues.visitId)!;
    expect(visit.rectified).toBe(1);
    expect(JSON.stringify(visit)).not.toContain('灭火器仍未年检');
  });

  it('counts a report awaiting verification, a returned one and an accepted one apart', async () => {
    expect(issues.findings.length).toBeGreaterThanOrEqual(3);
    const [, second, third] = issues.findings as [
      unknown,
      Issues['findings'][number],
      Issues['findings'][number],
    ];
    await report(issues.firm, second.id);
    await report(issues.firm, third.id);
    const own = await t.as(issues.staffOf.get(third.unitId)!);
    expect((await own.post(returnPath(third.id), { reason: '材料不全' })).status).toBe(200);
    // The demo's visits are in November 2026.
    const rows = (await (await t.as('supervisor')).get<Figures>('/api/v1/inspections/figures?year=2026')).body
      .rows;
    const sum = (k: 'reported' | 'returned' | 'rectified') => rows.reduce((n, r) => n + r[k], 0);
    const all = (await t.database.db.select().from(inspectionFindings)).filter((f) => f.result === 'issue');
    expect(sum('rectified')).toBe(1);
    expect(sum('rectified')).toBe(all.filter((f) => f.verifiedAt).length);
    expect(sum('reported')).toBe(all.filter((f) => f.rectifiedAt && !f.verifiedAt).length);
    expect(sum('returned')).toBe(all.filter((f) => !f.rectifiedAt && f.returnedAt).length);

    // Both past their due date: the returned one is overdue, the one awaiting verification is not.
    await t.database.db
      .update(inspectionFindings)
      .set({ dueDate: '2026-11-20' })
      .where(inArray(inspectionFindings.id, [second.id, third.id]));
    const overdue = (await listed(own, 'overdue')).map((r) => r.findingId);
    expect(overdue).toContain(third.id);
    expect(overdue).not.toContain(second.id);
    const reported = (await listed(await t.as(issues.staffOf.get(second.unitId)!), 'reported')).find(
      (r) => r.findingId === second.id,
    )!;
    expect(reported).toMatchObject({ overdue: false, workdaysLeft: null });
  });
});
