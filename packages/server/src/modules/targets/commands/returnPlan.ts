import type { ServiceContext } from '../../../context.js';
import { defineCommand } from '../../../kernel/command.js';
import type { Plan } from '../contracts/plans.js';
import { getPlan } from '../queries/plans.js';
import { planAudience, tellUnit } from './notify.js';
import { loadPlanStep, writePlanStep } from './plan-common.js';

/** The office returns a submitted plan to its unit, saying why. */
const command = defineCommand({
  name: 'plan.return',
  load: async (ctx, { id, reason }: { id: string; reason: string }) => ({
    ...(await loadPlanStep(ctx, id, 'return', reason)),
    audience: await planAudience(ctx.db, id),
  }),
  async write(tx, _ctx, loaded, { id, reason }) {
    const audit = await writePlanStep(tx, id, 'return', loaded);
    await tellUnit(tx, loaded.audience, 'targets.plan.returned', { reason });
    return { result: undefined, audit };
  },
});

export async function returnPlan(ctx: ServiceContext, id: string, reason: string): Promise<Plan> {
  await command.run(ctx, { id, reason });
  return getPlan(ctx, id);
}
