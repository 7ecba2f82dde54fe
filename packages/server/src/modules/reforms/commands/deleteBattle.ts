import { eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { defineCommand } from '../../../kernel/command.js';
import { reformBattles } from '../schema.js';
import { loadBattleRow, mayKeepBattles } from './battle-common.js';

/** Removes a battle with its phases and links; the projects and suggestions themselves stay. */
const command = defineCommand({
  name: 'reformBattle.delete',
  async load(ctx, input: { id: string }) {
    mayKeepBattles(ctx);
    return loadBattleRow(ctx.db, input.id);
  },
  async write(tx, _ctx, row) {
    await tx.delete(reformBattles).where(eq(reformBattles.id, row.id));
    return { result: undefined, audit: { entityType: 'reformBattle', entityId: row.id, before: row } };
  },
});

export async function deleteBattle(ctx: ServiceContext, id: string): Promise<void> {
  await command.run(ctx, { id });
}
