import { CalendarError, officialCalendar, type WorkCalendar } from '../calendar/index.js';
import { compareIds } from '../draw/stream.js';
import { drawnCapacityReason, hopelessDrawn } from './drawn.js';
import { type Group, groupFirmTasks, type Part, visitLowerBound } from './group.js';
import { Bookings, type Inspector, noWorkingDay, type Task, type Window } from './model.js';
import {
  type ParsedPlanInput,
  type Plan,
  type PlanInput,
  type PlannedVisit,
  planInputSchema,
  type UnscheduledCode,
  type UnscheduledTask,
} from './schema.js';
import { buildTeam, candidatesOn, canServe, drawnTeam, openNeeds, partServable } from './team.js';

/** Input the planner cannot work with, e.g. a period in a year without calendar data. */
export class PlanError extends Error {
  override name = 'PlanError';
}

interface Booked {
  firm: string;
  day: number;
  parts: Part[];
  team: Inspector[];
}

/**
 * Plans joint inspections (综合查一次); the method is in docs/methods/calendar-draw-schedule.md.
 * 1. Tasks that no plan could book (too long, no eligible or qualified inspector, no working
 *    day for the firm) are set aside with their reason.
 * 2. Each firm's tasks are grouped into as few joint visits as its busiest department allows.
 * 3. Visits are booked hardest first (fewest days on which they could be served whole): on the
 *    day that serves the most of the visit, and among those the day whose busiest department
 *    has the most slots left, with a team of the fewest inspectors that meets every rule.
 *    What no day can serve whole is split, and the rest booked as a further visit.
 * The same input always gives the same plan.
 */
