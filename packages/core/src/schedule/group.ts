import { compareIds } from '../draw/stream.js';
import { EPS, overlap, type Task, type Window } from './model.js';

/**
 * One department's share of a visit: its tasks there, at most maxHoursPerVisit together, and
 * the days all of them may take (the overlap of their windows, never empty).
 */
export interface Part extends Window {
  firm: string;
  department: string;
  tasks: Task[];
  hours: number;
}

/** A firm's intended joint visit: at most one part per department, on a day all its parts share. */
export interface Group extends Window {
  firm: string;
  parts: Part[];
}

const meets = (a: Window, b: Window): boolean => {
  const w = overlap(a, b);
  return w.from <= w.to;
};

/**
 * Groups one firm's tasks into as few joint visits as its busiest department allows.
 * Departments work side by side, so the visits needed are the most bins any department
 * needs: each department's tasks are packed by first-fit decreasing (hours, then id) into
 * bins of maxHoursPerVisit, and bin k of each department goes to a visit, the heavier bins
 * to the visits with the fewest departments so far, so that teams stay balanced. Tasks share a
 * bin, and bins a visit, only when their windows share a day; a bin that shares none with any
 * visit left to it opens a visit of its own.
 */
export function groupFirmTasks(firm: string, tasks: readonly Task[], maxHours: number): Group[] {
  const byDepartment = new Map<string, Task[]>();
  for (const t of tasks) {
    const list = byDepartment.get(t.department) ?? [];
    list.push(t);
    byDepartment.set(t.department, list);
  }
  const binsByDepartment = [...byDepartment.entries()].map(([department, list]) => ({
    department,
    bins: packFirstFitDecreasing(firm, department, list, maxHours),
  }));
  binsByDepartment.sort((a, b) => b.bins.length - a.bins.length || compareIds(a.department, b.department));
  const count = binsByDepartment[0]?.bins.length ?? 0;
  const groups: Group[] = Array.from({ length: count }, () => ({
    firm,
    parts: [],
    from: Number.NEGATIVE_INFINITY,
    to: Number.POSITIVE_INFINITY,
  }));
  for (const { bins } of binsByDepartment) {
    const free = groups.map((_, i) => i);
    for (const bin of bins) {
      free.sort((a, b) => groups[a]!.parts.length - groups[b]!.parts.length || a - b);
      const at = free.findIndex((i) => meets(groups[i]!, bin));
      if (at < 0) {
        groups.push({ firm, parts: [bin], from: bin.from, to: bin.to });
        continue;
      }
      const target = groups[free.splice(at, 1)[0]!]!;
      target.parts.push(bin);
      Object.assign(target, overlap(target, bin));
    }
  }
  return groups.filter((g) => g.parts.length > 0);
}

export function packFirstFitDecreasing(
  firm: string,
  department: string,
  tasks: readonly Task[],
  maxHours: number,
): Part[] {
  const order = [...tasks].sort((a, b) => b.hours - a.hours || compareIds(a.id, b.id));
  const bins: Part[] = [];
  for (const t of order) {
    const bin = bins.find((b) => b.hours + t.hours <= maxHours + EPS && meets(b, t));
    if (bin) {
      bin.tasks.push(t);
      bin.hours += t.hours;
      Object.assign(bin, overlap(bin, t));
    } else {
      bins.push({ firm, department, tasks: [t], hours: t.hours, from: t.from, to: t.to });
    }
  }
  return bins;
}

/**
 * No plan has fewer visits: Σ over firms of the larger of ⌈(largest department's hours) ÷
 * maxHoursPerVisit⌉ and the fewest days that meet every one of its tasks' windows. A visit takes
 * one day, so tasks whose windows share no day (a task of the first week, another of the last)
 * are never in one visit, however few their hours.
 */
export function visitLowerBound(
  tasks: readonly Pick<Task, 'firm' | 'department' | 'hours' | 'from' | 'to'>[],
  maxHours: number,
): number {
  const byFirm = new Map<string, (typeof tasks)[number][]>();
  for (const t of tasks) {
    const own = byFirm.get(t.firm);
    if (own) own.push(t);
    else byFirm.set(t.firm, [t]);
  }
  let bound = 0;
  for (const own of byFirm.values()) {
    const hours = new Map<string, number>();
    for (const t of own) hours.set(t.department, (hours.get(t.department) ?? 0) + t.hours);
    const byHours = Math.ceil(Math.max(...hours.values()) / maxHours - EPS);
    bound += Math.max(byHours, daysMeetingAll(own));
  }
  return bound;
}

/**
 * The fewest days such that each window holds one of them: by earliest end, a day is taken at a
 * window's end whenever the days taken so far miss it.
 */
function daysMeetingAll(windows: readonly Window[]): number {
  const ends = [...windows].sort((a, b) => a.to - b.to);
  let days = 0;
  let last: number | undefined;
  for (const w of ends)
    if (last === undefined || w.from > last) {
      days++;
      last = w.to;
    }
  return days;
}
