import { and, eq, isNull } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import type { Tx } from '../../../db/transaction.js';
import { AppError } from '../../../errors.js';
import { movedOn } from '../requests/lookup.js';
import type { ReminderClosing, RequestEventKind } from '../schema.js';
import {
  businessExtensions,
  businessRequestEvents,
  businessRequests,
  businessSupervision,
} from '../schema.js';

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
 * says so: once the request is answered, rectified, re-routed or closed by an upheld appeal, the
 * days it asked for concern nothing any more, and deciding it later would move the deadline of a
 * closed step.
 */
export type WithdrawnBecause = 'answered' | 'rectified' | 'rerouted' | 'appealUpheld';

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

/**
 * Closes the commission's reminders (督办) of a request not yet acknowledged, with the reason:
 * the request went to another department (only the former one's, `departmentId`), or it closed
 * (a rating, an upheld appeal, the rating period's end), when no department owes anything more.
 * The trail keeps them, unacknowledged and closed; the "reminded" count no longer holds them.
 * Answers the ids closed.
 */
export async function closeOpenReminders(
  tx: Tx,
  requestId: string,
  reason: ReminderClosing,
  departmentId?: string,
): Promise<string[]> {
  const closed = await tx
    .update(businessSupervision)
    .set({ closedAt: new Date(), closedReason: reason })
    .where(
      and(
        eq(businessSupervision.requestId, requestId),
        eq(businessSupervision.kind, 'reminder'),
        departmentId ? eq(businessSupervision.departmentId, departmentId) : undefined,
        isNull(businessSupervision.acknowledgedAt),
        isNull(businessSupervision.closedAt),
      ),
    )
    .returning({ id: businessSupervision.id });
  return closed.map((c) => c.id);
}

/** Another user routed the request to another department since it was read. */
export const routedMeanwhile = () =>
  new AppError('CONFLICT', 'the request was routed elsewhere meanwhile', [
    {
      path: 'departmentId',
      message: 'another department holds the request now',
      code: 'routed_meanwhile',
    },
  ]);

/**
 * Why a request's conditional write matched no row: another department holds it now, else its
 * state moved on. Read in the transaction, after the write that waited for the other one's.
 */
export async function changedMeanwhile(tx: Tx, requestId: string, departmentId: string | null) {
  const [now] = await tx
    .select({ status: businessRequests.status, departmentId: businessRequests.departmentId })
    .from(businessRequests)
    .where(eq(businessRequests.id, requestId));
  if (now && now.departmentId !== departmentId) return routedMeanwhile();
  return movedOn(now?.status ?? 'gone');
}
