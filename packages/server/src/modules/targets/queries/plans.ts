import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import type { Db } from '../../../db/client.js';
import { notFound } from '../../../errors.js';
import { maskPersonName, maskPhone } from '../../../privacy.js';
import type { Unit } from '../../units/api.js';
import { negativeAllowed } from '../commands/plan-concerns.js';
import type { Plan, PlanActions, PlanSummary } from '../contracts/plans.js';
import { canTarget, scopePaths } from '../policy.js';
import { targetIndicators, targetPlanItems, targetPlans } from '../schema.js';
import { byUnitTree, iso, unitMap, unitOrNotFound } from './lookup.js';
import { publishedYears } from './scorecards.js';

type PlanRow = typeof targetPlans.$inferSelect;

/** What the actor may do with a plan, decided by the policy on its unit and status. */
function planActions(
  ctx: ServiceContext,
  row: PlanRow,
  unit: Unit | undefined,
  itemCount: number,
  frozenYears: ReadonlySet<number>,
): PlanActions {
  if (!unit) return { edit: false, submit: false, review: false, report: false, reopen: false };
  const r = { unitPath: unit.path, status: row.status };
  return {
    edit: canTarget(ctx.principal, 'plan.edit', r),
    submit: canTarget(ctx.principal, 'plan.submit', r) && itemCount > 0,
    review: canTarget(ctx.principal, 'plan.review', r),
    report:
      row.status === 'approved' &&
      canTarget(ctx.principal, 'report.edit', { unitPath: unit.path, planStatus: 'approved' }),
    reopen: canTarget(ctx.principal, 'plan.reopen', r) && !frozenYears.has(row.year),
  };
}

function summary(
  ctx: ServiceContext,
  row: PlanRow,
  unit: Unit | undefined,
  itemCount: number,
  frozenYears: ReadonlySet<number>,
): PlanSummary {
  return {
    id: row.id,
    unitId: row.unitId,
    unitName: unit?.name ?? '',
    year: row.year,
    status: row.status,
    // The liaison is personal data: masked in lists, as the phone is.
    contactName: maskPersonName(row.contactName) ?? '',
    contactPhone: maskPhone(row.contactPhone) ?? '',
    returnReason: row.returnReason,
    submittedAt: iso(row.submittedAt),
    reviewedAt: iso(row.reviewedAt),
    itemCount,
    isDemo: row.isDemo,
    actions: planActions(ctx, row, unit, itemCount, frozenYears),
  };
}

export interface PlanFilter {
  year?: number | undefined;
  status?: PlanSummary['status'] | undefined;
  unitId?: string | undefined;
}

/** Plans the actor may read: every plan for the office and supervisors, the own subtree otherwise. */
export async function listPlans(ctx: ServiceContext, f: PlanFilter): Promise<PlanSummary[]> {
  const scope = scopePaths(ctx.principal);
  const units = await unitMap(ctx.db);
  const visible =
    scope === 'all'
      ? null
      : [...units.values()].filter((u) => scope.some((p) => u.path.startsWith(p))).map((u) => u.id);
  if (visible && visible.length === 0) return [];
  const conditions: SQL[] = [];
  if (visible) conditions.push(inArray(targetPlans.unitId, visible));
  if (f.year) conditions.push(eq(targetPlans.year, f.year));
  if (f.status) conditions.push(eq(targetPlans.status, f.status));
  if (f.unitId) conditions.push(eq(targetPlans.unitId, f.unitId));
  const rows = await ctx.db
    .select({
      plan: targetPlans,
      n: sql<number>`(select count(*)::int from target_plan_items i where i.plan_id = ${targetPlans.id})`,
    })
    .from(targetPlans)
    .where(and(...conditions))
    .orderBy(asc(targetPlans.year));
  // By year, then the unit's place in the tree and its name (its path is of ids: no order to read).
  const byUnit = byUnitTree(units);
  const frozen = await publishedYears(ctx.db);
  return rows
    .map((r) => summary(ctx, r.plan, units.get(r.plan.unitId), r.n, frozen))
    .sort((a, b) => a.year - b.year || byUnit(a.unitId, b.unitId));
}

export async function loadPlan(db: Db, id: string): Promise<{ row: PlanRow; unit: Unit }> {
  const [row] = await db.select().from(targetPlans).where(eq(targetPlans.id, id));
  if (!row) throw notFound('plan');
  return { row, unit: await unitOrNotFound(db, row.unitId) };
}

export async function planItems(db: Db, planId: string) {
  return db
    .select({
      item: targetPlanItems,
      code: targetIndicators.code,
      name: targetIndicators.name,
      measure: targetIndicators.measure,
      direction: targetIndicators.direction,
    })
    .from(targetPlanItems)
    .innerJoin(targetIndicators, eq(targetIndicators.id, targetPlanItems.indicatorId))
    .where(eq(targetPlanItems.planId, planId))
    .orderBy(asc(targetPlanItems.sort));
}

/** A stored row's figures as the contract and the checks have them: the targets as Q1..Q4. */
export const planItemFigures = (item: typeof targetPlanItems.$inferSelect) => ({
  base: item.base,
  targets: [item.targetQ1, item.targetQ2, item.targetQ3, item.targetQ4] as [
    number | null,
    number | null,
    number | null,
    number | null,
  ],
  benchmarkValue: item.benchmarkValue,
  justification: item.justification,
});

export async function getPlan(ctx: ServiceContext, id: string): Promise<Plan> {
  const { row, unit } = await loadPlan(ctx.db, id);
  const r = { unitPath: unit.path, status: row.status };
  // Not found and forbidden look the same on reads.
  if (!canTarget(ctx.principal, 'plan.read', r)) throw notFound('plan');
  const items = await planItems(ctx.db, id);
  const canEdit = canTarget(ctx.principal, 'plan.edit', r);
  return {
    ...summary(ctx, row, unit, items.length, await publishedYears(ctx.db)),
    // The liaison's full name and number only to those who may edit the plan.
    contactName: canEdit ? row.contactName : (maskPersonName(row.contactName) ?? ''),
    contactPhone: canEdit ? row.contactPhone : (maskPhone(row.contactPhone) ?? ''),
    updatedAt: row.updatedAt.toISOString(),
    items: items.map(({ item, code, name, measure, direction }) => ({
      indicatorId: item.indicatorId,
      indicatorCode: code,
      indicatorName: name,
      measure,
      direction,
      negativeAllowed: negativeAllowed(name, measure),
      ...planItemFigures(item),
      benchmarkRegionId: item.benchmarkRegionId,
      weight: item.weight,
    })),
  };
}
