import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../../db/transaction.js';
import { AppError } from '../../../errors.js';
import { maskPersonName } from '../../../privacy.js';
import { firmsByIds } from '../../business/api.js';
import { accountsByIds } from '../../users/api.js';
import { isoWeekday } from '../queries/plan-input.js';
import { inspectionConflicts, inspectionInspectors, inspectionVisits } from '../schema.js';
import { onDuty } from './visit-rules.js';

/**
 * In a publication's transaction: refuses a plan one of whose visits has an inspector no longer
 * on duty (taken out of the pools, or their account disabled, since the plan was drafted), one
 * whose working days have since left out the visit's weekday, or one who has since declared a
 * conflict with the visit's firm (回避), naming the first such visit by date and firm and the
 * inspector (masked). The firm would be told a team that cannot come, or may not, and the draw
 * picked the team: nobody stands in. The inspectors' rows and their accounts are held until the
 * publication commits, so none is taken off duty, disabled, given other working days or declares
 * a conflict (each writes the inspector's row first) meanwhile unseen. Each is a change since
 * the draft, not a fault of the request: a conflict (409), as the plan's making answers an
 * inspection planned, or a date blocked, meanwhile.
 */
export async function refuseUnfitTeams(tx: Tx, planId: string): Promise<void> {
  const visits = await tx
    .select()
    .from(inspectionVisits)
    .where(eq(inspectionVisits.planId, planId))
    .orderBy(asc(inspectionVisits.date), asc(inspectionVisits.id));
  const ids = [...new Set(visits.flatMap((v) => v.inspectorIds))];
  if (ids.length === 0) return;
  const inspectors = await tx
    .select()
    .from(inspectionInspectors)
    .where(inArray(inspectionInspectors.id, ids))
    .for('share');
  const accounts = await accountsByIds(
    tx,
    inspectors.map((p) => p.userId),
    true,
  );
  const byId = new Map(inspectors.map((p) => [p.id, p]));
  const nameOf = (id: string) => maskPersonName(accounts.get(byId.get(id)?.userId ?? '')?.displayName) ?? '';
  for (const v of visits) {
    const off = v.inspectorIds.find((id) => !onDuty(byId.get(id), accounts));
    if (off) throw await changedSinceDraft(tx, v, off, nameOf, 'inspector_off_duty', 'is no longer on duty');
    // The draft kept each inspector to the weekdays they then worked (the planner's unavailable days).
    const away = v.inspectorIds.find((id) => !byId.get(id)!.workingDays.includes(isoWeekday(v.date)));
    if (away)
      throw await changedSinceDraft(tx, v, away, nameOf, 'inspector_day_off', 'no longer works that weekday');
  }
  await refuseConflicted(tx, visits, ids, nameOf);
}

/** The refusal of a visit whose inspector changed since the draft: `code`, naming the visit and who. */
async function changedSinceDraft(
  tx: Tx,
  v: typeof inspectionVisits.$inferSelect,
  inspectorId: string,
  nameOf: (id: string) => string,
  code: string,
  what: string,
): Promise<AppError> {
  return new AppError('CONFLICT', `an inspector of the visit of ${v.date} ${what}`, [
    {
      path: 'visits',
      message: `${what} since the plan was made`,
      code,
      params: {
        visitId: v.id,
        date: v.date,
        firm: await firmName(tx, v.firmId),
        inspector: nameOf(inspectorId),
      },
    },
  ]);
}

/**
 * Refuses the first visit (by date) one of whose inspectors declared a conflict with its firm
 * after the plan was drafted: the drafting left such an inspection unplanned
 * (drawn_inspector_excluded), and making the draft again does so.
 */
async function refuseConflicted(
  tx: Tx,
  visits: readonly (typeof inspectionVisits.$inferSelect)[],
  ids: readonly string[],
  nameOf: (id: string) => string,
): Promise<void> {
  const firmIds = [...new Set(visits.map((v) => v.firmId))];
  const conflicts = await tx
    .select()
    .from(inspectionConflicts)
    .where(
      and(inArray(inspectionConflicts.inspectorId, [...ids]), inArray(inspectionConflicts.firmId, firmIds)),
    );
  const declared = new Set(conflicts.map((c) => `${c.inspectorId}:${c.firmId}`));
  for (const v of visits) {
    const conflicted = v.inspectorIds.find((id) => declared.has(`${id}:${v.firmId}`));
    if (!conflicted) continue;
    throw await changedSinceDraft(
      tx,
      v,
      conflicted,
      nameOf,
      'conflict_declared_meanwhile',
      'declared a conflict with the firm',
    );
  }
}

const firmName = async (tx: Tx, firmId: string) => (await firmsByIds(tx, [firmId])).get(firmId)?.name ?? '';
