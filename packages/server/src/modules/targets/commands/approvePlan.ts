import type { ServiceContext } from '../../../context.js';
import { defineCommand } from '../../../kernel/command.js';
import type { Plan } from '../contracts/plans.js';
import { getPlan } from '../queries/plans.js';
import { loadPlanStep, writePlanStep } from './plan-common.js';

/** The office approves a submitted plan. */
const command = defineCommand({
  name: 'plan.approve',
  load: (ctx, id: string) => loadPlanStep(ctx, id, 'approve'),
  async write(tx, _ctx, loaded, id) {
    return { result: undefined, audit: await writePlanStep(tx, id, 'approve', loaded) };
  },
});

export async function approvePlan(ctx: ServiceContext, id: string): Promise<Plan> {
  await command.run(ctx, id);
  return getPlan(ctx, id);
}
