import { z } from '@hono/zod-openapi';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { audit } from '../../audit/audit.js';
import { actor, type ServiceContext } from '../../context.js';
import { transaction } from '../../db/transaction.js';
import { AppError, notFound } from '../../errors.js';
import { ideaNotifications } from './schema.js';
import { iso } from './views.js';

export const InboxItem = z
  .object({
    id: z.uuid(),
    key: z.string(),
    params: z.record(z.string(), z.unknown()),
    at: z.string(),
    readAt: z.string().nullable(),
  })
  .openapi('InboxItem');

export async function myInbox(ctx: ServiceContext) {
  if (!ctx.principal) throw new AppError('UNAUTHENTICATED');
  const rows = await ctx.db
    .select()
    .from(ideaNotifications)
    .where(eq(ideaNotifications.userId, ctx.principal.userId))
    .orderBy(desc(ideaNotifications.createdAt))
    .limit(200);
  return rows.map((n) => ({
    id: n.id,
    key: n.key,
    params: n.params,
    at: iso(n.createdAt),
    readAt: n.readAt ? iso(n.readAt) : null,
  }));
}

export async function markRead(ctx: ServiceContext, id: string) {
  if (!ctx.principal) throw new AppError('UNAUTHENTICATED');
  const where = and(eq(ideaNotifications.id, id), eq(ideaNotifications.userId, ctx.principal.userId));
  const [row] = await ctx.db.select().from(ideaNotifications).where(where);
  if (!row) throw notFound('notification');
  if (row.readAt) return;
  await transaction(ctx.db, async (tx) => {
    await tx
      .update(ideaNotifications)
      .set({ readAt: new Date() })
      .where(and(where, isNull(ideaNotifications.readAt)));
    await audit(tx, actor(ctx), { action: 'inbox.read', entityType: 'notification', entityId: id });
  });
}
