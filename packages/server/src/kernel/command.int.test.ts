import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../audit/schema.js';
import type { ServiceContext } from '../context.js';
import type { Database } from '../db/client.js';
import { AppError } from '../errors.js';
import { silentLog } from '../test-support/app.js';
import { createTestDatabase } from '../test-support/db.js';
import { defineCommand } from './command.js';
import { notifications } from './schema.js';

/** A command of the kernel's own tables: leave a message for a tracking code. */
const leaveNotice = defineCommand({
  name: 'notice.leave',
  load: async (_ctx, input: { code: string; fail?: boolean }) => {
    if (input.code === '') throw new AppError('VALIDATION', 'no code');
    return { code: input.code.toUpperCase() };
  },
  write: async (tx, _ctx, loaded, input) => {
    const [row] = await tx
      .insert(notifications)
      .values({ trackingCode: loaded.code, key: 'test.notice', params: {} })
      .returning();
    if (input.fail) throw new AppError('INVALID_STATE', 'refused after writing');
    return {
      result: row!.id,
      audit: { entityType: 'notification', entityId: row!.id, after: { code: loaded.code } },
    };
  },
});

describe('defineCommand', () => {
  let database: Database;
  let ctx: ServiceContext;
  beforeAll(async () => {
    database = await createTestDatabase();
    ctx = {
      db: database.db,
      principal: null,
      log: silentLog,
      sms: { name: 'none', send: async () => {} },
      systemLabel: 'test',
    };
  });
  afterAll(() => database.close());

  it('writes the change and its audit event, named after the command, together', async () => {
    const id = await leaveNotice.run(ctx, { code: 'qx-1' });
    const events = await database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'notice.leave'), eq(auditEvents.entityId, id)));
    expect(events).toMatchObject([
      { actorLabel: 'test', entityType: 'notification', after: { code: 'QX-1' } },
    ]);
  });

  it('rolls the change back with its audit event when the write fails', async () => {
    await expect(leaveNotice.run(ctx, { code: 'qx-2', fail: true })).rejects.toThrow('refused after writing');
    expect(
      await database.db.select().from(notifications).where(eq(notifications.trackingCode, 'QX-2')),
    ).toEqual([]);
  });

  it('writes nothing when loading refuses', async () => {
    const before = (await database.db.select().from(auditEvents)).length;
    await expect(leaveNotice.run(ctx, { code: '' })).rejects.toThrow('no code');
    expect((await database.db.select().from(auditEvents)).length).toBe(before);
  });
});

describe('a command whose write reads through a helper handed its context', () => {
  // A read helper called inside the write with `ctx` (a cached lookup whose entry had expired)
  // queried the database beside the open transaction: on PGlite that waited for it forever.
  const noteWithCount = defineCommand({
    name: 'notice.counted',
    load: async () => ({}),
    write: async (tx, ctx) => {
      const [row] = await tx
        .insert(notifications)
        .values({ trackingCode: 'QX-COUNT', key: 'test.notice', params: {} })
        .returning();
      const seen = await ctx.db
        .select()
        .from(notifications)
        .where(eq(notifications.trackingCode, 'QX-COUNT'));
      return {
        result: seen.length,
        audit: { entityType: 'notification', entityId: row!.id, after: {} },
      };
    },
  });

  it('reads through the write’s transaction, seeing its own write, and finishes', async () => {
    const database = await createTestDatabase();
    try {
      const ctx: ServiceContext = {
        db: database.db,
        principal: null,
        log: silentLog,
        sms: { name: 'none', send: async () => {} },
        systemLabel: 'test',
      };
      expect(await noteWithCount.run(ctx, {})).toBe(1);
    } finally {
      await database.close();
    }
  });
});
