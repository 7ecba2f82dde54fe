import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import { createApp } from '../http/app.js';
import { createTestDatabase } from '../test-support/db.js';
import { capturedLog } from '../test-support/quiet.js';
import { defineCommand } from './command.js';
import { notifications } from './schema.js';

/** A command whose after-commit work fails, as a cache refresh may when the database blips. */
const leaveNotice = defineCommand({
  name: 'notice.leave',
  load: async (_ctx, code: string) => ({ code }),
  write: async (tx, _ctx, loaded) => {
    const [row] = await tx
      .insert(notifications)
      .values({ trackingCode: loaded.code, key: 'test.notice', params: {} })
      .returning();
    return { result: row!.id, audit: { entityType: 'notification', entityId: row!.id, after: {} } };
  },
  after: async () => {
    throw new Error('cache refresh failed');
  },
});

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('a command whose after-commit work fails', () => {
  it('answers the stored write’s result and logs the failure with the request id', async () => {
    const { log, lines } = capturedLog('error');
    const app = createApp({
      modules: [],
      database,
      log,
      sms: { name: 'none', send: async () => {} },
      version: 'test',
      sessionDays: 1,
      secureCookies: false,
    });
    app.post('/api/v1/notices', async (c) => c.json({ id: await leaveNotice.run(c.get('ctx'), 'QX-AFTER') }));

    const res = await app.request('/api/v1/notices', {
      method: 'POST',
      headers: { 'x-request-id': 'req-after-1' },
    });

    expect(res.status).toBe(200);
    const { id } = (await res.json()) as { id: string };
    const stored = await database.db
      .select()
      .from(notifications)
      .where(eq(notifications.trackingCode, 'QX-AFTER'));
    expect(stored.map((r) => r.id)).toEqual([id]);
    const failure = lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'after-commit work failed');
    expect(failure).toMatchObject({ requestId: 'req-after-1', command: 'notice.leave' });
    expect(failure.error.message).toBe('cache refresh failed');
  });
});
