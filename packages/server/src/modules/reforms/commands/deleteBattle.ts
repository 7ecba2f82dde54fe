import { eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { defineCommand } from '../../../kernel/command.js';
import type { ReformBattleWithdrawInput } from '../contracts-battles.js';
import { reformBattleSuggestions, reformBattles } from '../schema.js';
import { loadBattleRow, mayKeepBattles, tellSuggestionsLeft } from './battle-common.js';

/**
 * Removes a battle with its phases and links; the projects and suggestions themselves stay. With
 * citizens' suggestions under it the office says why, and they are told (`tellSuggestionsLeft`).
 */
const command = defineCommand({
  name: 'reformBattle.delete',
  async load(ctx, input: { id: string } & ReformBattleWithdrawInput) {
    mayKeepBattles(ctx);
    return loadBattleRow(ctx.db, input.id);
  },
  async write(tx, _ctx, row, { reason }) {
    // A link is written holding the battle's row (its foreign key): locked here, none comes after.
    await tx
      .select({ id: reformBattles.id })
      .from(reformBattles)
      .where(eq(reformBattles.id, row.id))
      .for('update');
    const linked = await tx
      .select({ id: reformBattleSuggestions.suggestionId })
      .from(reformBattleSuggestions)
      .where(eq(reformBattleSuggestions.battleId, row.id));
    const ids = linked.map((l) => l.id);
    await tellSuggestionsLeft(tx, 'reformBattleDeleted', row, ids, reason);
    await tx.delete(reformBattles).where(eq(reformBattles.id, row.id));
    return {
      result: undefined,
      audit: {
        entityType: 'reformBattle',
        entityId: row.id,
        before: ids.length ? { ...row, suggestionIds: ids } : row,
        ...(reason ? { after: { reason } } : {}),
      },
    };
  },
});

export async function deleteBattle(
  ctx: ServiceContext,
  id: string,
  input: ReformBattleWithdrawInput = {},
): Promise<void> {
  await command.run(ctx, { id, ...input });
}
