import type { ServiceContext } from '../../../context.js';
import { defineCommand } from '../../../kernel/command.js';
import type { Plan } from '../contracts/plans.js';
import { getPlan } from '../queries/plans.js';
import { loadPlanStep, writePlanStep } from './plan-common.js';

/** The unit submits its draft or returned plan to the office. */
const command = defineCommand({
  name: 'plan.submit',
  load: (ctx, id: string) => loadPlanStep(ctx, id, 'submit'),
  async write(tx, _ctx, loaded, id) {
    return { result: undefined, audit: await writePlanStep(tx, id, 'submit', loaded) };
  },
});

export async function submitPlan(ctx: ServiceContext, id: string): Promise<Plan> {
  await command.run(ctx, id);
  return getPlan(ctx, id);
}
