import { and, eq, ne } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import type { Db } from '../../../db/client.js';
import { AppError, forbidden, notFound } from '../../../errors.js';
import type { Tx } from '../../../kernel/command.js';
import { maskNumbersInText } from '../../../privacy.js';
import { followReform } from '../../ideas/api.js';
import { unitsByIds } from '../../units/api.js';
import { canReform } from '../policy.js';
import type { BattleRow } from '../queries/battles.js';
import { reformBattles } from '../schema.js';

/** Only the district's reform office keeps the key battles. */
export function mayKeepBattles(ctx: ServiceContext): void {
  if (!canReform(ctx.principal, 'battle.write')) throw forbidden();
}

export async function loadBattleRow(db: Db, id: string): Promise<BattleRow> {
  const [row] = await db.select().from(reformBattles).where(eq(reformBattles.id, id));
  if (!row) throw notFound('battle');
  return row;
}

/** The lead unit exists and no other battle has the name; every problem in one answer. */
export async function checkBattle(
  db: Db,
  input: { name?: string | undefined; leadUnitId?: string | undefined },
  exceptId?: string,
): Promise<void> {
  if (input.leadUnitId && !(await unitsByIds(db, [input.leadUnitId])).has(input.leadUnitId))
    throw new AppError('VALIDATION', 'no such unit', [
      { path: 'leadUnitId', message: 'no such unit', code: 'unknown_unit' },
    ]);
  if (input.name === undefined) return;
  const [taken] = await db
    .select({ id: reformBattles.id })
    .from(reformBattles)
    .where(and(eq(reformBattles.name, input.name), exceptId ? ne(reformBattles.id, exceptId) : undefined));
  if (taken)
    throw new AppError('CONFLICT', 'a battle has this name', [
      { path: 'name', message: 'taken', code: 'taken' },
    ]);
}

/**
 * Suggestions leaving a battle, because it is deleted or they are taken off it: the office says
 * why, and each suggestion's public timeline and its author, followers and supporters are told,
 * as they were told when it went under the battle. Nothing leaves silently; without a reason the
 * change is refused (and rolled back with the transaction it is called in).
 */
export async function tellSuggestionsLeft(
  tx: Tx,
  kind: 'reformBattleDeleted' | 'reformBattleUnlinked',
  battle: { id: string; name: string },
  suggestionIds: readonly string[],
  reason: string | undefined,
): Promise<void> {
  if (suggestionIds.length === 0) return;
  if (!reason)
    throw new AppError('VALIDATION', 'say why: the suggestions under the battle are told', [
      {
        path: 'reason',
        message: 'required while citizens’ suggestions are under the battle',
        code: 'required',
      },
    ]);
  await followReform(tx, suggestionIds, kind, {
    battleId: battle.id,
    battleName: battle.name,
    reason: maskNumbersInText(reason),
  });
}
