import { z } from '@hono/zod-openapi';
import { and, asc, count, desc, eq, isNull, lte } from 'drizzle-orm';
import { audit } from '../audit/audit.js';
import { actor, type ServiceContext } from '../context.js';
import type { Db } from '../db/client.js';
import { type Tx, transaction } from '../db/transaction.js';
import { AppError, notFound } from '../errors.js';
import { notifications } from './schema.js';

/** One message: a key the web app words, its parameters, and who receives it. */
export interface Notice {
  userId?: string | null;
  trackingCode?: string | null;
  key: string;
  params: Record<string, unknown>;
}

/**
 * Delivers messages in the transaction of the change they announce, so a message exists exactly
 * when its change does. A thousand rows per statement: a published list may notify thousands.
 */
export async function deliver(tx: Tx, notices: readonly Notice[]): Promise<void> {
  const rows = notices.map((n) => ({
    userId: n.userId ?? null,
    trackingCode: n.trackingCode ?? null,
    key: n.key,
    params: n.params,
  }));
  for (let i = 0; i < rows.length; i += 1000) await tx.insert(notifications).values(rows.slice(i, i + 1000));
}

export const InboxItem = z
  .object({
    id: z.uuid(),
    key: z.string(),
    params: z.record(z.string(), z.unknown()),
    at: z.string(),
    readAt: z.string().nullable(),
  })
  .openapi('InboxItem');
export type InboxItem = z.infer<typeof InboxItem>;

/** The signed-in user's latest 200 messages, newest first. */
export async function myInbox(ctx: ServiceContext): Promise<InboxItem[]> {
  if (!ctx.principal) throw new AppError('UNAUTHENTICATED');
  const rows = await ctx.db
    .select()
    .from(notifications)
    .where(eq(notifications.userId, ctx.principal.userId))
    .orderBy(desc(notifications.createdAt))
    .limit(200);
  return rows.map((n) => ({
    id: n.id,
    key: n.key,
    params: n.params,
    at: n.createdAt.toISOString(),
    readAt: n.readAt ? n.readAt.toISOString() : null,
  }));
}

/** How many of the signed-in user's messages are unread (the header's badge). */
export async function unreadCount(ctx: ServiceContext): Promise<{ unread: number }> {
  if (!ctx.principal) throw new AppError('UNAUTHENTICATED');
  const [row] = await ctx.db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, ctx.principal.userId), isNull(notifications.readAt)));
  return { unread: row?.n ?? 0 };
}

/** The messages sent to a tracking code, oldest first (the author's tracking page). */
export async function noticesFor(db: Db, trackingCode: string) {
  const rows = await db
    .select()
    .from(notifications)
    .where(eq(notifications.trackingCode, trackingCode))
    .orderBy(asc(notifications.createdAt));
  return rows.map((n) => ({ key: n.key, params: n.params, at: n.createdAt.toISOString() }));
}

/** Marks one of the caller's own messages read; another's is not found. */
export async function markRead(ctx: ServiceContext, id: string): Promise<void> {
  if (!ctx.principal) throw new AppError('UNAUTHENTICATED');
  const where = and(eq(notifications.id, id), eq(notifications.userId, ctx.principal.userId));
  const [row] = await ctx.db.select().from(notifications).where(where);
  if (!row) throw notFound('notification');
  if (row.readAt) return;
  await transaction(ctx.db, async (tx) => {
    const marked = await tx
      .update(notifications)
      .set({ readAt: new Date() })
      .where(and(where, isNull(notifications.readAt)))
      .returning({ id: notifications.id });
    // Read meanwhile (another tab, "mark all read"): that request has audited it.
    if (marked.length === 0) return;
    await audit(tx, actor(ctx), { action: 'inbox.read', entityType: 'notification', entityId: id });
  });
}

export const MarkAllReadInput = z
  .object({ upTo: z.iso.datetime({ offset: true }) })
  .strict()
  .openapi('InboxMarkAllRead');

/**
 * Marks the caller's unread messages read, those sent up to `upTo` (the newest the reader was
 * shown: one that arrived since stays unread), and says how many it marked. One audit event for
 * the lot (the account as its entity, the count after), none when nothing was marked.
 */
export async function markAllRead(
  ctx: ServiceContext,
  input: z.infer<typeof MarkAllReadInput>,
): Promise<{ marked: number }> {
  if (!ctx.principal) throw new AppError('UNAUTHENTICATED');
  const { userId } = ctx.principal;
  return transaction(ctx.db, async (tx) => {
    const marked = await tx
      .update(notifications)
      .set({ readAt: new Date() })
      .where(
        and(
          eq(notifications.userId, userId),
          isNull(notifications.readAt),
          lte(notifications.createdAt, new Date(input.upTo)),
        ),
      )
      .returning({ id: notifications.id });
    if (marked.length > 0)
      await audit(tx, actor(ctx), {
        action: 'inbox.readAll',
        entityType: 'user',
        entityId: userId,
        after: { marked: marked.length },
      });
    return { marked: marked.length };
  });
}
