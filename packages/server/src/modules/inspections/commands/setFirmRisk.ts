import { and, asc, eq, inArray } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import type { Tx } from '../../../db/transaction.js';
import { forbidden, notFound } from '../../../errors.js';
import { defineCommand } from '../../../kernel/command.js';
import { firmsByIds, holdFirm } from '../../business/api.js';
import type { FirmRisk, FirmRiskInput } from '../contracts.js';
import { canInspect } from '../policy.js';
import { getFirmRisk } from '../queries/firms.js';
import { inspectionFirmProfiles, inspectionPlans, inspectionVisits } from '../schema.js';
import { invalid } from './common.js';
import { uniqueSorted } from './inspector-common.js';
import { holdPlanMaking } from './plan-common.js';

/** The district office sets a firm's risk level (分级分类) and the dates it cannot be visited. */
const command = defineCommand({
  name: 'inspectionFirm.setRisk',
  async load(ctx, { firmId }: { firmId: string; input: FirmRiskInput }) {
    if (!canInspect(ctx.principal, 'risk.write')) throw forbidden();
    if (!(await firmsByIds(ctx.db, [firmId])).has(firmId)) throw notFound('firm');
  },
  async write(tx, _ctx, _loaded, { firmId, input }) {
    const values = { risk: input.risk, blockedDates: uniqueSorted(input.blockedDates) };
    // A plan being made waits for this, or this for it (plan-common.ts), so a newly blocked
    // date either refuses the plan's visit on it or is refused for it below. A visit moving onto
    // one of these dates holds the firm's row (visit-rules.ts): the two wait for each other
    // whether or not the firm has a profile row yet.
    await holdPlanMaking(tx);
    await holdFirm(tx, firmId, 'no key update');
    const [before] = await tx
      .select()
      .from(inspectionFirmProfiles)
      .where(eq(inspectionFirmProfiles.firmId, firmId));
    await refuseVisitOnNewlyBlocked(tx, firmId, input.blockedDates, before?.blockedDates ?? []);
    await tx
      .insert(inspectionFirmProfiles)
      .values({ firmId, ...values })
      .onConflictDoUpdate({
        target: inspectionFirmProfiles.firmId,
        set: { ...values, updatedAt: new Date() },
      });
    return {
      result: firmId,
      audit: {
        entityType: 'firm',
        entityId: firmId,
        before: before ? { risk: before.risk, blockedDates: before.blockedDates } : undefined,
        after: values,
      },
    };
  },
});

/**
 * Refuses blocking a date on which a draft plan visits the firm, naming the plan: the office moves
 * that visit first (or makes the draft again). A published plan's visit keeps the date the firm
 * was told until the office reschedules it (rescheduleVisit.ts); the block is recorded all the
 * same, so that later plans and reschedules go around it. Dates
 * blocked already are not checked again, so a firm's risk level can still be set whatever an
 * older plan holds.
 */
async function refuseVisitOnNewlyBlocked(
  tx: Tx,
  firmId: string,
  wanted: readonly string[],
  blocked: readonly string[],
): Promise<void> {
  const added = wanted.filter((d) => !blocked.includes(d));
  if (added.length === 0) return;
  const [visit] = await tx
    .select({ date: inspectionVisits.date, plan: inspectionPlans })
    .from(inspectionVisits)
    .innerJoin(inspectionPlans, eq(inspectionPlans.id, inspectionVisits.planId))
    .where(
      and(
        eq(inspectionVisits.firmId, firmId),
        inArray(inspectionVisits.date, added),
        eq(inspectionPlans.status, 'draft'),
      ),
    )
    .orderBy(asc(inspectionVisits.date))
    .limit(1);
  if (visit)
    throw invalid(
      // On the list as a whole, where the form shows it; the date is in the words.
      'blockedDates',
      'visit_planned',
      `the draft plan of ${visit.plan.periodStart} to ${visit.plan.periodEnd} visits the firm on ${visit.date}`,
      { date: visit.date, start: visit.plan.periodStart, end: visit.plan.periodEnd },
    );
}

export async function setFirmRisk(
  ctx: ServiceContext,
  firmId: string,
  input: FirmRiskInput,
): Promise<FirmRisk> {
  return getFirmRisk(ctx, await command.run(ctx, { firmId, input }));
}
