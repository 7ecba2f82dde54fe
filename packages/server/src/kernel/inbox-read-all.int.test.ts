import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../audit/schema.js';
import { transaction } from '../db/transaction.js';
import { createTestContext, type TestContext } from '../test-support/app.js';
import { type MadeUser, makeDistrict, makeUser, signIn } from '../test-support/factories.js';
import { contextOf, racing } from '../test-support/racing.js';
import { deliver, markRead } from './notifications.js';

let t: TestContext;
let reader: MadeUser;
let other: MadeUser;
const notice = (userId: string, n: number) => ({
  userId,
  key: 'ideas.notice.accepted',
  params: { title: `建议${n}` },
});
beforeAll(async () => {
  t = await createTestContext({ seed: [] });
  const tree = await makeDistrict(t);
  reader = await makeUser(t, { roles: [['citizen', tree.district]] });
  other = await makeUser(t, { roles: [['citizen', tree.district]] });
  const notice = (userId: string, n: number) => ({
    userId,
    key: 'ideas.notice.accepted',
    params: { title: `建议${n}` },
  });
  await transaction(t.database.db, (tx) =>
    deliver(tx, [notice(reader.id, 1), notice(reader.id, 2), notice(reader.id, 3), notice(other.id, 4)]),
  );
});
afterAll(() => t.close());

describe('marking the whole inbox read', () => {
  it('marks every unread message of the caller, and only theirs, auditing it once', async () => {
    const me = await signIn(t, reader);
    const first = (await me.get<Array<{ id: string }>>('/api/v1/inbox')).body[0]!;
    expect((await me.post(`/api/v1/inbox/${first.id}/read`)).status).toBe(204);
    expect((await me.get<{ unread: number }>('/api/v1/inbox/unread')).body.unread).toBe(2);

    const shown = new Date().toISOString();
    // A message that arrives after the page was shown stays unread.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await transaction(t.database.db, (tx) => deliver(tx, [notice(reader.id, 5)]));
    const res = await me.post<{ marked: number }>('/api/v1/inbox/read-all', { upTo: shown });
    expect(res.status).toBe(200);
    expect(res.body.marked).toBe(2);
    expect((await me.get<{ unread: number }>('/api/v1/inbox/unread')).body.unread).toBe(1);
    const inbox = await me.get<Array<{ readAt: string | null; params: { title: string } }>>('/api/v1/inbox');
    expect(inbox.body.filter((m) => m.readAt === null).map((m) => m.params.title)).toEqual(['建议5']);
    // Another's messages are theirs to read.
    const them = await signIn(t, other);
    expect((await them.get<{ unread: number }>('/api/v1/inbox/unread')).body.unread).toBe(1);

    const events = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'inbox.readAll'), eq(auditEvents.entityId, reader.id)));
    expect(events).toHaveLength(1);
    expect(events[0]?.after).toEqual({ marked: 2 });
    // Nothing left to mark: nothing marked, nothing audited again.
    expect((await me.post<{ marked: number }>('/api/v1/inbox/read-all', { upTo: shown })).body.marked).toBe(
      0,
    );
  });

  it('audits a message read in two tabs at once once', async () => {
    await transaction(t.database.db, (tx) => deliver(tx, [notice(reader.id, 6)]));
    const me = await signIn(t, reader);
    const [sixth] = (await me.get<Array<{ id: string; readAt: string | null }>>('/api/v1/inbox')).body.filter(
      (m) => m.readAt === null,
    );
    const ctx = await contextOf(t, me);
    // The other tab marks it read after this one found it unread, before this one writes.
    const otherTab = async () => expect((await me.post(`/api/v1/inbox/${sixth!.id}/read`)).status).toBe(204);
    await markRead({ ...ctx, db: racing(ctx.db, otherTab) }, sixth!.id);
    const events = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'inbox.read'), eq(auditEvents.entityId, sixth!.id)));
    expect(events).toHaveLength(1);
  });

  it('is for the signed-in only', async () => {
    expect((await t.client().post('/api/v1/inbox/read-all', { upTo: new Date().toISOString() })).status).toBe(
      401,
    );
  });
});
