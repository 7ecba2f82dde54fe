import { eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { defineCommand } from '../../../kernel/command.js';
import type { ReformBattle, ReformBattlePatch } from '../contracts-battles.js';
import { getBattle } from '../queries/battles.js';
import { reformBattles } from '../schema.js';
import { checkBattle, loadBattleRow, mayKeepBattles } from './battle-common.js';

/** Renames a battle, changes its goal, lead unit, step or order. */
const command = defineCommand({
  name: 'reformBattle.update',
  async load(ctx, input: { id: string; patch: ReformBattlePatch }) {
    mayKeepBattles(ctx);
    const row = await loadBattleRow(ctx.db, input.id);
    await checkBattle(ctx.db, input.patch, input.id);
    return row;
  },
  async write(tx, _ctx, row, { id, patch }) {
    await tx
      .update(reformBattles)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(reformBattles.id, id));
    const before = Object.fromEntries(Object.keys(patch).map((k) => [k, row[k as keyof typeof row]]));
    return { result: id, audit: { entityType: 'reformBattle', entityId: id, before, after: patch } };
  },
});

export async function updateBattle(
  ctx: ServiceContext,
  id: string,
  patch: ReformBattlePatch,
): Promise<ReformBattle> {
  return getBattle(ctx, await command.run(ctx, { id, patch }));
}
