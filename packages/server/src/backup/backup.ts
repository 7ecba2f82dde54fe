import { is, sql } from 'drizzle-orm';
import { getTableConfig, type PgTable, PgTable as PgTableClass } from 'drizzle-orm/pg-core';
import type { Database } from '../db/client.js';
import { filesRoot } from '../files/store.js';
import { allTables } from '../modules/registry.js';
import { type BackupSummary, writeBackup } from './backup-write.js';

/** Every table, parents before children, so a restore never breaks a foreign key. */
export function tablesInDependencyOrder(): Array<{ name: string; table: PgTable }> {
  const tables = allTables().filter((v): v is PgTable => is(v, PgTableClass));
  const byName = new Map(tables.map((t) => [getTableConfig(t).name, t]));
  const ordered: string[] = [];
  const visit = (name: string, seen: Set<string>) => {
    if (ordered.includes(name) || seen.has(name)) return;
    seen.add(name);
    for (const fk of getTableConfig(byName.get(name)!).foreignKeys) {
      const parent = getTableConfig(fk.reference().foreignTable).name;
      if (parent !== name) visit(parent, seen);
    }
    ordered.push(name);
  };
  for (const name of [...byName.keys()].sort()) visit(name, new Set());
  return ordered.map((name) => ({ name, table: byName.get(name)! }));
}

export const rowsOf = (result: unknown) => (result as { rows: Array<Record<string, unknown>> }).rows;

/**
 * Writes every table to `file` (see backup-write.ts) as one consistent snapshot, read in one
 * read-only repeatable-read transaction however many writes land meanwhile. On PostgreSQL
 * writes go on beside it. An embedded PGlite database has one connection, so its statements
 * wait until the backup is written. (PGlite's own dump of the data folder would hold them for
 * less time, but it reads the whole folder into memory, uploaded files included.)
 */
export async function backupDatabase(
  database: Database,
  file: string,
  options: { filesRoot?: string } = {},
): Promise<BackupSummary> {
  const migration = await database.appliedMigration();
  const tables = tablesInDependencyOrder().map((t) => t.name);
  const root = options.filesRoot ?? filesRoot();
  return database.db.transaction(
    (tx) =>
      writeBackup(
        async (statement) => rowsOf(await tx.execute(sql.raw(statement))),
        tables,
        migration,
        file,
        root,
      ),
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}
