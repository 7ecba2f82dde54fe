import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '../db/client.js';
import { createTestContext, silentLog, type TestContext } from '../test-support/app.js';
import { forgeAuditEvent } from '../test-support/audit-forger.js';
import { createTestDatabase } from '../test-support/db.js';
import { type MadeUser, makeUnit, makeUser, signIn } from '../test-support/factories.js';
import { tempFolders } from '../test-support/temp-folders.js';
import { chinaDay, makeAuditCheckpoint } from './checkpoint.js';
import { type CheckpointFile, verifyCheckpointFile } from './checkpoint-file.js';
import { loadCheckpointSigner } from './checkpoint-key.js';
import { auditCheckpoints } from './schema.js';
import { sealAuditChain } from './seal.js';
import { startSealer } from './sealer.js';
import { verifyAuditChain } from './verify.js';

let t: TestContext;
let db: Db;
let office: MadeUser;
const signer = loadCheckpointSigner(join(tempFolders('qx-checkpoint-')(), 'key.pem'));
const day1 = new Date('2026-05-01T01:00:00Z');
const day2 = new Date('2026-05-02T01:00:00Z');

beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  db = t.database.db;
  office = await makeUser(t, { roles: [['admin', await makeUnit(t)]] });
  await sealAuditChain(db);
});
afterAll(() => t.close());

const publicFile = async () => {
  const res = await t.client().get<CheckpointFile>('/api/v1/public/audit/checkpoints');
  expect(res.status).toBe(200);
  return res.body;
};

describe('daily audit checkpoints', () => {
  it('takes the China Standard Time day', () => {
    expect(chinaDay(new Date('2026-04-30T15:59:59Z'))).toBe('2026-04-30');
    expect(chinaDay(new Date('2026-04-30T16:00:00Z'))).toBe('2026-05-01');
  });

  it('signs one checkpoint of the head a day, however many processes try', async () => {
    const tries = await Promise.all([1, 2, 3].map(() => makeAuditCheckpoint(db, signer, day1)));
    expect(tries.filter((o) => o.status === 'made')).toHaveLength(1);
    expect(tries.every((o) => ['made', 'exists', 'busy'].includes(o.status))).toBe(true);
    expect((await makeAuditCheckpoint(db, signer, day1)).status).toBe('exists');
    const head = await verifyAuditChain(db);
    const made = tries.find((o) => o.status === 'made');
    expect(made).toMatchObject({ checkpoint: { day: '2026-05-01', seq: head.lastSeq, hash: head.lastHash } });
  });

  it('is published to anyone, with the key that signed it, and verifies', async () => {
    await signIn(t, office);
    await sealAuditChain(db);
    expect((await makeAuditCheckpoint(db, signer, day2)).status).toBe('made');
    const file = await publicFile();
    expect(file.format).toBe('qianxing-audit-checkpoints/1');
    expect(file.keys).toEqual([{ keyId: signer.keyId, publicKey: signer.publicKey }]);
    expect(file.checkpoints.map((c) => c.day)).toEqual(['2026-05-01', '2026-05-02']);
    expect(file.checkpoints[1]!.seq).toBeGreaterThan(file.checkpoints[0]!.seq);
    const { heads, problems } = verifyCheckpointFile(file, [signer.publicKey]);
    expect(problems).toEqual([]);
    const r = await verifyAuditChain(db, { heads });
    expect(r.ok, r.problems.join('\n')).toBe(true);
    expect(r.heads.filter((h) => h.found)).toHaveLength(4); // two kept, two stored
  });

  it('catches a rewrite through the stored checkpoints, and through a kept copy once those are gone', async () => {
    const kept = verifyCheckpointFile(await publicFile()).heads;
    const first = (await publicFile()).checkpoints[0]!;
    // The forger relinks the rest so the chain itself verifies again.
    await forgeAuditEvent(db, first.seq, 'forged');
    const stored = await verifyAuditChain(db);
    expect(stored.ok).toBe(false);
    expect(stored.problems.join('\n')).toMatch(/stored checkpoint 2026-05-01 .*another hash/);

    await db.delete(auditCheckpoints);
    expect((await verifyAuditChain(db)).ok).toBe(true);
    const r = await verifyAuditChain(db, { heads: kept });
    expect(r.ok).toBe(false);
    expect(r.heads.every((h) => !h.found && h.differs)).toBe(true);
  });

  it('are made by the background sealer, which also seals', async () => {
    await signIn(t, office);
    const stop = startSealer(db, {
      intervalMs: 5,
      toleranceMs: 60_000,
      signer,
      log: silentLog,
      now: () => new Date('2026-05-03T01:00:00Z'),
    });
    try {
      await vi.waitFor(
        async () => {
          const rows = await db.select().from(auditCheckpoints);
          expect(rows.map((r) => r.day)).toContain('2026-05-03');
        },
        { timeout: 20_000, interval: 20 },
      );
    } finally {
      await stop();
    }
    const r = await verifyAuditChain(db, { storedCheckpoints: true });
    expect(r.unsealed).toBe(0);
  });

  it('are not made before anything is sealed', async () => {
    const empty = await createTestDatabase();
    try {
      expect((await makeAuditCheckpoint(empty.db, signer, day1)).status).toBe('empty');
    } finally {
      await empty.close();
    }
  });
});
