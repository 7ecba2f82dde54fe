import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { syncFolder } from '../files/durable.js';
import { privateFileMode } from '../private-files.js';
import { fileLines } from './backup-files.js';

export const FORMAT = 'qianxing-backup';
/** 2 adds the uploaded files after the rows; a restore reads 1 as well. */
export const FORMAT_VERSION = 2;
const pageRows = 5000;

/** Runs one SQL statement and returns its rows: a drizzle transaction's or a bare PGlite's. */
export type Exec = (statement: string) => Promise<Array<Record<string, unknown>>>;

export interface BackupSummary {
  tables: number;
  rows: number;
  files: number;
  /** Files a row names that were not in the store; their rows are backed up all the same. */
  missingFiles: number;
}

/**
 * Rows of a table that names itself (a unit's parent) in an order parents-first: a restore sends
 * rows in batches, and a foreign key is checked at the end of each statement, so a child in an
 * earlier batch than its parent would be refused. A unit's path is its parent's path and more.
 */
const rowOrder: Partial<Record<string, string>> = { units: ' order by length(t.path), t.id' };

/**
 * Writes the named tables as gzipped JSON Lines: a header line, then one line per row as
 * PostgreSQL's own to_jsonb renders it, fetched through a cursor in pages of 5,000, then the
 * uploaded files (backup-files.ts). `exec` must run inside one snapshot (a repeatable-read
 * transaction, or a private copy of the database).
 */
export async function writeBackup(
  exec: Exec,
  tables: readonly string[],
  migration: string | null,
  file: string,
  filesRoot: string,
): Promise<BackupSummary> {
  let rows = 0;
  const counts = { files: 0, missingFiles: 0 };
  async function* lines() {
    yield `${JSON.stringify({ format: FORMAT, version: FORMAT_VERSION, migration, createdAt: new Date().toISOString(), tables })}\n`;
    for (const name of tables) {
      // As text: the row goes to the file as PostgreSQL wrote it, never parsed and re-written.
      await exec(
        `declare backup_rows no scroll cursor for select to_jsonb(t)::text as r from "${name}" t${rowOrder[name] ?? ''}`,
      );
      const prefix = `{"t":${JSON.stringify(name)},"r":`;
      try {
        for (;;) {
          const page = await exec(`fetch forward ${pageRows} from backup_rows`);
          // One chunk per page: a chunk per row would cost the gzip stream a call each.
          yield page.map(({ r }) => `${prefix}${r as string}}\n`).join('');
          rows += page.length;
          if (page.length < pageRows) break;
        }
      } finally {
        await exec('close backup_rows');
      }
    }
    yield* fileLines(exec, filesRoot, counts);
  }
  // Written beside the target and renamed over it only when complete and flushed: a backup that
  // fails midway (a full disk, a crash) leaves the last good backup of that name as it was.
  const partial = join(dirname(file), `.${basename(file)}.${randomUUID()}.part`);
  try {
    // Level 4 of 9: less CPU than the default 6; the demo's file grows 5 % (11.0 against 10.5 MB).
    await pipeline(
      Readable.from(lines()),
      createGzip({ level: 4 }),
      createWriteStream(partial, { mode: privateFileMode, flush: true }),
    );
    await rename(partial, file);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  await syncFolder(dirname(file));
  return { tables: tables.length, rows, ...counts };
}
