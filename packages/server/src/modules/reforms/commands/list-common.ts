import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { AppError, notFound } from '../../../errors.js';
import type { ListRow } from '../queries/lookup.js';
import { reformLists } from '../schema.js';

export async function loadList(db: Db, id: string): Promise<ListRow> {
  const [row] = await db.select().from(reformLists).where(eq(reformLists.id, id));
  if (!row) throw notFound('list');
  return row;
}

/** Two lists never share a name: the ledger's spreadsheets name the list by it. */
export async function checkListName(db: Db, name: string, exceptId?: string): Promise<void> {
  const [taken] = await db
    .select({ id: reformLists.id })
    .from(reformLists)
    .where(and(eq(reformLists.name, name), exceptId ? ne(reformLists.id, exceptId) : undefined));
  if (taken)
    throw new AppError('CONFLICT', 'a list has this name', [
      { path: 'name', message: 'taken', code: 'taken' },
    ]);
}
