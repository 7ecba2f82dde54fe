import { readFileSync } from 'node:fs';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../audit/schema.js';
import { todayInChina } from '../../kernel/deadlines.js';
import { notifications } from '../../kernel/schema.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { accountsByIds, userIdByLogin } from '../users/api.js';
import { accountsOfInspectors } from './commands/visit-common.js';
import type { Visit, VisitCheck } from './contracts-visits.js';
import { freeDay, type PlanRow, publishedPlan, type VisitRow, workdaysOf } from './reschedule-helpers.js';
import { inspectionFirmProfiles, inspectionPlans, inspectionVisits } from './schema.js';
import { auditOf } from './test-helpers.js';

/**
 * 改期: the district office moves a published visit not yet started to another day, with a
 * reason; the firm, the team and the departments are told, the visit's history and its public
 * check page show the new day. Run on PGlite, and on PostgreSQL with DATABASE_URL set.
 */
let t: TestContext;
let office: TestClient;
let plan: PlanRow;
let visit: VisitRow;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business', 'inspections'] });
  office = await t.as('office');
  const made = await publishedPlan(t, office, '改期');
  plan = made.plan;
  visit = made.visits[0]!;
  // The demo's firm account, made the staff of the visited firm.
  const firmUser = (await userIdByLogin(t.database.db, 'firm1'))!;
  await t.database.db.execute(
    sql`update business_firm_members set firm_id = ${visit.firmId} where user_id = ${firmUser}`,
  );
});
afterAll(() => t.close());

const path = (id: string) => `/api/v1/inspections/visits/${id}/reschedule`;
const row = async (id = visit.id) =>
  (await t.database.db.select().from(inspectionVisits).where(eq(inspectionVisits.id, id)))[0]!;
type Refusal = { code: string; errors: { path: string; code: string }[] };
const words = (locale: string) =>
  JSON.parse(readFileSync(new URL(`../../../../web/src/i18n/${locale}/errors.json`, import.meta.url), 'utf8'))
    .field as Record<string, string>;

/** Refused with the field's code, worded in both languages, and nothing changed. */
async function refused(body: unknown, status: number, field: string, code: string, id = visit.id) {
  const before = await row(id);
  const res = await office.post<Refusal>(path(id), body);
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body.errors[0]).toMatchObject({ path: field, code });
  for (const locale of ['en', 'zh-CN']) expect(words(locale)[code], `${locale} ${code}`).toBeTruthy();
  expect(await row(id)).toEqual(before);
}

