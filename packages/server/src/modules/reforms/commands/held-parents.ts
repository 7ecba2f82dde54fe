import { eq } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from '../../../db/transaction.js';
import { AppError, type FieldError, notFound } from '../../../errors.js';
import { holdUnits } from '../../units/api.js';
import { reformBattles, reformLists, reformProjects } from '../schema.js';

/**
 * In a create's transaction: the row a new row names (its foreign key) read again and held
 * (`key share`) until the create commits. A delete of it that holds it since the checks is waited
 * for, and then found, so the create answers what is gone instead of meeting the foreign key; a
 * delete started after waits for the create and finds the new row.
 */
async function stillThere(tx: Tx, table: PgTable, id: PgColumn, value: string): Promise<boolean> {
  const rows = await tx.select({ id }).from(table).where(eq(id, value)).for('key share');
  return rows.length > 0;
}

/** The list a project is placed under, deleted since the checks: answered as the check of it would. */
export async function holdListOf(tx: Tx, listId: string): Promise<void> {
  if (!(await stillThere(tx, reformLists, reformLists.id, listId)))
    throw new AppError('CONFLICT', 'the reform list was deleted meanwhile', [
      { path: 'listId', message: 'no such reform list', code: 'unknown_list' },
    ]);
}

/** The project a report or a link is written for, deleted since the checks: it is not found. */
export async function holdProjectKey(tx: Tx, projectId: string): Promise<void> {
  if (!(await stillThere(tx, reformProjects, reformProjects.id, projectId))) throw notFound('project');
}

/** A project put under a battle, deleted since the checks: answered as the check of it would. */
export async function holdLinkedProject(tx: Tx, projectId: string): Promise<void> {
  if (!(await stillThere(tx, reformProjects, reformProjects.id, projectId)))
    throw new AppError('CONFLICT', 'the project was deleted meanwhile', [
      { path: 'id', message: 'no such project', code: 'unknown_project' },
    ]);
}

/** The battle a phase or a link is written under, deleted since the checks: it is not found. */
export async function holdBattleKey(tx: Tx, battleId: string): Promise<void> {
  if (!(await stillThere(tx, reformBattles, reformBattles.id, battleId))) throw notFound('battle');
}

/**
 * The units a project is given to (its lead unit, its co-units), held as the project is written:
 * one deleted from the tree since the checks is answered as the check of it would, naming the
 * field; a delete started after waits for the write and finds the unit in use.
 */
export async function holdUnitsOf(
  tx: Tx,
  refs: { leadUnitId?: string | undefined; coUnitIds?: readonly string[] | undefined },
): Promise<void> {
  const there = await holdUnits(tx, [
    ...(refs.leadUnitId ? [refs.leadUnitId] : []),
    ...(refs.coUnitIds ?? []),
  ]);
  const gone: FieldError[] = [];
  if (refs.leadUnitId && !there.has(refs.leadUnitId))
    gone.push({ path: 'leadUnitId', message: 'no such unit', code: 'unknown_unit' });
  (refs.coUnitIds ?? []).forEach((id, k) => {
    if (!there.has(id)) gone.push({ path: `coUnitIds.${k}`, message: 'no such unit', code: 'unknown_unit' });
  });
  if (gone.length) throw new AppError('CONFLICT', 'the unit was deleted meanwhile', gone);
}
