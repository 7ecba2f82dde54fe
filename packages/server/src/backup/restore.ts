import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { Database, Db } from '../db/client.js';
import { filesRoot } from '../files/store.js';
import { rowsOf, tablesInDependencyOrder } from './backup.js';
import { type FileLine, FileRestore, removeOrphanFiles } from './backup-files.js';
import { FORMAT, FORMAT_VERSION } from './backup-write.js';
import { finishInterruptedRestores } from './restore-recovery.js';

/** Columns a restore writes: generated columns are computed again by the database. */
async function writableColumns(tx: Db, table: string): Promise<string[]> {
  const rows = rowsOf(
    await tx.execute(sql`select column_name from information_schema.columns
      where table_schema = 'public' and table_name = ${table} and is_generated = 'NEVER'
      order by ordinal_position`),
  ) as Array<{ column_name: string }>;
  return rows.map((r) => r.column_name);
}

/** The table and the row's JSON text of a row line, sliced rather than parsed: the database parses the row. */
const rowLine = /^\{"t":("(?:[^"\\]|\\.)*"),"r":/;

/** Rows sent in one statement: at most this many, and at most about this many characters. */
const batchRows = 5000;
const batchChars = 8_000_000;

async function insertBatch(tx: Db, table: string, batch: string[], columns: string[]) {
  if (batch.length === 0) return;
  const list = sql.join(
    columns.map((c) => sql.identifier(c)),
    sql`, `,
  );
  await tx.execute(
    sql`insert into ${sql.identifier(table)} (${list}) overriding system value select ${list} from jsonb_populate_recordset(null::${sql.identifier(table)}, ${`[${batch.join(',')}]`}::jsonb)`,
  );
}

/** Serial and identity columns continue after the restored ids. */
async function advanceSequences(tx: Db) {
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
}

export interface RestoreSummary {
  rows: number;
  files: number;
  /** Rows whose file was already missing when the backup was written. */
  missingFiles: number;
  /** Files in the store that no restored row names, removed. */
  orphansRemoved: number;
}

/**
 * Restores a backup into a database at the same migration. Refuses a database that holds any
 * row unless `replace` is set, which empties every table first, all in one transaction. The
 * uploaded files are checked against their SHA-256 and put in place just before the rows commit,
 * except those that would replace a file a current row still needs, which follow the commit
 * (FileRestore); afterwards, files no row names are removed. Run it with the app stopped: an
 * upload in flight would be taken for an orphan.
 */
export async function restoreDatabase(
  database: Database,
  file: string,
  options: { replace?: boolean; filesRoot?: string } = {},
): Promise<RestoreSummary> {
  const input = createInterface({
    // pipeline, not pipe: a file that cannot be read fails the restore instead of the process.
    input: pipeline(createReadStream(file), createGunzip(), () => {}),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  const iterator = input[Symbol.asyncIterator]();
  const first = await iterator.next();
  const header = first.done
    ? null
    : (JSON.parse(first.value) as { format?: string; version?: number; migration?: string | null });
  if (header?.format !== FORMAT || !(header.version === 1 || header.version === FORMAT_VERSION))
    throw new Error('not a Qianxing backup file');
  const migration = await database.appliedMigration();
  if (header.migration !== migration) {
    throw new Error(
      `the backup is at migration ${header.migration}, the database at ${migration}; migrate to the same version first`,
    );
  }
  const root = options.filesRoot ?? filesRoot();
  const exec = async (q: string) => rowsOf(await database.db.execute(sql.raw(q)));
  // An earlier restore killed midway is finished first, so that its folder is not taken for ours.
  await finishInterruptedRestores(exec, root);
  const replaced = new Map<string, string>();
  const files = new FileRestore(root, replaced);
  const tables = tablesInDependencyOrder().map((t) => t.name);
  let rows = 0;
  let placed = 0;
  try {
    await database.db.transaction(async (tx) => {
      if (!options.replace) {
        for (const name of tables) {
          const any = rowsOf(await tx.execute(sql.raw(`select 1 from "${name}" limit 1`)));
          if (any.length)
            throw new Error(`table ${name} is not empty; restore into an empty database or pass --replace`);
        }
      } else {
        // The files the rows about to be emptied name: a crash before the commit leaves them be.
        const held = rowsOf(
          await tx.execute(sql.raw('select area, storage_key as key, sha256 from attachments')),
        ) as Array<{ area: string; key: string; sha256: string }>;
        for (const h of held) replaced.set(`${h.area}/${h.key}`, h.sha256);
        await tx.execute(sql.raw(`truncate ${tables.map((n) => `"${n}"`).join(', ')} cascade`));
      }
      const columns = new Map<string, string[]>();
      for (const name of tables) columns.set(name, await writableColumns(tx, name));
      let current = '';
      let batch: string[] = [];
      let batchSize = 0;
      let expected: Map<string, string> | null = null;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
        if (!next.value.trim()) continue;
        const row = rowLine.exec(next.value);
        if (!row) {
          const line = JSON.parse(next.value) as Partial<FileLine>;
          if (!line.f) throw new Error('a line that is neither a row nor a file; the backup is damaged');
          if (!expected) {
            // The rows are all in: what each restored row says its file's hash is.
            await insertBatch(tx, current, batch, columns.get(current) ?? []);
            batch = [];
            const held = rowsOf(
              await tx.execute(sql.raw('select area, storage_key as key, sha256 from attachments')),
            ) as Array<{ area: string; key: string; sha256: string }>;
            expected = new Map(held.map((h) => [`${h.area}/${h.key}`, h.sha256]));
          }
          await files.stage(line as FileLine, expected.get(`${line.f.area}/${line.f.key}`));
          continue;
        }
        const t = JSON.parse(row[1]!) as string;
        if (expected) throw new Error(`a row of ${t} after the files; the backup is damaged`);
        if (!tables.includes(t)) throw new Error(`unknown table ${t} in the backup`);
        if (t !== current || batch.length >= batchRows || batchSize >= batchChars) {
          await insertBatch(tx, current, batch, columns.get(current) ?? []);
          batch = [];
          batchSize = 0;
          current = t;
        }
        const r = next.value.slice(row[0].length, next.value.trimEnd().length - 1);
        batch.push(r);
        batchSize += r.length;
        rows += 1;
      }
      await insertBatch(tx, current, batch, columns.get(current) ?? []);
      await advanceSequences(tx);
      placed = await files.place();
    });
  } catch (error) {
    await files.undo();
    throw error;
  }
  try {
    await files.placeWaiting();
    await files.discardStaging();
    const orphansRemoved = await removeOrphanFiles(exec, root);
    return { rows, files: placed, missingFiles: files.missing, orphansRemoved };
  } catch (error) {
    throw new RestoreUnfinished((error as Error).message);
  }
}

/**
 * The rows committed, but files that follow the commit could not all be put in place (or the
 * orphans removed): the restore is not undone, and the server finishes it when it next starts
 * (`finishInterruptedRestores`), so the caller must not say that nothing changed.
 */
export class RestoreUnfinished extends Error {
  constructor(cause: string) {
    super(
      `the rows were restored, but not every file is in place yet (${cause}); starting the server finishes it`,
    );
    this.name = 'RestoreUnfinished';
  }
}
