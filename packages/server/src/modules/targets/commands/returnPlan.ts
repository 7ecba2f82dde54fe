import type { ServiceContext } from '../../../context.js';
import { defineCommand } from '../../../kernel/command.js';
import type { Plan } from '../contracts/plans.js';
import { getPlan } from '../queries/plans.js';
import { loadPlanStep, writePlanStep } from './plan-common.js';

/** The office returns a submitted plan to its unit, saying why. */
const command = defineCommand({
  name: 'plan.return',
  load: (ctx, { id, reason }: { id: string; reason: string }) => loadPlanStep(ctx, id, 'return', reason),
  async write(tx, _ctx, loaded, { id }) {
    return { result: undefined, audit: await writePlanStep(tx, id, 'return', loaded) };
  },
});

export async function returnPlan(ctx: ServiceContext, id: string, reason: string): Promise<Plan> {
  await command.run(ctx, { id, reason });
  return getPlan(ctx, id);
}
