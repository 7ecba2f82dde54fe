import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealAuditChain } from '../audit/seal.js';
import { verifyAuditChain } from '../audit/verify.js';
import { type Database, openDb } from '../db/client.js';
import { filesRoot, storeFile } from '../files/store.js';
import { attachments } from '../kernel/schema.js';
import { createTestContext, type TestContext } from '../test-support/app.js';
import { createTestDatabase } from '../test-support/db.js';
import { tempFolders } from '../test-support/temp-folders.js';
import { backupDatabase, tablesInDependencyOrder } from './backup.js';
import { restoreDatabase } from './restore.js';

let t: TestContext;
let target: Database;
const folder = tempFolders('qx-backup-');
beforeAll(async () => {
  t = await createTestContext();
  target = await createTestDatabase();
});
afterAll(async () => {
  await t.close();
  await target.close();
});

/** Every table's row count, in one statement: a query per table cost a round trip each, ten times a table. */
async function counts(db: Database) {
  const parts = tablesInDependencyOrder().map(
    ({ name }) => `select '${name}' as t, count(*)::int as n from "${name}"`,
  );
  const r = await db.db.execute(sql.raw(parts.join(' union all ')));
  const out: Record<string, number> = {};
  for (const { t, n } of (r as unknown as { rows: Array<{ t: string; n: number }> }).rows) out[t] = n;
  return out;
}

