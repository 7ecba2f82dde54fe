import { and, asc, count, desc, eq, gte, isNotNull, isNull, lt, type SQL } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { forbidden } from '../../../errors.js';
import { dueState, todayInChina, workdaysLeft } from '../../../kernel/deadlines.js';
import { firmsByIds } from '../../business/api.js';
import { unitsByIds } from '../../units/api.js';
import type { RectificationPage, RectificationQuery } from '../contracts-figures.js';
import { canInspect } from '../policy.js';
import { inspectionFindings, inspectionItems, inspectionVisits } from '../schema.js';

/**
 * Rectification follow-up (整改跟踪): the issues of completed visits, open ones by due date
 * (those overdue in working days flagged), or the closed ones latest first.
 */
export async function listRectifications(
  ctx: ServiceContext,
  q: RectificationQuery,
): Promise<RectificationPage> {
  if (!canInspect(ctx.principal, 'plan.read')) throw forbidden();
  const today = todayInChina();
  const state: Record<RectificationQuery['state'], SQL> = {
    open: and(isNull(inspectionFindings.rectifiedAt), gte(inspectionFindings.dueDate, today))!,
    overdue: and(isNull(inspectionFindings.rectifiedAt), lt(inspectionFindings.dueDate, today))!,
    closed: isNotNull(inspectionFindings.rectifiedAt),
  };
  const where = and(
    eq(inspectionFindings.result, 'issue'),
    eq(inspectionVisits.status, 'completed'),
    state[q.state],
  );
  const from = () =>
    ctx.db
      .select({ finding: inspectionFindings, visit: inspectionVisits, item: inspectionItems })
      .from(inspectionFindings)
      .innerJoin(inspectionVisits, eq(inspectionVisits.id, inspectionFindings.visitId))
      .innerJoin(inspectionItems, eq(inspectionItems.id, inspectionFindings.itemId));
  const [rows, [total]] = await Promise.all([
    from()
      .where(where)
      .orderBy(
        q.state === 'closed' ? desc(inspectionFindings.rectifiedAt) : asc(inspectionFindings.dueDate),
        asc(inspectionFindings.id),
      )
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db
      .select({ n: count() })
      .from(inspectionFindings)
      .innerJoin(inspectionVisits, eq(inspectionVisits.id, inspectionFindings.visitId))
      .where(where),
  ]);
  const [firms, units] = await Promise.all([
    firmsByIds(
      ctx.db,
      rows.map((r) => r.visit.firmId),
    ),
    unitsByIds(
      ctx.db,
      rows.map((r) => r.item.unitId),
    ),
  ]);
  return {
    total: total?.n ?? 0,
    items: rows.map(({ finding: f, visit: v, item: i }) => {
      const open = f.dueDate && !f.rectifiedAt ? f.dueDate : null;
      return {
        findingId: f.id,
        visitId: v.id,
        date: v.date,
        firm: firms.get(v.firmId)?.name ?? '',
        item: i.name,
        unit: units.get(i.unitId)?.name ?? '',
        requirement: f.requirement ?? '',
        dueDate: f.dueDate,
        workdaysLeft: open ? workdaysLeft(today, open) : null,
        overdue: open ? dueState(open, today, 0) === 'overdue' : false,
        rectifiedAt: f.rectifiedAt ? f.rectifiedAt.toISOString() : null,
      };
    }),
  };
}
