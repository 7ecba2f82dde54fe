import { officialCalendar } from '@qianxing/core/calendar';
import { validatePlan } from '@qianxing/core/schedule';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications } from '../../kernel/schema.js';
import { createTestContext, type TestClient, type TestContext } from '../../test-support/app.js';
import { userIdByLogin } from '../users/api.js';
import type { InspectionTask } from './contracts.js';
import type { MyVisit, Plan } from './contracts-plans.js';
import { planInputFor, sourceKey, unplannedSources } from './queries/plan-input.js';
import {
  inspectionConflicts,
  inspectionFirmProfiles,
  inspectionInspectors,
  inspectionPlans,
  inspectionVisitSources,
  inspectionVisits,
} from './schema.js';
import { auditOf, itemsOf, type Problem, unitId } from './test-helpers.js';

let t: TestContext;
let office: TestClient;
beforeAll(async () => {
  t = await createTestContext({ seed: ['units', 'users', 'business', 'inspections'] });
  office = await t.as('office');
  // Plans never overlap: the demo's December draft makes way for the plan of December made here.
  const [demo] = await t.database.db
    .select()
    .from(inspectionPlans)
    .where(eq(inspectionPlans.status, 'draft'));
  expect((await office.delete(`/api/v1/inspections/plans/${demo!.id}`)).status).toBe(204);
});
afterAll(() => t.close());

const period = { periodStart: '2026-12-01', periodEnd: '2026-12-31' };

async function drawnTask(
  codes: string[],
  sample: { high: number; medium: number; low: number },
  within: { periodStart: string; periodEnd: string } = period,
) {
  const items = (await Promise.all(codes.map((c) => itemsOf(t, c)))).flat();
  const created = await office.post<InspectionTask>('/api/v1/inspections/tasks', {
    title: `联合计划测试 ${codes.join('+')}`,
    unitIds: await Promise.all(codes.map((c) => unitId(t, c))),
    itemIds: items.map((i) => i.id),
    sample,
    inspectorsPerVisit: 2,
    ...within,
  });
  expect(created.status).toBe(201);
  expect((await office.post(`/api/v1/inspections/tasks/${created.body.id}/announce`)).status).toBe(200);
  const drawn = await office.post<InspectionTask>(`/api/v1/inspections/tasks/${created.body.id}/draw`);
  expect(drawn.status).toBe(200);
  return drawn.body;
}

const visitCount = async () => (await t.database.db.select().from(inspectionVisits)).length;

