import { desc, isNotNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/client.js';
import { createTestContext, type TestContext } from '../test-support/app.js';
import { forgeAuditEvent } from '../test-support/audit-forger.js';
import { type MadeUser, makeDistrict, makeUser, signIn } from '../test-support/factories.js';
import { linkHash } from './chain.js';
import { auditEvents } from './schema.js';
import { sealAuditChain } from './seal.js';
import { verifyAuditChain } from './verify.js';

/**
 * What someone with write access to the database can do to the chain, and what catches it: a
 * head recorded outside the database, and the sealer's check of event times.
 */
let t: TestContext;
let db: Db;
let office: MadeUser;
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  db = t.database.db;
  // A chain of a few events to rewrite: four units and two accounts made.
  const { district, street } = await makeDistrict(t);
  office = await makeUser(t, { roles: [['admin', district]] });
  await makeUser(t, { roles: [['organiser', street]] });
  await sealAuditChain(db);
});
afterAll(() => t.close());

const head = async () => {
  const r = await verifyAuditChain(db);
  expect(r.ok, r.problems.join('\n')).toBe(true);
  return { seq: r.lastSeq, hash: r.lastHash };
};

describe('a chain rewritten by someone with database access', () => {
  it('passes the plain check when rewritten consistently, but not against a head recorded before', async () => {
    const recorded = await head();
    const [victim] = await db.select().from(auditEvents).where(sql`${auditEvents.seq} = 5`);
    await forgeAuditEvent(db, 5, 'forged');

    expect((await verifyAuditChain(db)).ok).toBe(true);
    const byHash = await verifyAuditChain(db, { heads: [{ hash: recorded.hash, label: 'recorded head' }] });
    expect(byHash.ok).toBe(false);
    expect(byHash.problems.join('\n')).toMatch(/recorded head.*no sealed event has this hash/);
    const bySeq = await verifyAuditChain(db, { heads: [{ ...recorded, label: 'recorded head' }] });
    expect(bySeq.ok).toBe(false);
    expect(bySeq.heads[0]).toMatchObject({ found: false, differs: true });

    await forgeAuditEvent(db, 5, victim!.actorLabel);
    expect((await verifyAuditChain(db, { heads: [{ ...recorded, label: 'recorded head' }] })).ok).toBe(true);
  });

  it('passes the plain check when the last events are deleted, but not against the recorded head', async () => {
    const recorded = await head();
    await db.execute(sql`delete from audit_events where seq > ${recorded.seq - 3}`);
    expect((await verifyAuditChain(db)).ok).toBe(true);
    for (const expected of [{ hash: recorded.hash }, recorded]) {
      const r = await verifyAuditChain(db, { heads: [{ ...expected, label: 'recorded head' }] });
      expect(r.ok).toBe(false);
      expect(r.heads[0]!.found).toBe(false);
    }
    const cut = await verifyAuditChain(db, { heads: [{ ...recorded, label: 'recorded head' }] });
    expect(cut.problems[0]).toMatch(/ends at seq \d+, so events after it were removed/);
  });

  it('accepts a head the chain passes through on its way to a newer one', async () => {
    const earlier = await head();
    await signIn(t, office);
    await sealAuditChain(db);
    const now = await head();
    expect(now.seq).toBeGreaterThan(earlier.seq);
    const r = await verifyAuditChain(db, { heads: [{ hash: earlier.hash, label: 'earlier' }] });
    expect(r.ok).toBe(true);
    expect(r.heads[0]).toMatchObject({ found: true, seq: earlier.seq });
  });
});

describe('a back-dated event', () => {
  const insertBackDated = async (at: string) => {
    const [row] = await db
      .insert(auditEvents)
      .values({
        at: new Date(at),
        actorLabel: 'office',
        action: 'unit.delete',
        entityType: 'unit',
        entityId: 'back-dated',
      })
      .returning({ id: auditEvents.id });
    return row!.id;
  };

  it('is refused by the sealer, left unsealed, and named by verify-audit', async () => {
    const id = await insertBackDated('2020-01-01T00:00:00Z');
    const { refused } = await sealAuditChain(db);
    expect(refused.map((r) => r.id)).toEqual([id]);
    const [row] = await db.select().from(auditEvents).where(sql`${auditEvents.id} = ${id}`);
    expect(row).toMatchObject({ seq: null, hash: null });
    expect(row!.refusal).toMatch(/back-dated/);
    // The sealer does not take it again, and the chain goes on past it.
    await signIn(t, office);
    const again = await sealAuditChain(db);
    expect(again.refused).toEqual([]);
    expect(again.sealed).toBeGreaterThan(0);

    const r = await verifyAuditChain(db);
    expect(r.ok).toBe(false);
    expect(r.unsealed).toBe(0);
    expect(r.late).toEqual([expect.objectContaining({ id, seq: null, accepted: false })]);
    expect(r.problems.join('\n')).toContain(`event id ${id} (unsealed)`);
    // Once someone has looked into it and accepted it, it no longer fails the check.
    expect((await verifyAuditChain(db, { acceptLate: [id] })).ok).toBe(true);
  });

  it('is named even when the forger seals it into the chain by hand', async () => {
    await db.execute(
      sql`update audit_events set refused_at = null, refusal = null where refused_at is not null`,
    );
    const [last] = await db
      .select()
      .from(auditEvents)
      .where(isNotNull(auditEvents.seq))
      .orderBy(desc(auditEvents.seq))
      .limit(1);
    const id = await insertBackDated('2021-06-01T00:00:00Z');
    const [row] = await db.select().from(auditEvents).where(sql`${auditEvents.id} = ${id}`);
    const seq = last!.seq! + 1;
    const hash = linkHash(last!.hash!, { ...row!, seq });
    await db.execute(
      sql`update audit_events set seq = ${seq}, prev_hash = ${last!.hash}, hash = ${hash} where id = ${id}`,
    );
    const r = await verifyAuditChain(db);
    expect(r.broken).toBeUndefined();
    expect(r.ok).toBe(false);
    expect(r.late.some((e) => e.id === id && e.seq === seq)).toBe(true);
  });

  it('within the tolerance, is sealed as usual', async () => {
    const [newest] = await db.select({ at: sql<string>`max(${auditEvents.at})` }).from(auditEvents);
    const slightlyEarlier = new Date(new Date(newest!.at).getTime() - 5_000).toISOString();
    const id = await insertBackDated(slightlyEarlier);
    const { refused } = await sealAuditChain(db, { toleranceMs: 60_000 });
    expect(refused.map((r) => r.id)).not.toContain(id);
    const [row] = await db
      .select({ seq: auditEvents.seq })
      .from(auditEvents)
      .where(sql`${auditEvents.id} = ${id}`);
    expect(row!.seq).not.toBeNull();
  });
});
