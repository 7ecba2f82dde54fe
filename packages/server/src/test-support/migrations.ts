import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Database, migrationsFolder } from '../db/client.js';
import { tempFolders } from './temp-folders.js';

const folder = tempFolders('qianxing-migrations-');

/** A copy of the migrations that stops before `tag`, to build a database as it was then. */
export function migrationsBefore(tag: string): string {
  const dir = folder();
  cpSync(migrationsFolder, dir, { recursive: true });
  const path = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(path, 'utf8')) as { entries: Array<{ tag: string }> };
  journal.entries = journal.entries.slice(
    0,
    journal.entries.findIndex((e) => e.tag === tag),
  );
  writeFileSync(path, JSON.stringify(journal));
  return dir;
}

/** Applies the migrations of `folder` (all of them, or those `migrationsBefore` kept) to `database`. */
export async function migrateFrom(database: Database, folder: string) {
  const { migrate } =
    database.kind === 'pglite'
      ? await import('drizzle-orm/pglite/migrator')
      : await import('drizzle-orm/node-postgres/migrator');
  await migrate(database.db as never, { migrationsFolder: folder });
}