describe('rescheduling a published visit (改期)', () => {
  it('moves the visit, keeps its team, records why, and tells the firm, the team and the departments', async () => {
    const day = await freeDay(t, plan, visit);
    expect(day, 'a free day in the plan').toBeDefined();
    const from = visit.date;
    const read = await office.get<Visit>(`/api/v1/inspections/visits/${visit.id}`);
    expect(read.body.allowed).toContain('reschedule');
    const reason = '暴雨预警，企业停工，联系人13812345678';
    const res = await office.post<Visit>(path(visit.id), { date: day, reason });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.date).toBe(day);
    expect(res.body.moves).toEqual([{ from, to: day, reason, at: expect.any(String) }]);
    expect((await row()).inspectorIds).toEqual(visit.inspectorIds);

    const [event] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, visit.id), eq(auditEvents.action, 'inspectionVisit.reschedule')));
    expect(event).toMatchObject({
      before: { date: from },
      after: { date: day, reason: '暴雨预警，企业停工，联系人138****5678' },
    });

    const sent = await t.database.db
      .select()
      .from(notifications)
      .where(
        sql`${notifications.params}->>'visitId' = ${visit.id} and ${notifications.key} like 'inspections.notice.visitMoved%'`,
      );
    const firmUser = (await userIdByLogin(t.database.db, 'firm1'))!;
    expect(sent.filter((n) => n.key === 'inspections.notice.visitMoved').map((n) => n.userId)).toContain(
      firmUser,
    );
    const team = await accountsOfInspectors(t.database.db, visit.inspectorIds);
    const toTeam = sent.filter((n) => n.key === 'inspections.notice.visitMovedTeam').map((n) => n.userId);
    expect(toTeam.sort()).toEqual([...team].sort());
    expect(sent.some((n) => n.key === 'inspections.notice.visitMovedDepartment')).toBe(true);
    // Each person once, whatever hats they wear.
    expect(new Set(sent.map((n) => n.userId)).size).toBe(sent.length);
    // A line of an inbox, read by every department staff member: the reason's numbers masked.
    for (const n of sent)
      expect(n.params).toMatchObject({ from, to: day, reason: '暴雨预警，企业停工，联系人138****5678' });

    // The public check page (亮码检查) shows the new day.
    const check = await t.client().get<VisitCheck>(`/api/v1/public/inspections/check/${visit.code}`);
    expect(check.body.date).toBe(day);
    visit = await row();
  });

  it('refuses each broken rule with its field’s code, writing nothing', async () => {
    const reason = '检查人员病假';
    await refused({ date: visit.date, reason }, 400, 'date', 'same_date');
    const past = new Date(Date.parse(`${todayInChina()}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    await refused({ date: past, reason }, 400, 'date', 'date_past');
    const after = new Date(Date.parse(`${plan.periodEnd}T00:00:00Z`) + 3 * 86_400_000)
      .toISOString()
      .slice(0, 10);
    await refused({ date: after, reason }, 400, 'date', 'outside_period');
    const days = workdaysOf(plan);
    let rest = plan.periodStart;
    while (days.includes(rest) || rest < todayInChina())
      rest = new Date(Date.parse(`${rest}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    await refused({ date: rest, reason }, 400, 'date', 'not_a_working_day');
    const day = (await freeDay(t, plan, visit))!;
    await t.database.db
      .update(inspectionFirmProfiles)
      .set({ blockedDates: [day] })
      .where(eq(inspectionFirmProfiles.firmId, visit.firmId));
    await refused({ date: day, reason }, 400, 'date', 'blocked_date');
    await t.database.db
      .update(inspectionFirmProfiles)
      .set({ blockedDates: [] })
      .where(eq(inspectionFirmProfiles.firmId, visit.firmId));
    // An inspector of the team already at a visit that day (one a day in this plan).
    const busy = (
      await t.database.db.select().from(inspectionVisits).where(eq(inspectionVisits.planId, plan.id))
    ).find(
      (v) =>
        v.id !== visit.id &&
        v.firmId !== visit.firmId &&
        v.inspectorIds.some((p) => visit.inspectorIds.includes(p)) &&
        v.date >= todayInChina(),
    );
    expect(busy, 'a visit sharing an inspector').toBeDefined();
    await refused({ date: busy!.date, reason }, 400, 'inspectorIds', 'inspector_full');
    const res = await office.post<Refusal>(path(visit.id), { date: day, reason: '  ' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ path: 'reason' });
    expect(await auditOf(t, visit.id)).toEqual(['inspectionVisit.reschedule']);
  });

  it('refuses a visit under way or done, and knows no visit of a draft', async () => {
    const [started] = await t.database.db
      .select()
      .from(inspectionVisits)
      .where(eq(inspectionVisits.status, 'started'))
      .limit(1);
    const day = (await freeDay(t, plan, visit))!;
    await refused({ date: day, reason: '改期' }, 422, 'visitId', 'visit_started', started!.id);
    // A draft's visits move with the plan's own edit, before anything is told: seen as a draft,
    // the plan's visit is not found here.
    const asDraft = (draft: boolean) =>
      t.database.db
        .update(inspectionPlans)
        .set(
          draft
            ? { status: 'draft', publishedAt: null }
            : { status: 'published', publishedAt: plan.publishedAt },
        )
        .where(eq(inspectionPlans.id, plan.id));
    await asDraft(true);
    const res = await office.post(path(visit.id), { date: day, reason: '改期' });
    await asDraft(false);
    expect(res.status).toBe(404);
  });

  it('lets only the district office reschedule: not the team, a department, supervisors or the firm', async () => {
    const day = (await freeDay(t, plan, visit))!;
    for (const login of ['supervisor', 'dept', 'firm1', 'citizen']) {
      const client = await t.as(login);
      expect((await client.post(path(visit.id), { date: day, reason: '改期' })).status, login).toBe(403);
    }
    const [member] = await accountsOfInspectors(t.database.db, visit.inspectorIds);
    const inspector = await t.as((await accountsByIds(t.database.db, [member!])).get(member!)!.login);
    expect((await inspector.post(path(visit.id), { date: day, reason: '改期' })).status).toBe(403);
    expect((await inspector.get<Visit>(`/api/v1/inspections/visits/${visit.id}`)).body.allowed).not.toContain(
      'reschedule',
    );
    expect((await t.client().post(path(visit.id), { date: day, reason: '改期' })).status).toBe(401);
    expect(await row()).toEqual(visit);
    expect(await auditOf(t, visit.id)).toEqual(['inspectionVisit.reschedule']);
  });
});
