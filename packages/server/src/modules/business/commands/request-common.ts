import { and, eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import type { Tx } from '../../../db/transaction.js';
import type { RequestEventKind } from '../schema.js';
import { businessExtensions, businessRequestEvents } from '../schema.js';

/**
 * Adds a step to a request's timeline, in the transaction of the change it records. Steps are
 * never changed nor removed: the timeline is the request's whole story.
 */
export async function recordEvent(
  tx: Tx,
  ctx: ServiceContext,
  requestId: string,
  kind: RequestEventKind,
  extra: { departmentId?: string | null; note?: string; data?: Record<string, unknown> } = {},
): Promise<void> {
  await tx.insert(businessRequestEvents).values({
    requestId,
    kind,
    actorId: ctx.principal?.userId ?? null,
    departmentId: extra.departmentId ?? null,
    note: extra.note ?? '',
    data: extra.data ?? {},
  });
}

/**
 * Withdraws the extension still waiting for the office's decision, if any, with the step that
 * says so: once the request is answered, rectified or re-routed, the days it asked for concern
 * nothing any more, and deciding it later would move the deadline of a closed step.
 */
export type WithdrawnBecause = 'answered' | 'rectified' | 'rerouted';

export async function withdrawPendingExtension(
  tx: Tx,
  ctx: ServiceContext,
  requestId: string,
  reason: WithdrawnBecause,
): Promise<string | null> {
  const [ext] = await tx
    .update(businessExtensions)
    .set({ status: 'withdrawn', decisionNote: reason, decidedAt: new Date() })
    .where(and(eq(businessExtensions.requestId, requestId), eq(businessExtensions.status, 'pending')))
    .returning({ id: businessExtensions.id, departmentId: businessExtensions.departmentId });
  if (!ext) return null;
  await recordEvent(tx, ctx, requestId, 'extension_withdrawn', {
    departmentId: ext.departmentId,
    data: { extensionId: ext.id, reason },
  });
  return ext.id;
}
