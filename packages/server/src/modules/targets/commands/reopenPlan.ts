import type { ServiceContext } from '../../../context.js';
import { defineCommand } from '../../../kernel/command.js';
import type { Plan } from '../contracts/plans.js';
import { getPlan } from '../queries/plans.js';
import { planAudience, tellUnit } from './notify.js';
import { loadPlanStep, writePlanStep } from './plan-common.js';

/**
 * The office returns an approved plan to its unit for revision, saying why: the plan is
 * `returned` again, the unit edits and resubmits it, and until it is approved anew the unit
 * reports nothing against it and the quarters scored meanwhile leave it out. Refused once a
 * quarter of its year is published (see refuseFrozenYear).
 */
const command = defineCommand({
  name: 'plan.reopen',
  load: async (ctx, { id, reason }: { id: string; reason: string }) => ({
    ...(await loadPlanStep(ctx, id, 'reopen', reason)),
    audience: await planAudience(ctx.db, id),
  }),
  async write(tx, _ctx, loaded, { id, reason }) {
    const audit = await writePlanStep(tx, id, 'reopen', loaded);
    await tellUnit(tx, loaded.audience, 'targets.plan.reopened', { reason });
    return { result: undefined, audit };
  },
});

export async function reopenPlan(ctx: ServiceContext, id: string, reason: string): Promise<Plan> {
  await command.run(ctx, { id, reason });
  return getPlan(ctx, id);
}
