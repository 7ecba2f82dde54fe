import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '@qianxing/server';
import { forgeAuditEvent } from '@qianxing/server/test-support/audit-forger';
import { tempFolders } from '@qianxing/server/test-support/temp-folders';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../test-support/run-cli.js';

const folder = tempFolders('qx-cli-audit-');
const dataDir = folder();
const env = { QIANXING_DATA_DIR: dataDir, DATABASE_URL: '' };

/** The database, opened by the test between two commands (PGlite takes one process at a time). */
async function withDb<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  const { openDb } = await import('@qianxing/server');
  const database = await openDb({ dataDir });
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

const headOf = (stdout: string) => /head (\d+:[0-9a-f]{64})/.exec(stdout)![1]!;

// The unit tree and one account per role: a chain of a few dozen events, sealed as `seed` does.
// The whole demo district would add tens of seconds and no case.
beforeAll(async () => {
  const { createLogger, seedDemo, sealAuditChain } = await import('@qianxing/server');
  await withDb(async (database) => {
    await database.migrate();
    const { db } = database;
    const ctx = { db, principal: null, log: createLogger('warn'), requestId: 'seed' };
    await seedDemo({ ...ctx, sms: { name: 'none', send: async () => {} } }, { only: ['units', 'users'] });
    await sealAuditChain(db);
  });
});

// Each command here opens the embedded database in a child process: seconds on a busy machine.
describe('verify-audit against heads recorded outside the database', { timeout: 120_000 }, () => {
  let recorded: string;
  beforeAll(() => {
    const ok = runCli(['verify-audit'], { env });
    expect(ok.status, ok.stderr).toBe(0);
    recorded = headOf(ok.stdout);
  });

  it('passes with the head it printed, as HASH or SEQ:HASH', () => {
    for (const head of [recorded, recorded.split(':')[1]!]) {
      const r = runCli(['verify-audit', '--expect-head', head], { env });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/passes through expected head/);
    }
  });

  it('refuses a head that is not a hash, with exit code 2', () => {
    expect(runCli(['verify-audit', '--expect-head', 'abc'], { env }).status).toBe(2);
  });

  it('fails on a chain rewritten consistently, which passes without the head', async () => {
    await withDb((d) => forgeAuditEvent(d.db, 4, 'forged'));
    expect(runCli(['verify-audit'], { env }).status).toBe(0);
    for (const head of [recorded, recorded.split(':')[1]!]) {
      const r = runCli(['verify-audit', '--expect-head', head], { env });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/expected head .*(another hash at seq|no sealed event has this hash)/);
    }
  });

  it('fails when the last events are deleted, which passes without the head', async () => {
    const ok = runCli(['verify-audit'], { env });
    const head = headOf(ok.stdout);
    const seq = Number(head.split(':')[0]);
    await withDb((d) => d.db.execute(`delete from audit_events where seq > ${seq - 2}`));
    expect(runCli(['verify-audit'], { env }).status).toBe(0);
    const r = runCli(['verify-audit', '--expect-head', head], { env });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/ends at seq \d+, so events after it were removed/);
  });
});

describe('verify-audit --checkpoints', { timeout: 120_000 }, () => {
  // Kept outside the data folder, as someone keeps them apart from the server.
  const kept = folder();
  const keyFile = join(kept, 'audit-key.pem');
  const checkpoints = join(kept, 'checkpoints.json');
  const publicKey = join(kept, 'public.pem');

  it('verifies a kept copy, and catches a rewrite after it even when the stored ones are deleted', async () => {
    const { checkpointFile, loadCheckpointSigner, makeAuditCheckpoint } = await import('@qianxing/server');
    const signer = loadCheckpointSigner(keyFile);
    writeFileSync(publicKey, signer.publicKey);
    const file = await withDb(async (d) => {
      await makeAuditCheckpoint(d.db, signer, new Date('2026-05-01T01:00:00Z'));
      return checkpointFile(d.db);
    });
    writeFileSync(checkpoints, JSON.stringify(file));
    const ok = runCli(['verify-audit', '--checkpoints', checkpoints, '--public-key', publicKey], { env });
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/passes through checkpoint 2026-05-01/);

    const forged = structuredClone(file);
    forged.checkpoints[0]!.seq -= 1;
    writeFileSync(`${checkpoints}.forged`, JSON.stringify(forged));
    const bad = runCli(['verify-audit', '--checkpoints', `${checkpoints}.forged`], { env });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/signature does not verify/);

    await withDb(async (d) => {
      await forgeAuditEvent(d.db, 2, 'forged again');
      await d.db.execute('delete from audit_checkpoints');
    });
    expect(runCli(['verify-audit'], { env }).status).toBe(0);
    const caught = runCli(['verify-audit', '--checkpoints', checkpoints], { env });
    expect(caught.status).toBe(1);
    expect(caught.stderr).toMatch(/checkpoint 2026-05-01 .*another hash at seq/);
    expect(runCli(['verify-audit', '--checkpoints', join(dataDir, 'none.json')], { env }).status).toBe(2);
  });

  it('with the key pinned, refuses a stored checkpoint that a forger signed with a key of their own', async () => {
    const { loadCheckpointSigner, makeAuditCheckpoint } = await import('@qianxing/server');
    const official = loadCheckpointSigner(keyFile);
    writeFileSync(publicKey, official.publicKey);
    // The chain rewritten and its checkpoint made again, signed by the forger's key and stored
    // with it: the database alone then vouches for the rewrite.
    await withDb(async (d) => {
      await forgeAuditEvent(d.db, 3, 'rewritten');
      await d.db.execute('delete from audit_checkpoints');
      await makeAuditCheckpoint(
        d.db,
        loadCheckpointSigner(join(kept, 'forger.pem')),
        new Date('2026-05-02T01:00:00Z'),
      );
    });
    expect(runCli(['verify-audit'], { env }).status).toBe(0);
    const r = runCli(['verify-audit', '--public-key', publicKey], { env });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/stored checkpoint 2026-05-02 .*not by the expected key/);
    expect(runCli(['verify-audit', '--public-key', join(kept, 'none.pem')], { env }).status).toBe(2);
  });
});
