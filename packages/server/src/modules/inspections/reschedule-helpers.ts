import { officialCalendar } from '@qianxing/core/calendar';
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { todayInChina } from '../../kernel/deadlines.js';
import type { TestClient, TestContext } from '../../test-support/app.js';
import { checkReschedule } from './commands/rescheduleVisit.js';
import type { Plan } from './contracts-plans.js';
import { inspectionPlans, inspectionVisits } from './schema.js';
import { demoDraftPeriod } from './seed/demo-period.js';
import { deleteDrafts, drawnTask } from './test-helpers.js';

export type VisitRow = typeof inspectionVisits.$inferSelect;
export type PlanRow = typeof inspectionPlans.$inferSelect;

/**
 * A published plan of the coming days (the demo's draft makes way), one visit an inspector a
 * day, from two drawn tasks: what a test of rescheduling starts from.
 */
export async function publishedPlan(t: TestContext, office: TestClient, title: string) {
  await deleteDrafts(t, office);
  const period = demoDraftPeriod(todayInChina());
  await drawnTask(t, office, ['QJ-D20'], period, `${title} D20`);
  await drawnTask(t, office, ['QJ-D25'], period, `${title} D25`);
  const made = await office.post<Plan>('/api/v1/inspections/plans', { ...period, capacityPerDay: 1 });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  const published = await office.post<Plan>(`/api/v1/inspections/plans/${made.body.id}/publish`);
  expect(published.status, JSON.stringify(published.body)).toBe(200);
  const db = t.database.db;
  const [plan] = await db.select().from(inspectionPlans).where(eq(inspectionPlans.id, made.body.id));
  const visits = await db.select().from(inspectionVisits).where(eq(inspectionVisits.planId, plan!.id));
  return { plan: plan!, visits, period };
}

/** Whether the visit may move to `day`: the rules the reschedule checks, asked of the command's own check. */
export const mayMoveTo = (t: TestContext, plan: PlanRow, v: VisitRow, day: string): Promise<boolean> =>
  checkReschedule(t.database.db, plan, v, day).then(
    () => true,
    () => false,
  );

/** The working days of the plan's period. */
export const workdaysOf = (plan: PlanRow) => officialCalendar.workdaysIn(plan.periodStart, plan.periodEnd);

/** A day the visit may move to. */
export async function freeDay(t: TestContext, plan: PlanRow, v: VisitRow): Promise<string | undefined> {
  for (const day of workdaysOf(plan)) if (await mayMoveTo(t, plan, v, day)) return day;
  return undefined;
}