export function planInspections(raw: PlanInput, options: { calendar?: WorkCalendar } = {}): Plan {
  const input = planInputSchema.parse(raw);
  const calendar = options.calendar ?? officialCalendar;
  let b: Bookings;
  try {
    b = new Bookings(input, calendar);
  } catch (error) {
    if (error instanceof CalendarError)
      throw new PlanError(`period ${input.period.start}–${input.period.end}: ${error.message}`);
    throw error;
  }
  const tasks: Task[] = [...input.tasks]
    .sort((x, y) => compareIds(x.id, y.id))
    .map((t) => ({ ...t, ...b.window(t.period) }));
  const unscheduled: UnscheduledTask[] = [];
  const set = (t: Task, code: UnscheduledCode, reason: string, inspectors?: string[]): void => {
    unscheduled.push({ task: t.id, code, reason, ...(inspectors ? { inspectors } : {}) });
  };

  const bookable = tasks.filter((t) => {
    const why = hopeless(b, input, t);
    if (why) set(t, why.code, why.reason, why.inspectors);
    return !why;
  });

  const byFirm = new Map<string, Task[]>();
  for (const t of bookable) byFirm.set(t.firm, [...(byFirm.get(t.firm) ?? []), t]);
  const groups: Group[] = [];
  for (const firm of [...byFirm.keys()].sort(compareIds)) {
    groups.push(...groupFirmTasks(firm, byFirm.get(firm)!, input.maxHoursPerVisit));
  }
  for (const g of groups) for (const p of g.parts) b.addDemand(p.department, partQualifications(p), 1);

  const firmDays = new Map<string, number[]>();
  const daysOf = (firm: string): number[] => {
    let days = firmDays.get(firm);
    if (!days) {
      days = b.firmDays(firm);
      firmDays.set(firm, days);
    }
    return days;
  };
  const within = (days: readonly number[], w: Window) => days.filter((d) => d >= w.from && d <= w.to);
  const difficulty = groups.map((g) => {
    const servable = within(daysOf(g.firm), g).filter((d) => {
      const candidates = candidatesOn(b, g.firm, d);
      return g.parts.every((p) => partServable(candidates, p));
    }).length;
    return { g, servable };
  });
  difficulty.sort((x, y) => x.servable - y.servable || y.g.parts.length - x.g.parts.length);

  const booked: Booked[] = [];
  for (const { g } of difficulty) {
    let parts = g.parts;
    while (parts.length > 0) {
      const choice = bestDay(b, g.firm, daysOf(g.firm), parts, input.inspectorsPerVisit);
      if (!choice) {
        // Merged drawn teams may never be free together although each task's own team is:
        // such parts are tried again task by task before anything is left out.
        // So are parts of tasks with different windows: the firm's blocked days may leave their
        // shared days closed while each task's own days are open.
        const merged = parts.filter(
          (p) => p.tasks.length > 1 && p.tasks.some((t) => t.team || t.from !== p.from || t.to !== p.to),
        );
        if (merged.length > 0) {
          parts = parts.flatMap((p) => (merged.includes(p) ? splitPart(b, p) : [p]));
          continue;
        }
        for (const p of parts) {
          b.addDemand(p.department, partQualifications(p), -1);
          const drawn = drawnTeam(p.tasks);
          const days = within(daysOf(g.firm), p);
          const why: { reason: string; inspectors?: string[] } = drawn.length
            ? drawnCapacityReason(b, days, drawn)
            : { reason: capacityReason(b, g.firm, days, p, input.inspectorsPerVisit) };
          for (const t of p.tasks) set(t, 'capacity', why.reason, why.inspectors);
        }
        break;
      }
      for (const p of choice.team) b.book(p, choice.day);
      for (const p of choice.parts) b.addDemand(p.department, partQualifications(p), -1);
      booked.push({ firm: g.firm, day: choice.day, parts: choice.parts, team: choice.team });
      parts = parts.filter((p) => !choice.parts.includes(p));
    }
  }

  const visits = booked
    .map((v) => toVisit(b, v))
    .sort(
      (x, y) =>
        compareIds(x.date, y.date) || compareIds(x.firm, y.firm) || compareIds(x.tasks[0]!, y.tasks[0]!),
    );
  unscheduled.sort((x, y) => compareIds(x.task, y.task));
  const scheduledTasks = visits.reduce((n, v) => n + v.tasks.length, 0);
  return {
    visits,
    unscheduled,
    summary: {
      tasks: tasks.length,
      scheduledTasks,
      unscheduledTasks: unscheduled.length,
      visits: visits.length,
      lowerBound: visitLowerBound(bookable, input.maxHoursPerVisit),
      separateVisits: scheduledTasks,
    },
  };
}

function bestDay(
  b: Bookings,
  firm: string,
  days: readonly number[],
  parts: readonly Part[],
  perVisit: number,
): { day: number; parts: Part[]; team: Inspector[] } | undefined {
  let best: { day: number; parts: Part[]; key: number[]; candidates: Inspector[] } | undefined;
  for (const day of days) {
    const candidates = candidatesOn(b, firm, day);
    // Parts whose tasks all have a drawn team need nobody else; the others need a full team.
    const enough = candidates.length >= perVisit;
    const served = parts.filter(
      (p) =>
        day >= p.from &&
        day <= p.to &&
        partServable(candidates, p) &&
        (enough || openNeeds([p]).departments.length === 0),
    );
    if (served.length === 0) continue;
    let hours = 0;
    let tightest = Number.POSITIVE_INFINITY;
    let total = 0;
    for (const p of served) {
      hours += p.hours;
      // A drawn team's department may have nobody else on the planner's list.
      const slots = b.departmentDay.get(p.department)?.[day] ?? 0;
      tightest = Math.min(tightest, slots);
      total += slots;
    }
    const key = [served.length, hours, tightest, total];
    if (!best || lexGreater(key, best.key)) best = { day, parts: served, key, candidates };
  }
  if (!best) return undefined;
  const open = openNeeds(best.parts);
  const drawn = drawnTeam(best.parts.flatMap((p) => p.tasks)).map((id) => b.byId.get(id)!);
  const team = buildTeam(
    b,
    best.candidates,
    open.departments,
    open.qualifications,
    open.departments.length > 0 ? perVisit : 0,
    drawn,
  );
  if (!team) throw new Error('internal: a servable day gave no team');
  return { day: best.day, parts: best.parts, team };
}

