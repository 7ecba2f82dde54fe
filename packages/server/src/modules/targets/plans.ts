import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { audit } from '../../audit/audit.js';
import { actor, type ServiceContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { transaction } from '../../db/transaction.js';
import { AppError, type FieldError, forbidden, notFound } from '../../errors.js';
import { maskPhone } from '../../privacy.js';
import type { Unit } from '../units/api.js';
import type { Plan, PlanInput, PlanItem, PlanSummary, PlanUpdate } from './contracts.js';
import { iso, unitMap, unitOrNotFound } from './lookup.js';
import { canTarget, scopePaths } from './policy.js';
import { targetIndicators, targetPlanItems, targetPlans, targetRegions } from './schema.js';

type PlanRow = typeof targetPlans.$inferSelect;

function summary(row: PlanRow, unit: Unit | undefined, itemCount: number): PlanSummary {
  return {
    id: row.id,
    unitId: row.unitId,
    unitName: unit?.name ?? '',
    year: row.year,
    status: row.status,
    contactName: row.contactName,
    contactPhone: maskPhone(row.contactPhone) ?? '',
    returnReason: row.returnReason,
    submittedAt: iso(row.submittedAt),
    reviewedAt: iso(row.reviewedAt),
    itemCount,
    isDemo: row.isDemo,
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
  return rows
    .map((r) => summary(r.plan, units.get(r.plan.unitId), r.n))
    .sort(
      (a, b) =>
        a.year - b.year || (units.get(a.unitId)?.path ?? '').localeCompare(units.get(b.unitId)?.path ?? ''),
    );
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
    })
    .from(targetPlanItems)
    .innerJoin(targetIndicators, eq(targetIndicators.id, targetPlanItems.indicatorId))
    .where(eq(targetPlanItems.planId, planId))
    .orderBy(asc(targetPlanItems.sort));
}

export async function getPlan(ctx: ServiceContext, id: string): Promise<Plan> {
  const { row, unit } = await loadPlan(ctx.db, id);
  const r = { unitPath: unit.path, status: row.status };
  // Not found and forbidden look the same on reads.
  if (!canTarget(ctx.principal, 'plan.read', r)) throw notFound('plan');
  const items = await planItems(ctx.db, id);
  const canEdit = canTarget(ctx.principal, 'plan.edit', r);
  return {
    ...summary(row, unit, items.length),
    // The full number only to those who may edit the plan.
    contactPhone: canEdit ? row.contactPhone : (maskPhone(row.contactPhone) ?? ''),
    items: items.map(({ item, code, name, measure }) => ({
      indicatorId: item.indicatorId,
      indicatorCode: code,
      indicatorName: name,
      measure,
      base: item.base,
      targets: [item.targetQ1, item.targetQ2, item.targetQ3, item.targetQ4],
      benchmarkRegionId: item.benchmarkRegionId,
      benchmarkValue: item.benchmarkValue,
      weight: item.weight,
    })),
    actions: {
      edit: canEdit,
      submit: canTarget(ctx.principal, 'plan.submit', r) && items.length > 0,
      review: canTarget(ctx.principal, 'plan.review', r),
      report:
        row.status === 'approved' &&
        canTarget(ctx.principal, 'report.edit', { unitPath: unit.path, planStatus: 'approved' }),
    },
  };
}

