import { and, asc, count, desc, eq, gte, inArray, isNotNull, isNull, lt, type SQL } from 'drizzle-orm';
import type { ServiceContext } from '../../../context.js';
import { forbidden } from '../../../errors.js';
import { todayInChina } from '../../../kernel/deadlines.js';
import { maskNumbersInOptionalText, maskNumbersInText } from '../../../privacy.js';
import { firmsByIds } from '../../business/api.js';
import { unitsByIds } from '../../units/api.js';
import type { RectificationPage, RectificationQuery } from '../contracts-figures.js';
import { canInspect } from '../policy.js';
import { rectificationStage } from '../rectification-stage.js';
import { inspectionFindings, inspectionItems, inspectionPlans, inspectionVisits } from '../schema.js';
import { openDue } from './visits.js';

/**
 * The departments whose findings the caller follows up, as the figures are scoped: every one for
 * the district office and supervisors (null), else those in the caller's scope.
 */
async function readableDepartments(
  ctx: ServiceContext,
  scope: RectificationQuery['scope'],
): Promise<string[] | null> {
  const action = scope === 'toVerify' ? 'rectification.verify' : 'figures.read';
  if (action === 'figures.read' && canInspect(ctx.principal, action)) return null;
  const held = await ctx.db.selectDistinct({ unitId: inspectionItems.unitId }).from(inspectionItems);
  const units = await unitsByIds(
    ctx.db,
    held.map((h) => h.unitId),
  );
  return [...units.values()]
    .filter((u) => canInspect(ctx.principal, action, { unitPaths: [u.path] }))
    .map((u) => u.id);
}

/**
 * Rectification follow-up (整改跟踪): the issues of completed visits, those awaiting the firm by
 * due date (those overdue in working days flagged, the returned ones with the reason), those
 * reported done awaiting verification oldest report first (with what the caller may do: the
 * item's department accepts or returns them), or the accepted ones, latest first. A department's staff
 * (or a street's admin) follow those found on their own departments' items; only the district
 * office, which makes the plans, sees visits of plans not yet published. Scoped `toVerify`, only
 * those of the items whose department the caller verifies for (empty for the office, which does
 * not verify). A list: the free text (the requirement, the firm's note, the return's reason) has
 * its phone and ID numbers masked, as every list masks free text; the visit's page keeps them for
 * its team and the firm, and masks them for a verifier not on its team.
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
    returned: and(isNull(inspectionFindings.rectifiedAt), isNotNull(inspectionFindings.returnedAt))!,
    reported: and(isNotNull(inspectionFindings.rectifiedAt), isNull(inspectionFindings.verifiedAt))!,
    closed: isNotNull(inspectionFindings.verifiedAt),
  };
  const latestFirst: Partial<Record<RectificationQuery['state'], SQL>> = {
    reported: asc(inspectionFindings.rectifiedAt),
    closed: desc(inspectionFindings.verifiedAt),
  };
  const departments = await readableDepartments(ctx, q.scope);
  if (departments?.length === 0) return { total: 0, items: [] };
  const where = and(
    eq(inspectionFindings.result, 'issue'),
    eq(inspectionVisits.status, 'completed'),
    state[q.state],
    departments ? inArray(inspectionItems.unitId, departments) : undefined,
    canInspect(ctx.principal, 'plan.write') ? undefined : eq(inspectionPlans.status, 'published'),
  );
  const from = () =>
    ctx.db
      .select({ finding: inspectionFindings, visit: inspectionVisits, item: inspectionItems })
      .from(inspectionFindings)
      .innerJoin(inspectionVisits, eq(inspectionVisits.id, inspectionFindings.visitId))
      .innerJoin(inspectionPlans, eq(inspectionPlans.id, inspectionVisits.planId))
      .innerJoin(inspectionItems, eq(inspectionItems.id, inspectionFindings.itemId));
  const [rows, [total]] = await Promise.all([
    from()
      .where(where)
      .orderBy(latestFirst[q.state] ?? asc(inspectionFindings.dueDate), asc(inspectionFindings.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db
      .select({ n: count() })
      .from(inspectionFindings)
      .innerJoin(inspectionVisits, eq(inspectionVisits.id, inspectionFindings.visitId))
      .innerJoin(inspectionPlans, eq(inspectionPlans.id, inspectionVisits.planId))
      .innerJoin(inspectionItems, eq(inspectionItems.id, inspectionFindings.itemId))
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
  const mayVerify = (path: string | undefined) =>
    !!path && canInspect(ctx.principal, 'rectification.verify', { unitPaths: [path] });
  return {
    total: total?.n ?? 0,
    items: rows.map(({ finding: f, visit: v, item: i }) => {
      return {
        findingId: f.id,
        visitId: v.id,
        date: v.date,
        firm: firms.get(v.firmId)?.name ?? '',
        item: i.name,
        unit: units.get(i.unitId)?.name ?? '',
        requirement: maskNumbersInText(f.requirement ?? ''),
        dueDate: f.dueDate,
        ...openDue(f, today),
        stage: rectificationStage(f) ?? 'open',
        rectifiedAt: f.rectifiedAt ? f.rectifiedAt.toISOString() : null,
        rectificationNote: maskNumbersInOptionalText(f.rectificationNote),
        verifiedAt: f.verifiedAt ? f.verifiedAt.toISOString() : null,
        returnReason: maskNumbersInOptionalText(f.returnReason),
        allowed:
          f.rectifiedAt && !f.verifiedAt && mayVerify(units.get(i.unitId)?.path)
            ? ['accept' as const, 'return' as const]
            : [],
      };
    }),
  };
}
