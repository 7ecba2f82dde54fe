import { asc, eq } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { unitsByIds } from '../../units/api.js';
import type { SupervisionTrail } from '../contracts-supervision.js';
import { canRequest } from '../policy.js';
import { loadRequest } from '../requests/lookup.js';
import { businessSupervision, isClosedStatus } from '../schema.js';

/**
 * A request's supervision, as the caller may see it: the commission and the office see notes and
 * reminders, the department only the reminders addressed to it, each with whether it may
 * acknowledge it now. A reminder the request's re-routing or closing closed says which, and asks
 * nothing more.
 */
export async function supervisionTrail(ctx: ServiceContext, requestId: string): Promise<SupervisionTrail> {
  const l = await loadRequest(ctx, requestId, 'supervision.read');
  const can = (a: Parameters<typeof canRequest>[1]) => canRequest(ctx.principal, a, l.resource);
  const overseer = can('supervision.write') || can('request.route');
  const rows = (
    await ctx.db
      .select()
      .from(businessSupervision)
      .where(eq(businessSupervision.requestId, requestId))
      .orderBy(asc(businessSupervision.createdAt))
  ).filter((r) => overseer || (r.kind === 'reminder' && r.departmentId === l.row.departmentId));
  const names = await unitsByIds(
    ctx.db,
    rows.flatMap((r) => (r.departmentId ? [r.departmentId] : [])),
  );
  const routed = l.row.departmentId !== null && !isClosedStatus(l.row.status);
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      body: r.body,
      departmentName: r.departmentId ? (names.get(r.departmentId)?.name ?? null) : null,
      createdAt: r.createdAt.toISOString(),
      acknowledgedAt: r.acknowledgedAt?.toISOString() ?? null,
      acknowledgement: r.acknowledgement,
      closedAt: r.closedAt?.toISOString() ?? null,
      closedReason: r.closedReason,
      actions: {
        acknowledge:
          r.kind === 'reminder' &&
          !r.acknowledgedAt &&
          !r.closedAt &&
          r.departmentId === l.row.departmentId &&
          can('supervision.acknowledge'),
      },
    })),
    actions: { note: can('supervision.write'), remind: can('supervision.write') && routed },
  };
}
