import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';

export const FORMAT = 'qianxing-backup';
export const FORMAT_VERSION = 1;

/** Runs one SQL statement and returns its rows: a drizzle transaction's or a bare PGlite's. */
export type Exec = (statement: string) => Promise<Array<Record<string, unknown>>>;

/**
 * Writes the named tables as gzipped JSON Lines: a header line, then one line per row as
 * PostgreSQL's own to_jsonb renders it, fetched through a cursor in pages of 2,000. `exec` must
 * run inside one snapshot (a repeatable-read transaction, or a private copy of the database).
 */
export async function writeBackup(
  exec: Exec,
  tables: readonly string[],
  migration: string | null,
  file: string,
): Promise<{ tables: number; rows: number }> {
  let rows = 0;
  async function* lines() {
    yield `${JSON.stringify({ format: FORMAT, version: FORMAT_VERSION, migration, createdAt: new Date().toISOString(), tables })}\n`;
    for (const name of tables) {
      await exec(`declare backup_rows no scroll cursor for select to_jsonb(t) as r from "${name}" t`);
      try {
        for (;;) {
          const page = await exec('fetch forward 2000 from backup_rows');
          for (const { r } of page) {
            rows += 1;
            yield `${JSON.stringify({ t: name, r })}\n`;
          }
          if (page.length < 2000) break;
        }
      } finally {
        await exec('close backup_rows');
      }
    }
  }
  await pipeline(Readable.from(lines()), createGzip(), createWriteStream(file));
  return { tables: tables.length, rows };
}
