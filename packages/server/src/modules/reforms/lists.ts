import { and, eq, ne } from 'drizzle-orm';
import type { ServiceContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { AppError, notFound } from '../../errors.js';
import type { ReformList } from './contracts.js';
import type { ListRow } from './lookup.js';
import { loadLedger } from './queries/ledger.js';
import { readLedger } from './queries/projects.js';
import { reformLists } from './schema.js';

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

/** Every list with its number of projects and progress. */
export async function listLists(ctx: ServiceContext): Promise<ReformList[]> {
  readLedger(ctx);
  const ledger = await loadLedger(ctx.db);
  return ledger.lists.map((l) => ({
    id: l.row.id,
    name: l.row.name,
    description: l.row.description,
    sort: l.row.sort,
    projects: l.projects,
    progress: l.progress,
    isDemo: l.row.isDemo,
  }));
}
