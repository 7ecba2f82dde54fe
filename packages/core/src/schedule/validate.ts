import { officialCalendar, type WorkCalendar } from '../calendar/index.js';
import { EPS } from './model.js';
import { type PlanInput, planInputSchema, planSchema } from './schema.js';

export interface PlanValidation {
  ok: boolean;
  /** One line per broken rule, naming the visit, task or inspector. */
  errors: string[];
}

/**
 * Checks a plan against every rule of the planner, independently of how it was made:
 * dates (in the period and in each task's own, working days, not blocked), hours per department, team make-up
 * (every inspector drawn for a task on its visit and, when all its tasks were drawn, nobody
 * else; for tasks without a drawn team a member of each department, enough people, the
 * qualifications), exclusions, inspector
 * availability and daily capacity, and that every task is booked once or explained.
 */
export function validatePlan(
  rawInput: PlanInput,
  rawPlan: unknown,
  options: { calendar?: WorkCalendar } = {},
): PlanValidation {
  const input = planInputSchema.parse(rawInput);
  const calendar = options.calendar ?? officialCalendar;
  const parsed = planSchema.safeParse(rawPlan);
  if (!parsed.success)
    return { ok: false, errors: parsed.error.issues.map((i) => `plan.${i.path.join('.')}: ${i.message}`) };
  const plan = parsed.data;
  const errors: string[] = [];
  const tasks = new Map(input.tasks.map((t) => [t.id, t]));
  const inspectors = new Map(input.inspectors.map((p) => [p.id, p]));
  const blocked = new Map(input.firms.map((f) => [f.id, new Set(f.blocked)]));
  const excluded = new Set(input.exclusions.map((e) => `${e.inspector}\u0000${e.firm}`));
  const placed = new Map<string, string>();
  const load = new Map<string, number>();

  for (const [i, v] of plan.visits.entries()) {
    const at = `visits[${i}] (firm ${v.firm}, ${v.date})`;
    if (v.date < input.period.start || v.date > input.period.end)
      errors.push(`${at}: date outside the period`);
    try {
      if (!calendar.isWorkday(v.date)) errors.push(`${at}: not a working day`);
    } catch (error) {
      errors.push(`${at}: ${(error as Error).message}`);
    }
    if (blocked.get(v.firm)?.has(v.date)) errors.push(`${at}: a blocked date of the firm`);

    const hours = new Map<string, number>();
    // The department and qualification rules bind the tasks without a drawn team only.
    const openDepartments = new Set<string>();
    const needed = new Set<string>();
    const drawn = new Map<string, string>();
    let open = false;
    for (const id of v.tasks) {
      const t = tasks.get(id);
      if (!t) {
        errors.push(`${at}: unknown task ${id}`);
        continue;
      }
      if (placed.has(id)) errors.push(`${at}: task ${id} is also in ${placed.get(id)}`);
      placed.set(id, `visits[${i}]`);
      if (t.firm !== v.firm) errors.push(`${at}: task ${id} is for firm ${t.firm}`);
      if (t.period && (v.date < t.period.start || v.date > t.period.end))
        errors.push(`${at}: task ${id} is due ${t.period.start} to ${t.period.end}`);
      hours.set(t.department, (hours.get(t.department) ?? 0) + t.hours);
      if (t.team) for (const p of t.team) drawn.set(p, id);
      else {
        open = true;
        openDepartments.add(t.department);
        for (const q of t.qualifications) needed.add(q);
      }
    }
    for (const [d, h] of hours) {
      if (h > input.maxHoursPerVisit + EPS)
        errors.push(`${at}: department ${d} has ${h} h, over ${input.maxHoursPerVisit} h`);
    }

    const team = new Set(v.inspectors);
    if (team.size !== v.inspectors.length) errors.push(`${at}: an inspector is listed twice`);
    for (const [p, task] of drawn)
      if (!team.has(p)) errors.push(`${at}: inspector ${p} drawn for task ${task} is not in the team`);
    if (!open)
      for (const p of team)
        if (!drawn.has(p)) errors.push(`${at}: inspector ${p} was not drawn for any of its tasks`);
    if (open && team.size < input.inspectorsPerVisit) {
      errors.push(`${at}: ${team.size} inspectors, fewer than ${input.inspectorsPerVisit}`);
    }
    const departments = new Set<string>();
    const held = new Set<string>();
    for (const id of team) {
      const p = inspectors.get(id);
      if (!p) {
        errors.push(`${at}: unknown inspector ${id}`);
        continue;
      }
      departments.add(p.department);
      for (const q of p.qualifications) held.add(q);
      if (excluded.has(`${id}\u0000${v.firm}`))
        errors.push(`${at}: inspector ${id} is excluded for firm ${v.firm}`);
      if (p.unavailable.includes(v.date)) errors.push(`${at}: inspector ${id} is unavailable that day`);
      const key = `${id}\u0000${v.date}`;
      const n = (load.get(key) ?? 0) + 1;
      load.set(key, n);
      if (n === p.capacityPerDay + 1)
        errors.push(`${at}: inspector ${id} has more than ${p.capacityPerDay} visits that day`);
    }
    for (const d of openDepartments)
      if (!departments.has(d)) errors.push(`${at}: no inspector of department ${d}`);
    for (const q of needed) if (!held.has(q)) errors.push(`${at}: nobody in the team holds ${q}`);
  }

  for (const [i, u] of plan.unscheduled.entries()) {
    if (!tasks.has(u.task)) errors.push(`unscheduled[${i}]: unknown task ${u.task}`);
    else if (placed.has(u.task))
      errors.push(`unscheduled[${i}]: task ${u.task} is also in ${placed.get(u.task)}`);
    placed.set(u.task, `unscheduled[${i}]`);
  }
  for (const id of tasks.keys())
    if (!placed.has(id)) errors.push(`task ${id} is neither booked nor listed as unscheduled`);
  return { ok: errors.length === 0, errors };
}
