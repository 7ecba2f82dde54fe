import { CalendarError, officialCalendar } from '@qianxing/core/calendar';
import { and, arrayOverlaps, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { maskPersonName } from '../../../privacy.js';
import { unitsByIds } from '../../units/api.js';
import { accountsByIds } from '../../users/api.js';
import type { VisitMove } from '../contracts-plans.js';
import { isoWeekday } from '../queries/plan-input.js';
import {
  inspectionConflicts,
  inspectionFirmProfiles,
  inspectionInspectors,
  inspectionItems,
  inspectionTasks,
  inspectionVisitSources,
  inspectionVisits,
} from '../schema.js';
import { invalid } from './common.js';
import type { PlanRow } from './plan-common.js';

export type VisitRow = typeof inspectionVisits.$inferSelect;

/**
 * Every hard rule of a joint visit, checked for a visit moved by hand: the date lies in the
 * plan's period, is an official working day (@qianxing/core/calendar) and not one the firm
 * blocked; the team is of active inspectors, large enough, has a member of each department whose
 * items it checks and holds every qualification they need; nobody in it declared a conflict with
 * the firm, works not on that weekday, or is already at their daily capacity on that date in any
 * plan. The first rule broken is refused with its reason; nothing is written.
 */
export async function checkVisitMove(db: Db, plan: PlanRow, visit: VisitRow, move: VisitMove): Promise<void> {
  const { date } = move;
  if (date < plan.periodStart || date > plan.periodEnd)
    throw invalid('date', 'outside_period', 'the date is outside the plan’s period', {
      start: plan.periodStart,
      end: plan.periodEnd,
    });
  let workday: boolean;
  try {
    workday = officialCalendar.isWorkday(date);
  } catch (error) {
    if (!(error instanceof CalendarError)) throw error;
    workday = false;
  }
  if (!workday) throw invalid('date', 'not_a_working_day', 'not an official working day', { date });
  const [profile] = await db
    .select({ blocked: inspectionFirmProfiles.blockedDates })
    .from(inspectionFirmProfiles)
    .where(eq(inspectionFirmProfiles.firmId, visit.firmId));
  if (profile?.blocked.includes(date))
    throw invalid('date', 'blocked_date', 'the firm blocked this date', { date });

  const ids = move.inspectorIds;
  if (new Set(ids).size !== ids.length) throw invalid('inspectorIds', 'duplicate_inspector', 'listed twice');
  const team = await db.select().from(inspectionInspectors).where(inArray(inspectionInspectors.id, ids));
  const byId = new Map(team.map((p) => [p.id, p]));
  const missing = ids.find((id) => !byId.get(id)?.active);
  if (missing) throw invalid('inspectorIds', 'unknown_inspector', `no inspector on duty ${missing}`);
  if (ids.length < plan.inspectorsPerVisit)
    throw invalid('inspectorIds', 'team_too_small', 'too few inspectors', {
      wanted: plan.inspectorsPerVisit,
    });
  const accounts = await accountsByIds(
    db,
    team.map((p) => p.userId),
  );
  const nameOf = (id: string) => maskPersonName(accounts.get(byId.get(id)!.userId)?.displayName) ?? '';

  const sources = await db
    .select()
    .from(inspectionVisitSources)
    .where(eq(inspectionVisitSources.visitId, visit.id));
  const departments = [...new Set(sources.map((s) => s.unitId))];
  const lacking = departments.find((u) => !team.some((p) => p.unitId === u));
  if (lacking) {
    const unit = (await unitsByIds(db, [lacking])).get(lacking);
    throw invalid('inspectorIds', 'department_missing', 'no inspector of a department of the visit', {
      department: unit?.name ?? '',
    });
  }
  const needed = await qualificationsOf(db, sources);
  const held = new Set(team.flatMap((p) => p.qualifications));
  const unheld = needed.find((q) => !held.has(q));
  if (unheld)
    throw invalid('inspectorIds', 'qualification_missing', 'nobody in the team holds a qualification', {
      qualification: unheld,
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

/** The qualifications a visit's items need, and those their tasks add. */
async function qualificationsOf(
  db: Db,
  sources: (typeof inspectionVisitSources.$inferSelect)[],
): Promise<string[]> {
  const itemIds = [...new Set(sources.flatMap((s) => s.itemIds))];
  const taskIds = [...new Set(sources.map((s) => s.taskId))];
  const [items, tasks] = await Promise.all([
    itemIds.length
      ? db
          .select({ q: inspectionItems.qualification })
          .from(inspectionItems)
          .where(inArray(inspectionItems.id, itemIds))
      : [],
    taskIds.length
      ? db
          .select({ q: inspectionTasks.qualifications })
          .from(inspectionTasks)
          .where(inArray(inspectionTasks.id, taskIds))
      : [],
  ]);
  return [...new Set([...items.flatMap((i) => (i.q ? [i.q] : [])), ...tasks.flatMap((t) => t.q)])].sort();
}