async function checkItems(db: Db, items: PlanItem[]): Promise<void> {
  const problems: FieldError[] = [];
  const seen = new Set<string>();
  items.forEach((item, k) => {
    if (seen.has(item.indicatorId))
      problems.push({ path: `items.${k}.indicatorId`, message: 'listed twice', code: 'listed_twice' });
    seen.add(item.indicatorId);
  });
  const ids = [...seen];
  const known = ids.length
    ? new Set(
        (
          await db
            .select({ id: targetIndicators.id })
            .from(targetIndicators)
            .where(inArray(targetIndicators.id, ids))
        ).map((r) => r.id),
      )
    : new Set<string>();
  const regionIds = [...new Set(items.flatMap((i) => (i.benchmarkRegionId ? [i.benchmarkRegionId] : [])))];
  const regions = regionIds.length
    ? new Set(
        (
          await db
            .select({ id: targetRegions.id })
            .from(targetRegions)
            .where(inArray(targetRegions.id, regionIds))
        ).map((r) => r.id),
      )
    : new Set<string>();
  items.forEach((item, k) => {
    if (!known.has(item.indicatorId))
      problems.push({
        path: `items.${k}.indicatorId`,
        message: 'unknown indicator',
        code: 'unknown_indicator',
      });
    if (item.benchmarkRegionId && !regions.has(item.benchmarkRegionId))
      problems.push({
        path: `items.${k}.benchmarkRegionId`,
        message: 'unknown region',
        code: 'unknown_region',
      });
  });
  if (problems.length) throw new AppError('VALIDATION', 'the plan items are invalid', problems);
}

const itemRows = (planId: string, items: PlanItem[]) =>
  items.map((i, sort) => ({
    planId,
    indicatorId: i.indicatorId,
    base: i.base,
    targetQ1: i.targets[0],
    targetQ2: i.targets[1],
    targetQ3: i.targets[2],
    targetQ4: i.targets[3],
    benchmarkRegionId: i.benchmarkRegionId,
    benchmarkValue: i.benchmarkValue,
    weight: i.weight,
    sort,
  }));

export async function createPlan(ctx: ServiceContext, input: PlanInput): Promise<Plan> {
  const unit = await unitOrNotFound(ctx.db, input.unitId);
  if (!canTarget(ctx.principal, 'plan.create', { unitPath: unit.path })) throw forbidden();
  await checkItems(ctx.db, input.items);
  const [taken] = await ctx.db
    .select({ id: targetPlans.id })
    .from(targetPlans)
    .where(and(eq(targetPlans.unitId, input.unitId), eq(targetPlans.year, input.year)));
  if (taken)
    throw new AppError('CONFLICT', `the unit has a plan for ${input.year}`, [
      { path: 'year', message: 'taken', code: 'taken' },
    ]);
  const id = await transaction(ctx.db, async (tx) => {
    const [row] = await tx
      .insert(targetPlans)
      .values({
        unitId: unit.id,
        year: input.year,
        contactName: input.contactName,
        contactPhone: input.contactPhone,
      })
      .returning();
    if (input.items.length) await tx.insert(targetPlanItems).values(itemRows(row!.id, input.items));
    await audit(tx, actor(ctx), {
      action: 'plan.create',
      entityType: 'plan',
      entityId: row!.id,
      after: input,
    });
    return row!.id;
  });
  return getPlan(ctx, id);
}

export async function updatePlan(ctx: ServiceContext, id: string, input: PlanUpdate): Promise<Plan> {
  const { row, unit } = await loadPlan(ctx.db, id);
  const r = { unitPath: unit.path, status: row.status };
  if (!canTarget(ctx.principal, 'plan.read', r)) throw notFound('plan');
  if (!canTarget(ctx.principal, 'plan.edit', { unitPath: unit.path })) throw forbidden();
  if (!canTarget(ctx.principal, 'plan.edit', r))
    throw new AppError('INVALID_STATE', `a ${row.status} plan cannot be edited`);
  await checkItems(ctx.db, input.items);
  const before = await getPlan(ctx, id);
  await transaction(ctx.db, async (tx) => {
    await tx
      .update(targetPlans)
      .set({ contactName: input.contactName, contactPhone: input.contactPhone, updatedAt: new Date() })
      .where(and(eq(targetPlans.id, id), eq(targetPlans.updatedAt, row.updatedAt)));
    await tx.delete(targetPlanItems).where(eq(targetPlanItems.planId, id));
    if (input.items.length) await tx.insert(targetPlanItems).values(itemRows(id, input.items));
    await audit(tx, actor(ctx), {
      action: 'plan.update',
      entityType: 'plan',
      entityId: id,
      before,
      after: input,
    });
  });
  return getPlan(ctx, id);
}
