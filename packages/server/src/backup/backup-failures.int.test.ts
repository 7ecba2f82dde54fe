import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import { createTestDatabase } from '../test-support/db.js';
import { tempFolders } from '../test-support/temp-folders.js';
import { backupDatabase, rowsOf } from './backup.js';
import { writeBackup } from './backup-write.js';
import { restoreDatabase } from './restore.js';

/** A backup or restore that fails midway: what it leaves behind. Run on PGlite and PostgreSQL. */
let database: Database;
const folder = tempFolders('qx-backup-fail-');
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('a backup that fails midway', { timeout: 60_000 }, () => {
  it('leaves the earlier backup of the same name whole, and no partial file beside it', async () => {
    const dir = folder();
    const file = join(dir, 'nightly.jsonl.gz');
    await backupDatabase(database, file, { filesRoot: folder() });
    const good = readFileSync(file);
    // The second night's backup meets a table it cannot read after writing the first ones.
    const failing = database.db.transaction((tx) =>
      writeBackup(
        async (statement) => rowsOf(await tx.execute(sql.raw(statement))),
        ['units', 'no_such_table'],
        null,
        file,
        folder(),
      ),
    );
    await expect(failing).rejects.toThrow(/no_such_table/);
    expect(readFileSync(file)).toEqual(good);
    expect(readdirSync(dir)).toEqual(['nightly.jsonl.gz']);
    const copy = await createTestDatabase();
    await expect(restoreDatabase(copy, file)).resolves.toMatchObject({ files: 0 });
    await copy.close();
  });
});

describe('a restore from a file that cannot be read', () => {
  it('fails with the reason, and the process goes on', async () => {
    const missing = join(folder(), 'not-there.jsonl.gz');
    await expect(restoreDatabase(database, missing)).rejects.toThrow(/ENOENT/);
  });
});
