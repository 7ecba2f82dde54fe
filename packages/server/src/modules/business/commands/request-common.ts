import type { ServiceContext } from '../../../context.js';
import type { Tx } from '../../../db/transaction.js';
import type { RequestEventKind } from '../schema.js';
import { businessRequestEvents } from '../schema.js';

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
