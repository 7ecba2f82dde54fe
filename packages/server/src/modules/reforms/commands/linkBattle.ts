import { and, eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { AppError } from '../../../errors.js';
import { defineCommand, type Tx } from '../../../kernel/command.js';
import { adoptedSuggestionsByIds, followReform } from '../../ideas/api.js';
import type { ReformBattle } from '../contracts-battles.js';
import { getBattle } from '../queries/battles.js';
import { reformBattleProjects, reformBattleSuggestions, reformProjects } from '../schema.js';
import { loadBattleRow, mayKeepBattles, tellSuggestionsLeft } from './battle-common.js';
import { holdBattleKey, holdLinkedProject } from './held-parents.js';

type Link = { id: string; target: string; reason?: string | undefined };

/** What may go under a battle: a project of the ledger, or a suggestion the campaign adopted. */
async function checkTarget(ctx: ServiceContext, kind: 'project' | 'suggestion', target: string) {
  const exists =
    kind === 'project'
      ? (
          await ctx.db
            .select({ id: reformProjects.id })
            .from(reformProjects)
            .where(eq(reformProjects.id, target))
        ).length > 0
      : (await adoptedSuggestionsByIds(ctx.db, [target])).length > 0;
  if (exists) return;
  throw new AppError(
    'VALIDATION',
    `no such ${kind}`,
    kind === 'project'
      ? [{ path: 'id', message: 'no such project', code: 'unknown_project' }]
      : [{ path: 'id', message: 'no adopted suggestion of this id', code: 'unknown_suggestion' }],
  );
}

const linkTables = {
  project: { table: reformBattleProjects, column: reformBattleProjects.projectId, key: 'projectId' },
  suggestion: {
    table: reformBattleSuggestions,
    column: reformBattleSuggestions.suggestionId,
    key: 'suggestionId',
  },
} as const;

/**
 * Links: the battle exists and so does what goes under it; linking twice is linking once. A
 * suggestion newly put under a battle tells its author and supporters, as adopting it into the
 * battle does (the battles page and the adoption page are two doors to the same link).
 */
const linking = (kind: 'project' | 'suggestion') => ({
  async load(ctx: ServiceContext, input: Link) {
    mayKeepBattles(ctx);
    const battle = await loadBattleRow(ctx.db, input.id);
    await checkTarget(ctx, kind, input.target);
    return { name: battle.name };
  },
  async write(tx: Tx, _ctx: ServiceContext, { name }: { name: string }, { id, target }: Link) {
    const { table, key } = linkTables[kind];
    // The battle, or the project put under it, may have been deleted since the checks.
    await holdBattleKey(tx, id);
    if (kind === 'project') await holdLinkedProject(tx, target);
    const added = await tx
      .insert(table)
      .values({ battleId: id, [key]: target } as never)
      .onConflictDoNothing()
      .returning();
    if (kind === 'suggestion' && added.length > 0)
      await followReform(tx, [target], 'reformBattle', { battleId: id, battleName: name });
    return { result: id, audit: { entityType: 'reformBattle', entityId: id, after: { [key]: target } } };
  },
});

/**
 * Unlinks: what is not under the battle stays not under it. A suggestion taken off is told why,
 * as it was told when it went under (`tellSuggestionsLeft`).
 */
const unlinking = (kind: 'project' | 'suggestion') => ({
  async load(ctx: ServiceContext, input: Link) {
    mayKeepBattles(ctx);
    const battle = await loadBattleRow(ctx.db, input.id);
    return { name: battle.name };
  },
  async write(tx: Tx, _ctx: ServiceContext, { name }: { name: string }, { id, target, reason }: Link) {
    const { table, column, key } = linkTables[kind];
    const removed = await tx
      .delete(table)
      .where(and(eq(table.battleId, id), eq(column, target)))
      .returning();
    if (kind === 'suggestion' && removed.length > 0)
      await tellSuggestionsLeft(tx, 'reformBattleUnlinked', { id, name }, [target], reason);
    return {
      result: id,
      audit: {
        entityType: 'reformBattle',
        entityId: id,
        before: { [key]: target },
        ...(reason && removed.length > 0 ? { after: { reason } } : {}),
      },
    };
  },
});

const commands = {
  linkProject: defineCommand({ name: 'reformBattle.linkProject', ...linking('project') }),
  unlinkProject: defineCommand({ name: 'reformBattle.unlinkProject', ...unlinking('project') }),
  linkSuggestion: defineCommand({ name: 'reformBattle.linkSuggestion', ...linking('suggestion') }),
  unlinkSuggestion: defineCommand({ name: 'reformBattle.unlinkSuggestion', ...unlinking('suggestion') }),
};

/**
 * Puts a project or an adopted suggestion under a battle, or takes it off (a suggestion with the
 * office's reason); answers the battle.
 */
export async function linkBattle(
  ctx: ServiceContext,
  action: keyof typeof commands,
  id: string,
  target: string,
  reason?: string,
): Promise<ReformBattle> {
  return getBattle(ctx, await commands[action].run(ctx, { id, target, reason }));
}
