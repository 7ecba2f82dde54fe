import type { ServiceContext } from '../../../context.js';
import { notFound } from '../../../errors.js';
import type { ReformList } from '../contracts.js';
import { loadLedger } from './ledger.js';
import { readLedger } from './projects.js';

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

/** One list with its projects and progress, as the lists page shows it. */
export async function getList(ctx: ServiceContext, id: string): Promise<ReformList> {
  const list = (await listLists(ctx)).find((l) => l.id === id);
  if (!list) throw notFound('list');
  return list;
}
