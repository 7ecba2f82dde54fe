import { and, eq } from 'drizzle-orm';
import { addressKey } from '../../../auth/address-key.js';
import { hit } from '../../../auth/throttle.js';
import { primaryOf, type ServiceContext } from '../../../context.js';
import type { Db } from '../../../db/client.js';
import { notFound } from '../../../errors.js';
import { settings } from '../../../settings.js';
import { firmsByIds } from '../../business/api.js';
import type { VisitCheck } from '../contracts-visits.js';
import { inspectionPlans, inspectionVisits } from '../schema.js';
import { itemsOfVisits, teamOf } from './visits.js';

/** How long after its completion a visit's code still shows its page. */
export const checkDaysAfterCompletion = 30;

/**
 * The page a firm opens by scanning the team's code (亮码检查): the date, the team by name and
 * department, and the items they may check with their legal basis. A code that is unknown, of a
 * plan not published, or of a visit completed more than 30 days ago shows nothing (NOT_FOUND).
 */
export async function checkVisit(db: Db, code: string, now = new Date()): Promise<VisitCheck> {
  const [row] = await db
    .select({ visit: inspectionVisits })
    .from(inspectionVisits)
    .innerJoin(inspectionPlans, eq(inspectionPlans.id, inspectionVisits.planId))
    .where(and(eq(inspectionVisits.code, code), eq(inspectionPlans.status, 'published')));
  const v = row?.visit;
  const expired =
    v?.completedAt && now.getTime() - v.completedAt.getTime() > checkDaysAfterCompletion * 86_400_000;
  if (!v || expired) throw notFound('visit');
  const [team, itemsOf, firms] = await Promise.all([
    teamOf(db, v.inspectorIds),
    itemsOfVisits(db, [v.id]),
    firmsByIds(db, [v.firmId]),
  ]);
  return {
    date: v.date,
    firm: firms.get(v.firmId)?.name ?? '',
    status: v.status,
    team,
    items: itemsOf(v.id).map(({ id: _id, ...i }) => i),
  };
}

/**
 * Look-ups of visit codes per address per minute. A firm scans its team's code a few times; the
 * limit keeps anyone from trying codes in bulk. Each counts, found or not.
 */

/** `checkVisit` for a request, counted against its address's look-ups. */
export async function checkVisitFrom(ctx: ServiceContext, code: string): Promise<VisitCheck> {
  await hit(
    primaryOf(ctx),
    `inspections.check:${addressKey(ctx.ip)}`,
    settings().QIANXING_INSPECTIONS_CHECK_LIMIT,
    60,
    { lazyCommit: true },
  );
  return checkVisit(ctx.db, code);
}
