import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { is, sql } from 'drizzle-orm';
import { getTableConfig, type PgTable, PgTable as PgTableClass } from 'drizzle-orm/pg-core';
import type { Database, Db } from '../db/client.js';
import { allTables } from '../modules/registry.js';
import { FORMAT, FORMAT_VERSION, writeBackup } from './backup-write.js';

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

const rowsOf = (result: unknown) => (result as { rows: Array<Record<string, unknown>> }).rows;

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
): Promise<{ tables: number; rows: number }> {
  const migration = await database.appliedMigration();
  const tables = tablesInDependencyOrder().map((t) => t.name);
  return database.db.transaction(
    (tx) =>
      writeBackup(async (statement) => rowsOf(await tx.execute(sql.raw(statement))), tables, migration, file),
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/** Columns a restore writes: generated columns are computed again by the database. */
async function writableColumns(tx: Db, table: string): Promise<string[]> {
  const rows = rowsOf(
    await tx.execute(sql`select column_name from information_schema.columns
      where table_schema = 'public' and table_name = ${table} and is_generated = 'NEVER'
      order by ordinal_position`),
  ) as Array<{ column_name: string }>;
  return rows.map((r) => r.column_name);
}

async function insertBatch(tx: Db, table: string, batch: unknown[], columns: string[]) {
  if (batch.length === 0) return;
  const list = sql.join(
    columns.map((c) => sql.identifier(c)),
    sql`, `,
  );
  await tx.execute(
    sql`insert into ${sql.identifier(table)} (${list}) overriding system value select ${list} from jsonb_populate_recordset(null::${sql.identifier(table)}, ${JSON.stringify(batch)}::jsonb)`,
  );
}

/**
 * Restores a backup into a database at the same migration. Refuses a database that holds any
 * row unless `replace` is set, which empties every table first, all in one transaction.
 */
export async function restoreDatabase(database: Database, file: string, options: { replace?: boolean } = {}) {
  const input = createInterface({
    input: createReadStream(file).pipe(createGunzip()),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  const iterator = input[Symbol.asyncIterator]();
  const first = await iterator.next();
  const header = first.done
    ? null
    : (JSON.parse(first.value) as { format?: string; version?: number; migration?: string | null });
  if (header?.format !== FORMAT || header.version !== FORMAT_VERSION)
    throw new Error('not a Qianxing backup file');
  const migration = await database.appliedMigration();
  if (header.migration !== migration) {
    throw new Error(
      `the backup is at migration ${header.migration}, the database at ${migration}; migrate to the same version first`,
    );
  }
  const tables = tablesInDependencyOrder().map((t) => t.name);
  let rows = 0;
  await database.db.transaction(async (tx) => {
    if (!options.replace) {
      for (const name of tables) {
        const any = rowsOf(await tx.execute(sql.raw(`select 1 from "${name}" limit 1`)));
        if (any.length)
          throw new Error(`table ${name} is not empty; restore into an empty database or pass --replace`);
      }
    } else {
      await tx.execute(sql.raw(`truncate ${tables.map((n) => `"${n}"`).join(', ')} cascade`));
    }
    const columns = new Map<string, string[]>();
    for (const name of tables) columns.set(name, await writableColumns(tx, name));
    let current = '';
    let batch: unknown[] = [];
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      if (!next.value.trim()) continue;
      const { t, r } = JSON.parse(next.value) as { t: string; r: unknown };
      if (!tables.includes(t)) throw new Error(`unknown table ${t} in the backup`);
      if (t !== current || batch.length >= 1000) {
        await insertBatch(tx, current, batch, columns.get(current) ?? []);
        batch = [];
        current = t;
      }
      batch.push(r);
      rows += 1;
    }
    await insertBatch(tx, current, batch, columns.get(current) ?? []);
    // Serial and identity columns continue after the restored ids.
    const serials = rowsOf(
      await tx.execute(
        sql.raw(`select table_name, column_name from information_schema.columns
        where table_schema = 'public' and (column_default like 'nextval(%' or is_identity = 'YES')`),
      ),
    ) as Array<{ table_name: string; column_name: string }>;
    for (const s of serials) {
      await tx.execute(
        sql.raw(`select setval(pg_get_serial_sequence('"${s.table_name}"', '${s.column_name}'),
          coalesce((select max("${s.column_name}") from "${s.table_name}"), 0) + 1, false)`),
      );
    }
  });
  return { rows };
}
