import { dayOfWeek, officialCalendar, toDayNumber } from '@qianxing/core/calendar';
import type { PlanInput } from '@qianxing/core/schedule';
import { and, eq, gte, inArray, lte } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { accountsByIds } from '../../users/api.js';
import {
  inspectionConflicts,
  inspectionDrawnFirms,
  inspectionFirmProfiles,
  inspectionInspectors,
  inspectionItems,
  inspectionTaskItems,
  inspectionTaskUnits,
  inspectionVisitSources,
  inspectionVisits,
  inspectionTasks as tasks,
} from '../schema.js';

/** One department's share of a drawn firm of a task: what the planner books. */
export interface Source {
  key: string;
  taskId: string;
  firmId: string;
  unitId: string;
  itemIds: string[];
  itemNames: string[];
  qualifications: string[];
  hours: number;
  /** The inspectors the task's draw assigned to the firm (双随机): the team that must go. */
  inspectorIds: string[];
  /** The task's period: its visit falls on a day of both this and the plan's period. */
  taskPeriod: { start: string; end: string };
}

export interface PlanSettings {
  periodStart: string;
  periodEnd: string;
  maxHoursPerVisit: number;
  inspectorsPerVisit: number;
  capacityPerDay: number;
}

export const sourceKey = (s: { taskId: string; firmId: string; unitId: string }) =>
  `${s.taskId}/${s.firmId}/${s.unitId}`;

/**
 * The planned inspections due in a period and not planned yet: every drawn firm of every drawn
 * task whose period shares a day with it (the planner books each on a day of both periods),
 * split by department (a joint task's departments each bring their own items). A department
 * with no item in the task brings nothing.
 */
export async function unplannedSources(db: Db, period: { start: string; end: string }): Promise<Source[]> {
  const due = await db
    .select({
      id: tasks.id,
      qualifications: tasks.qualifications,
      start: tasks.periodStart,
      end: tasks.periodEnd,
    })
    .from(tasks)
    .where(
      and(eq(tasks.status, 'drawn'), lte(tasks.periodStart, period.end), gte(tasks.periodEnd, period.start)),
    );
  if (due.length === 0) return [];
  const taskIds = due.map((t) => t.id);
  const [drawn, units, items, planned] = await Promise.all([
    db.select().from(inspectionDrawnFirms).where(inArray(inspectionDrawnFirms.taskId, taskIds)),
    db.select().from(inspectionTaskUnits).where(inArray(inspectionTaskUnits.taskId, taskIds)),
    db
      .select({ taskId: inspectionTaskItems.taskId, item: inspectionItems })
      .from(inspectionTaskItems)
      .innerJoin(inspectionItems, eq(inspectionItems.id, inspectionTaskItems.itemId))
      .where(inArray(inspectionTaskItems.taskId, taskIds)),
    db
      .select({
        taskId: inspectionVisitSources.taskId,
        firmId: inspectionVisitSources.firmId,
        unitId: inspectionVisitSources.unitId,
      })
      .from(inspectionVisitSources)
      .where(inArray(inspectionVisitSources.taskId, taskIds)),
  ]);
  const taken = new Set(planned.map(sourceKey));
  const extra = new Map(due.map((t) => [t.id, t.qualifications]));
  const periodOf = new Map(due.map((t) => [t.id, { start: t.start, end: t.end }]));
  const shares = new Map<string, { unitId: string; items: (typeof items)[number]['item'][] }[]>();
  for (const u of units) {
    const own = items.filter((i) => i.taskId === u.taskId && i.item.unitId === u.unitId).map((i) => i.item);
    if (own.length === 0) continue;
    own.sort((a, b) => a.code.localeCompare(b.code));
    shares.set(u.taskId, [...(shares.get(u.taskId) ?? []), { unitId: u.unitId, items: own }]);
  }
  const out: Source[] = [];
  for (const d of drawn)
    for (const share of shares.get(d.taskId) ?? []) {
      const s = { taskId: d.taskId, firmId: d.firmId, unitId: share.unitId };
      const key = sourceKey(s);
      if (taken.has(key)) continue;
      const minutes = share.items.reduce((n, i) => n + i.expectedMinutes, 0);
      out.push({
        ...s,
        key,
        itemIds: share.items.map((i) => i.id),
        itemNames: share.items.map((i) => i.name),
        qualifications: [
          ...new Set([
            ...share.items.flatMap((i) => (i.qualification ? [i.qualification] : [])),
            ...(extra.get(d.taskId) ?? []),
          ]),
        ].sort(),
        hours: Math.round((minutes / 60) * 1e6) / 1e6,
        inspectorIds: [...d.inspectorIds].sort(),
        taskPeriod: periodOf.get(d.taskId)!,
      });
    }
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * The planner's input for these sources, each with the team its draw assigned (the planner books
 * that team and no other inspector): every active inspector whose account is not disabled (an
 * inspector is away on the weekdays it does not work and on days it visits for another plan), the
 * firms' blocked dates and the inspectors' declared conflicts. A drawn inspector left out keeps
 * its task out of the plan, named.
 * Ids are the records' ids; a department is its unit's id.
 */
