import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import { createTestDatabase } from '../test-support/db.js';
import { tempFolders } from '../test-support/temp-folders.js';
import { backupDatabase, rowsOf } from './backup.js';
import { RestoreUnfinished, restoreDatabase } from './restore.js';

/**
 * A restore --replace whose rows committed but whose waiting file could not be put in place
 * afterwards: it says so (RestoreUnfinished) rather than that nothing changed, and the rows stay
 * restored. Run on PGlite and PostgreSQL.
 */
let source: Database;
let target: Database;
const folder = tempFolders('qx-restore-unfinished-');
beforeAll(async () => {
  source = await createTestDatabase();
  target = await createTestDatabase();
});
afterAll(async () => {
  await source.close();
  await target.close();
});

const sha = (bytes: string) => createHash('sha256').update(bytes).digest('hex');
const attach = (db: Database, bytes: string) =>
  db.db.execute(sql`
    insert into attachments (owner_kind, owner_id, area, storage_key, file_name, media_type, size, sha256)
    values ('test', gen_random_uuid(), 'evidence', 'owner/a', 'f.pdf', 'application/pdf', 1, ${sha(bytes)})`);

describe('a restore whose files cannot all follow its commit', () => {
  it('is reported unfinished, with the rows restored', async () => {
    const backedUp = 'the backup’s file';
    const sourceRoot = folder();
    mkdirSync(join(sourceRoot, 'evidence', 'owner'), { recursive: true });
    writeFileSync(join(sourceRoot, 'evidence', 'owner', 'a'), backedUp);
    await attach(source, backedUp);
    const file = join(folder(), 'backup.jsonl.gz');
    await backupDatabase(source, file, { filesRoot: sourceRoot });

    // The database being replaced names the same key with other bytes, so the file waits for the
    // commit; where it goes stands a folder with something in it, which a rename cannot replace.
    await attach(target, 'the replaced database’s file');
    const root = folder();
    mkdirSync(join(root, 'evidence', 'owner', 'a'), { recursive: true });
    writeFileSync(join(root, 'evidence', 'owner', 'a', 'in the way'), 'x');

    const failure = await restoreDatabase(target, file, { replace: true, filesRoot: root }).catch((e) => e);
    expect(failure).toBeInstanceOf(RestoreUnfinished);
    expect((failure as Error).message).toMatch(/rows were restored/);
    const rows = rowsOf(await target.db.execute(sql`select sha256 from attachments`));
    expect(rows).toEqual([{ sha256: sha(backedUp) }]);
  });
});
