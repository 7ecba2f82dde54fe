import { and, eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { refuseOnUniqueViolation } from '../../../db/sql-state.js';
import { AppError, forbidden, notFound } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import { holdUnitPlaces } from '../../units/api.js';
import type { Plan, PlanInput } from '../contracts/plans.js';
import { canTarget } from '../policy.js';
import { unitOrNotFound } from '../queries/lookup.js';
import { getPlan } from '../queries/plans.js';
import { targetPlanItems, targetPlans } from '../schema.js';
import { maskedForAudit } from './audit-masked.js';
import { checkItems, itemRows } from './plan-common.js';

const yearTaken = (year: number) =>
  new AppError('CONFLICT', `the unit has a plan for ${year}`, [
    { path: 'year', message: 'taken', code: 'taken' },
  ]);

/** A unit's catch-up plan for a year, as a draft: one per unit and year. */
const command = defineCommand({
  name: 'plan.create',
  async load(ctx, input: PlanInput) {
    const unit = await unitOrNotFound(ctx.db, input.unitId);
    if (!canTarget(ctx.principal, 'plan.create', { unitPath: unit.path })) throw forbidden();
    await checkItems(ctx.db, input.items);
    const [taken] = await ctx.db
      .select({ id: targetPlans.id })
      .from(targetPlans)
      .where(and(eq(targetPlans.unitId, input.unitId), eq(targetPlans.year, input.year)));
    if (taken) throw yearTaken(input.year);
    return unit;
  },
  async write(tx, ctx, unit, input) {
    // The unit held where it is until the plan is written: one deleted since the check is not
    // found rather than a foreign key broken, one moved is authorised where it now sits.
    const held = (await holdUnitPlaces(tx, [unit.id])).get(unit.id);
    if (!held) throw notFound('unit');
    if (!canTarget(ctx.principal, 'plan.create', { unitPath: held.path })) throw forbidden();
    const [row] = await tx
      .insert(targetPlans)
      .values({
        unitId: unit.id,
        year: input.year,
        contactName: input.contactName,
        contactPhone: input.contactPhone,
      })
      .returning()
      // Two plans racing past the check meet at the unique index: the second is refused the same.
      .catch(refuseOnUniqueViolation(() => yearTaken(input.year)));
    if (input.items.length) await tx.insert(targetPlanItems).values(itemRows(row!.id, input.items));
    // The liaison's name and phone are personal data: the log keeps them masked.
    const after = maskedForAudit(input);
    return { result: row!.id, audit: { entityType: 'plan', entityId: row!.id, after } };
  },
});

export async function createPlan(ctx: ServiceContext, input: PlanInput): Promise<Plan> {
  return getPlan(ctx, await command.run(ctx, input));
}