/** One part per task, the demand moved from the part to them. */
function splitPart(b: Bookings, p: Part): Part[] {
  b.addDemand(p.department, partQualifications(p), -1);
  return p.tasks.map((t) => {
    const one: Part = {
      firm: p.firm,
      department: p.department,
      tasks: [t],
      hours: t.hours,
      from: t.from,
      to: t.to,
    };
    b.addDemand(one.department, partQualifications(one), 1);
    return one;
  });
}

function partQualifications(p: Part): Set<string> {
  return new Set(p.tasks.flatMap((t) => t.qualifications));
}

function lexGreater(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! > b[i]!;
  return false;
}

/** Why a task can never be booked, whatever the other tasks; undefined when it can be. */
function hopeless(
  b: Bookings,
  input: ParsedPlanInput,
  t: Task,
): { code: UnscheduledCode; reason: string; inspectors?: string[] } | undefined {
  if (t.hours > input.maxHoursPerVisit + 1e-9) {
    return {
      code: 'too_long',
      reason: `takes ${t.hours} h, more than maxHoursPerVisit ${input.maxHoursPerVisit} h`,
    };
  }
  if (t.team) return hopelessDrawn(b, t, t.team);
  const eligible = b.inspectors.filter((p) => !b.isExcluded(p, t.firm));
  if (!eligible.some((p) => p.department === t.department)) {
    return {
      code: 'no_inspector',
      reason: `no inspector of department ${t.department} may inspect firm ${t.firm}`,
    };
  }
  for (const q of t.qualifications) {
    if (!eligible.some((p) => p.qualifications.has(q))) {
      return {
        code: 'no_qualified_inspector',
        reason: `no inspector holding ${q} may inspect firm ${t.firm}`,
      };
    }
  }
  if (b.firmDays(t.firm, t).length === 0) return noWorkingDay(t);
  return undefined;
}

function capacityReason(
  b: Bookings,
  firm: string,
  days: readonly number[],
  part: Part,
  perVisit: number,
): string {
  const quals = [...new Set(part.tasks.flatMap((t) => t.qualifications))];
  const withDepartment = days.filter((d) => canServe(candidatesOn(b, firm, d), [part.department], []));
  if (withDepartment.length === 0) {
    return `capacity: no inspector of department ${part.department} is free for firm ${firm} on any of its ${days.length} open working days`;
  }
  const withQualifications = withDepartment.filter((d) => canServe(candidatesOn(b, firm, d), [], quals));
  if (withQualifications.length === 0) {
    return `capacity: on the ${withDepartment.length} days an inspector of ${part.department} is free, no free inspector holds ${quals.join(', ')}`;
  }
  return `capacity: on the ${withQualifications.length} days an inspector of ${part.department} is free, fewer than ${perVisit} inspectors are free for firm ${firm}`;
}

function toVisit(b: Bookings, v: Booked): PlannedVisit {
  const tasks = v.parts.flatMap((p) => p.tasks).sort((x, y) => compareIds(x.id, y.id));
  const departments = [...new Set(tasks.map((t) => t.department))].sort(compareIds);
  const hours: Record<string, number> = {};
  for (const d of departments)
    hours[d] = round(tasks.filter((t) => t.department === d).reduce((n, t) => n + t.hours, 0));
  return {
    firm: v.firm,
    date: b.days[v.day]!,
    tasks: tasks.map((t) => t.id),
    inspectors: v.team.map((p) => p.id).sort(compareIds),
    departments,
    hours,
    items: [...new Set(tasks.flatMap((t) => t.items))],
  };
}

const round = (x: number): number => Math.round(x * 1e6) / 1e6;
