import { officialCalendar } from '@qianxing/core/calendar';
import { type PlanInput, planInputSchema } from '@qianxing/core/schedule';

interface GreedyVisit {
  firm: string;
  date: string;
  tasks: string[];
  inspectors: string[];
}

/**
 * The plain greedy the planner is measured against: firm by firm (by id), the firm's tasks
 * (by id) go first-fit into visits within maxHoursPerVisit per department; each visit is
 * booked on the earliest working day with a team, taken as the first free inspector by id
 * of each department, then the first by id who holds a missing qualification, then the
 * first by id until inspectorsPerVisit. A visit with no such day is left unscheduled whole.
 */
export function planGreedy(raw: PlanInput): {
  visits: GreedyVisit[];
  unscheduled: { task: string; reason: string }[];
} {
  const input = planInputSchema.parse(raw);
  const days = officialCalendar.workdaysIn(input.period.start, input.period.end);
  const inspectors = [...input.inspectors].sort((a, b) => (a.id < b.id ? -1 : 1));
  const used = new Map<string, number>();
  const excluded = new Set(input.exclusions.map((e) => `${e.inspector}|${e.firm}`));
  const blocked = new Map(input.firms.map((f) => [f.id, new Set(f.blocked)]));
  const tasks = [...input.tasks].sort((a, b) => (a.id < b.id ? -1 : 1));
  const firms = [...new Set(tasks.map((t) => t.firm))].sort();
  const visits: GreedyVisit[] = [];
  const unscheduled: { task: string; reason: string }[] = [];

  for (const firm of firms) {
    const groups: { tasks: typeof tasks; hours: Map<string, number> }[] = [];
    for (const t of tasks.filter((x) => x.firm === firm)) {
      if (t.hours > input.maxHoursPerVisit) {
        unscheduled.push({ task: t.id, reason: 'too long' });
        continue;
      }
      let g = groups.find((x) => (x.hours.get(t.department) ?? 0) + t.hours <= input.maxHoursPerVisit + 1e-9);
      if (!g) {
        g = { tasks: [], hours: new Map() };
        groups.push(g);
      }
      g.tasks.push(t);
      g.hours.set(t.department, (g.hours.get(t.department) ?? 0) + t.hours);
    }
    for (const g of groups) {
      let booked = false;
      for (const date of days) {
        if (blocked.get(firm)?.has(date)) continue;
        const free = inspectors.filter(
          (p) =>
            !p.unavailable.includes(date) &&
            (used.get(`${p.id}|${date}`) ?? 0) < p.capacityPerDay &&
            !excluded.has(`${p.id}|${firm}`),
        );
        const team: typeof free = [];
        let ok = true;
        for (const d of g.hours.keys()) {
          const p = free.find((x) => x.department === d && !team.includes(x));
          if (!p) ok = false;
          else team.push(p);
        }
        for (const q of new Set(g.tasks.flatMap((t) => t.qualifications))) {
          if (!ok || team.some((p) => p.qualifications.includes(q))) continue;
          const p = free.find((x) => x.qualifications.includes(q) && !team.includes(x));
          if (!p) ok = false;
          else team.push(p);
        }
        while (ok && team.length < input.inspectorsPerVisit) {
          const p = free.find((x) => !team.includes(x));
          if (!p) ok = false;
          else team.push(p);
        }
        if (!ok) continue;
        for (const p of team) used.set(`${p.id}|${date}`, (used.get(`${p.id}|${date}`) ?? 0) + 1);
        visits.push({ firm, date, tasks: g.tasks.map((t) => t.id), inspectors: team.map((p) => p.id) });
        booked = true;
        break;
      }
      if (!booked)
        for (const t of g.tasks) unscheduled.push({ task: t.id, reason: 'no day with a free team' });
    }
  }
  return { visits, unscheduled };
}
