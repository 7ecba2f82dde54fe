import { CalendarError, officialCalendar } from '@qianxing/core/calendar';
import { and, arrayOverlaps, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { maskPersonName } from '../../../privacy.js';
import { holdFirm } from '../../business/api.js';
import { accountsByIds } from '../../users/api.js';
import type { VisitMove } from '../contracts-plans.js';
import { isoWeekday } from '../queries/plan-input.js';
import { allowedPeriod } from '../queries/plans.js';
import {
  inspectionConflicts,
  inspectionDrawnFirms,
  inspectionFirmProfiles,
  inspectionInspectors,
  inspectionTasks,
  inspectionVisitSources,
  inspectionVisits,
} from '../schema.js';
import { invalid } from './common.js';
import type { PlanRow } from './plan-common.js';

export type VisitRow = typeof inspectionVisits.$inferSelect;

/** On duty: enrolled as active, with an account not disabled (it could not sign in to inspect). */
export const onDuty = (
  inspector: { active: boolean; userId: string } | undefined,
  accounts: ReadonlyMap<string, { disabled: boolean }>,
): boolean => !!inspector?.active && accounts.get(inspector.userId)?.disabled === false;

/**
 * Every hard rule of a joint visit, checked for a visit moved by hand: the date lies in the
 * plan's period and in the period of every task the visit carries, is an official working day (@qianxing/core/calendar) and not one the firm
 * blocked; the team is the one the draws assigned to its planned inspections (双随机: the date may
 * move, the people may not), all of them on duty (active, their accounts not disabled); nobody in it declared a conflict with
 * the firm, works not on that weekday, or is already at their daily capacity on that date in any
 * plan. The first rule broken is refused with its reason; nothing is written.
 */
export async function checkVisitMove(
  db: Db,
  plan: PlanRow,
  visit: VisitRow,
  move: VisitMove,
  /** In the move's transaction: hold the firm's blocked dates and the team on duty until it commits. */
  lock = false,
): Promise<void> {
  const { date } = move;
  if (lock) await holdVisitDay(db, date);
  await checkMoveDate(db, plan, visit, date, lock);
  await checkMoveTeam(db, plan, visit, move, lock);
}

/** Distinct from every other advisory lock the platform takes (the district admins' is 7_310_005); its second key is the day's. */
const VISIT_DAY_LOCK = 7_310_006;

/**
 * In a move's transaction, before the day's visits are read: waits for any other move onto the
 * same day to commit, and keeps others off it until this one has. A move holds its own plan's
 * row, which keeps the moves of one plan apart; plans that overlap (drafted, or published, before
 * plans were kept apart) share days, and two moves in two of them would each count an inspector's
 * or a firm's visits that day before the other was written.
 */
export async function holdVisitDay(db: Db, date: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(${VISIT_DAY_LOCK}, hashtext(${date}))`);
}

/** The date's rules: in the plan's and the tasks' periods, an official working day, not blocked. */
async function checkMoveDate(db: Db, plan: PlanRow, visit: VisitRow, date: string, lock: boolean) {
  if (date < plan.periodStart || date > plan.periodEnd)
    throw invalid('date', 'outside_period', 'the date is outside the plan’s period', {
      start: plan.periodStart,
      end: plan.periodEnd,
    });
  const due = await taskPeriodsOf(db, visit);
  const allowed = allowedPeriod(plan, due);
  if (date < allowed.start || date > allowed.end)
    throw invalid(
      'date',
      'outside_task_period',
      'the date is outside the period of a task the visit carries',
      {
        start: allowed.start,
        end: allowed.end,
        task: due.find((t) => date < t.start || date > t.end)?.title ?? '',
      },
    );
  let workday: boolean;
  try {
    workday = officialCalendar.isWorkday(date);
  } catch (error) {
    if (!(error instanceof CalendarError)) throw error;
    workday = false;
  }
  if (!workday) throw invalid('date', 'not_a_working_day', 'not an official working day', { date });
  // Held in the move's transaction: a date the firm blocks at the same moment is either seen here
  // (the move waits for the block to commit) or blocked after the move has committed. The firm's
  // own row is what both hold, since a firm blocks its first date before it has a profile row.
  if (lock) await holdFirm(db, visit.firmId, 'share');
  const [profile] = await db
    .select({ blocked: inspectionFirmProfiles.blockedDates })
    .from(inspectionFirmProfiles)
    .where(eq(inspectionFirmProfiles.firmId, visit.firmId));
  if (profile?.blocked.includes(date))
    throw invalid('date', 'blocked_date', 'the firm blocked this date', { date });
}

/** The team's rules on the date: the drawn team, on duty, free of conflict, working, not full. */
async function checkMoveTeam(
  db: Db,
  plan: PlanRow,
  visit: VisitRow,
  move: VisitMove,
  lock: boolean,
): Promise<void> {
  const { date } = move;
  const ids = move.inspectorIds;
  if (new Set(ids).size !== ids.length) throw invalid('inspectorIds', 'duplicate_inspector', 'listed twice');
  const drawn = await drawnTeamOf(db, visit);
  const query = db
    .select()
    .from(inspectionInspectors)
    .where(inArray(inspectionInspectors.id, [...new Set([...ids, ...drawn])]))
    .orderBy(inspectionInspectors.id);
  // Held in the move's transaction (the inspectors, then their accounts, as a publication holds
  // them): one taken off duty or disabled meanwhile is seen here, or the change waits for the move.
  // So are the conflicts and working days read below: their declaration writes (or, by a file,
  // locks) the inspector's row first (writeConflicts).
  const team = lock ? await query.for('share') : await query;
  const byId = new Map(team.map((p) => [p.id, p]));
  const accounts = await accountsByIds(
    db,
    team.map((p) => p.userId),
    lock,
  );
  const nameOf = (id: string) => maskPersonName(accounts.get(byId.get(id)?.userId ?? '')?.displayName) ?? '';
  // The draw chose the team (双随机): a hand edit moves the date, never the people.
  const undrawn = ids.find((id) => !drawn.includes(id));
  if (undrawn)
    throw invalid('inspectorIds', 'undrawn_inspector', 'not drawn for this visit', {
      inspector: byId.has(undrawn) ? nameOf(undrawn) : '',
    });
  const left = drawn.find((id) => !ids.includes(id));
  if (left)
    throw invalid('inspectorIds', 'drawn_inspector_missing', 'a drawn inspector is left out', {
      inspector: nameOf(left),
    });
  const missing = ids.find((id) => !onDuty(byId.get(id), accounts));
  if (missing)
    throw invalid('inspectorIds', 'unknown_inspector', `no inspector on duty ${missing}`, {
      inspector: nameOf(missing),
    });

  const [conflict] = await db
    .select()
    .from(inspectionConflicts)
    .where(and(eq(inspectionConflicts.firmId, visit.firmId), inArray(inspectionConflicts.inspectorId, ids)));
  if (conflict)
    throw invalid('inspectorIds', 'inspector_conflict', 'declared a conflict with the firm', {
      inspector: nameOf(conflict.inspectorId),
    });
  const off = team.find((p) => !p.workingDays.includes(isoWeekday(date)));
  if (off)
    throw invalid('inspectorIds', 'inspector_off', 'does not work that weekday', {
      inspector: nameOf(off.id),
    });

  const sameDay = await db
    .select({ inspectorIds: inspectionVisits.inspectorIds })
    .from(inspectionVisits)
    .where(
      and(
        eq(inspectionVisits.date, date),
        ne(inspectionVisits.id, visit.id),
        arrayOverlaps(inspectionVisits.inspectorIds, ids),
      ),
    );
  for (const id of ids) {
    const load = sameDay.filter((v) => v.inspectorIds.includes(id)).length;
    if (load >= plan.capacityPerDay)
      throw invalid('inspectorIds', 'inspector_full', 'already at capacity that day', {
        inspector: nameOf(id),
        capacity: plan.capacityPerDay,
      });
  }
}

/** The periods of the tasks whose planned inspections the visit carries. */
async function taskPeriodsOf(db: Db, visit: VisitRow) {
  return db
    .selectDistinct({
      title: inspectionTasks.title,
      start: inspectionTasks.periodStart,
      end: inspectionTasks.periodEnd,
    })
    .from(inspectionVisitSources)
    .innerJoin(inspectionTasks, eq(inspectionTasks.id, inspectionVisitSources.taskId))
    .where(eq(inspectionVisitSources.visitId, visit.id));
}

/** The inspectors the draws assigned to the visit's planned inspections, each once. */
export async function drawnTeamOf(db: Db, visit: VisitRow): Promise<string[]> {
  const sources = await db
    .select({ taskId: inspectionVisitSources.taskId })
    .from(inspectionVisitSources)
    .where(eq(inspectionVisitSources.visitId, visit.id));
  const taskIds = [...new Set(sources.map((s) => s.taskId))];
  if (taskIds.length === 0) return [];
  const drawn = await db
    .select({ inspectorIds: inspectionDrawnFirms.inspectorIds })
    .from(inspectionDrawnFirms)
    .where(and(eq(inspectionDrawnFirms.firmId, visit.firmId), inArray(inspectionDrawnFirms.taskId, taskIds)));
  return [...new Set(drawn.flatMap((d) => d.inspectorIds))].sort();
}