describe('backup and restore', { timeout: 120_000 }, () => {
  it('restores every row into an empty database, with a valid audit chain', async () => {
    await (await t.as('office')).post('/api/v1/invitations', { displayName: '备份测试', roles: [] });
    await sealAuditChain(t.database.db);
    const file = join(folder(), 'backup.jsonl.gz');
    const { rows } = await backupDatabase(t.database, file);
    expect(rows).toBeGreaterThan(50);
    const restored = await restoreDatabase(target, file);
    expect(restored.rows).toBe(rows);
    expect(await counts(target)).toEqual(await counts(t.database));
    expect((await verifyAuditChain(target.db)).ok).toBe(true);
    // The serial id continues after the restored events.
    await target.db.execute(
      sql`insert into audit_events (actor_label, action, entity_type, entity_id) values ('t', 't', 't', 't')`,
    );
    await expect(restoreDatabase(target, file)).rejects.toThrow(/not empty/);
    await restoreDatabase(target, file, { replace: true });
    expect(await counts(target)).toEqual(await counts(t.database));
    // The same file restores into the embedded database too (and the other way round on CI).
    const embedded = await openDb({ dataDir: 'memory://' });
    await embedded.migrate();
    await restoreDatabase(embedded, file);
    expect(await counts(embedded)).toEqual(await counts(t.database));
    await embedded.close();
  });

  it('writes one consistent snapshot while writes go on', async () => {
    const office = await t.as('office');
    const unit = (await t.database.db.execute(
      sql`select id from units order by code limit 1`,
    )) as unknown as {
      rows: Array<{ id: string }>;
    };
    const roles = [{ role: 'screener', unitId: unit.rows[0]!.id }];
    const file = join(folder(), 'online.jsonl.gz');
    // Each invitation writes its row and its audit event in one transaction: a backup read
    // table by table outside one snapshot would hold one without the other.
    const writes = Array.from({ length: 40 }, (_, i) =>
      office.post('/api/v1/invitations', { displayName: `在线备份${i}`, roles }),
    );
    await backupDatabase(t.database, file);
    for (const r of await Promise.all(writes)) expect(r.status).toBe(201);
    const copy = await openDb({ dataDir: 'memory://' });
    await copy.migrate();
    await restoreDatabase(copy, file);
    const one = async (q: string) =>
      (await copy.db.execute(sql.raw(q))) as unknown as { rows: Array<{ n: number }> };
    const invited = (
      await one(`select count(*)::int as n from invitations where display_name like '在线备份%'`)
    ).rows[0]!.n;
    const events = (
      await one(
        `select count(*)::int as n from audit_events where action = 'invitation.create' and after->>'displayName' like '在线备份%'`,
      )
    ).rows[0]!.n;
    await copy.close();
    expect(events).toBe(invited);
  });

  it('carries the uploaded files, checks each one’s SHA-256 on restore and sweeps files no row names', async () => {
    const ownerId = crypto.randomUUID();
    const stored = [Buffer.from('%PDF-1.7 第一份证明材料'), Buffer.from('%PDF-1.7 第二份')];
    const keys = stored.map(() => `${ownerId}/${crypto.randomUUID()}`);
    for (const [i, bytes] of stored.entries()) await storeFile('backup-test', keys[i]!, bytes);
    const row = (key: string, bytes: Buffer) => ({
      ownerKind: 'backup-test',
      ownerId,
      area: 'backup-test',
      storageKey: key,
      fileName: 'proof.pdf',
      mediaType: 'application/pdf',
      size: bytes.byteLength,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    const gone = Buffer.from('%PDF never stored');
    await t.database.db
      .insert(attachments)
      .values([...stored.map((b, i) => row(keys[i]!, b)), row(`${ownerId}/gone`, gone)]);
    const dir = folder();
    const file = join(dir, 'files.jsonl.gz');
    const written = await backupDatabase(t.database, file);
    expect(written.files).toBeGreaterThanOrEqual(2);
    expect(written.missingFiles).toBe(1);

    // A store holding a file of some earlier database that no restored row names.
    const root = join(dir, 'store');
    mkdirSync(join(root, 'old-area', 'x'), { recursive: true });
    writeFileSync(join(root, 'old-area', 'x', 'stray'), 'left over');
    const copy = await openDb({ dataDir: 'memory://' });
    await copy.migrate();
    const restored = await restoreDatabase(copy, file, { filesRoot: root });
    expect(restored).toMatchObject({ files: written.files, missingFiles: 1, orphansRemoved: 1 });
    for (const [i, bytes] of stored.entries())
      expect(readFileSync(join(root, 'backup-test', keys[i]!))).toEqual(bytes);
    expect(existsSync(join(root, 'old-area', 'x', 'stray'))).toBe(false);
    expect(readdirSync(root).filter((n) => n.startsWith('.restoring-'))).toEqual([]);

    // One flipped byte in a file: the restore is refused and leaves rows and files as they were.
    const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
    const at = lines.findIndex((l) => l.includes(keys[0]!) && l.includes('"b":'));
    const damaged = JSON.parse(lines[at]!) as { b: string };
    damaged.b = Buffer.from('%PDF-1.7 第一份证明材料!').toString('base64');
    lines[at] = JSON.stringify(damaged);
    const bad = join(dir, 'damaged.jsonl.gz');
    writeFileSync(bad, gzipSync(lines.join('\n')));
    const before = await counts(copy);
    await expect(restoreDatabase(copy, bad, { replace: true, filesRoot: root })).rejects.toThrow(/SHA-256/);
    expect(await counts(copy)).toEqual(before);
    for (const [i, bytes] of stored.entries())
      expect(readFileSync(join(root, 'backup-test', keys[i]!))).toEqual(bytes);
    expect(readdirSync(root).filter((n) => n.startsWith('.restoring-'))).toEqual([]);
    await copy.close();
    expect(filesRoot()).not.toBe(root);
  });

  it('refuses a file that is not a backup and changes nothing', async () => {
    const file = join(folder(), 'bad.jsonl.gz');
    writeFileSync(file, gzipSync('{"hello":"world"}\n'));
    const before = await counts(target);
    await expect(restoreDatabase(target, file, { replace: true })).rejects.toThrow(/not a Qianxing backup/);
    expect(await counts(target)).toEqual(before);
  });

  it('writes a unit after its parent, however the rows lie on disk', async () => {
    // A changed row is written anew after the others: the district's root now lies after the
    // units under it, where a restore's batches would meet a child before its parent.
    await t.database.db.execute(sql`update units set name = name where parent_id is null`);
    const file = join(folder(), 'ordered.jsonl.gz');
    await backupDatabase(t.database, file);
    const units = gunzipSync(readFileSync(file))
      .toString('utf8')
      .split('\n')
      .filter((line) => line.startsWith('{"t":"units"'))
      .map((line) => (JSON.parse(line) as { r: { id: string; parent_id: string | null } }).r);
    expect(units.length).toBeGreaterThan(3);
    const seen = new Set<string>();
    for (const unit of units) {
      if (unit.parent_id) expect(seen.has(unit.parent_id), unit.id).toBe(true);
      seen.add(unit.id);
    }
  });
});
