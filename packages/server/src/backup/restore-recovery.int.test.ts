import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import { createTestDatabase } from '../test-support/db.js';
import { tempFolders } from '../test-support/temp-folders.js';
import { rowsOf } from './backup.js';
import { FileRestore } from './backup-files.js';
import { finishInterruptedRestores } from './restore-recovery.js';

/**
 * A restore whose rows committed but whose process ended before the files that had to wait for
 * the commit were put in place: the next start puts them there, by the hashes the rows hold.
 * Run on PGlite and PostgreSQL.
 */
let database: Database;
const folder = tempFolders('qx-restore-recovery-');
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const sha = (bytes: string) => createHash('sha256').update(bytes).digest('hex');
const exec = async (q: string) => rowsOf(await database.db.execute(sql.raw(q)));

describe('the files of a restore ended after its commit', () => {
  it('are put in place, and a row whose file is already right is left alone', async () => {
    const root = folder();
    const oldBytes = 'the replaced database’s file';
    const newBytes = 'the restored file';
    const kept = 'a file the restore did not touch';
    mkdirSync(join(root, 'evidence', 'owner'), { recursive: true });
    writeFileSync(join(root, 'evidence', 'owner', 'a'), oldBytes);
    writeFileSync(join(root, 'evidence', 'owner', 'k'), kept);
    const files = new FileRestore(root, new Map([['evidence/owner/a', sha(oldBytes)]]));
    await files.stage(
      {
        f: { area: 'evidence', key: 'owner/a', sha256: sha(newBytes) },
        b: Buffer.from(newBytes).toString('base64'),
      },
      sha(newBytes),
    );
    // A current row names the key with other bytes: the file waits for the commit.
    expect(await files.place()).toBe(1);
    expect(readFileSync(join(root, 'evidence', 'owner', 'a'), 'utf8')).toBe(oldBytes);
    // The rows commit; the process ends before placeWaiting().
    for (const [key, bytes] of [
      ['owner/a', newBytes],
      ['owner/k', kept],
    ] as const)
      await database.db.execute(sql`
        insert into attachments (owner_kind, owner_id, area, storage_key, file_name, media_type, size, sha256)
        values ('test', gen_random_uuid(), 'evidence', ${key}, 'f.pdf', 'application/pdf', 1, ${sha(bytes)})`);

    expect(await finishInterruptedRestores(exec, root)).toBe(1);
    expect(readFileSync(join(root, 'evidence', 'owner', 'a'), 'utf8')).toBe(newBytes);
    expect(readFileSync(join(root, 'evidence', 'owner', 'k'), 'utf8')).toBe(kept);
    expect(readdirSync(root).filter((e) => e.startsWith('.restoring-'))).toEqual([]);
    expect(await finishInterruptedRestores(exec, root)).toBe(0);
  });
});
