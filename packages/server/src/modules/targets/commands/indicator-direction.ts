import { and, eq, inArray, like, or } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { AppError, type FieldError } from '../../../errors.js';
import { targetPlanItems, targetPlans, targetScorecards } from '../schema.js';

/**
 * Of these indicators, those a submitted or approved plan uses in a year still being scored (its
 * fourth quarter not published), each with the first such year. Their direction is kept: flipping
 * it would rescore an approved plan's quarters (completion, catch-up index, movement against the
 * quarter before) without anyone deciding so, or have the office approve targets checked against
 * the other direction; the plan is returned or reopened, or the year closed, first.
 */
export async function directionLocked(db: Db, indicatorIds: readonly string[]): Promise<Map<string, number>> {
  if (indicatorIds.length === 0) return new Map();
  const used = await db
    .selectDistinct({ indicatorId: targetPlanItems.indicatorId, year: targetPlans.year })
    .from(targetPlanItems)
    .innerJoin(targetPlans, eq(targetPlans.id, targetPlanItems.planId))
    .where(
      and(
        inArray(targetPlanItems.indicatorId, [...indicatorIds]),
        inArray(targetPlans.status, ['submitted', 'approved']),
      ),
    );
  const years = [...new Set(used.map((u) => u.year))];
  const closed = years.length
    ? new Set(
        (
          await db
            .select({ period: targetScorecards.period })
            .from(targetScorecards)
            .where(
              and(
                eq(targetScorecards.status, 'published'),
                or(...years.map((y) => like(targetScorecards.period, `${y}Q4`))),
              ),
            )
        ).map((r) => Number(r.period.slice(0, 4))),
      )
    : new Set<number>();
  const locked = new Map<string, number>();
  for (const { indicatorId, year } of used.sort((a, b) => a.year - b.year))
    if (!closed.has(year) && !locked.has(indicatorId)) locked.set(indicatorId, year);
  return locked;
}

/** The problem of a direction kept because a submitted or approved plan of `year` uses the indicator. */
export const directionInUse = (path: string, year: number): FieldError => ({
  path,
  message: `a submitted or approved plan of ${year} uses the indicator; its direction cannot change until that year's last quarter is published or the plan is returned or reopened`,
  code: 'direction_in_use',
  params: { year },
});

/** Refuses (CONFLICT) to flip the direction of an indicator a submitted or approved plan of an open year uses. */
export async function refuseDirectionFlip(db: Db, id: string): Promise<void> {
  const year = (await directionLocked(db, [id])).get(id);
  if (year !== undefined)
    throw new AppError('CONFLICT', `a submitted or approved plan of ${year} uses the indicator`, [
      directionInUse('direction', year),
    ]);
}