describe('joint planning (综合查一次)', () => {
  let plan: Plan;
  let tasks: InspectionTask[];

  it('merges the drawn inspections of the same firm into joint visits with their figures', async () => {
    // Two departments draw the same high-risk firms; a joint task of two others draws more.
    tasks = [
      await drawnTask(['QJ-D20'], { high: 6, medium: 0, low: 0 }),
      await drawnTask(['QJ-D25'], { high: 6, medium: 0, low: 0 }),
      await drawnTask(['QJ-D20', 'QJ-D25'], { high: 0, medium: 3, low: 2 }),
    ];
    // The planner's input as the command will read it, to check the saved plan independently.
    const settings = { ...period, maxHoursPerVisit: 4, inspectorsPerVisit: 2, capacityPerDay: 2 };
    const sources = await unplannedSources(t.database.db, {
      start: period.periodStart,
      end: period.periodEnd,
    });
    const input = await planInputFor(t.database.db, settings, sources);
    const res = await office.post<Plan>('/api/v1/inspections/plans', period);
    expect(res.status).toBe(201);
    plan = res.body;
    const drawnPairs = tasks.reduce((n, task) => n + task.visits.length, 0);
    const f = plan.figures;
    expect(f.planned + f.unplanned).toBeGreaterThanOrEqual(drawnPairs);
    expect(f.separateVisits + f.unplanned).toBeGreaterThanOrEqual(drawnPairs);
    expect(f.saving).toBe(f.separateVisits - f.visits);
    expect(f.overLowerBound).toBe(f.visits - f.lowerBound);
    expect(f.visits).toBeGreaterThanOrEqual(f.lowerBound);
    expect(plan.visits).toHaveLength(f.visits);
    // Firms drawn by both departments get one visit for both when a day allows.
    const shared = tasks[0]!.visits
      .map((v) => v.firm.id)
      .filter((id) => tasks[1]!.visits.some((w) => w.firm.id === id));
    if (shared.length > 0 && f.unplanned === 0) expect(f.saving).toBeGreaterThan(0);
    for (const v of plan.visits) {
      expect(officialCalendar.isWorkday(v.date)).toBe(true);
      expect(v.date >= period.periodStart && v.date <= period.periodEnd).toBe(true);
      // The team is the draws' (see plans-drawn.int.test.ts): each task drew two.
      expect(v.inspectors.length).toBeGreaterThanOrEqual(2);
      expect(v.items.length).toBeGreaterThan(0);
      expect(v.firm.name).not.toBe('');
    }
    expect(plan.allowed).toEqual(['move', 'publish', 'delete']);
    // Every hard rule holds, as @qianxing/core/schedule's own checker sees the saved visits.
    const stored = await t.database.db
      .select()
      .from(inspectionVisitSources)
      .innerJoin(inspectionVisits, eq(inspectionVisits.id, inspectionVisitSources.visitId))
      .where(eq(inspectionVisits.planId, plan.id));
    const saved = plan.visits.map((v) => ({
      firm: v.firm.id,
      date: v.date,
      inspectors: v.inspectors.map((p) => p.id),
      tasks: stored
        .filter((r) => r.inspection_visits.id === v.id)
        .map((r) => sourceKey(r.inspection_visit_sources)),
    }));
    const planned = new Set(saved.flatMap((v) => v.tasks));
    const unscheduled = sources
      .filter((s) => !planned.has(s.key))
      .map((s) => ({ task: s.key, reason: 'unplanned' }));
    expect(unscheduled).toHaveLength(f.unplanned);
    expect(validatePlan(input, { visits: saved, unscheduled }).errors).toEqual([]);
    expect(await auditOf(t, plan.id)).toEqual(['inspectionPlan.create']);
  });

  it('deleting a draft frees its inspections to be planned again', async () => {
    expect((await (await t.as('supervisor')).delete(`/api/v1/inspections/plans/${plan.id}`)).status).toBe(
      403,
    );
    expect((await office.delete(`/api/v1/inspections/plans/${plan.id}`)).status).toBe(204);
    expect(
      await t.database.db.select().from(inspectionVisits).where(eq(inspectionVisits.planId, plan.id)),
    ).toEqual([]);
    const again = await office.post<Plan>('/api/v1/inspections/plans', period);
    expect(again.status).toBe(201);
    expect(again.body.figures).toEqual(plan.figures);
    plan = again.body;
  });

  it('refuses to plan a month of a year the calendar does not hold yet, saying what to do', async () => {
    const january = { periodStart: '2027-01-04', periodEnd: '2027-01-29' };
    await drawnTask(['QJ-D20'], { high: 2, medium: 0, low: 0 }, january);
    const before = await visitCount();
    const res = await office.post<{ errors: { code: string }[] }>('/api/v1/inspections/plans', january);
    expect(res.status).toBe(400);
    expect(res.body.errors[0]!.code).toBe('period_not_covered');
    expect(await visitCount()).toBe(before);
  });

  it('plans a period once: the same period again is refused, naming the plan that has it', async () => {
    const before = await visitCount();
    const again = await office.post<{ code: string; errors: { code: string; params: object }[] }>(
      '/api/v1/inspections/plans',
      period,
    );
    expect(again.status).toBe(400);
    expect(again.body.errors[0]).toMatchObject({
      code: 'plan_period_overlaps',
      params: { planId: plan.id, start: period.periodStart, end: period.periodEnd },
    });
    expect(await visitCount()).toBe(before);
  });

  it('refuses a move to a blocked date or a non-working day, translated, and writes nothing', async () => {
    const v = plan.visits[0]!;
    const url = `/api/v1/inspections/plans/${plan.id}/visits/${v.id}`;
    const team = v.inspectors.map((p) => p.id);
    const saturday = '2026-12-05';
    expect(officialCalendar.isWorkday(saturday)).toBe(false);
    const weekend = await office.request<{ code: string; title: string; errors: { code: string }[] }>(
      'PUT',
      url,
      { date: saturday, inspectorIds: team },
      { 'accept-language': 'en' },
    );
    expect(weekend.status).toBe(400);
    expect(weekend.body.errors[0]!.code).toBe('not_a_working_day');
    expect(weekend.body.title).toBe('The request is invalid');
    const blocked = officialCalendar.workdaysIn('2026-12-14', '2026-12-31').find((d) => d !== v.date)!;
    await t.database.db
      .update(inspectionFirmProfiles)
      .set({ blockedDates: [blocked] })
      .where(eq(inspectionFirmProfiles.firmId, v.firm.id));
    const onBlocked = await office.put<{ errors: { code: string }[] }>(url, {
      date: blocked,
      inspectorIds: team,
    });
    expect(onBlocked.status).toBe(400);
    expect(onBlocked.body.errors[0]!.code).toBe('blocked_date');
    const alone = await office.put<{ errors: { code: string }[] }>(url, {
      date: v.date,
      inspectorIds: [team[0]!],
    });
    expect(alone.status).toBe(400);
    expect(alone.body.errors[0]!.code).toBe('drawn_inspector_missing');
    const [stored] = await t.database.db.select().from(inspectionVisits).where(eq(inspectionVisits.id, v.id));
    expect(stored).toMatchObject({ date: v.date, inspectorIds: [...team].sort() });
    expect(await auditOf(t, v.id)).toEqual([]);
  });

  it('refuses a date outside the period, an inspector the draw did not pick, a conflicted inspector', async () => {
    const v = plan.visits[0]!;
    const url = `/api/v1/inspections/plans/${plan.id}/visits/${v.id}`;
    const team = v.inspectors.map((p) => p.id);
    const code = async (body: object) =>
      ((await office.put<{ errors: { code: string }[] }>(url, body)).body.errors ?? [])[0]?.code;
    expect(await code({ date: '2026-11-30', inspectorIds: team })).toBe('outside_period');
    const departments = new Set(v.departments.map((d) => d.id));
    const others = (await t.database.db.select().from(inspectionInspectors))
      .filter((p) => p.active && !departments.has(p.unitId))
      .slice(0, 2)
      .map((p) => p.id);
    expect(await code({ date: v.date, inspectorIds: others })).toBe('undrawn_inspector');
    await t.database.db.insert(inspectionConflicts).values({ inspectorId: team[0]!, firmId: v.firm.id });
    expect(await code({ date: v.date, inspectorIds: team })).toBe('inspector_conflict');
    await t.database.db.delete(inspectionConflicts).where(eq(inspectionConflicts.inspectorId, team[0]!));
    expect(await auditOf(t, v.id)).toEqual([]);
  });

  it('refuses an inspector over their daily capacity, and moves a visit that keeps every rule', async () => {
    const v = plan.visits[0]!;
    const team = v.inspectors.map((p) => p.id);
    await t.database.db
      .update(inspectionFirmProfiles)
      .set({ blockedDates: [] })
      .where(eq(inspectionFirmProfiles.firmId, v.firm.id));
    // Fill a free day of the team up to its capacity with copies of the visit, then try to move there.
    const free = officialCalendar
      .workdaysIn('2026-12-14', '2026-12-31')
      .filter((d) => !plan.visits.some((w) => w.date === d && w.inspectors.some((p) => team.includes(p.id))));
    const target = free.find((d) => new Date(`${d}T00:00:00Z`).getUTCDay() <= 4)!;
    await t.database.db.execute(
      sql`insert into inspection_visits (plan_id, firm_id, date, inspector_ids) select plan_id, firm_id, ${target}::date, inspector_ids from inspection_visits where id = ${v.id}`,
    );
    await t.database.db.execute(
      sql`insert into inspection_visits (plan_id, firm_id, date, inspector_ids) select plan_id, firm_id, ${target}::date, inspector_ids from inspection_visits where id = ${v.id}`,
    );
    const full = await office.put<{ errors: { code: string }[] }>(
      `/api/v1/inspections/plans/${plan.id}/visits/${v.id}`,
      {
        date: target,
        inspectorIds: team,
      },
    );
    expect(full.status).toBe(400);
    expect(full.body.errors[0]!.code).toBe('inspector_full');
    await t.database.db.execute(
      sql`delete from inspection_visits where plan_id = ${plan.id} and date = ${target}::date`,
    );
    const moved = await office.put<Plan>(`/api/v1/inspections/plans/${plan.id}/visits/${v.id}`, {
      date: target,
      inspectorIds: team,
    });
    expect(moved.status).toBe(200);
    expect(moved.body.visits.find((w) => w.id === v.id)!.date).toBe(target);
    expect(await auditOf(t, v.id)).toEqual(['inspectionPlan.moveVisit']);
    plan = moved.body;
  });

  it('publishes: each firm’s staff are told the date and the items, and see their upcoming visits', async () => {
    const v = plan.visits.find((w) => w.date >= '2026-12-14')!;
    const userId = (await userIdByLogin(t.database.db, 'firm1'))!;
    await t.database.db.execute(
      sql`update business_firm_members set firm_id = ${v.firm.id} where user_id = ${userId}`,
    );
    const staffOnly = await (await t.as('dept')).post(`/api/v1/inspections/plans/${plan.id}/publish`);
    expect(staffOnly.status).toBe(403);
    const res = await office.post<Plan>(`/api/v1/inspections/plans/${plan.id}/publish`);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('published');
    expect(res.body.allowed).toEqual([]);
    const told = await t.database.db.select().from(notifications).where(eq(notifications.userId, userId));
    const notice = told.find((n) => n.key === 'inspections.notice.visit' && n.params.date === v.date)!;
    expect(notice).toBeDefined();
    expect(notice.params.visitId).toBe(v.id);
    for (const item of v.items) expect(String(notice.params.items)).toContain(item.name);

    const mine = await (await t.as('firm1')).get<MyVisit[]>('/api/v1/inspections/my-visits');
    expect(mine.status).toBe(200);
    const seen = mine.body.find((m) => m.id === v.id)!;
    expect(seen.date).toBe(v.date);
    expect(seen.items.map((i) => i.name).sort()).toEqual(v.items.map((i) => i.name).sort());
    // A published plan stays as told.
    const late = await office.put<Problem>(`/api/v1/inspections/plans/${plan.id}/visits/${v.id}`, {
      date: v.date,
      inspectorIds: v.inspectors.map((p) => p.id),
    });
    expect(late.status).toBe(422);
    expect(late.body.errors[0]!.code).toBe('plan_published');
    const [row] = await t.database.db.select().from(inspectionPlans).where(eq(inspectionPlans.id, plan.id));
    expect(row!.status).toBe('published');
  });

  it('has the demo’s plan of its drawn tasks', async () => {
    const list = await office.get<{ items: Plan[] }>('/api/v1/inspections/plans');
    const demo = list.body.items.find((p) => p.isDemo)!;
    expect(demo.figures.visits).toBeGreaterThan(0);
    expect(demo.figures.visits).toBeGreaterThanOrEqual(demo.figures.lowerBound);
  });
});
