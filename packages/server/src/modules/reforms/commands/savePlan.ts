import type { ServiceContext } from '../../../context.js';
import { defineCommand } from '../../../kernel/command.js';
import type { ReformPlan } from '../contracts-battles.js';
import { loadPlan } from '../queries/battles.js';
import { reformPlan } from '../schema.js';
import { mayKeepBattles } from './battle-common.js';

/** Sets the first day of the three-step plan; the steps' dates follow from it. */
const command = defineCommand({
  name: 'reformPlan.save',
  async load(ctx, _input: { startDate: string }) {
    mayKeepBattles(ctx);
    return { before: await loadPlan(ctx.db) };
  },
  async write(tx, _ctx, { before }, { startDate }) {
    await tx
      .insert(reformPlan)
      .values({ id: 1, startDate })
      .onConflictDoUpdate({ target: reformPlan.id, set: { startDate, updatedAt: new Date() } });
    return {
      result: undefined,
      audit: {
        entityType: 'reformPlan',
        entityId: 'plan',
        before: before ? { startDate: before.startDate } : null,
        after: { startDate },
      },
    };
  },
});

export async function savePlan(ctx: ServiceContext, input: { startDate: string }): Promise<ReformPlan> {
  await command.run(ctx, input);
  return (await loadPlan(ctx.db))!;
}
