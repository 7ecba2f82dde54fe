import type { ServiceContext } from '../../../context.js';
import { defineCommand } from '../../../kernel/command.js';
import type { Plan } from '../contracts/plans.js';
import { getPlan } from '../queries/plans.js';
import { planAudience, tellUnit } from './notify.js';
import { loadPlanStep, writePlanStep } from './plan-common.js';

/** The office approves a submitted plan. */
const command = defineCommand({
  name: 'plan.approve',
  load: async (ctx, id: string) => ({
    ...(await loadPlanStep(ctx, id, 'approve')),
    audience: await planAudience(ctx.db, id),
  }),
  async write(tx, _ctx, loaded, id) {
    const audit = await writePlanStep(tx, id, 'approve', loaded);
    await tellUnit(tx, loaded.audience, 'targets.plan.approved');
    return { result: undefined, audit };
  },
});

export async function approvePlan(ctx: ServiceContext, id: string): Promise<Plan> {
  await command.run(ctx, id);
  return getPlan(ctx, id);
}
