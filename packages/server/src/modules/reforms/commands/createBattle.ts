import type { ServiceContext } from '../../../context.js';
import { defineCommand } from '../../../kernel/command.js';
import type { ReformBattle, ReformBattleInput } from '../contracts-battles.js';
import { getBattle } from '../queries/battles.js';
import { reformBattles } from '../schema.js';
import { checkBattle, mayKeepBattles } from './battle-common.js';

/** The reform office opens a key battle (攻坚战). */
const command = defineCommand({
  name: 'reformBattle.create',
  async load(ctx, input: ReformBattleInput) {
    mayKeepBattles(ctx);
    await checkBattle(ctx.db, input);
    return {};
  },
  async write(tx, _ctx, _loaded, input) {
    const [row] = await tx.insert(reformBattles).values(input).returning();
    return { result: row!.id, audit: { entityType: 'reformBattle', entityId: row!.id, after: input } };
  },
});

export async function createBattle(ctx: ServiceContext, input: ReformBattleInput): Promise<ReformBattle> {
  return getBattle(ctx, await command.run(ctx, input));
}
