import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { backupDatabase, type Database, openDb } from '@qianxing/server';
import { tempFolders } from '@qianxing/server/test-support/temp-folders';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { cliArgs } from './test-support/cli-command.js';
import { runCli } from './test-support/run-cli.js';
import { scratchDatabase } from './test-support/scratch-db.js';

/**
 * `restore --replace` killed with -9 after it has put the backup's files in place and before its
 * rows commit: the database still holds the old rows, and each of them must still find its own
 * file. The commit is held by a deferred trigger that sleeps (fired by COMMIT, before the commit
 * is written), the restore runs as a real process, and is killed by its pid once the last of the
 * backup's files is in place. Runs on the embedded database, and on PostgreSQL when DATABASE_URL
 * is set.
 */
const folders = tempFolders('qx-restore-crash-');
const sha = (bytes: string) => createHash('sha256').update(bytes).digest('hex');
const oldBytes = 'the file the current row names';
const newBytes = 'the file the backup carries under the same key';
const onlyNew = 'a file only the backup has';

/** An attachment row and its file. */
async function attach(database: Database, root: string, key: string, bytes: string) {
  await database.db.execute(sql`
    insert into attachments (owner_kind, owner_id, area, storage_key, file_name, media_type, size, sha256)
    values ('test', gen_random_uuid(), 'evidence', ${key}, 'f.pdf', 'application/pdf', ${bytes.length}, ${sha(bytes)})`);
  mkdirSync(dirname(join(root, 'evidence', key)), { recursive: true });
  writeFileSync(join(root, 'evidence', key), bytes);
}

async function rowsAndFiles(database: Database, root: string) {
  const r = await database.db.execute(sql`select storage_key as key, sha256 from attachments order by 1`);
  return (r as unknown as { rows: Array<{ key: string; sha256: string }> }).rows.map(({ key, sha256 }) => {
    const path = join(root, 'evidence', key);
    return { key, row: sha256, file: existsSync(path) ? sha(readFileSync(path, 'utf8')) : null };
  });
}

async function scenario(
  env: NodeJS.ProcessEnv,
  open: () => Promise<Database>,
  endSession: () => Promise<void>,
) {
  const root = join(env.QIANXING_DATA_DIR!, 'files');
  const backup = join(folders(), 'backup.jsonl.gz');
  // The backup: key a holding the new bytes, and key b, which sorts after it and so is placed last.
  let database = await open();
  await database.migrate();
  await attach(database, root, 'owner/a', newBytes);
  await attach(database, root, 'owner/b', onlyNew);
  await backupDatabase(database, backup, { filesRoot: root });
  // The database now: key a holding other bytes, no b; and a commit that waits.
  await database.db.execute(sql`delete from attachments`);
  rmSync(join(root, 'evidence', 'owner', 'b'));
  await attach(database, root, 'owner/a', oldBytes);
  await database.db.execute(
    sql.raw(`create function hold_commit() returns trigger language plpgsql
    as $$ begin perform pg_sleep(600); return null; end $$`),
  );
  await database.db.execute(
    sql.raw(`create constraint trigger hold_commit after insert on attachments
    deferrable initially deferred for each row execute function hold_commit()`),
  );
  const before = await rowsAndFiles(database, root);
  expect(before).toEqual([{ key: 'owner/a', row: sha(oldBytes), file: sha(oldBytes) }]);
  await database.close();

  const child = spawn(process.execPath, [...cliArgs(), 'restore', '--replace', '--input', backup], {
    env: { ...process.env, ...env },
    stdio: 'ignore',
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const last = join(root, 'evidence', 'owner', 'b');
  for (const deadline = Date.now() + 120_000; Date.now() < deadline; ) {
    if (existsSync(last) && readFileSync(last, 'utf8') === onlyNew) break;
    if (child.exitCode !== null) throw new Error('the restore ended before its commit');
    await new Promise((r) => setTimeout(r, 20));
  }
  process.kill(child.pid!, 'SIGKILL');
  await exited;
  // The database's side of the crash: its session ends without a commit.
  await endSession();

  database = await open();
  try {
    expect(await rowsAndFiles(database, root)).toEqual(before);
    await database.db.execute(sql.raw('drop trigger hold_commit on attachments'));
  } finally {
    await database.close();
  }
  // Run again, the restore finishes what the killed one left, and then completes.
  const again = runCli(['restore', '--replace', '--input', backup], { env });
  expect(again.status, again.stderr).toBe(0);
  database = await open();
  try {
    expect(await rowsAndFiles(database, root)).toEqual([
      { key: 'owner/a', row: sha(newBytes), file: sha(newBytes) },
      { key: 'owner/b', row: sha(onlyNew), file: sha(onlyNew) },
    ]);
  } finally {
    await database.close();
  }
  expect(readdirSync(root).filter((e) => e.startsWith('.restoring-'))).toEqual([]);
}

describe('restore --replace killed before its commit', () => {
  it('leaves every old row its own file on the embedded database', { timeout: 300_000 }, async () => {
    const dataDir = folders();
    await scenario(
      { QIANXING_DATA_DIR: dataDir, DATABASE_URL: '' },
      () => openDb({ dataDir }),
      async () => {},
    );
  });

  it.runIf(!!process.env.DATABASE_URL)(
    'leaves every old row its own file on PostgreSQL',
    { timeout: 300_000 },
    async () => {
      const scratch = await scratchDatabase(process.env.DATABASE_URL!, 'qx_restore_crash');
      const name = new URL(scratch.url).pathname.slice(1);
      try {
        await scenario(
          { QIANXING_DATA_DIR: folders(), DATABASE_URL: scratch.url },
          () => openDb({ databaseUrl: scratch.url, poolSize: 1 }),
          async () => {
            // The killed process's session sleeps in its commit until ended.
            const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
            await admin.connect();
            await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [
              name,
            ]);
            await admin.end();
          },
        );
      } finally {
        await scratch.drop();
      }
    },
  );
});
