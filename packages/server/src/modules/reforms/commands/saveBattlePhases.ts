import { asc, eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { defineCommand } from '../../../kernel/command.js';
import type { ReformBattle, ReformBattlePhasesInput } from '../contracts-battles.js';
import { getBattle } from '../queries/battles.js';
import { reformBattlePhases } from '../schema.js';
import { loadBattleRow, mayKeepBattles } from './battle-common.js';
import { holdBattleKey } from './held-parents.js';

const view = (p: ReformBattlePhasesInput['phases'][number]) => ({
  name: p.name,
  startDate: p.startDate,
  endDate: p.endDate,
  target: p.target,
  progress: p.progress,
});

/**
 * Replaces a battle's phases (the editor sends them whole, in order): each with its dates, target
 * and how much of it is done. An end before a start is refused by the contract, field by field.
 */
const command = defineCommand({
  name: 'reformBattle.savePhases',
  async load(ctx, input: { id: string; plan: ReformBattlePhasesInput }) {
    mayKeepBattles(ctx);
    await loadBattleRow(ctx.db, input.id);
    const before = await ctx.db
      .select()
      .from(reformBattlePhases)
      .where(eq(reformBattlePhases.battleId, input.id))
      .orderBy(asc(reformBattlePhases.sort));
    return { before: before.map(view) };
  },
  async write(tx, _ctx, { before }, { id, plan }) {
    // The battle may have been deleted since the checks.
    await holdBattleKey(tx, id);
    await tx.delete(reformBattlePhases).where(eq(reformBattlePhases.battleId, id));
    if (plan.phases.length)
      await tx
        .insert(reformBattlePhases)
        .values(plan.phases.map((p, sort) => ({ ...view(p), battleId: id, sort })));
    return {
      result: id,
      audit: { entityType: 'reformBattle', entityId: id, before, after: plan.phases.map(view) },
    };
  },
});

export async function saveBattlePhases(
  ctx: ServiceContext,
  id: string,
  plan: ReformBattlePhasesInput,
): Promise<ReformBattle> {
  return getBattle(ctx, await command.run(ctx, { id, plan }));
}
