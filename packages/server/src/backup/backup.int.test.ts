import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealAuditChain } from '../audit/seal.js';
import { verifyAuditChain } from '../audit/verify.js';
import { type Database, openDb } from '../db/client.js';
import { createTestContext, type TestContext } from '../test-support/app.js';
import { createTestDatabase } from '../test-support/db.js';
import { backupDatabase, restoreDatabase, tablesInDependencyOrder } from './backup.js';

let t: TestContext;
let target: Database;
beforeAll(async () => {
  t = await createTestContext();
  target = await createTestDatabase();
});
afterAll(async () => {
  await t.close();
  await target.close();
});

async function counts(db: Database) {
  const out: Record<string, number> = {};
  for (const { name } of tablesInDependencyOrder()) {
    const r = await db.db.execute(sql.raw(`select count(*)::int as n from "${name}"`));
    out[name] = (r as unknown as { rows: Array<{ n: number }> }).rows[0]!.n;
  }
  return out;
}

describe('backup and restore', () => {
  it('restores every row into an empty database, with a valid audit chain', async () => {
    await (await t.as('office')).post('/api/v1/invitations', { displayName: '备份测试', roles: [] });
    await sealAuditChain(t.database.db);
    const file = join(mkdtempSync(join(tmpdir(), 'qx-backup-')), 'backup.jsonl.gz');
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
    const file = join(mkdtempSync(join(tmpdir(), 'qx-backup-')), 'online.jsonl.gz');
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

  it('refuses a file that is not a backup and changes nothing', async () => {
    const { writeFileSync } = await import('node:fs');
    const { gzipSync } = await import('node:zlib');
    const file = join(mkdtempSync(join(tmpdir(), 'qx-backup-')), 'bad.jsonl.gz');
    writeFileSync(file, gzipSync('{"hello":"world"}\n'));
    const before = await counts(target);
    await expect(restoreDatabase(target, file, { replace: true })).rejects.toThrow(/not a Qianxing backup/);
    expect(await counts(target)).toEqual(before);
  });
});