export async function planInputFor(
  db: Db,
  settings: PlanSettings,
  sources: readonly Source[],
): Promise<PlanInput> {
  const firmIds = [...new Set(sources.map((s) => s.firmId))];
  const { periodStart: start, periodEnd: end } = settings;
  const [enrolled, profiles, conflicts, booked] = await Promise.all([
    db.select().from(inspectionInspectors).where(eq(inspectionInspectors.active, true)),
    firmIds.length
      ? db
          .select({ firmId: inspectionFirmProfiles.firmId, blocked: inspectionFirmProfiles.blockedDates })
          .from(inspectionFirmProfiles)
          .where(inArray(inspectionFirmProfiles.firmId, firmIds))
      : [],
    firmIds.length
      ? db.select().from(inspectionConflicts).where(inArray(inspectionConflicts.firmId, firmIds))
      : [],
    db
      .select({ date: inspectionVisits.date, inspectorIds: inspectionVisits.inspectorIds })
      .from(inspectionVisits)
      .where(and(gte(inspectionVisits.date, start), lte(inspectionVisits.date, end))),
  ]);
  // An inspector whose account was disabled after enrolment cannot sign in to inspect.
  const accounts = await accountsByIds(
    db,
    enrolled.map((p) => p.userId),
  );
  const inspectors = enrolled.filter((p) => accounts.get(p.userId)?.disabled === false);
  // A day an inspector already visits for another plan is kept out whole: the planner knows
  // one capacity per inspector, and a day half used must not be overbooked.
  const busy = new Set(booked.flatMap((v) => v.inspectorIds.map((p) => `${p}/${v.date}`)));
  const days = officialCalendar.workdaysIn(start, end);
  const inPeriod = (d: string) => d >= start && d <= end;
  return {
    period: { start, end },
    tasks: sources.map((s) => ({
      id: s.key,
      department: s.unitId,
      firm: s.firmId,
      items: s.itemNames,
      qualifications: s.qualifications,
      hours: s.hours,
      // A task due over part of the plan's period only is booked within it.
      ...(s.taskPeriod.start > start || s.taskPeriod.end < end ? { period: s.taskPeriod } : {}),
      // Every draw assigns a team; rows without one (the benchmark's, written without a draw)
      // are staffed by the planner's rules instead.
      ...(s.inspectorIds.length > 0 ? { team: s.inspectorIds } : {}),
    })),
    inspectors: inspectors.map((p) => ({
      id: p.id,
      department: p.unitId,
      qualifications: p.qualifications,
      capacityPerDay: settings.capacityPerDay,
      unavailable: days.filter((d) => !p.workingDays.includes(isoWeekday(d)) || busy.has(`${p.id}/${d}`)),
    })),
    firms: profiles
      .map((f) => ({ id: f.firmId, blocked: f.blocked.filter(inPeriod) }))
      .filter((f) => f.blocked.length > 0),
    exclusions: conflicts.map((c) => ({ inspector: c.inspectorId, firm: c.firmId })),
    maxHoursPerVisit: settings.maxHoursPerVisit,
    inspectorsPerVisit: settings.inspectorsPerVisit,
  };
}

/** 1 = Monday … 7 = Sunday, as the inspectors' working days are kept. */
export const isoWeekday = (date: string): number => dayOfWeek(toDayNumber(date)) || 7;
