import { and, asc, eq, inArray, like, or } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import type { Tx } from '../../../db/transaction.js';
import { AppError, type FieldError } from '../../../errors.js';
import { targetIndicators, targetPlanItems, targetPlans, targetScorecards } from '../schema.js';

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

/**
 * Inside a write that changes indicators: their rows held for update, in id order. A plan's
 * submission share-locks the indicators it uses in the same order (holdDirections in
 * plan-common.ts), so whichever comes second waits for the first, then sees it: a flip after a
 * submission finds the plan submitted, a submission after a flip checks its rows against the new
 * direction. Neither slips past the other.
 */
export async function holdIndicators(tx: Tx, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx
    .select({ id: targetIndicators.id })
    .from(targetIndicators)
    .where(inArray(targetIndicators.id, [...ids]))
    .orderBy(asc(targetIndicators.id))
    .for('update');
}

/**
 * Inside the write: refuses (CONFLICT) to flip the direction of an indicator a submitted or
 * approved plan of an open year uses, the indicator held first (holdIndicators).
 */
export async function refuseDirectionFlip(tx: Tx, id: string): Promise<void> {
  await holdIndicators(tx, [id]);
  const year = (await directionLocked(tx, [id])).get(id);
  if (year !== undefined)
    throw new AppError('CONFLICT', `a submitted or approved plan of ${year} uses the indicator`, [
      directionInUse('direction', year),
    ]);
}
